/** Title and "attached to decision …" line of a list, shared by the PDF and Excel versions. */
import type { DecisionReview } from '../../db/outputs/decision-review.ts';
import type { DecisionListKind } from '../../db/outputs/decision-lists.ts';
import { formatIsoDateVi } from '../../domain/calendar/iso-date.ts';
import { DECISION_LIST_TITLES } from './labels.ts';
import { peoplesCommitteeName, type NamedUnit } from './unit-names.ts';

export function decisionListTitle(kind: DecisionListKind, listYear: number): string {
  return `${DECISION_LIST_TITLES[kind]} NĂM ${listYear}`;
}

export function decisionListSubtitle(review: DecisionReview, commune: NamedUnit): string {
  const date = review.decisionDate ? formatIsoDateVi(review.decisionDate) : '…';
  return `(Kèm theo Quyết định số ${review.decisionNumber ?? '…'} ngày ${date} của Chủ tịch ${peoplesCommitteeName(commune)})`;
}

/** The review the list comes from, for the line under the subtitle. */
export function decisionListSource(review: DecisionReview): string {
  return review.campaignKind === 'periodic' ? `Kết quả rà soát định kỳ năm ${review.campaignYear}` : `Kết quả rà soát thường xuyên năm ${review.campaignYear}`;
}
