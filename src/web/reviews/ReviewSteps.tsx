/** The eight steps of a commune review (Lập danh sách → … → Tỉnh tiếp nhận), the current one highlighted. */
import { Steps } from 'antd';
import { REVIEW_STATES } from '../../domain/review/review-states.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { formatDate } from '../format/format.ts';
import type { ReviewState } from './api.ts';

export function ReviewSteps({ state, stateChangedAt }: { state: ReviewState; stateChangedAt?: string }) {
  const { t } = useI18n();
  const current = REVIEW_STATES.indexOf(state);
  const done = state === 'accepted';
  return (
    <Steps
      data-testid="review-steps"
      size="small"
      current={current}
      status={done ? 'finish' : 'process'}
      items={REVIEW_STATES.map((s, i) => ({
        title: t(`reviewStep.${s}`),
        content: i === current && stateChangedAt ? t('review.since', { date: formatDate(stateChangedAt) }) : undefined,
        status: i < current || done ? 'finish' : i === current ? 'process' : 'wait',
      }))}
    />
  );
}
