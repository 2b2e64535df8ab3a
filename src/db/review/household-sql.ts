/**
 * SQL fragments over a review's listed households (alias `rh` = review_household), shared by the guard
 * context, the household list, the review's progress and the province board so "surveyed" means one
 * thing everywhere.
 */
import { sql, type RawBuilder } from 'kysely';

/**
 * Joins a listed household (`rh`) to its classification under the campaign's national standard (`cl`)
 * and the survey that classification used (`sv`). Every query using SURVEYED or CLASS adds these joins.
 */
export function classificationJoins(standardId: string): RawBuilder<unknown> {
  return sql`left join classification cl on cl.province_code = rh.province_code and cl.review_id = rh.review_id
      and cl.household_id = rh.household_id and cl.standard_id = ${standardId}
    left join survey sv on sv.province_code = cl.province_code and sv.id = cl.survey_id`;
}

/**
 * Surveyed for this review: classified under the national standard from a survey that is current (not
 * superseded) and was made after the household was last sent back by a village meeting.
 */
export const SURVEYED: RawBuilder<boolean> = sql<boolean>`(sv.id is not null and sv.superseded_by is null
  and (rh.returned_at is null or sv.created_at > rh.returned_at))`;

/** The household's class in this review under the national standard (null before classification). */
export const CLASS: RawBuilder<string | null> = sql<string | null>`cl.class`;

/** Count columns of a group of listed households (with classificationJoins): listed, surveyed, agreed, rejected, poor, near-poor. */
export const HOUSEHOLD_COUNT_COLUMNS: RawBuilder<unknown> = sql`count(rh.household_id)::int as listed,
    count(rh.household_id) filter (where ${SURVEYED})::int as surveyed,
    count(rh.household_id) filter (where rh.stage = 'agreed')::int as agreed,
    count(rh.household_id) filter (where rh.stage = 'rejected')::int as rejected,
    count(rh.household_id) filter (where cl.class = 'poor')::int as poor,
    count(rh.household_id) filter (where cl.class = 'near_poor')::int as near_poor`;

export interface HouseholdCounts {
  listed: number;
  surveyed: number;
  agreed: number;
  rejected: number;
  poor: number;
  nearPoor: number;
}

/** A row carrying householdCountColumns. */
export interface HouseholdCountRow {
  listed: number;
  surveyed: number;
  agreed: number;
  rejected: number;
  poor: number;
  near_poor: number;
}

export function householdCounts(r: Partial<HouseholdCountRow>): HouseholdCounts {
  return {
    listed: Number(r.listed ?? 0),
    surveyed: Number(r.surveyed ?? 0),
    agreed: Number(r.agreed ?? 0),
    rejected: Number(r.rejected ?? 0),
    poor: Number(r.poor ?? 0),
    nearPoor: Number(r.near_poor ?? 0),
  };
}
