/**
 * Data guards of each review action: pure functions returning the Vietnamese reasons why the action
 * cannot happen yet (an empty list means it can). Role, scope and reason checks are in review-machine.ts.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { communeDecisionProblems } from './commune-decision.ts';
import { unresolvedComplaintProblems } from './complaints.ts';
import { postingProblems } from './public-posting.ts';
import type { ReviewAction } from './review-actions.ts';
import type { ReviewActionInput } from './review-context.ts';
import type { ReviewParameters } from './review-parameters.ts';
import { evaluateVillageMeetings, villageMeetingsCompletionProblems } from './village-meeting.ts';
import { listSample, problem, type Problem } from './problem.ts';

function listingProblems(input: ReviewActionInput): Problem[] {
  return input.context.households.length === 0 ? [problem('Danh sách hộ cần rà soát đang trống', 'The list of households to review is empty')] : [];
}

function surveyingProblems(input: ReviewActionInput): Problem[] {
  const problems = listingProblems(input);
  const pending = input.context.households.filter((h) => !h.surveyed).map((h) => h.householdCode ?? h.householdId);
  if (pending.length > 0) {
    const list = listSample(pending);
    problems.push(problem(`Còn ${pending.length} hộ chưa rà soát xong: ${list.vi}`, `${pending.length} ${pending.length === 1 ? 'household is' : 'households are'} not surveyed yet: ${list.en}`));
  }
  return problems;
}

function returnRejectedProblems(input: ReviewActionInput, parameters: ReviewParameters): Problem[] {
  const evaluation = evaluateVillageMeetings(input.context.households, input.context.meetings, parameters.meetingAgreementThresholdPercent);
  const problems = [...evaluation.recordProblems];
  if (evaluation.rejectedHouseholdIds.length === 0) problems.push(problem('Không có hộ nào bị cuộc họp dân bác kết quả', 'No household was rejected by a village meeting'));
  return problems;
}

function villageMeetingProblems(input: ReviewActionInput, parameters: ReviewParameters): Problem[] {
  const evaluation = evaluateVillageMeetings(input.context.households, input.context.meetings, parameters.meetingAgreementThresholdPercent);
  return villageMeetingsCompletionProblems(evaluation);
}

function decisionProblems(input: ReviewActionInput, checkActionInput: boolean): Problem[] {
  const { complaints, posting, today } = input.context;
  const problems = unresolvedComplaintProblems(complaints);
  if (checkActionInput) problems.push(...communeDecisionProblems(input.decision, today, posting?.endDate));
  return problems;
}

/**
 * Why `action` cannot be taken with this data (empty when the data allow it). With `checkActionInput`
 * false, fields entered with the action itself (the decision number, date and signer) are not checked —
 * used to show what still blocks an action before the user fills its form.
 */
export function reviewGuardProblems(
  action: ReviewAction,
  input: ReviewActionInput,
  parameters: ReviewParameters,
  calendar: WorkingCalendar,
  checkActionInput = true,
): Problem[] {
  switch (action) {
    case 'complete_listing':
      return listingProblems(input);
    case 'complete_surveying':
      return surveyingProblems(input);
    case 'return_rejected_to_surveying':
      return returnRejectedProblems(input, parameters);
    case 'complete_village_meetings':
      return villageMeetingProblems(input, parameters);
    case 'complete_posting':
      return postingProblems(input.context.posting, input.context.today, parameters, calendar);
    case 'sign_decision':
      return decisionProblems(input, checkActionInput);
    case 'reopen_listing':
    case 'submit_to_province':
    case 'withdraw_submission':
    case 'accept':
    case 'reopen':
      return [];
  }
}
