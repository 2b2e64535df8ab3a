/** The commune review whose decision the lists are attached to, looked up inside the caller's scope. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { scopePredicate } from '../scope-filter.ts';

/** States in which the commune chair's decision has been signed (the lists are recognised). */
export const DECIDED_STATES: readonly string[] = ['decided', 'submitted', 'accepted'];

export interface DecisionReview {
  reviewId: number;
  provinceCode: string;
  communeCode: string;
  state: string;
  campaignYear: number;
  campaignKind: 'periodic' | 'monthly';
  /** Year the recognised lists govern (the campaign's policy year). */
  listYear: number;
  decisionNumber: string | null;
  decisionDate: string | null;
  decisionSigner: string | null;
}

export function isDecided(review: DecisionReview): boolean {
  return DECIDED_STATES.includes(review.state) && !!review.decisionNumber && !!review.decisionDate;
}

/** The review, or undefined when it does not exist or lies outside `scope`. */
export async function findDecisionReview(db: Kysely<DB>, scope: Scope, reviewId: number): Promise<DecisionReview | undefined> {
  const r = await db
    .selectFrom('commune_review as cr')
    .innerJoin('review_campaign as rc', 'rc.id', 'cr.campaign_id')
    .where('cr.id', '=', reviewId)
    .where(scopePredicate(scope, { province: 'cr.province_code', commune: 'cr.commune_code' }))
    .select([
      'cr.id',
      'cr.province_code',
      'cr.commune_code',
      'cr.state',
      'cr.decision_number',
      'cr.decision_date',
      'cr.decision_signer',
      'rc.year',
      'rc.kind',
      'rc.policy_year',
    ])
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    reviewId: r.id,
    provinceCode: r.province_code,
    communeCode: r.commune_code,
    state: r.state,
    campaignYear: r.year,
    campaignKind: r.kind,
    listYear: r.policy_year,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    decisionSigner: r.decision_signer,
  };
}
