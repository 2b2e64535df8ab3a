/**
 * The choropleth map: boundaries of the units one level down (GeoJSON of GET /api/boundaries, registered
 * with echarts.registerMap), coloured by the poor rate of the selected year; a click drills down. Without
 * boundaries it says so and asks an administrator to import a file.
 */
import { useMemo } from 'react';
import { Alert, Spin } from 'antd';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { boundariesApi, type Dashboard } from './api.ts';
import { EChart } from './EChart.tsx';
import { echarts, type EChartsOption } from './echarts.ts';
import { formatPercent, percentValue } from './percent.ts';

/** Which layer shows the dashboard's unit: provinces for the nation, the province's communes otherwise. */
function layerOf(d: Dashboard): { level: 'province' | 'commune'; province?: string } {
  if (d.unit.tier === 'nation') return { level: 'province' };
  return { level: 'commune', province: d.unit.provinceCode ?? undefined };
}

export function ChoroplethMap({ dashboard, onDrill }: { dashboard: Dashboard; onDrill: (code: string) => void }) {
  const { t, locale } = useI18n();
  const layer = layerOf(dashboard);
  const key = `gn-${layer.level}-${layer.province ?? 'all'}`;
  const geo = useApiQuery(key, (signal) => boundariesApi.layer(layer.level, layer.province, signal));
  const features = geo.data?.features ?? [];

  const data = useMemo(() => {
    const tier = dashboard.unit.tier;
    if (tier === 'nation' || tier === 'province') return dashboard.rows.map((r) => ({ name: r.code, unitName: r.name ?? r.code, rate: r.figures.poorRate }));
    return [{ name: dashboard.unit.communeCode ?? '', unitName: dashboard.unit.path.find((p) => p.tier === 'commune')?.name ?? '', rate: dashboard.totals.poorRate }];
  }, [dashboard]);

  const option = useMemo((): EChartsOption | null => {
    if (!geo.data || features.length === 0) return null;
    echarts.registerMap(key, geo.data as never);
    const names = new Map(features.map((f) => [f.properties.code, f.properties.name]));
    const max = Math.max(10, Math.ceil(Math.max(0, ...data.map((d) => percentValue(d.rate) ?? 0)) / 10) * 10);
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data?: { unitName: string; rate: number | null } }) =>
          `${p.data?.unitName ?? names.get(p.name) ?? p.name}<br/>${t('dash.table.poorRate')}: ${p.data?.rate == null ? t('dash.map.noValue') : formatPercent(p.data.rate, locale)}`,
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        calculable: true,
        text: [`${max} %`, '0 %'],
        left: 8,
        bottom: 8,
        inRange: { color: ['#fff7ec', '#fdbb84', '#ef6548', '#990000'] },
      },
      series: [
        {
          type: 'map',
          map: key,
          nameProperty: 'code',
          roam: true,
          selectedMode: false,
          itemStyle: { borderColor: '#666', borderWidth: 0.5, areaColor: '#eeeeee' },
          emphasis: { label: { show: true, formatter: (p: { name: string }) => names.get(p.name) ?? p.name } },
          data: data.map((d) => ({ name: d.name, value: percentValue(d.rate), unitName: d.unitName, rate: d.rate })),
        },
      ],
    };
  }, [geo.data, features, data, key, t, locale]);

  if (geo.loading && !geo.data) return <Spin />;
  if (!option) return <Alert type="info" showIcon title={t('dash.map.noBoundaries')} data-testid="dashboard-map-empty" />;
  const canDrill = dashboard.unit.tier === 'nation' || dashboard.unit.tier === 'province';
  return (
    <div data-testid="dashboard-map" data-regions={features.length} data-coloured={data.filter((d) => d.rate != null).length}>
      <EChart option={option} height={460} onClick={canDrill ? onDrill : undefined} />
    </div>
  );
}
