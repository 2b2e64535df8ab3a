/**
 * Review results read for export: the commune reviews asked for (one review, or every review of a
 * campaign inside the caller's scope and the chosen unit), then each review's listed households in
 * keyset pages by household id (primary key (province_code, review_id, household_id)), with the class
 * under the campaign's national standard, its deprivations and explanation, and the latest village
 * meeting vote. One statement per page; never more than a page of rows in memory.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { scopePredicate } from '../scope-filter.ts';
import { classificationJoins } from '../review/household-sql.ts';
import { jsonPage } from './json-page.ts';

export const REVIEW_STAGES = ['listed', 'surveyed', 'agreed', 'rejected', 'final'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export interface ExportReview {
  reviewId: number;
  campaignId: number;
  provinceCode: string;
  communeCode: string;
  communeName: string | null;
  state: string;
  campaignTitle: string;
  campaignYear: number;
  standardId: string;
}

export interface ReviewSelection {
  scope: Scope;
  reviewId?: number;
  campaignId?: number;
  /** Restrict to one province and, optionally, one commune. */
  provinceCode?: string;
  communeCode?: string;
}

/** The reviews to export in commune order; empty when none lies in scope (the route answers "not found"). */
export async function findExportReviews(db: Kysely<DB>, s: ReviewSelection): Promise<ExportReview[]> {
  const r = await sql<{
    id: number;
    campaign_id: number;
    province_code: string;
    commune_code: string;
    commune_name: string | null;
    state: string;
    title: string;
    year: number;
    standard_id: string;
  }>`
    select cr.id, cr.campaign_id, cr.province_code, cr.commune_code, u.name as commune_name, cr.state, rc.title, rc.year, rc.standard_id
    from commune_review cr
    join review_campaign rc on rc.id = cr.campaign_id
    left join lateral (
      select a.name from admin_unit a where a.layout = '2025' and a.code = cr.commune_code and a.tier = 'commune'
      order by (a.valid_to is null) desc, a.valid_from desc limit 1
    ) u on true
    where ${scopePredicate(s.scope, { province: 'cr.province_code', commune: 'cr.commune_code' })}
      ${s.reviewId !== undefined ? sql`and cr.id = ${s.reviewId}` : sql``}
      ${s.campaignId !== undefined ? sql`and cr.campaign_id = ${s.campaignId}` : sql``}
      ${s.provinceCode ? sql`and cr.province_code = ${s.provinceCode}` : sql``}
      ${s.communeCode ? sql`and cr.commune_code = ${s.communeCode}` : sql``}
    order by cr.commune_code, cr.id`.execute(db);
  return r.rows.map((x) => ({
    reviewId: x.id,
    campaignId: x.campaign_id,
    provinceCode: x.province_code,
    communeCode: x.commune_code,
    communeName: x.commune_name,
    state: x.state,
    campaignTitle: x.title,
    campaignYear: x.year,
    standardId: x.standard_id,
  }));
}

export interface ReviewResultRow {
  household_id: number;
  code: string;
  head_name: string;
  head_citizen_id: string | null;
  village_name: string | null;
  address: string | null;
  listing_reason: string;
  stage: ReviewStage;
  proposed_class: string | null;
  final_class: string | null;
  computed_class: string | null;
  subtype: string | null;
  deprivation_count: number | null;
  deprivations: string[] | null;
  explanation: string | null;
  score_a: number | null;
  income: number | null;
  surveyed_on: string | null;
  meeting_no: number | null;
  vote_agree: number | null;
  vote_disagree: number | null;
  vote_attendees: number | null;
}

/** A review's result row with the review it belongs to. */
export interface ReviewResult {
  review: ExportReview;
  row: ReviewResultRow;
}

async function resultPage(db: Kysely<DB>, review: ExportReview, stage: ReviewStage | undefined, after: number, limit: number): Promise<ReviewResultRow[]> {
  return jsonPage<ReviewResultRow>(
    db,
    sql`
    select rh.household_id, h.code, h.head_name, h.head_citizen_id, v.name as village_name, h.address,
      rh.listing_reason, rh.stage, rh.proposed_class, rh.final_class,
      cl.class as computed_class, cl.subtype, cl.deprivation_count, cl.deprivations, cl.explanation,
      sv.score_a, sv.income, sv.surveyed_on,
      mv.meeting_no, coalesce(mv.agree, rh.meeting_agree) as vote_agree, mv.disagree as vote_disagree,
      coalesce(mv.attendees, rh.meeting_attendees) as vote_attendees
    from review_household rh
    join household h on h.province_code = rh.province_code and h.id = rh.household_id
    left join village v on v.province_code = h.province_code and v.commune_code = h.commune_code and v.code = h.village_code
    ${classificationJoins(review.standardId)}
    left join lateral (
      select x.meeting_no, x.agree, x.disagree, x.attendees from meeting_vote x
      where x.province_code = rh.province_code and x.review_id = rh.review_id and x.household_id = rh.household_id
      order by x.meeting_no desc limit 1
    ) mv on true
    where rh.province_code = ${review.provinceCode} and rh.review_id = ${review.reviewId} and rh.household_id > ${after}
      ${stage ? sql`and rh.stage = ${stage}` : sql``}
    order by rh.household_id
    limit ${limit}`,
    sql`p.household_id`,
  );
}

/** Every listed household of the reviews, review after review, in pages of at most `pageSize` rows. */
export async function* reviewResultPages(db: Kysely<DB>, reviews: readonly ExportReview[], opts: { stage?: ReviewStage; pageSize?: number } = {}): AsyncGenerator<ReviewResult[]> {
  const size = opts.pageSize ?? 2000;
  for (const review of reviews) {
    let after = 0;
    for (;;) {
      const rows = await resultPage(db, review, opts.stage, after, size);
      if (rows.length) yield rows.map((row) => ({ review, row }));
      if (rows.length < size) break;
      after = rows[rows.length - 1]!.household_id;
    }
  }
}
