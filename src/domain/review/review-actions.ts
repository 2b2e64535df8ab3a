/** The actions that move a commune's review between states. */

export const REVIEW_ACTIONS = [
  'complete_listing',
  'reopen_listing',
  'complete_surveying',
  'return_rejected_to_surveying',
  'complete_village_meetings',
  'complete_posting',
  'sign_decision',
  'submit_to_province',
  'withdraw_submission',
  'accept',
  'reopen',
] as const;

export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const REVIEW_ACTION_LABELS_VI: Readonly<Record<ReviewAction, string>> = Object.freeze({
  complete_listing: 'Hoàn thành lập danh sách',
  reopen_listing: 'Quay lại bổ sung danh sách',
  complete_surveying: 'Hoàn thành rà soát, phân loại',
  return_rejected_to_surveying: 'Trả các hộ không được họp dân thống nhất về bước rà soát',
  complete_village_meetings: 'Hoàn thành họp dân',
  complete_posting: 'Kết thúc niêm yết công khai',
  sign_decision: 'Ký quyết định công nhận',
  submit_to_province: 'Báo cáo cấp tỉnh',
  withdraw_submission: 'Rút báo cáo để sửa',
  accept: 'Tiếp nhận kết quả',
  reopen: 'Mở lại rà soát',
});

export const REVIEW_ACTION_LABELS_EN: Readonly<Record<ReviewAction, string>> = Object.freeze({
  complete_listing: 'Complete the listing',
  reopen_listing: 'Return to the listing',
  complete_surveying: 'Complete surveying and classification',
  return_rejected_to_surveying: 'Send the households the meeting rejected back to surveying',
  complete_village_meetings: 'Complete the village meetings',
  complete_posting: 'Close the public posting',
  sign_decision: 'Sign the recognition decision',
  submit_to_province: 'Submit to the province',
  withdraw_submission: 'Withdraw the submission',
  accept: 'Accept the results',
  reopen: 'Reopen the review',
});

export function isReviewAction(x: unknown): x is ReviewAction {
  return typeof x === 'string' && (REVIEW_ACTIONS as readonly string[]).includes(x);
}
