/**
 * Review campaigns (đợt rà soát) opened by a province: year, kind (periodic annual review or a monthly
 * regular round), the poverty standard applied and plan dates. A campaign closes only when every
 * commune's review is accepted (and, for a monthly round, every application is answered).
 */
import type { Role } from '../access/roles.ts';
import { compareIsoDates, formatIsoDateVi, isIsoDate, isoDate, addCalendarDays, type IsoDate } from '../calendar/iso-date.ts';
import { defineReviewCampaign } from '../standards/review-campaign.ts';
import type { StandardId } from '../standards/types.ts';
import { listRolesVi, ROLE_LABELS_VI } from './role-labels.ts';
import { actorCovers, type ReviewActor } from './review-actor.ts';
import { reviewParameters, type ReviewParameters } from './review-parameters.ts';
import { REVIEW_STATE_LABELS_VI, type ReviewState } from './review-states.ts';
import { reasonProblems, workflowRefusal, type WorkflowRefusal } from './workflow-refusal.ts';

export type CampaignKind = 'periodic' | 'monthly';

export const CAMPAIGN_KIND_LABELS_VI: Readonly<Record<CampaignKind, string>> = Object.freeze({
  periodic: 'Rà soát định kỳ hằng năm',
  monthly: 'Rà soát thường xuyên hằng tháng',
});

export type CampaignStatus = 'open' | 'closed';

export interface ReviewCampaignPlan {
  readonly campaignId: string;
  readonly provinceCode: string;
  readonly kind: CampaignKind;
  /** Calendar year in which the review is carried out. */
  readonly year: number;
  /** Month of a monthly round (1–12); absent for periodic campaigns. */
  readonly month?: number;
  /** Year whose policies use the resulting lists (periodic: year + 1; monthly: the same year). */
  readonly policyYear: number;
  readonly standardId: StandardId;
  readonly planStart: IsoDate;
  readonly planEnd: IsoDate;
  readonly status: CampaignStatus;
  /** Vietnamese name, e.g. "Rà soát định kỳ năm 2026 — tỉnh 12, chuẩn ND351_2025". */
  readonly nameVi: string;
}

export interface OpenCampaignInput {
  readonly campaignId: string;
  readonly provinceCode: string;
  /** Name of the province for the campaign's title (e.g. "Tỉnh Lai Châu"); its code when absent. */
  readonly provinceName?: string;
  readonly kind: CampaignKind;
  readonly year: number;
  readonly month?: number;
  /** Explicit standard id; default: the standard the standards module assigns to this review. */
  readonly standardId?: StandardId;
  /** Default: the periodic window, or the monthly round (15th → 15 days later). */
  readonly planStart?: IsoDate;
  readonly planEnd?: IsoDate;
  readonly today: IsoDate;
}

interface CampaignEventBase {
  readonly campaignId: string;
  readonly provinceCode: string;
  readonly actorUserId: string;
  readonly actorRole: Role;
  readonly on: IsoDate;
}

export type CampaignEvent =
  | (CampaignEventBase & { readonly type: 'campaign_opened'; readonly campaign: ReviewCampaignPlan })
  | (CampaignEventBase & { readonly type: 'campaign_closed' })
  | (CampaignEventBase & { readonly type: 'campaign_reopened'; readonly reason: string });

export type CampaignResult =
  | { readonly ok: true; readonly campaign: ReviewCampaignPlan; readonly events: readonly CampaignEvent[] }
  | WorkflowRefusal;

/** Roles that open, close and reopen campaigns (within their province). */
export const CAMPAIGN_MANAGER_ROLES: readonly Role[] = Object.freeze(['province_officer', 'national_admin']);

/** First and last day of the periodic review window of `year` (1 Sep – 14 Dec by default, [C]). */
export function periodicReviewWindow(year: number, parameters: ReviewParameters = reviewParameters()): { start: IsoDate; end: IsoDate } {
  const { periodicWindowStart: s, periodicWindowEnd: e } = parameters;
  return { start: isoDate(year, s.month, s.day), end: isoDate(year, e.month, e.day) };
}

function managerProblems(actor: ReviewActor, provinceCode: string, what: string): WorkflowRefusal | undefined {
  if (!CAMPAIGN_MANAGER_ROLES.includes(actor.role)) {
    return workflowRefusal('role_not_allowed', [
      `${ROLE_LABELS_VI[actor.role]} không được ${what}; chỉ ${listRolesVi(CAMPAIGN_MANAGER_ROLES)} được thực hiện`,
    ]);
  }
  if (!actorCovers(actor, { provinceCode })) {
    return workflowRefusal('out_of_scope', [`Tỉnh ${provinceCode} nằm ngoài phạm vi quản lý của người dùng`]);
  }
  return undefined;
}

function planProblems(input: OpenCampaignInput, start: IsoDate, end: IsoDate, parameters: ReviewParameters): string[] {
  const problems: string[] = [];
  if (!isIsoDate(start) || !isIsoDate(end)) return ['Ngày bắt đầu hoặc ngày kết thúc kế hoạch không hợp lệ'];
  if (compareIsoDates(end, start) < 0) problems.push('Ngày kết thúc kế hoạch phải sau hoặc trùng ngày bắt đầu');
  if (input.kind === 'periodic') {
    const window = periodicReviewWindow(input.year, parameters);
    if (compareIsoDates(start, window.start) < 0 || compareIsoDates(end, window.end) > 0) {
      problems.push(
        `Kế hoạch rà soát định kỳ phải nằm trong khoảng ${formatIsoDateVi(window.start)} – ${formatIsoDateVi(window.end)}`,
      );
    }
  } else if (!start.startsWith(`${input.year}-`)) {
    problems.push(`Đợt rà soát hằng tháng phải bắt đầu trong năm ${input.year}`);
  }
  return problems;
}

/** Opens a campaign; refuses with Vietnamese reasons when the actor or the plan is not acceptable. */
export function openReviewCampaign(
  input: OpenCampaignInput,
  actor: ReviewActor,
  parameterOverrides: Partial<ReviewParameters> = {},
): CampaignResult {
  const denied = managerProblems(actor, input.provinceCode, 'mở đợt rà soát');
  if (denied !== undefined) return denied;
  const parameters = reviewParameters(parameterOverrides);
  if (!Number.isInteger(input.year) || input.year < 2016 || input.year > 2100) {
    return workflowRefusal('guard_failed', [`Năm rà soát không hợp lệ: ${input.year}`]);
  }
  if (input.kind === 'monthly' && (input.month === undefined || !Number.isInteger(input.month) || input.month < 1 || input.month > 12)) {
    return workflowRefusal('guard_failed', ['Đợt rà soát hằng tháng phải có tháng (1–12)']);
  }
  if (input.campaignId.trim() === '') return workflowRefusal('guard_failed', ['Thiếu mã đợt rà soát']);

  let policyYear: number;
  let standardId: StandardId;
  try {
    const defined = defineReviewCampaign(input.year, {
      kind: input.kind === 'monthly' ? 'regular' : 'periodic',
      ...(input.standardId === undefined ? {} : { standardId: input.standardId }),
    });
    policyYear = defined.policyYear;
    standardId = defined.standardId;
  } catch (error) {
    return workflowRefusal('guard_failed', [error instanceof Error ? error.message : String(error)]);
  }

  let start: IsoDate;
  let end: IsoDate;
  if (input.kind === 'periodic') {
    const window = periodicReviewWindow(input.year, parameters);
    start = input.planStart ?? window.start;
    end = input.planEnd ?? window.end;
  } else {
    start = input.planStart ?? isoDate(input.year, input.month ?? 1, parameters.monthlyRoundStartDay);
    end = input.planEnd ?? (isIsoDate(start) ? addCalendarDays(start, parameters.monthlyDecisionDeadlineDays) : start);
  }
  const problems = planProblems(input, start, end, parameters);
  if (problems.length > 0) return workflowRefusal('guard_failed', problems);

  // "Rà soát định kỳ năm 2026", "Rà soát thường xuyên tháng 3/2026" (the kind labels already say "hằng năm" / "hằng tháng").
  const period = input.kind === 'monthly' ? `Rà soát thường xuyên tháng ${input.month}/${input.year}` : `Rà soát định kỳ năm ${input.year}`;
  const campaign: ReviewCampaignPlan = Object.freeze({
    campaignId: input.campaignId,
    provinceCode: input.provinceCode,
    kind: input.kind,
    year: input.year,
    ...(input.kind === 'monthly' ? { month: input.month } : {}),
    policyYear,
    standardId,
    planStart: start,
    planEnd: end,
    status: 'open',
    nameVi: `${period} — ${input.provinceName ?? `tỉnh ${input.provinceCode}`}, chuẩn ${standardId}`,
  });
  const event: CampaignEvent = {
    type: 'campaign_opened',
    campaignId: campaign.campaignId,
    provinceCode: campaign.provinceCode,
    actorUserId: actor.userId,
    actorRole: actor.role,
    on: input.today,
    campaign,
  };
  return Object.freeze({ ok: true, campaign, events: Object.freeze([event]) });
}

export interface CampaignReviewStatus {
  readonly communeCode: string;
  readonly state: ReviewState;
}

/**
 * Why a campaign cannot close (empty when it can): every commune in `communeCodes` must have a review,
 * every review must be accepted, and no monthly application may be left unanswered.
 */
export function campaignClosingProblems(
  reviews: readonly CampaignReviewStatus[],
  communeCodes: readonly string[],
  openApplicationIds: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  const byCommune = new Map(reviews.map((r) => [r.communeCode, r]));
  for (const code of communeCodes) if (!byCommune.has(code)) problems.push(`Xã ${code} chưa có kết quả rà soát`);
  for (const r of reviews) {
    if (r.state !== 'accepted') problems.push(`Xã ${r.communeCode} đang ở bước "${REVIEW_STATE_LABELS_VI[r.state]}", chưa được cấp tỉnh tiếp nhận`);
  }
  if (openApplicationIds.length > 0) problems.push(`Còn ${openApplicationIds.length} hồ sơ rà soát hằng tháng chưa giải quyết: ${openApplicationIds.join(', ')}`);
  return problems;
}

export function closeReviewCampaign(
  campaign: ReviewCampaignPlan,
  reviews: readonly CampaignReviewStatus[],
  communeCodes: readonly string[],
  actor: ReviewActor,
  today: IsoDate,
  openApplicationIds: readonly string[] = [],
): CampaignResult {
  const denied = managerProblems(actor, campaign.provinceCode, 'đóng đợt rà soát');
  if (denied !== undefined) return denied;
  if (campaign.status === 'closed') return workflowRefusal('action_not_available', ['Đợt rà soát đã đóng']);
  const problems = campaignClosingProblems(reviews, communeCodes, openApplicationIds);
  if (problems.length > 0) return workflowRefusal('guard_failed', problems);
  const closed: ReviewCampaignPlan = Object.freeze({ ...campaign, status: 'closed' });
  const event: CampaignEvent = {
    type: 'campaign_closed',
    campaignId: campaign.campaignId,
    provinceCode: campaign.provinceCode,
    actorUserId: actor.userId,
    actorRole: actor.role,
    on: today,
  };
  return Object.freeze({ ok: true, campaign: closed, events: Object.freeze([event]) });
}

/** Reopens a closed campaign (needed before any of its reviews can be reopened); a reason is mandatory. */
export function reopenReviewCampaign(
  campaign: ReviewCampaignPlan,
  actor: ReviewActor,
  reason: string | undefined,
  today: IsoDate,
  parameterOverrides: Partial<ReviewParameters> = {},
): CampaignResult {
  const denied = managerProblems(actor, campaign.provinceCode, 'mở lại đợt rà soát');
  if (denied !== undefined) return denied;
  if (campaign.status === 'open') return workflowRefusal('action_not_available', ['Đợt rà soát đang mở']);
  const problems = reasonProblems(reason, reviewParameters(parameterOverrides).minimumReasonLength);
  if (problems.length > 0) return workflowRefusal('reason_required', problems.map((p) => `Mở lại đợt rà soát: ${p}`));
  const reopened: ReviewCampaignPlan = Object.freeze({ ...campaign, status: 'open' });
  const event: CampaignEvent = {
    type: 'campaign_reopened',
    campaignId: campaign.campaignId,
    provinceCode: campaign.provinceCode,
    actorUserId: actor.userId,
    actorRole: actor.role,
    on: today,
    reason: (reason ?? '').trim(),
  };
  return Object.freeze({ ok: true, campaign: reopened, events: Object.freeze([event]) });
}
