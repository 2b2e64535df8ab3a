/**
 * Reading commune reviews: the list in the caller's scope, and one review with what may happen next
 * (the domain's nextActions for the caller's role, with Vietnamese blockers), progress counts per
 * village (set-based), complaints, posting, decision and the latest events.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { isComplaintResolved } from '../../domain/review/complaints.ts';
import { nextActions, type NextReviewAction } from '../../domain/review/review-machine.ts';
import { isReviewLocked, REVIEW_STATE_LABELS_VI, type ReviewState } from '../../domain/review/review-states.ts';
import { scopePredicate } from '../scope-filter.ts';
import { loadReviewContext } from './context.ts';
import { vietnamToday } from './dates.ts';
import { classificationJoins, HOUSEHOLD_COUNT_COLUMNS, householdCounts, type HouseholdCountRow, type HouseholdCounts } from './household-sql.ts';
import { defaultListEffectiveFrom, type ListEffectiveFrom } from './lists.ts';
import { loadReview, type ReviewRow } from './review-load.ts';
import { REVIEW_SCOPE } from './scope-columns.ts';
import { unitNameExpr } from './units.ts';

export interface ReviewSummary {
  id: number;
  campaignId: number;
  provinceCode: string;
  communeCode: string;
  communeName: string | null;
  state: ReviewState;
  stateLabel: string;
  locked: boolean;
  stateChangedAt: string;
  posting: { startDate: string; endDate: string } | null;
  decision: { number: string; date: string; signer: string | null } | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  version: number;
}

function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}

export function reviewSummary(r: ReviewRow & { commune_name?: string | null }): ReviewSummary {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    provinceCode: r.province_code,
    communeCode: r.commune_code,
    communeName: r.commune_name ?? null,
    state: r.state,
    stateLabel: REVIEW_STATE_LABELS_VI[r.state],
    locked: isReviewLocked(r.state),
    stateChangedAt: new Date(r.state_changed_at).toISOString(),
    posting: r.posting_start !== null && r.posting_end !== null ? { startDate: r.posting_start, endDate: r.posting_end } : null,
    decision: r.decision_number !== null && r.decision_date !== null ? { number: r.decision_number, date: r.decision_date, signer: r.decision_signer } : null,
    submittedAt: iso(r.submitted_at),
    acceptedAt: iso(r.accepted_at),
    version: r.version,
  };
}

export async function listReviews(db: Kysely<DB>, scope: Scope, q: { campaignId?: number; state?: ReviewState } = {}): Promise<ReviewSummary[]> {
  let query = db
    .selectFrom('commune_review as r')
    .selectAll('r')
    .select(unitNameExpr('r.commune_code', vietnamToday()).as('commune_name'))
    .where(scopePredicate(scope, REVIEW_SCOPE));
  if (q.campaignId !== undefined) query = query.where('r.campaign_id', '=', q.campaignId);
  if (q.state !== undefined) query = query.where('r.state', '=', q.state);
  const rows = await query.orderBy('r.campaign_id', 'desc').orderBy('r.commune_code').limit(5000).execute();
  return rows.map((r) => reviewSummary(r as ReviewRow & { commune_name: string | null }));
}

export interface VillageProgress extends HouseholdCounts {
  villageCode: string;
  villageName: string | null;
  meetings: number;
}

export interface ReviewView {
  review: ReviewSummary;
  campaign: { id: number; title: string; year: number; policyYear: number; standardId: string; status: string; planStart: string; planEnd: string };
  nextActions: NextReviewAction[];
  progress: { totals: HouseholdCounts; villages: VillageProgress[] };
  complaints: { total: number; unresolved: number };
  events: Array<{ at: string; actorId: number | null; action: string; from: string | null; to: string; reason: string | null }>;
  /** When a decision's lists take effect unless it says otherwise (setting `review.listEffectiveFrom`). */
  listEffectiveFromDefault: ListEffectiveFrom;
}

export async function getReviewView(db: Kysely<DB>, scope: Scope, role: Role, id: number): Promise<ReviewView> {
  const loaded = await loadReview(db, scope, id);
  const { review, campaign } = loaded;
  const context = await loadReviewContext(db, loaded, vietnamToday());
  const villages = await sql<{ village_code: string; village_name: string | null; meetings: number } & HouseholdCountRow>`
    select k.*, v.name as village_name,
      (select count(*)::int from village_meeting m where m.province_code = ${review.province_code} and m.review_id = ${review.id}
        and m.village_code = k.village_code) as meetings
    from (
      select coalesce(h.village_code, '') as village_code, ${HOUSEHOLD_COUNT_COLUMNS}
      from review_household rh join household h on h.province_code = rh.province_code and h.id = rh.household_id
      ${classificationJoins(campaign.standard_id)}
      where rh.province_code = ${review.province_code} and rh.review_id = ${review.id}
      group by 1) k
    left join village v on v.province_code = ${review.province_code} and v.commune_code = ${review.commune_code} and v.code = k.village_code
    order by k.village_code`.execute(db);
  const perVillage = villages.rows.map((v) => ({ villageCode: v.village_code, villageName: v.village_name, meetings: Number(v.meetings), ...householdCounts(v) }));
  const totals = householdCounts({});
  for (const v of perVillage) for (const k of Object.keys(totals) as Array<keyof HouseholdCounts>) totals[k] += v[k];
  const events = await db
    .selectFrom('commune_review_event')
    .select(['at', 'actor_id', 'action', 'from_state', 'to_state', 'reason'])
    .where('province_code', '=', review.province_code)
    .where('review_id', '=', review.id)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  const name = await sql<{ n: string | null }>`select ${unitNameExpr('c', vietnamToday())} as n from (select ${review.commune_code}::text as c) x`.execute(db);
  return {
    review: reviewSummary({ ...review, commune_name: name.rows[0]?.n ?? null }),
    campaign: {
      id: campaign.id,
      title: campaign.title,
      year: campaign.year,
      policyYear: campaign.policy_year,
      standardId: campaign.standard_id,
      status: campaign.status,
      planStart: campaign.plan_start,
      planEnd: campaign.plan_end,
    },
    nextActions: nextActions(review.state, role, context),
    progress: { totals, villages: perVillage },
    complaints: { total: context.complaints.length, unresolved: context.complaints.filter((c) => !isComplaintResolved(c)).length },
    events: events.map((e) => ({ at: new Date(e.at).toISOString(), actorId: e.actor_id, action: e.action, from: e.from_state, to: e.to_state, reason: e.reason })),
    listEffectiveFromDefault: await defaultListEffectiveFrom(db),
  };
}
