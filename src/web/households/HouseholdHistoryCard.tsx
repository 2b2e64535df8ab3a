/**
 * Lịch sử phân loại: for every review the household took part in, the class under each standard with
 * the rule's explanation and the survey that produced it; and every list decision. Never overwritten.
 */
import { Card, Table, Typography } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import { formatDate } from '../format/format.ts';
import { ReviewStateTag } from '../reviews/ReviewStateTag.tsx';
import type { ReviewState } from '../reviews/api.ts';
import type { HouseholdHistory } from './api.ts';
import { ClassTag, ListStatusTag } from './ClassTag.tsx';
import { campaignLabel } from '../campaigns/campaignLabel.ts';

type ReviewRow = HouseholdHistory['reviews'][number];
type ListRow = HouseholdHistory['listStatuses'][number];

export function HouseholdHistoryCard({ history, loading }: { history: HouseholdHistory | undefined; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('history.title')} data-testid="household-history">
      <Table<ReviewRow>
        size="small"
        bordered
        rowKey="reviewId"
        loading={loading}
        pagination={false}
        dataSource={history?.reviews ?? []}
        locale={{ emptyText: t('history.none') }}
        expandable={{
          rowExpandable: (r) => r.classifications.length > 0,
          expandedRowRender: (r) =>
            r.classifications.map((c) => (
              <div key={c.standardId} style={{ marginBottom: 6 }}>
                <Typography.Text strong>{c.standardName ?? c.standardId}: </Typography.Text>
                {c.explanation}
              </div>
            )),
        }}
        columns={[
          { title: t('history.col.campaign'), key: 'campaign', render: (_, r) => <span title={r.campaignTitle}>{campaignLabel(r, t)}</span> },
          { title: t('history.col.state'), dataIndex: 'reviewState', width: 150, render: (s: string) => <ReviewStateTag state={s as ReviewState} short /> },
          {
            title: t('history.col.surveyed'),
            key: 'surveyed',
            width: 104,
            render: (_, r) => formatDate(r.surveys.find((s) => s.supersededBy === null)?.surveyedOn),
          },
          {
            title: t('history.col.class'),
            key: 'class',
            width: 150,
            render: (_, r) => <ClassTag value={r.classifications.find((c) => c.standardId === r.standardId)?.class ?? null} />,
          },
          { title: t('history.col.final'), key: 'final', width: 130, render: (_, r) => (r.listing?.finalClass ? <ClassTag value={r.listing.finalClass} /> : t('common.empty')) },
        ]}
      />
      {(history?.listStatuses.length ?? 0) > 0 && (
        <Table<ListRow>
          style={{ marginTop: 12 }}
          size="small"
          bordered
          rowKey={(r) => `${r.effectiveFrom}-${r.status}`}
          pagination={false}
          title={() => <Typography.Text strong>{t('history.decisions')}</Typography.Text>}
          dataSource={history?.listStatuses ?? []}
          columns={[
            { title: t('history.col.listYear'), dataIndex: 'listYear', width: 90 },
            { title: t('history.col.status'), dataIndex: 'status', width: 150, render: (s: ListRow['status']) => <ListStatusTag value={s} /> },
            { title: t('history.col.decision'), key: 'decision', render: (_, r) => `${r.decisionNumber} — ${formatDate(r.decisionDate)}` },
            { title: t('history.col.effectiveFrom'), dataIndex: 'effectiveFrom', width: 130, render: (d: string) => formatDate(d) },
          ]}
        />
      )}
    </Card>
  );
}
