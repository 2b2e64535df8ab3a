/** The headline figures of the unit and year: households, poor, near-poor, multidimensional rate, minority poor, escaped. */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import type { MessageKey } from '../i18n/catalogs.ts';
import { formatNumber } from '../format/format.ts';
import type { Dashboard } from './api.ts';
import { formatPercent } from './percent.ts';

export function KpiCards({ dashboard }: { dashboard: Dashboard }) {
  const { t, locale } = useI18n();
  const d = dashboard.totals;
  const previous = dashboard.trend.find((y) => y.year === (dashboard.year ?? 0) - 1);
  const change = previous?.poorRate != null && d.poorRate != null ? (d.poorRate - previous.poorRate) * 100 : null;
  const signed = change == null ? '' : `${change > 0 ? '+' : ''}${new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(change)}`;
  const cards: Array<{ key: string; title: MessageKey; value: string; note?: string }> = [
    { key: 'households', title: 'dash.kpi.households', value: formatNumber(d.households) },
    { key: 'poor', title: 'dash.kpi.poor', value: formatNumber(d.poor), note: `${t('dash.kpi.rate', { rate: formatPercent(d.poorRate, locale) })}${change == null ? '' : ` · ${t('dash.kpi.changeFromPrevious', { change: signed })}`}` },
    { key: 'nearPoor', title: 'dash.kpi.nearPoor', value: formatNumber(d.nearPoor), note: t('dash.kpi.rate', { rate: formatPercent(d.nearPoorRate, locale) }) },
    { key: 'multidimensional', title: 'dash.kpi.multidimensional', value: formatPercent(d.multidimensionalRate, locale) },
    { key: 'minorityPoor', title: 'dash.kpi.minorityPoor', value: formatNumber(d.minorityPoor), note: t('dash.kpi.ofPoor', { share: formatPercent(d.minorityShareOfPoor, locale) }) },
    { key: 'escaped', title: 'dash.kpi.escaped', value: dashboard.movements ? formatNumber(dashboard.movements.escaped) : '—' },
  ];
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card size="small" data-testid={`dashboard-kpi-${c.key}`}>
            <Statistic title={t(c.title)} value={c.value} />
            {c.note && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.note}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
