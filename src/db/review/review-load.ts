/** Loads one commune review inside the caller's scope (the gate of every review read and write). */
import type { Selectable, Transaction, Kysely } from 'kysely';
import type { CommuneReviewTable, DB, ReviewCampaignTable } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import type { CommuneReviewRef } from '../../domain/review/review-context.ts';
import { isReviewLocked, REVIEW_STATE_LABELS_EN, REVIEW_STATE_LABELS_VI, type ReviewState } from '../../domain/review/review-states.ts';
import type { Problem } from '../../domain/review/problem.ts';
import { scopePredicate } from '../scope-filter.ts';
import { ReviewError } from './errors.ts';
import { REVIEW_SCOPE } from './scope-columns.ts';

export type ReviewRow = Selectable<CommuneReviewTable> & { state: ReviewState };
export type CampaignRow = Selectable<ReviewCampaignTable>;

export interface LoadedReview {
  review: ReviewRow;
  campaign: CampaignRow;
}

/**
 * The review `id` if the scope covers its commune (otherwise `out_of_scope`, so its existence is not
 * revealed), with its campaign. `lock` takes the row FOR UPDATE: every write to a review or its
 * records does, so writes and state transitions of one review are serialised.
 */
export async function loadReview(db: Kysely<DB> | Transaction<DB>, scope: Scope, id: number, lock = false): Promise<LoadedReview> {
  let q = db.selectFrom('commune_review as r').selectAll('r').where('r.id', '=', id).where(scopePredicate(scope, REVIEW_SCOPE));
  if (lock) q = q.forUpdate();
  const review = await q.executeTakeFirst();
  if (!review) throw new ReviewError('out_of_scope');
  const campaign = await db.selectFrom('review_campaign').selectAll().where('id', '=', review.campaign_id).executeTakeFirstOrThrow();
  return { review: review as ReviewRow, campaign };
}

export function reviewRef(review: ReviewRow): CommuneReviewRef {
  return {
    reviewId: String(review.id),
    campaignId: String(review.campaign_id),
    provinceCode: review.province_code,
    communeCode: review.commune_code,
    state: review.state,
  };
}

/**
 * Refuses record changes on a locked review (decided, submitted, accepted) and outside the steps that
 * own the record (`steps`), with the step names in the message (Vietnamese, and English for English readers).
 */
export function assertRecordable(review: ReviewRow, steps: readonly ReviewState[], what: Problem): void {
  if (isReviewLocked(review.state)) {
    throw new ReviewError('review_record_locked', { state: REVIEW_STATE_LABELS_VI[review.state] }, [], { params: { state: REVIEW_STATE_LABELS_EN[review.state] } });
  }
  if (!steps.includes(review.state)) {
    throw new ReviewError(
      'review_wrong_step',
      { what: what.vi, expected: steps.map((s) => `"${REVIEW_STATE_LABELS_VI[s]}"`).join(', '), state: REVIEW_STATE_LABELS_VI[review.state] },
      [],
      { params: { what: what.en, expected: steps.map((s) => `"${REVIEW_STATE_LABELS_EN[s]}"`).join(', '), state: REVIEW_STATE_LABELS_EN[review.state] } },
    );
  }
}
