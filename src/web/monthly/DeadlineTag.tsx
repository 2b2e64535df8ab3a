/** The 15-day deadline of a monthly application: on time, due soon, overdue, or answered on time / late. */
import { Tag } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import { formatDate } from '../format/format.ts';
import type { ApplicationView } from './api.ts';

const COLORS: Record<string, string> = { on_time: 'green', due_soon: 'orange', overdue: 'red', closed_on_time: 'default', closed_late: 'volcano' };

export function DeadlineTag({ application }: { application: ApplicationView }) {
  const { t, tOr } = useI18n();
  const d = application.deadlineStatus;
  const left = d.daysLeft === undefined ? '' : d.daysLeft >= 0 ? t('monthly.daysLeft', { days: d.daysLeft }) : t('monthly.daysLate', { days: -d.daysLeft });
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-deadline={d.status}>
      <Tag color={COLORS[d.status] ?? 'default'}>{tOr(`monthly.deadline.${d.status}`, d.labelVi)}</Tag>
      <span style={{ color: d.status === 'overdue' ? '#cf1322' : undefined }}>
        {formatDate(application.deadline)}
        {left && ` (${left})`}
      </span>
    </span>
  );
}
