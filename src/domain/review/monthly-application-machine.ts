/**
 * The monthly application state machine: `nextMonthlyActions` and `transitionMonthlyApplication`, with
 * the same checks and refusal shape as the commune review machine (role → scope → reason → data).
 */
import type { Role } from '../access/roles.ts';
import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { createVietnamWorkingCalendar } from '../calendar/working-calendar.ts';
import { communeDecisionProblems, type CommuneDecision } from './commune-decision.ts';
import { unresolvedComplaintProblems, type ComplaintRecord } from './complaints.ts';
import {
  MONTHLY_APPLICATION_ACTION_LABELS_EN,
  MONTHLY_APPLICATION_ACTION_LABELS_VI,
  MONTHLY_APPLICATION_STATE_LABELS_EN,
  MONTHLY_APPLICATION_STATE_LABELS_VI,
  MONTHLY_APPLICATION_TRANSITIONS,
  MONTHLY_RECOGNITION_LABELS_EN,
  MONTHLY_RECOGNITION_LABELS_VI,
  RECOGNITIONS_BY_FORM,
  type MonthlyApplicationAction,
  type MonthlyApplicationRef,
  type MonthlyApplicationState,
  type MonthlyRecognition,
} from './monthly-application.ts';
import { postingProblems, type PostingRecord } from './public-posting.ts';
import { listRolesEn, listRolesVi, ROLE_LABELS_EN, ROLE_LABELS_VI } from './role-labels.ts';
import { problem, type Problem } from './problem.ts';
import { actorCovers, type ReviewActor } from './review-actor.ts';
import { reviewParameters, type ReviewParameters } from './review-parameters.ts';
import { evaluateVillageMeetings, villageMeetingRecordProblems, type VillageMeetingRecord } from './village-meeting.ts';
import { reasonProblems, workflowRefusal, type WorkflowRefusal } from './workflow-refusal.ts';

export interface MonthlyApplicationContext {
  readonly today: IsoDate;
  /** Form A / B survey of the household completed for this application. */
  readonly surveyed: boolean;
  readonly meetings: readonly VillageMeetingRecord[];
  readonly posting: PostingRecord | null;
  readonly complaints: readonly ComplaintRecord[];
}

export interface MonthlyActionInput {
  readonly context: MonthlyApplicationContext;
  /** Required by `refuse`: the reasons written in the reply to the household. */
  readonly reason?: string;
  /** Required by `decide`. */
  readonly decision?: CommuneDecision;
  /** Required by `decide`: what the decision recognises (must fit the form). */
  readonly recognition?: MonthlyRecognition;
}

interface MonthlyEventBase {
  readonly applicationId: string;
  readonly householdId: string;
  readonly communeCode: string;
  readonly actorUserId: string;
  readonly actorRole: Role;
  readonly on: IsoDate;
}

export type MonthlyApplicationEvent =
  | (MonthlyEventBase & {
      readonly type: 'application_state_changed';
      readonly action: MonthlyApplicationAction;
      readonly from: MonthlyApplicationState;
      readonly to: MonthlyApplicationState;
    })
  | (MonthlyEventBase & { readonly type: 'application_decided'; readonly decision: CommuneDecision; readonly recognition: MonthlyRecognition })
  | (MonthlyEventBase & { readonly type: 'application_refused'; readonly reason: string });

export type MonthlyTransitionResult =
  | { readonly ok: true; readonly newState: MonthlyApplicationState; readonly events: readonly MonthlyApplicationEvent[] }
  | WorkflowRefusal;

export interface MonthlyMachineOptions {
  readonly parameters?: Partial<ReviewParameters>;
  readonly calendar?: WorkingCalendar;
}

export interface NextMonthlyAction {
  readonly action: MonthlyApplicationAction;
  readonly labelVi: string;
  readonly to: MonthlyApplicationState;
  readonly roles: readonly Role[];
  readonly allowedForRole: boolean;
  readonly requiresReason: boolean;
  readonly blockers: readonly string[];
  /** The same in English. */
  readonly blockersEn: readonly string[];
}

let defaultCalendar: WorkingCalendar | undefined;
function calendarOf(options: MonthlyMachineOptions): WorkingCalendar {
  if (options.calendar !== undefined) return options.calendar;
  defaultCalendar ??= createVietnamWorkingCalendar();
  return defaultCalendar;
}

function meetingVerdict(application: MonthlyApplicationRef, context: MonthlyApplicationContext, parameters: ReviewParameters) {
  const evaluation = evaluateVillageMeetings(
    [{ householdId: application.householdId, householdCode: application.householdCode, villageCode: application.villageCode, surveyed: context.surveyed }],
    context.meetings.filter((m) => m.villageCode === application.villageCode),
    parameters.meetingAgreementThresholdPercent,
  );
  const outcome = evaluation.outcomes[0];
  const recordProblems = context.meetings
    .filter((m) => m.meetingId === outcome.meetingId)
    .flatMap((m) => villageMeetingRecordProblems(m, evaluation.labels));
  return { status: outcome.status, recordProblems };
}

function guardProblems(
  application: MonthlyApplicationRef,
  action: MonthlyApplicationAction,
  input: MonthlyActionInput,
  parameters: ReviewParameters,
  calendar: WorkingCalendar,
  checkActionInput: boolean,
): Problem[] {
  const { context } = input;
  const household = application.householdCode ?? application.householdId;
  switch (action) {
    case 'start_review':
    case 'refuse':
      return [];
    case 'send_to_village_meeting':
      return context.surveyed ? [] : [problem(`Hộ ${household} chưa được rà soát xong (phiếu A, phiếu B)`, `Household ${household} is not surveyed yet (forms A and B)`)];
    case 'confirm_meeting_agreement': {
      const v = meetingVerdict(application, context, parameters);
      if (v.status === 'no_vote') return [problem(`Hộ ${household} chưa được đưa ra họp dân biểu quyết`, `Household ${household} has not been voted on by a village meeting`)];
      if (v.status === 'rejected') {
        const threshold = parameters.meetingAgreementThresholdPercent;
        return [
          ...v.recordProblems,
          problem(`Hộ ${household} không đạt tỷ lệ đồng ý ${threshold}% số người dự họp`, `Household ${household} did not reach ${threshold} % agreement of the attendees`),
        ];
      }
      return v.recordProblems;
    }
    case 'return_to_review': {
      const v = meetingVerdict(application, context, parameters);
      return v.status === 'rejected' ? v.recordProblems : [problem('Cuộc họp dân gần nhất không bác kết quả của hộ', "The latest village meeting did not reject the household's result")];
    }
    case 'decide': {
      const problems = [
        ...postingProblems(context.posting, context.today, parameters, calendar),
        ...unresolvedComplaintProblems(context.complaints),
      ];
      if (!checkActionInput) return problems;
      problems.push(...communeDecisionProblems(input.decision, context.today, context.posting?.endDate));
      const allowed = RECOGNITIONS_BY_FORM[application.form];
      if (input.recognition === undefined || !allowed.includes(input.recognition)) {
        const form = application.form === 'form_01' ? '01' : '04';
        problems.push(
          problem(
            `Hồ sơ mẫu ${form} chỉ có thể dẫn đến: ${allowed.map((r) => MONTHLY_RECOGNITION_LABELS_VI[r]).join(' hoặc ')}`,
            `An application on form ${form} can only lead to: ${allowed.map((r) => MONTHLY_RECOGNITION_LABELS_EN[r]).join(' or ')}`,
          ),
        );
      }
      return problems;
    }
  }
}

export function nextMonthlyActions(
  application: MonthlyApplicationRef,
  role: Role,
  context?: MonthlyApplicationContext,
  options: MonthlyMachineOptions = {},
): NextMonthlyAction[] {
  const parameters = reviewParameters(options.parameters);
  return (MONTHLY_APPLICATION_TRANSITIONS[application.state] ?? []).map((entry) => {
    const blockers = context === undefined ? [] : guardProblems(application, entry.action, { context }, parameters, calendarOf(options), false);
    return {
      action: entry.action,
      labelVi: MONTHLY_APPLICATION_ACTION_LABELS_VI[entry.action],
      to: entry.to,
      roles: entry.roles,
      allowedForRole: entry.roles.includes(role),
      requiresReason: entry.requiresReason,
      blockers: blockers.map((b) => b.vi),
      blockersEn: blockers.map((b) => b.en),
    };
  });
}

export function transitionMonthlyApplication(
  application: MonthlyApplicationRef,
  action: MonthlyApplicationAction,
  actor: ReviewActor,
  input: MonthlyActionInput,
  options: MonthlyMachineOptions = {},
): MonthlyTransitionResult {
  const label = MONTHLY_APPLICATION_ACTION_LABELS_VI[action] ?? String(action);
  const labelEn = MONTHLY_APPLICATION_ACTION_LABELS_EN[action] ?? String(action);
  const entry = (MONTHLY_APPLICATION_TRANSITIONS[application.state] ?? []).find((e) => e.action === action);
  if (entry === undefined) {
    return workflowRefusal('action_not_available', [
      problem(
        `Không thể "${label}" khi hồ sơ đang ở trạng thái "${MONTHLY_APPLICATION_STATE_LABELS_VI[application.state]}"`,
        `"${labelEn}" is not possible while the application is "${MONTHLY_APPLICATION_STATE_LABELS_EN[application.state]}"`,
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
  if (!actorCovers(actor, { provinceCode: application.provinceCode, communeCode: application.communeCode })) {
    return workflowRefusal('out_of_scope', [
      problem(`Xã ${application.communeCode} nằm ngoài phạm vi quản lý của người dùng`, `Commune ${application.communeCode} is outside the user's unit`),
    ]);
  }
  if (!isIsoDate(input.context.today)) {
    return workflowRefusal('guard_failed', [problem(`Ngày thực hiện không hợp lệ: ${String(input.context.today)}`, `Invalid date of the action: ${String(input.context.today)}`)]);
  }
  const parameters = reviewParameters(options.parameters);
  if (entry.requiresReason) {
    const problems = reasonProblems(input.reason, parameters.minimumReasonLength);
    if (problems.length > 0) return workflowRefusal('reason_required', problems.map((p) => problem(`${label}: ${p.vi}`, `${labelEn}: ${p.en}`)));
  }
  const problems = guardProblems(application, action, input, parameters, calendarOf(options), true);
  if (problems.length > 0) return workflowRefusal('guard_failed', problems);

  const base = {
    applicationId: application.applicationId,
    householdId: application.householdId,
    communeCode: application.communeCode,
    actorUserId: actor.userId,
    actorRole: actor.role,
    on: input.context.today,
  };
  const events: MonthlyApplicationEvent[] = [{ type: 'application_state_changed', ...base, action, from: application.state, to: entry.to }];
  if (action === 'decide' && input.decision !== undefined && input.recognition !== undefined) {
    events.push({ type: 'application_decided', ...base, decision: input.decision, recognition: input.recognition });
  }
  if (action === 'refuse') events.push({ type: 'application_refused', ...base, reason: (input.reason ?? '').trim() });
  return Object.freeze({ ok: true, newState: entry.to, events: Object.freeze(events) });
}
