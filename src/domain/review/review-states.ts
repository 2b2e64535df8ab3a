/**
 * The states of one commune's review within a campaign (modelled on DHIS2 data approval: a unit's data
 * moves up through levels, is locked once approved, and only a higher level can reopen it).
 */

export const REVIEW_STATES = [
  'listing',
  'surveying',
  'village_meetings',
  'public_posting',
  'complaints',
  'decided',
  'submitted',
  'accepted',
] as const;

export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS_VI: Readonly<Record<ReviewState, string>> = Object.freeze({
  listing: 'Lập danh sách hộ cần rà soát',
  surveying: 'Rà soát, phân loại hộ (phiếu A, phiếu B)',
  village_meetings: 'Họp dân thống nhất kết quả',
  public_posting: 'Niêm yết, thông báo công khai',
  complaints: 'Giải quyết khiếu nại, phúc tra',
  decided: 'Chủ tịch UBND xã đã ký quyết định công nhận',
  submitted: 'Đã báo cáo cấp tỉnh',
  accepted: 'Cấp tỉnh đã tiếp nhận',
});

export const REVIEW_STATE_LABELS_EN: Readonly<Record<ReviewState, string>> = Object.freeze({
  listing: 'Listing the households to review',
  surveying: 'Surveying and classifying (forms A and B)',
  village_meetings: 'Village meetings',
  public_posting: 'Public posting',
  complaints: 'Complaints and re-checks',
  decided: 'Decision signed by the commune chair',
  submitted: 'Submitted to the province',
  accepted: 'Accepted by the province',
});

/**
 * States in which household data may not be edited: from the signed decision on, the recognised lists
 * are the legal status (review-procedure.md §4 Step 5); only a reopening with a reason unlocks them.
 */
export const LOCKED_REVIEW_STATES: readonly ReviewState[] = Object.freeze(['decided', 'submitted', 'accepted']);

export function isReviewState(x: unknown): x is ReviewState {
  return typeof x === 'string' && (REVIEW_STATES as readonly string[]).includes(x);
}

/** Whether household records of a review in this state are locked against edits. */
export function isReviewLocked(state: ReviewState): boolean {
  return LOCKED_REVIEW_STATES.includes(state);
}

/** Position of a state in the workflow (0 = listing … 7 = accepted). */
export function reviewStateIndex(state: ReviewState): number {
  return REVIEW_STATES.indexOf(state);
}
