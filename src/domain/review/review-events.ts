/**
 * Events a successful transition produces. The storage layer persists them (the audit writer records
 * every one; a reopening's reason is part of its event) and applies their effects.
 */
import type { Role } from '../access/roles.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { CommuneDecision } from './commune-decision.ts';
import type { ReviewAction } from './review-actions.ts';
import type { ReviewState } from './review-states.ts';

interface ReviewEventBase {
  readonly reviewId: string;
  readonly campaignId: string;
  readonly communeCode: string;
  readonly actorUserId: string;
  readonly actorRole: Role;
  /** Date of the action (the context's `today`). */
  readonly on: IsoDate;
}

export interface ReviewStateChangedEvent extends ReviewEventBase {
  readonly type: 'review_state_changed';
  readonly action: ReviewAction;
  readonly from: ReviewState;
  readonly to: ReviewState;
  readonly reason?: string;
}

export interface CommuneDecisionSignedEvent extends ReviewEventBase {
  readonly type: 'commune_decision_signed';
  readonly decision: CommuneDecision;
}

/** Effect for storage: mark these households "not surveyed" so they are reviewed and voted on again. */
export interface HouseholdsReturnedToSurveyingEvent extends ReviewEventBase {
  readonly type: 'households_returned_to_surveying';
  readonly householdIds: readonly string[];
}

/** A locked review was unlocked; the reason is mandatory. */
export interface ReviewReopenedEvent extends ReviewEventBase {
  readonly type: 'review_reopened';
  readonly from: ReviewState;
  readonly to: ReviewState;
  readonly reason: string;
}

export type ReviewEvent =
  | ReviewStateChangedEvent
  | CommuneDecisionSignedEvent
  | HouseholdsReturnedToSurveyingEvent
  | ReviewReopenedEvent;
