/**
 * One commune-review transition, in one transaction: lock the review inside the scope, check its
 * version (optimistic concurrency), load the guard context set-based, ask the domain's `transition`,
 * apply the effects (households sent back to surveying; the decision's lists), save the new state, one
 * commune_review_event and one audit entry.
 */
import { sql, type Kysely, type Transaction, type UpdateObject } from 'kysely';
import type { DB } from '../schema.ts';
import type { CommuneDecision } from '../../domain/review/commune-decision.ts';
import type { ReviewAction } from '../../domain/review/review-actions.ts';
import type { ReviewEvent } from '../../domain/review/review-events.ts';
import { transition } from '../../domain/review/review-machine.ts';
import type { ReviewState } from '../../domain/review/review-states.ts';
import { recordAudit } from '../audit.ts';
import { reviewActorOf, type Caller } from './caller.ts';
import { loadReviewContext } from './context.ts';
import { vietnamToday } from './dates.ts';
import { refusalError, ReviewError } from './errors.ts';
import { defaultListEffectiveFrom, writeReviewLists, type ListEffectiveFrom, type WrittenLists } from './lists.ts';
import { loadReview, reviewRef, type ReviewRow } from './review-load.ts';
import { refreshAfterReviewTransition } from '../reports/summary-refresh.ts';

export interface TransitionRequest {
  action: ReviewAction;
  version: number;
  reason?: string;
  reopenTo?: ReviewState;
  decision?: CommuneDecision;
  /** sign_decision only: when the written lists take effect (default: the setting `review.listEffectiveFrom`, else the decision date). */
  listEffectiveFrom?: ListEffectiveFrom;
}

export interface TransitionOutcome {
  reviewId: number;
  from: ReviewState;
  to: ReviewState;
  version: number;
  events: readonly ReviewEvent[];
  lists?: Omit<WrittenLists, 'replaced'> & { replaced: number };
}

async function returnToSurveying(trx: Transaction<DB>, review: ReviewRow, householdIds: readonly string[]): Promise<void> {
  if (householdIds.length === 0) return;
  await trx
    .updateTable('review_household')
    .set({ stage: 'listed', returned_at: sql<Date>`now()`, meeting_agree: null, meeting_attendees: null })
    .where('province_code', '=', review.province_code)
    .where('review_id', '=', review.id)
    .where('household_id', 'in', householdIds.map(Number))
    .execute();
}

function stateColumns(action: ReviewAction, caller: Caller, decision?: CommuneDecision): UpdateObject<DB, 'commune_review'> {
  switch (action) {
    case 'sign_decision':
      return { decision_number: decision!.number.trim(), decision_date: decision!.date, decision_signer: decision!.signerName.trim() };
    case 'submit_to_province':
      return { submitted_at: sql<Date>`now()` };
    case 'withdraw_submission':
      return { submitted_at: null };
    case 'accept':
      return { accepted_at: sql<Date>`now()`, accepted_by: caller.actor.id };
    case 'reopen':
      return { submitted_at: null, accepted_at: null, accepted_by: null };
    default:
      return {};
  }
}

export async function applyReviewTransition(db: Kysely<DB>, caller: Caller, reviewId: number, req: TransitionRequest): Promise<TransitionOutcome> {
  return db.transaction().execute(async (trx) => {
    const loaded = await loadReview(trx, caller.scope, reviewId, true);
    const { review, campaign } = loaded;
    if (review.version !== req.version) throw new ReviewError('conflict');
    const context = await loadReviewContext(trx, loaded, vietnamToday());
    const result = transition(reviewRef(review), req.action, reviewActorOf(caller), {
      context,
      ...(req.reason === undefined ? {} : { reason: req.reason }),
      ...(req.reopenTo === undefined ? {} : { reopenTo: req.reopenTo }),
      ...(req.decision === undefined ? {} : { decision: req.decision }),
    });
    if (!result.ok) throw refusalError(result);

    let lists: WrittenLists | undefined;
    for (const e of result.events) {
      if (e.type === 'households_returned_to_surveying') await returnToSurveying(trx, review, e.householdIds);
      if (e.type === 'commune_decision_signed') {
        lists = await writeReviewLists(trx, review, campaign, e.decision, req.listEffectiveFrom ?? (await defaultListEffectiveFrom(trx)));
      }
    }
    await refreshAfterReviewTransition(trx, review.province_code, review.commune_code, result.newState);
    const after = await trx
      .updateTable('commune_review')
      .set({
        state: result.newState,
        state_changed_at: sql<Date>`now()`,
        version: sql<number>`version + 1`,
        ...stateColumns(req.action, caller, req.decision),
      })
      .where('province_code', '=', review.province_code)
      .where('id', '=', review.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const reason = result.events.find((e) => e.type === 'review_state_changed')?.reason ?? null;
    const listSummary = lists && { ...lists, replaced: lists.replaced.length };
    const payload = {
      events: result.events.filter((e) => e.type !== 'review_state_changed'),
      ...(listSummary === undefined ? {} : { lists: listSummary }),
    };
    await trx
      .insertInto('commune_review_event')
      .values({
        province_code: review.province_code,
        review_id: review.id,
        actor_id: caller.actor.id,
        action: req.action,
        from_state: review.state,
        to_state: result.newState,
        reason,
        payload: JSON.stringify(payload),
      })
      .execute();
    const snapshot = (r: typeof after) => ({
      state: r.state,
      version: r.version,
      decisionNumber: r.decision_number,
      decisionDate: r.decision_date,
      decisionSigner: r.decision_signer,
    });
    await recordAudit(trx, caller.actor, {
      action: `review.${req.action}`,
      entity: 'commune_review',
      entityId: review.id,
      provinceCode: review.province_code,
      unitCode: review.commune_code,
      before: { ...snapshot(review), ...(lists && lists.replaced.length > 0 ? { replacedListRows: lists.replaced } : {}) },
      after: { ...snapshot(after), ...payload },
      reason,
    });
    return {
      reviewId: review.id,
      from: review.state,
      to: result.newState,
      version: after.version,
      events: result.events,
      ...(listSummary === undefined ? {} : { lists: listSummary }),
    };
  });
}
