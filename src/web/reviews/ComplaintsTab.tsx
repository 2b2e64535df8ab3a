/**
 * Khiếu nại, phúc tra: complaints received during posting and the complaints step, each with its
 * re-check (written conclusion, outcome, date). The decision can be signed only when all are resolved.
 */
import { useState } from 'react';
import { Alert, Button, Flex, Table, Tag, Typography } from 'antd';
import { AuditOutlined, PlusOutlined } from '@ant-design/icons';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate } from '../format/format.ts';
import { reviewsApi, type ComplaintView, type ReviewView } from './api.ts';
import { ComplaintModal } from './ComplaintModal.tsx';
import { ResolveComplaintModal } from './ResolveComplaintModal.tsx';

const OUTCOME_COLOR = { upheld: 'orange', dismissed: 'blue', withdrawn: 'default' } as const;

export function ComplaintsTab({ view, onChanged, nonce }: { view: ReviewView; onChanged: () => void; nonce: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useSignedIn();
  const id = view.review.id;
  const q = useApiQuery(`complaints|${id}|${nonce}`, (signal) => reviewsApi.complaints(id, signal));
  const [adding, setAdding] = useState(false);
  const [resolving, setResolving] = useState<ComplaintView | null>(null);
  const editable = (view.review.state === 'public_posting' || view.review.state === 'complaints') && can('review.record');
  const refresh = () => {
    q.reload();
    onChanged();
  };

  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('complaint.summary', { total: view.complaints.total, unresolved: view.complaints.unresolved })}</Typography.Text>
        {editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="complaint-create">
            {t('complaint.create')}
          </Button>
        )}
      </Flex>
      {q.error != null && <Alert type="error" showIcon title={errorMessage(q.error, i18n)} />}
      <Table<ComplaintView>
        data-testid="complaints-table"
        size="small"
        bordered
        rowKey="id"
        loading={q.loading}
        pagination={false}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('complaint.none') }}
        columns={[
          { title: t('complaint.receivedOn'), dataIndex: 'receivedOn', width: 110, render: (d: string) => formatDate(d) },
          { title: t('complaint.complainant'), dataIndex: 'complainant', width: 180 },
          { title: t('complaint.content'), dataIndex: 'content' },
          {
            title: t('complaint.outcome'),
            key: 'outcome',
            width: 160,
            render: (_, c) =>
              c.outcome ? (
                <Tag color={OUTCOME_COLOR[c.outcome]}>{t(`complaint.outcome.${c.outcome}`)}</Tag>
              ) : (
                <Tag color="warning">{t('complaint.pending')}</Tag>
              ),
          },
          { title: t('complaint.recheckNote'), dataIndex: 'recheckNote', render: (n: string | null) => n ?? '' },
          { title: t('complaint.resolvedOn'), dataIndex: 'resolvedOn', width: 110, render: (d: string | null) => formatDate(d) },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'act',
                  width: 110,
                  render: (_: unknown, c: ComplaintView) => (
                    <Button size="small" icon={<AuditOutlined />} onClick={() => setResolving(c)} data-testid={`complaint-resolve-${c.id}`}>
                      {t('complaint.resolve')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <ComplaintModal
          reviewId={id}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            refresh();
          }}
        />
      )}
      {resolving && (
        <ResolveComplaintModal
          reviewId={id}
          complaint={resolving}
          onClose={() => setResolving(null)}
          onSaved={() => {
            setResolving(null);
            refresh();
          }}
        />
      )}
    </Flex>
  );
}
