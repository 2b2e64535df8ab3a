/**
 * What classification needs to know about a commune review: its campaign's standard(s) and reference
 * date, its state (the lock), and the commune's urban/rural area type as of the reference date. The
 * registry only reads `commune_review.state`; the workflow that changes it lives elsewhere.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import type { AreaType } from '../../domain/standards/types.ts';
import { isReviewState, LOCKED_REVIEW_STATES, REVIEW_STATE_LABELS_VI } from '../../domain/review/review-states.ts';
import { areaTypeOf } from '../units/index.ts';
import { scopePredicate } from '../scope-filter.ts';
import { RegistryError } from './errors.ts';
import { REVIEW_SCOPE } from './scope-columns.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface ReviewContext {
  reviewId: number;
  provinceCode: string;
  communeCode: string;
  state: string;
  campaignId: number;
  year: number;
  standardId: string;
  localStandardId: string | null;
  referenceDate: string;
}

/** The review if it is inside the scope, else `out_of_scope`. */
export async function loadReviewContext(db: Db, scope: Scope, reviewId: number): Promise<ReviewContext> {
  const r = await db
    .selectFrom('commune_review')
    .innerJoin('review_campaign', 'review_campaign.id', 'commune_review.campaign_id')
    .select([
      'commune_review.id',
      'commune_review.province_code',
      'commune_review.commune_code',
      'commune_review.state',
      'review_campaign.id as campaign_id',
      'review_campaign.year',
      'review_campaign.standard_id',
      'review_campaign.local_standard_id',
      'review_campaign.reference_date',
    ])
    .where('commune_review.id', '=', reviewId)
    .where(scopePredicate(scope, REVIEW_SCOPE))
    .executeTakeFirst();
  if (!r) throw new RegistryError('out_of_scope');
  return {
    reviewId: r.id,
    provinceCode: r.province_code,
    communeCode: r.commune_code,
    state: r.state,
    campaignId: r.campaign_id,
    year: r.year,
    standardId: r.standard_id,
    localStandardId: r.local_standard_id,
    referenceDate: r.reference_date,
  };
}

export function isLocked(state: string): boolean {
  return isReviewState(state) && LOCKED_REVIEW_STATES.includes(state);
}

/** Refuses survey records and classification for a review from the signed decision on. */
export function assertUnlocked(ctx: Pick<ReviewContext, 'state' | 'communeCode'>): void {
  if (isLocked(ctx.state)) {
    throw new RegistryError('review_locked', { state: isReviewState(ctx.state) ? REVIEW_STATE_LABELS_VI[ctx.state] : ctx.state, commune: ctx.communeCode });
  }
}

/** Re-reads the state under a share lock inside a write transaction, so the review cannot lock mid-write. */
export async function assertUnlockedNow(trx: Transaction<DB>, ctx: ReviewContext): Promise<void> {
  const r = await sql<{ state: string }>`
    select state from commune_review where province_code = ${ctx.provinceCode} and id = ${ctx.reviewId} for share`.execute(trx);
  assertUnlocked({ state: r.rows[0]?.state ?? ctx.state, communeCode: ctx.communeCode });
}

/**
 * Urban/rural of the review's commune as of the campaign's reference date. A 2025-layout commune did
 * not exist before 1 July 2025; for earlier reference dates the area type of its first version is used.
 */
export async function areaOfReview(db: Db, ctx: Pick<ReviewContext, 'communeCode' | 'referenceDate'>): Promise<AreaType> {
  return areaOfCommune(db, ctx.communeCode, ctx.referenceDate);
}

export async function areaOfCommune(db: Db, communeCode: string, asOf: string): Promise<AreaType> {
  const kdb = db as Kysely<DB>;
  let area = await areaTypeOf(kdb, '2025', communeCode, asOf);
  if (area === null) {
    const first = await db
      .selectFrom('admin_unit')
      .select(sql<string>`min(valid_from)::text`.as('d'))
      .where('layout', '=', '2025')
      .where('code', '=', communeCode)
      .executeTakeFirst();
    if (first?.d && first.d > asOf) area = await areaTypeOf(kdb, '2025', communeCode, first.d);
  }
  if (area === null) throw new RegistryError('area_unknown', { code: communeCode, date: asOf });
  return area;
}
