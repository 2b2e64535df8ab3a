/** Nhật ký rà soát: the latest transitions of the review (who moved it from which step to which, with reasons). */
import { Table } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import { formatDateTime } from '../format/format.ts';
import type { ReviewView } from './api.ts';

type EventRow = ReviewView['events'][number];

export function EventsTab({ view }: { view: ReviewView }) {
  const { t, tOr } = useI18n();
  return (
    <Table<EventRow>
      data-testid="review-events"
      size="small"
      bordered
      rowKey={(e, i) => `${e.at}-${i}`}
      pagination={false}
      dataSource={view.events}
      columns={[
        { title: t('events.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
        { title: t('events.action'), dataIndex: 'action', width: 280, render: (a: string) => tOr(`reviewAction.${a}`, tOr(`events.action.${a}`, a)) },
        { title: t('events.from'), dataIndex: 'from', width: 150, render: (s: string | null) => (s ? tOr(`reviewStep.${s}`, s) : t('common.empty')) },
        { title: t('events.to'), dataIndex: 'to', width: 150, render: (s: string) => tOr(`reviewStep.${s}`, s) },
        { title: t('events.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
      ]}
    />
  );
}
