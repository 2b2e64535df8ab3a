/** Line chart of the unit's rates over the list years, and bars of the rates of the units one level down. */
import { useMemo } from 'react';
import { useI18n } from '../i18n/useI18n.ts';
import type { Dashboard } from './api.ts';
import { EChart } from './EChart.tsx';
import type { EChartsOption } from './echarts.ts';
import { percentValue } from './percent.ts';

const percentAxis = { type: 'value', axisLabel: { formatter: '{value} %' } } as const;
const COLORS = { poor: '#cf1322', nearPoor: '#fa8c16', multidimensional: '#722ed1', minority: '#1677ff' };

export function TrendChart({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useI18n();
  const option = useMemo((): EChartsOption => {
    const line = (name: string, color: string, pick: (y: Dashboard['trend'][number]) => number | null) => ({
      type: 'line',
      name,
      color,
      connectNulls: true,
      data: dashboard.trend.map((y) => percentValue(pick(y))),
    });
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v == null ? '—' : `${v} %`) },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: dashboard.trend.map((y) => String(y.year)) },
      yAxis: percentAxis,
      series: [
        line(t('dash.series.poorRate'), COLORS.poor, (y) => y.poorRate),
        line(t('dash.series.nearPoorRate'), COLORS.nearPoor, (y) => y.nearPoorRate),
        line(t('dash.series.multidimensionalRate'), COLORS.multidimensional, (y) => y.multidimensionalRate),
        line(t('dash.series.minorityPoorRate'), COLORS.minority, (y) => y.minorityPoorRate),
      ],
    };
  }, [dashboard, t]);
  return <EChart option={option} height={300} data-testid="dashboard-trend" />;
}

export function UnitBars({ dashboard, onDrill, noVillage }: { dashboard: Dashboard; onDrill: (code: string) => void; noVillage: string }) {
  const { t } = useI18n();
  const rows = useMemo(() => dashboard.rows.filter((r) => r.figures.households > 0).toSorted((a, b) => (b.figures.poorRate ?? 0) - (a.figures.poorRate ?? 0)), [dashboard]);
  const option = useMemo((): EChartsOption => {
    const label = (r: (typeof rows)[number]) => r.name ?? noVillage;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | null) => (v == null ? '—' : `${v} %`) },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 96 },
      xAxis: { type: 'category', data: rows.map(label), axisLabel: { rotate: 45, interval: 0, fontSize: 11 } },
      yAxis: percentAxis,
      series: [
        { type: 'bar', name: t('dash.series.poorRate'), color: COLORS.poor, data: rows.map((r) => ({ value: percentValue(r.figures.poorRate), code: r.code })) },
        { type: 'bar', name: t('dash.series.nearPoorRate'), color: COLORS.nearPoor, data: rows.map((r) => ({ value: percentValue(r.figures.nearPoorRate), code: r.code })) },
      ],
    };
  }, [rows, t, noVillage]);
  const byName = new Map(rows.map((r) => [r.name ?? noVillage, r.code]));
  const drillable = dashboard.childTier !== null;
  return <EChart option={option} height={340} onClick={drillable ? (name) => byName.has(name) && onDrill(byName.get(name)!) : undefined} data-testid="dashboard-unit-bars" />;
}
