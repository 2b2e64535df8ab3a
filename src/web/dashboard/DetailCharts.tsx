/** Movements between the lists over the years, and the deprivation profile of poor and near-poor households. */
import { useMemo } from 'react';
import { Empty, Typography } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import type { MessageKey } from '../i18n/catalogs.ts';
import { formatNumber } from '../format/format.ts';
import type { Dashboard, MovementFigures } from './api.ts';
import { EChart } from './EChart.tsx';
import type { EChartsOption } from './echarts.ts';
import { percentValue } from './percent.ts';

const MOVEMENT_SERIES: Array<{ key: keyof MovementFigures & string; label: MessageKey; color: string }> = [
  { key: 'escaped', label: 'dash.movements.escaped', color: '#389e0d' },
  { key: 'newPoor', label: 'dash.movements.newPoor', color: '#cf1322' },
  { key: 'relapsed', label: 'dash.movements.relapsed', color: '#820014' },
  { key: 'nearPoorEscaped', label: 'dash.movements.nearPoorEscaped', color: '#95de64' },
  { key: 'newNearPoor', label: 'dash.movements.newNearPoor', color: '#fa8c16' },
  { key: 'nearPoorRelapsed', label: 'dash.movements.nearPoorRelapsed', color: '#ad4e00' },
];

export function MovementChart({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useI18n();
  const option = useMemo(
    (): EChartsOption => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 56, right: 16, top: 16, bottom: 72 },
      xAxis: { type: 'category', data: dashboard.movementTrend.map((m) => `${m.year - 1}→${m.year}`) },
      yAxis: { type: 'value' },
      series: MOVEMENT_SERIES.map((s) => ({ type: 'bar', name: t(s.label), color: s.color, data: dashboard.movementTrend.map((m) => m[s.key] as number) })),
    }),
    [dashboard, t],
  );
  if (dashboard.movementTrend.length === 0) return <Empty description={t('dash.movements.none')} />;
  const m = dashboard.movements;
  return (
    <>
      <EChart option={option} height={300} data-testid="dashboard-movements" />
      {m && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dash.movements.poorList')}: {t('dash.movements.start')} {formatNumber(m.poorStart)} → {t('dash.movements.end')} {formatNumber(m.poorEnd)} · {t('dash.movements.nearPoorList')}:{' '}
          {t('dash.movements.start')} {formatNumber(m.nearPoorStart)} → {t('dash.movements.end')} {formatNumber(m.nearPoorEnd)}
        </Typography.Text>
      )}
    </>
  );
}

export function DeprivationChart({ dashboard }: { dashboard: Dashboard }) {
  const { t, tOr, locale } = useI18n();
  const items = dashboard.deprivations;
  const option = useMemo((): EChartsOption => {
    const label = (d: (typeof items)[number]) => (locale === 'vi' ? d.label : tOr(`dash.indicator.${d.indicator}`, d.label));
    const reversed = items.toReversed();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v == null ? '—' : `${v} %`) },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', data: reversed.map(label), axisLabel: { fontSize: 11, width: 180, overflow: 'truncate' } },
      series: [
        { type: 'bar', name: t('dash.kpi.poor'), color: '#cf1322', data: reversed.map((d) => percentValue(d.poorShare)) },
        { type: 'bar', name: t('dash.kpi.nearPoor'), color: '#fa8c16', data: reversed.map((d) => percentValue(d.nearPoorShare)) },
      ],
    };
  }, [items, t, tOr, locale]);
  if (items.length === 0) return <Empty description={t('dash.deprivations.none')} />;
  return (
    <>
      <EChart option={option} height={Math.max(240, items.length * 34 + 60)} data-testid="dashboard-deprivations" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dash.deprivations.note', { poor: formatNumber(dashboard.totals.poorClassified), nearPoor: formatNumber(dashboard.totals.nearPoorClassified) })}
      </Typography.Text>
    </>
  );
}
