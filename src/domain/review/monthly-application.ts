/**
 * Monthly (regular) review applications, review-procedure.md §5 [C]: a household files form 01 (request
 * to be reviewed as poor / near-poor) or form 04 (registration to escape poverty / near-poverty); the
 * commune applies steps 2–4 (review, village meeting, posting) and the commune chair answers with a
 * recognition decision or a written refusal stating the reasons. This file holds the vocabulary and
 * the transition table; the machine is in monthly-application-machine.ts.
 */
import type { Role } from '../access/roles.ts';
import type { IsoDate } from '../calendar/iso-date.ts';

export type MonthlyApplicationForm = 'form_01' | 'form_04';

export const MONTHLY_APPLICATION_FORM_LABELS_VI: Readonly<Record<MonthlyApplicationForm, string>> = Object.freeze({
  form_01: 'Mẫu số 01 — Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo',
  form_04: 'Mẫu số 04 — Giấy đề nghị công nhận hộ thoát nghèo, hộ thoát cận nghèo (đăng ký thoát nghèo)',
});

/** What a decision recognises. Form 01 leads to poor / near-poor, form 04 to an escape. */
export type MonthlyRecognition = 'poor' | 'near_poor' | 'escaped_poverty' | 'escaped_near_poverty';

export const MONTHLY_RECOGNITION_LABELS_VI: Readonly<Record<MonthlyRecognition, string>> = Object.freeze({
  poor: 'Công nhận hộ nghèo',
  near_poor: 'Công nhận hộ cận nghèo',
  escaped_poverty: 'Công nhận hộ thoát nghèo',
  escaped_near_poverty: 'Công nhận hộ thoát cận nghèo',
});

export const MONTHLY_RECOGNITION_LABELS_EN: Readonly<Record<MonthlyRecognition, string>> = Object.freeze({
  poor: 'Recognised as poor',
  near_poor: 'Recognised as near-poor',
  escaped_poverty: 'Recognised as escaped from poverty',
  escaped_near_poverty: 'Recognised as escaped from near-poverty',
});

export const RECOGNITIONS_BY_FORM: Readonly<Record<MonthlyApplicationForm, readonly MonthlyRecognition[]>> = Object.freeze({
  form_01: Object.freeze(['poor', 'near_poor'] as MonthlyRecognition[]),
  form_04: Object.freeze(['escaped_poverty', 'escaped_near_poverty'] as MonthlyRecognition[]),
});

export const MONTHLY_APPLICATION_STATES = ['received', 'reviewing', 'village_meeting', 'public_posting', 'decided', 'refused'] as const;
export type MonthlyApplicationState = (typeof MONTHLY_APPLICATION_STATES)[number];

export const MONTHLY_APPLICATION_STATE_LABELS_VI: Readonly<Record<MonthlyApplicationState, string>> = Object.freeze({
  received: 'Đã tiếp nhận hồ sơ',
  reviewing: 'Đang rà soát, phân loại',
  village_meeting: 'Họp dân thống nhất kết quả',
  public_posting: 'Niêm yết công khai',
  decided: 'Đã có quyết định công nhận',
  refused: 'Đã trả lời bằng văn bản, nêu rõ lý do',
});

export const MONTHLY_APPLICATION_STATE_LABELS_EN: Readonly<Record<MonthlyApplicationState, string>> = Object.freeze({
  received: 'Received',
  reviewing: 'Surveying and classifying',
  village_meeting: 'Village meeting',
  public_posting: 'Public posting',
  decided: 'Decided',
  refused: 'Answered in writing with the reasons',
});

/** Final states: the application is answered and locked. */
export const CLOSED_MONTHLY_APPLICATION_STATES: readonly MonthlyApplicationState[] = Object.freeze(['decided', 'refused']);

export function isMonthlyApplicationClosed(state: MonthlyApplicationState): boolean {
  return CLOSED_MONTHLY_APPLICATION_STATES.includes(state);
}

export const MONTHLY_APPLICATION_ACTIONS = [
  'start_review',
  'send_to_village_meeting',
  'confirm_meeting_agreement',
  'return_to_review',
  'decide',
  'refuse',
] as const;
export type MonthlyApplicationAction = (typeof MONTHLY_APPLICATION_ACTIONS)[number];

export const MONTHLY_APPLICATION_ACTION_LABELS_VI: Readonly<Record<MonthlyApplicationAction, string>> = Object.freeze({
  start_review: 'Bắt đầu rà soát hộ',
  send_to_village_meeting: 'Đưa ra họp dân',
  confirm_meeting_agreement: 'Ghi nhận họp dân thống nhất, niêm yết công khai',
  return_to_review: 'Trả về rà soát lại (họp dân không thống nhất)',
  decide: 'Ký quyết định công nhận',
  refuse: 'Trả lời không công nhận, nêu rõ lý do',
});

export const MONTHLY_APPLICATION_ACTION_LABELS_EN: Readonly<Record<MonthlyApplicationAction, string>> = Object.freeze({
  start_review: 'Start surveying the household',
  send_to_village_meeting: 'Send to the village meeting',
  confirm_meeting_agreement: 'Record the meeting agreement and post publicly',
  return_to_review: 'Return to surveying (the meeting did not agree)',
  decide: 'Sign the recognition decision',
  refuse: 'Refuse in writing with the reasons',
});

export interface MonthlyTransitionEntry {
  readonly action: MonthlyApplicationAction;
  readonly to: MonthlyApplicationState;
  readonly roles: readonly Role[];
  readonly requiresReason: boolean;
}

const OFFICER: readonly Role[] = Object.freeze(['commune_officer', 'national_admin']);
const CHAIR: readonly Role[] = Object.freeze(['commune_chair', 'national_admin']);
const refuse: MonthlyTransitionEntry = Object.freeze({ action: 'refuse', to: 'refused', roles: CHAIR, requiresReason: true });

/** For each state: what may happen next, the resulting state and who may do it. */
export const MONTHLY_APPLICATION_TRANSITIONS: Readonly<Record<MonthlyApplicationState, readonly MonthlyTransitionEntry[]>> = Object.freeze({
  received: [{ action: 'start_review', to: 'reviewing', roles: OFFICER, requiresReason: false }, refuse],
  reviewing: [{ action: 'send_to_village_meeting', to: 'village_meeting', roles: OFFICER, requiresReason: false }, refuse],
  village_meeting: [
    { action: 'confirm_meeting_agreement', to: 'public_posting', roles: OFFICER, requiresReason: false },
    { action: 'return_to_review', to: 'reviewing', roles: OFFICER, requiresReason: false },
    refuse,
  ],
  public_posting: [{ action: 'decide', to: 'decided', roles: CHAIR, requiresReason: false }, refuse],
  decided: [],
  refused: [],
});

/** A monthly application as the workflow sees it. */
export interface MonthlyApplicationRef {
  readonly applicationId: string;
  readonly provinceCode: string;
  readonly communeCode: string;
  readonly householdId: string;
  /** The household's code (mã hộ), named in messages instead of the internal id. */
  readonly householdCode?: string;
  readonly villageCode: string;
  readonly form: MonthlyApplicationForm;
  readonly receivedOn: IsoDate;
  readonly state: MonthlyApplicationState;
}
