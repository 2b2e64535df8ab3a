/**
 * THE table of the commune review workflow: for each state, the actions that may happen next, the state
 * each leads to, the roles that may take it and whether a written reason is required. Guards (what the
 * data must look like) live in review-guards.ts; scope (which commune) is checked against the actor.
 *
 * - Commune officer (cán bộ cấp xã) advances the commune steps and submits.
 * - Commune chair (Chủ tịch UBND xã) signs the recognition decision, may submit, withdraw a submission
 *   not yet accepted, and reopen his/her own signed decision.
 * - Province officer accepts a submitted review or returns it (reopen, with a reason); only a higher
 *   level reopens a submitted or accepted review.
 * - National admin may do anything. Village reviewers and steering viewers move no state.
 */
import type { Role } from '../access/roles.ts';
import type { ReviewAction } from './review-actions.ts';
import type { ReviewState } from './review-states.ts';

export interface ReviewTransitionEntry {
  readonly action: ReviewAction;
  /** Target state; for `reopen` the default target, which the actor may change to any of `reopenTargets`. */
  readonly to: ReviewState;
  readonly reopenTargets?: readonly ReviewState[];
  readonly roles: readonly Role[];
  readonly requiresReason: boolean;
}

/** States a reopened review may go back to: every step where household data can be corrected. */
export const REVIEW_REOPEN_TARGETS: readonly ReviewState[] = Object.freeze([
  'listing',
  'surveying',
  'village_meetings',
  'public_posting',
  'complaints',
]);

const COMMUNE_STEP: readonly Role[] = Object.freeze(['commune_officer', 'national_admin']);
const SIGNER: readonly Role[] = Object.freeze(['commune_chair', 'national_admin']);
const COMMUNE_SUBMITTER: readonly Role[] = Object.freeze(['commune_officer', 'commune_chair', 'national_admin']);
const PROVINCE: readonly Role[] = Object.freeze(['province_officer', 'national_admin']);
const DECISION_REOPENER: readonly Role[] = Object.freeze(['commune_chair', 'province_officer', 'national_admin']);

function entry(
  action: ReviewAction,
  to: ReviewState,
  roles: readonly Role[],
  requiresReason = false,
  reopenTargets?: readonly ReviewState[],
): ReviewTransitionEntry {
  return Object.freeze(reopenTargets === undefined ? { action, to, roles, requiresReason } : { action, to, roles, requiresReason, reopenTargets });
}

export const REVIEW_TRANSITIONS: Readonly<Record<ReviewState, readonly ReviewTransitionEntry[]>> = Object.freeze({
  listing: [entry('complete_listing', 'surveying', COMMUNE_STEP)],
  surveying: [
    entry('complete_surveying', 'village_meetings', COMMUNE_STEP),
    entry('reopen_listing', 'listing', COMMUNE_STEP),
  ],
  village_meetings: [
    entry('complete_village_meetings', 'public_posting', COMMUNE_STEP),
    entry('return_rejected_to_surveying', 'surveying', COMMUNE_STEP),
  ],
  public_posting: [entry('complete_posting', 'complaints', COMMUNE_STEP)],
  complaints: [entry('sign_decision', 'decided', SIGNER)],
  decided: [
    entry('submit_to_province', 'submitted', COMMUNE_SUBMITTER),
    entry('reopen', 'surveying', DECISION_REOPENER, true, REVIEW_REOPEN_TARGETS),
  ],
  submitted: [
    entry('accept', 'accepted', PROVINCE),
    entry('withdraw_submission', 'decided', COMMUNE_SUBMITTER, true),
    entry('reopen', 'surveying', PROVINCE, true, REVIEW_REOPEN_TARGETS),
  ],
  accepted: [entry('reopen', 'surveying', PROVINCE, true, REVIEW_REOPEN_TARGETS)],
});

/** The table entry for `action` in `state`, or undefined when the action is not available there. */
export function reviewTransitionEntry(state: ReviewState, action: ReviewAction): ReviewTransitionEntry | undefined {
  return REVIEW_TRANSITIONS[state].find((e) => e.action === action);
}
