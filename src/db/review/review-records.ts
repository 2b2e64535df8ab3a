/**
 * Posting dates and complaints of a commune review (step 4). Refused once the review is locked; posting
 * belongs to the posting step, complaints to the posting and complaint steps.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { recordAudit } from '../audit.ts';
import type { Caller } from './caller.ts';
import { complaintView, type ComplaintView } from './complaint-records.ts';
import { insertComplaint, resolveComplaintRow, type ComplaintOwner, type ComplaintResolution, type NewComplaint } from './complaints.ts';
import { ReviewError } from './errors.ts';
import { assertRecordable, loadReview, type ReviewRow } from './review-load.ts';
import { reviewSummary, type ReviewSummary } from './view.ts';
import { problem } from '../../domain/review/problem.ts';

const COMPLAINT_STEPS = ['public_posting', 'complaints'] as const;

function owner(review: ReviewRow): ComplaintOwner {
  return { kind: 'review', provinceCode: review.province_code, communeCode: review.commune_code, id: review.id };
}

export async function setPosting(db: Kysely<DB>, caller: Caller, reviewId: number, posting: { startDate: string; endDate: string }): Promise<ReviewSummary> {
  return db.transaction().execute(async (trx) => {
    const { review } = await loadReview(trx, caller.scope, reviewId, true);
    assertRecordable(review, ['public_posting'], problem('ngày niêm yết công khai', 'The posting dates'));
    const after = await trx
      .updateTable('commune_review')
      .set({ posting_start: posting.startDate, posting_end: posting.endDate })
      .where('province_code', '=', review.province_code)
      .where('id', '=', review.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, caller.actor, {
      action: 'review.posting',
      entity: 'commune_review',
      entityId: review.id,
      provinceCode: review.province_code,
      unitCode: review.commune_code,
      before: { postingStart: review.posting_start, postingEnd: review.posting_end },
      after: { postingStart: after.posting_start, postingEnd: after.posting_end },
    });
    return reviewSummary(after as ReviewRow);
  });
}

export async function recordReviewComplaint(db: Kysely<DB>, caller: Caller, reviewId: number, c: NewComplaint): Promise<ComplaintView> {
  return db.transaction().execute(async (trx) => {
    const { review } = await loadReview(trx, caller.scope, reviewId, true);
    assertRecordable(review, COMPLAINT_STEPS, problem('khiếu nại', 'Complaints'));
    if (c.householdId != null) {
      const listed = await trx
        .selectFrom('review_household')
        .select('household_id')
        .where('province_code', '=', review.province_code)
        .where('review_id', '=', review.id)
        .where('household_id', '=', c.householdId)
        .executeTakeFirst();
      if (!listed) throw new ReviewError('household_not_listed', { id: c.householdId });
    }
    return insertComplaint(trx, caller, owner(review), c);
  });
}

export async function resolveReviewComplaint(db: Kysely<DB>, caller: Caller, reviewId: number, complaintId: number, r: ComplaintResolution): Promise<ComplaintView> {
  return db.transaction().execute(async (trx) => {
    const { review } = await loadReview(trx, caller.scope, reviewId, true);
    assertRecordable(review, COMPLAINT_STEPS, problem('kết quả phúc tra', 'Re-check results'));
    return resolveComplaintRow(trx, caller, owner(review), complaintId, r);
  });
}

export async function listReviewComplaints(db: Kysely<DB>, scope: Scope, reviewId: number): Promise<ComplaintView[]> {
  const { review } = await loadReview(db, scope, reviewId);
  const rows = await db
    .selectFrom('complaint')
    .selectAll()
    .where('province_code', '=', review.province_code)
    .where('review_id', '=', review.id)
    .orderBy('id')
    .execute();
  return rows.map(complaintView);
}
