/**
 * The province board of a campaign: every commune review in the caller's scope with its step, days in
 * that step, household counts and whether it is behind the plan (lateness.ts), in one set-based query.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { calendarDaysBetween } from '../../domain/calendar/iso-date.ts';
import { REVIEW_STATE_LABELS_VI, type ReviewState } from '../../domain/review/review-states.ts';
import { scopePredicate } from '../scope-filter.ts';
import { getCampaign, type CampaignView } from './campaigns.ts';
import { vietnamDateOf, vietnamToday } from './dates.ts';
import { ReviewError } from './errors.ts';
import { classificationJoins, HOUSEHOLD_COUNT_COLUMNS, householdCounts, type HouseholdCounts } from './household-sql.ts';
import { isLate, stepDueDate } from './lateness.ts';
import { REVIEW_SCOPE } from './scope-columns.ts';
import { unitNameExpr } from './units.ts';

export interface BoardRow {
  reviewId: number;
  communeCode: string;
  communeName: string | null;
  state: ReviewState;
  stateLabel: string;
  stateChangedAt: string;
  daysInState: number;
  version: number;
  counts: HouseholdCounts;
  /** Last day the commune may remain in its current step (null: submitted or accepted). */
  dueDate: string | null;
  late: boolean;
}

export interface Board {
  campaign: CampaignView;
  today: string;
  communes: BoardRow[];
  byState: Partial<Record<ReviewState, number>>;
  late: number;
}

export async function campaignBoard(db: Kysely<DB>, scope: Scope, campaignId: number, today = vietnamToday()): Promise<Board> {
  const campaign = await getCampaign(db, scope, campaignId);
  if (!campaign) throw new ReviewError('out_of_scope');
  const rows = await sql<{
    id: number;
    commune_code: string;
    commune_name: string | null;
    state: ReviewState;
    state_changed_at: Date;
    version: number;
    listed: number;
    surveyed: number;
    agreed: number;
    rejected: number;
    poor: number;
    near_poor: number;
  }>`
    select r.id, r.commune_code, ${unitNameExpr('r.commune_code', campaign.referenceDate)} as commune_name,
      r.state, r.state_changed_at, r.version, k.*
    from commune_review r
    cross join lateral (
      select ${HOUSEHOLD_COUNT_COLUMNS} from review_household rh ${classificationJoins(campaign.standardId)}
      where rh.province_code = r.province_code and rh.review_id = r.id) k
    where r.campaign_id = ${campaignId} and ${scopePredicate(scope, REVIEW_SCOPE)}
    order by r.commune_code`.execute(db);
  const communes = rows.rows.map((r): BoardRow => {
    const late = campaign.status === 'open' && isLate(r.state, campaign.planStart, campaign.planEnd, today);
    return {
      reviewId: r.id,
      communeCode: r.commune_code,
      communeName: r.commune_name,
      state: r.state,
      stateLabel: REVIEW_STATE_LABELS_VI[r.state],
      stateChangedAt: new Date(r.state_changed_at).toISOString(),
      daysInState: Math.max(0, calendarDaysBetween(vietnamDateOf(r.state_changed_at), today)),
      version: r.version,
      counts: householdCounts(r),
      dueDate: stepDueDate(r.state, campaign.planStart, campaign.planEnd),
      late,
    };
  });
  const byState: Partial<Record<ReviewState, number>> = {};
  for (const c of communes) byState[c.state] = (byState[c.state] ?? 0) + 1;
  return { campaign, today, communes, byState, late: communes.filter((c) => c.late).length };
}
