/** Progress counts of the review: listed, surveyed, agreed and rejected at the meetings, poor and near-poor, unresolved complaints. */
import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import { formatNumber } from '../format/format.ts';
import type { ReviewView } from './api.ts';

export function ReviewProgress({ view }: { view: ReviewView }) {
  const { t } = useI18n();
  const p = view.progress.totals;
  const items: Array<{ key: string; label: string; value: number; suffix?: string; color?: string }> = [
    { key: 'listed', label: t('progress.listed'), value: p.listed },
    { key: 'surveyed', label: t('progress.surveyed'), value: p.surveyed, suffix: p.listed ? `/ ${formatNumber(p.listed)}` : undefined },
    { key: 'agreed', label: t('progress.agreed'), value: p.agreed },
    { key: 'rejected', label: t('progress.rejected'), value: p.rejected, color: p.rejected ? '#cf1322' : undefined },
    { key: 'poor', label: t('progress.poor'), value: p.poor, color: '#cf1322' },
    { key: 'nearPoor', label: t('progress.nearPoor'), value: p.nearPoor, color: '#d46b08' },
    { key: 'complaints', label: t('progress.complaints'), value: view.complaints.unresolved, suffix: `/ ${formatNumber(view.complaints.total)}`, color: view.complaints.unresolved ? '#d46b08' : undefined },
  ];
  return (
    <Card size="small" data-testid="review-progress">
      <Row gutter={12}>
        {items.map((i) => (
          <Col key={i.key} flex="1 1 0" data-testid={`progress-${i.key}`}>
            <Statistic
              title={i.label}
              value={i.value}
              formatter={(v) => formatNumber(Number(v))}
              suffix={i.suffix ? <span style={{ fontSize: 13, color: '#8c8c8c' }}>{i.suffix}</span> : undefined}
              styles={{ content: { fontSize: 20, color: i.color } }}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
