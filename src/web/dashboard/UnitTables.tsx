/**
 * The units one level down with their figures (drill down, or open the household list of a commune or
 * village), the communes above the rate thresholds, the poorest units, and households by ethnic group.
 */
import { Button, Flex, List, Table, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import { formatNumber } from '../format/format.ts';
import { navigate } from '../router/useHashRoute.ts';
import type { Dashboard, DashboardRow, EthnicFigure, RankedUnit } from './api.ts';
import { householdListPath } from './dashboardPath.ts';
import { formatPercent } from './percent.ts';

/** The household list of a commune ('03445') or village ('03445:V1'), poor households first. */
export function householdsOf(code: string): string {
  const [commune, village] = code.split(':');
  return householdListPath({ commune, ...(village && { village }), listStatus: 'poor' });
}

export function UnitTable({ dashboard, onDrill }: { dashboard: Dashboard; onDrill: (code: string) => void }) {
  const { t, locale } = useI18n();
  const pct = (v: number | null) => formatPercent(v, locale);
  const villages = dashboard.childTier === 'village';
  return (
    <Table<DashboardRow>
      size="small"
      rowKey="code"
      data-testid="dashboard-unit-table"
      dataSource={dashboard.rows}
      pagination={dashboard.rows.length > 50 ? { pageSize: 50 } : false}
      columns={[
        { title: t('dash.table.unit'), key: 'name', render: (_, r) => r.name ?? <Typography.Text type="secondary">{t('dash.table.noVillage')}</Typography.Text>, sorter: (a, b) => (a.name ?? '').localeCompare(b.name ?? '') },
        { title: t('dash.table.households'), key: 'households', align: 'right', render: (_, r) => formatNumber(r.figures.households), sorter: (a, b) => a.figures.households - b.figures.households },
        { title: t('dash.table.poor'), key: 'poor', align: 'right', render: (_, r) => formatNumber(r.figures.poor) },
        { title: t('dash.table.poorRate'), key: 'poorRate', align: 'right', render: (_, r) => pct(r.figures.poorRate), sorter: (a, b) => (a.figures.poorRate ?? -1) - (b.figures.poorRate ?? -1), defaultSortOrder: 'descend' },
        { title: t('dash.table.nearPoor'), key: 'nearPoor', align: 'right', render: (_, r) => formatNumber(r.figures.nearPoor) },
        { title: t('dash.table.nearPoorRate'), key: 'nearPoorRate', align: 'right', render: (_, r) => pct(r.figures.nearPoorRate), sorter: (a, b) => (a.figures.nearPoorRate ?? -1) - (b.figures.nearPoorRate ?? -1) },
        { title: t('dash.table.minorityPoorRate'), key: 'minority', align: 'right', render: (_, r) => pct(r.figures.minorityPoorRate) },
        {
          title: '',
          key: 'actions',
          render: (_, r) => (
            <Flex gap={4} justify="end">
              {!r.code.endsWith(':') && (
                <Button size="small" type="link" onClick={() => onDrill(r.code)} data-testid={`dashboard-open-${r.code}`}>
                  {t('dash.table.open')}
                </Button>
              )}
              {(villages || dashboard.childTier === 'commune') && !r.code.endsWith(':') && (
                <Button size="small" type="link" onClick={() => navigate(householdsOf(r.code))} data-testid={`dashboard-households-${r.code}`}>
                  {t('dash.table.households.link')}
                </Button>
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
}

function RankedList({ items, testId, onDrill }: { items: RankedUnit[]; testId: string; onDrill?: (code: string) => void }) {
  const { locale } = useI18n();
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={items}
      renderItem={(u) => (
        <List.Item
          style={{ padding: '4px 0' }}
          extra={<Tag color={u.poorRate > 0.4 ? 'red' : u.poorRate > 0.25 ? 'orange' : 'default'}>{formatPercent(u.poorRate, locale)}</Tag>}
        >
          {onDrill ? <Typography.Link onClick={() => onDrill(u.code)}>{u.name ?? u.code}</Typography.Link> : (u.name ?? u.code)}
        </List.Item>
      )}
    />
  );
}

export function Rankings({ dashboard, onDrill }: { dashboard: Dashboard; onDrill: (code: string) => void }) {
  const { t } = useI18n();
  const tier = dashboard.childTier && dashboard.childTier !== 'nation' ? t(`dash.tier.${dashboard.childTier}`) : '';
  return (
    <Flex vertical gap={12}>
      {dashboard.thresholds?.map((th) => (
        <div key={th.percent} data-testid={`dashboard-above-${th.percent}`}>
          <Typography.Text strong>
            {t('dash.thresholds.title', { percent: th.percent })}: {t('dash.thresholds.count', { count: th.communes.length })}
          </Typography.Text>
          {th.communes.length > 0 && (
            <RankedList items={th.communes.slice(0, 10)} testId={`dashboard-above-${th.percent}-list`} onDrill={dashboard.unit.tier === 'province' ? onDrill : undefined} />
          )}
        </div>
      ))}
      {dashboard.poorest.length > 0 && (
        <div>
          <Typography.Text strong>{t('dash.poorest.title', { count: dashboard.poorest.length, tier })}</Typography.Text>
          <RankedList items={dashboard.poorest} testId="dashboard-poorest" onDrill={onDrill} />
        </div>
      )}
    </Flex>
  );
}

export function EthnicTable({ dashboard }: { dashboard: Dashboard }) {
  const { t, locale } = useI18n();
  return (
    <Table<EthnicFigure>
      size="small"
      rowKey="group"
      data-testid="dashboard-ethnic"
      dataSource={dashboard.ethnicity}
      pagination={false}
      scroll={{ y: 320 }}
      columns={[
        { title: t('dash.ethnic.group'), key: 'group', render: (_, e) => e.group || t('dash.ethnic.notRecorded') },
        { title: t('dash.table.households'), key: 'households', align: 'right', render: (_, e) => formatNumber(e.households) },
        { title: t('dash.table.poor'), key: 'poor', align: 'right', render: (_, e) => formatNumber(e.poor) },
        { title: t('dash.table.poorRate'), key: 'poorRate', align: 'right', render: (_, e) => formatPercent(e.poorRate, locale) },
        { title: t('dash.table.nearPoorRate'), key: 'nearPoorRate', align: 'right', render: (_, e) => formatPercent(e.nearPoorRate, locale) },
      ]}
    />
  );
}
