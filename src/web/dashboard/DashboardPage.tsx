/**
 * Tổng quan: the poverty dashboard of a unit and list year (`#/dashboard/<unit>/<year>`, docs/dashboards.md)
 * — headline figures, rate trends, rates of the units one level down (bars, map, table), movements,
 * deprivations, ethnic groups, communes above the thresholds; drill down province → commune → village →
 * household list. Starts at the caller's own unit and the latest list year up to now.
 */
import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Empty, Flex, Row, Select, Spin, Typography } from 'antd';
import { ArrowUpOutlined, GlobalOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { navigate, useHashRoute } from '../router/useHashRoute.ts';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { dashboardApi } from './api.ts';
import { BoundaryImportModal } from './BoundaryImportModal.tsx';
import { ChoroplethMap } from './ChoroplethMap.tsx';
import { dashboardPath, parseDashboardPath } from './dashboardPath.ts';
import { DeprivationChart, MovementChart } from './DetailCharts.tsx';
import { KpiCards } from './KpiCards.tsx';
import { TrendChart, UnitBars } from './RateCharts.tsx';
import { EthnicTable, householdsOf, Rankings, UnitTable } from './UnitTables.tsx';

const title = (s: string) => <Typography.Text strong>{s}</Typography.Text>;

export function DashboardPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user, can } = useSignedIn();
  const place = parseDashboardPath(useHashRoute());
  const [mapNonce, setMapNonce] = useState(0);
  const [importOpen, setImportOpen] = useState(false);
  const query = useApiQuery(JSON.stringify(place), (signal) => dashboardApi.get(place.unit ?? undefined, place.year ?? undefined, signal));
  const d = query.data;
  const go = (unit: string, year = d?.year ?? null) => navigate(dashboardPath(unit, year));
  const parent = d && d.unit.path.length > 1 ? d.unit.path[d.unit.path.length - 2] : null;

  return (
    <Flex vertical gap={12} data-testid="dashboard-page">
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dash.title')}
        </Typography.Title>
        {d && (
          <Breadcrumb
            data-testid="dashboard-breadcrumb"
            items={d.unit.path.map((p, i) => ({
              key: p.code,
              title:
                i < d.unit.path.length - 1 ? (
                  <Typography.Link onClick={() => go(p.code)}>{p.tier === 'nation' ? t('dash.nation') : p.name}</Typography.Link>
                ) : (
                  <span data-testid="dashboard-unit-name">{p.tier === 'nation' ? t('dash.nation') : p.name}</span>
                ),
            }))}
          />
        )}
        <div style={{ flex: 1 }} />
        {parent && (
          <Button icon={<ArrowUpOutlined />} onClick={() => go(parent.code)} data-testid="dashboard-up">
            {t('dash.up')}
          </Button>
        )}
        {user.unitCode?.length !== 5 && (
          <UnitPicker
            layout="2025"
            selectableTiers={['province', 'commune']}
            rootCode={user.provinceCode}
            placeholder={t('dash.unitPicker')}
            style={{ width: 260 }}
            value={null}
            onChange={(code) => code && go(code)}
            data-testid="dashboard-unit-picker"
          />
        )}
        <Select
          data-testid="dashboard-year"
          style={{ width: 170 }}
          value={d?.year ?? undefined}
          placeholder={t('dash.year')}
          options={(d?.years ?? []).toReversed().map((y) => ({ value: y, label: t('dash.yearOption', { year: y }) }))}
          onChange={(y: number) => d && go(d.unit.code, y)}
        />
        {d?.unit.tier === 'village' && (
          <Button icon={<UnorderedListOutlined />} onClick={() => navigate(householdsOf(d.unit.code))} data-testid="dashboard-village-households">
            {t('dash.householdList', { unit: d.unit.name })}
          </Button>
        )}
        {can('boundary.import') && (
          <Button icon={<GlobalOutlined />} onClick={() => setImportOpen(true)} data-testid="dashboard-import-boundaries">
            {t('dash.boundaries.import')}
          </Button>
        )}
      </Flex>
      {query.error != null && <Alert type="error" showIcon title={errorMessage(query.error, i18n)} />}
      {!d && query.loading && <Spin />}
      {d && d.year === null && <Empty description={t('dash.noData')} />}
      {d && d.year !== null && (
        <Spin spinning={query.loading}>
          <Flex vertical gap={12}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dash.layout')}
            </Typography.Text>
            <KpiCards dashboard={d} />
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={12}>
                <Card size="small" title={title(t('dash.map.title', { year: d.year }))} extra={<Typography.Text type="secondary">{t('dash.map.hint')}</Typography.Text>}>
                  <ChoroplethMap key={mapNonce} dashboard={d} onDrill={(code) => go(code)} />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Flex vertical gap={12}>
                  <Card size="small" title={title(t('dash.trend.title'))}>
                    <TrendChart dashboard={d} />
                  </Card>
                  {d.thresholds || d.poorest.length > 0 ? (
                    <Card size="small">
                      <Rankings dashboard={d} onDrill={(code) => go(code)} />
                    </Card>
                  ) : null}
                </Flex>
              </Col>
            </Row>
            {d.childTier && d.childTier !== 'nation' && d.rows.length > 0 && (
              <Card size="small" title={title(t('dash.byUnit.title', { tier: t(`dash.tier.${d.childTier}`) }))}>
                <UnitBars dashboard={d} onDrill={(code) => go(code)} noVillage={t('dash.table.noVillage')} />
                <UnitTable dashboard={d} onDrill={(code) => go(code)} />
              </Card>
            )}
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={12}>
                <Card size="small" title={title(t('dash.movements.title', { previous: d.year - 1, year: d.year }))}>
                  <MovementChart dashboard={d} />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={title(t('dash.deprivations.title'))}>
                  <DeprivationChart dashboard={d} />
                </Card>
              </Col>
            </Row>
            <Card size="small" title={title(t('dash.ethnic.title'))}>
              <EthnicTable dashboard={d} />
            </Card>
          </Flex>
        </Spin>
      )}
      <BoundaryImportModal open={importOpen} onClose={() => setImportOpen(false)} onImported={() => setMapNonce((n) => n + 1)} />
    </Flex>
  );
}
