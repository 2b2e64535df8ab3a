/**
 * The commune review state machine: what may happen next and who may do it (`nextActions`), and the
 * pure `transition` that either returns the new state with its events or a Vietnamese refusal.
 * Checks, in order: the action exists in this state → the role may take it → the actor's scope covers
 * the commune → the campaign is open → a reason is given where required → the data guards pass.
 */
import type { Role } from '../access/roles.ts';
import { isIsoDate } from '../calendar/iso-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { createVietnamWorkingCalendar } from '../calendar/working-calendar.ts';
import { evaluateVillageMeetings } from './village-meeting.ts';
import { listRolesEn, listRolesVi, ROLE_LABELS_EN, ROLE_LABELS_VI } from './role-labels.ts';
import { REVIEW_ACTION_LABELS_EN, REVIEW_ACTION_LABELS_VI, type ReviewAction } from './review-actions.ts';
import { problem, type Problem } from './problem.ts';
import { actorCovers, type ReviewActor } from './review-actor.ts';
import type { CommuneReviewRef, ReviewActionInput, ReviewContext } from './review-context.ts';
import type { ReviewEvent } from './review-events.ts';
import { reviewGuardProblems } from './review-guards.ts';
import { reviewParameters, type ReviewParameters } from './review-parameters.ts';
import { isReviewLocked, isReviewState, REVIEW_STATE_LABELS_EN, REVIEW_STATE_LABELS_VI, type ReviewState } from './review-states.ts';
import { REVIEW_TRANSITIONS, reviewTransitionEntry, type ReviewTransitionEntry } from './review-transition-table.ts';
import { reasonProblems, workflowRefusal, type WorkflowRefusal } from './workflow-refusal.ts';

export interface ReviewMachineOptions {
  readonly parameters?: Partial<ReviewParameters>;
  /** Working-day calendar for posting durations (default: Vietnam's civil-service calendar). */
  readonly calendar?: WorkingCalendar;
}

export interface ReviewTransitionSuccess {
  readonly ok: true;
  readonly newState: ReviewState;
  readonly events: readonly ReviewEvent[];
}

export type ReviewTransitionResult = ReviewTransitionSuccess | WorkflowRefusal;

export interface NextReviewAction {
  readonly action: ReviewAction;
  readonly labelVi: string;
  readonly to: ReviewState;
  readonly reopenTargets?: readonly ReviewState[];
  /** Every role that may take this action. */
  readonly roles: readonly Role[];
  /** Whether the asked-about role is one of them. */
  readonly allowedForRole: boolean;
  readonly requiresReason: boolean;
  /** Why the data do not allow it yet (only computed when a context was given). */
  readonly blockers: readonly string[];
  /** The same in English. */
  readonly blockersEn: readonly string[];
}

const CAMPAIGN_CLOSED = problem('Đợt rà soát đã đóng; phải mở lại đợt rà soát trước', 'The campaign is closed; it must be reopened first');

let defaultCalendar: WorkingCalendar | undefined;
function calendarOf(options: ReviewMachineOptions): WorkingCalendar {
  if (options.calendar !== undefined) return options.calendar;
  defaultCalendar ??= createVietnamWorkingCalendar();
  return defaultCalendar;
}

function dataProblems(
  entry: ReviewTransitionEntry,
  input: ReviewActionInput,
  parameters: ReviewParameters,
  calendar: WorkingCalendar,
  checkActionInput: boolean,
): Problem[] {
  const problems: Problem[] = [];
  if (!input.context.campaignOpen) problems.push(CAMPAIGN_CLOSED);
  problems.push(...reviewGuardProblems(entry.action, input, parameters, calendar, checkActionInput));
  return problems;
}

/**
 * The actions available from `state`, each with the roles that may take it and whether `role` is one
 * of them. With a context, `blockers` lists why the data do not allow the action yet (the reason and
 * the decision fields are entered with the action, so they are not reported here).
 */
export function nextActions(
  state: ReviewState,
  role: Role,
  context?: ReviewContext,
  options: ReviewMachineOptions = {},
): NextReviewAction[] {
  const parameters = reviewParameters(options.parameters);
  if (!isReviewState(state)) return [];
  return REVIEW_TRANSITIONS[state].map((entry) => {
    let blockers: Problem[] = [];
    if (context !== undefined) {
      const input: ReviewActionInput = { context };
      blockers = dataProblems(entry, input, parameters, calendarOf(options), false);
    }
    return Object.freeze({
      action: entry.action,
      labelVi: REVIEW_ACTION_LABELS_VI[entry.action],
      to: entry.to,
      ...(entry.reopenTargets === undefined ? {} : { reopenTargets: entry.reopenTargets }),
      roles: entry.roles,
      allowedForRole: entry.roles.includes(role),
      requiresReason: entry.requiresReason,
      blockers: blockers.map((b) => b.vi),
      blockersEn: blockers.map((b) => b.en),
    });
  });
}

/** Whether household records of the review may not be edited (decided, submitted, accepted). */
export function isReviewLockedForEdits(review: Pick<CommuneReviewRef, 'state'>): boolean {
  return isReviewLocked(review.state);
}

export function transition(
  review: CommuneReviewRef,
  action: ReviewAction,
  actor: ReviewActor,
  input: ReviewActionInput,
  options: ReviewMachineOptions = {},
): ReviewTransitionResult {
  const label = REVIEW_ACTION_LABELS_VI[action] ?? String(action);
  const labelEn = REVIEW_ACTION_LABELS_EN[action] ?? String(action);
  if (!isReviewState(review.state)) {
    return workflowRefusal('action_not_available', [problem(`Trạng thái rà soát không hợp lệ: ${String(review.state)}`, `Invalid review state: ${String(review.state)}`)]);
  }
  const entry = reviewTransitionEntry(review.state, action);
  if (entry === undefined) {
    return workflowRefusal('action_not_available', [
      problem(
        `Không thể "${label}" khi rà soát của xã đang ở bước "${REVIEW_STATE_LABELS_VI[review.state]}"`,
        `"${labelEn}" is not possible while the commune review is at step "${REVIEW_STATE_LABELS_EN[review.state]}"`,
      ),
    ]);
  }
  if (!entry.roles.includes(actor.role)) {
    return workflowRefusal('role_not_allowed', [
      problem(
        `${ROLE_LABELS_VI[actor.role]} không được "${label}"; chỉ ${listRolesVi(entry.roles)} được thực hiện`,
        `A ${ROLE_LABELS_EN[actor.role].toLowerCase()} may not "${labelEn}"; only ${listRolesEn(entry.roles)} may`,
      ),
    ]);
  }
  if (!actorCovers(actor, { provinceCode: review.provinceCode, communeCode: review.communeCode })) {
    return workflowRefusal('out_of_scope', [
      problem(`Xã ${review.communeCode} nằm ngoài phạm vi quản lý của người dùng`, `Commune ${review.communeCode} is outside the user's unit`),
    ]);
  }
  if (!input.context.campaignOpen) {
    return workflowRefusal('campaign_closed', [CAMPAIGN_CLOSED]);
  }
  if (!isIsoDate(input.context.today)) {
    return workflowRefusal('guard_failed', [problem(`Ngày thực hiện không hợp lệ: ${String(input.context.today)}`, `Invalid date of the action: ${String(input.context.today)}`)]);
  }
  const parameters = reviewParameters(options.parameters);
  if (entry.requiresReason) {
    const problems = reasonProblems(input.reason, parameters.minimumReasonLength);
    if (problems.length > 0) return workflowRefusal('reason_required', problems.map((p) => problem(`${label}: ${p.vi}`, `${labelEn}: ${p.en}`)));
  }
  let to = entry.to;
  if (entry.reopenTargets !== undefined && input.reopenTo !== undefined) {
    if (!entry.reopenTargets.includes(input.reopenTo)) {
      return workflowRefusal('invalid_target', [
        problem(
          `Chỉ có thể mở lại về một trong các bước: ${entry.reopenTargets.map((s) => `"${REVIEW_STATE_LABELS_VI[s]}"`).join(', ')}`,
          `A review can only be reopened to one of: ${entry.reopenTargets.map((s) => `"${REVIEW_STATE_LABELS_EN[s]}"`).join(', ')}`,
        ),
      ]);
    }
    to = input.reopenTo;
  }
  const problems = dataProblems(entry, input, parameters, calendarOf(options), true);
  if (problems.length > 0) return workflowRefusal('guard_failed', problems);

  const base = {
    reviewId: review.reviewId,
    campaignId: review.campaignId,
    communeCode: review.communeCode,
    actorUserId: actor.userId,
    actorRole: actor.role,
    on: input.context.today,
  };
  const reason = entry.requiresReason ? (input.reason ?? '').trim() : undefined;
  const events: ReviewEvent[] = [
    { type: 'review_state_changed', ...base, action, from: review.state, to, ...(reason === undefined ? {} : { reason }) },
  ];
  if (action === 'sign_decision' && input.decision !== undefined) {
    events.push({ type: 'commune_decision_signed', ...base, decision: input.decision });
  }
  if (action === 'return_rejected_to_surveying') {
    const evaluation = evaluateVillageMeetings(input.context.households, input.context.meetings, parameters.meetingAgreementThresholdPercent);
    events.push({ type: 'households_returned_to_surveying', ...base, householdIds: evaluation.rejectedHouseholdIds });
  }
  if (action === 'reopen' && reason !== undefined) {
    events.push({ type: 'review_reopened', ...base, from: review.state, to, reason });
  }
  return Object.freeze({ ok: true, newState: to, events: Object.freeze(events) });
}
