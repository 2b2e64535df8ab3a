/**
 * SQL fragments over a review's listed households (alias `rh` = review_household), shared by the guard
 * context, the review's progress and the province board so "surveyed" means one thing everywhere.
 */
import { sql, type RawBuilder } from 'kysely';

/**
 * Surveyed for this review: a classification under the campaign's national standard whose survey is
 * current (not superseded) and was made after the household was last sent back by a village meeting.
 */
export function surveyedSql(standardId: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from classification cl join survey sv on sv.province_code = cl.province_code and sv.id = cl.survey_id
    where cl.province_code = rh.province_code and cl.review_id = rh.review_id and cl.household_id = rh.household_id
      and cl.standard_id = ${standardId} and sv.superseded_by is null
      and (rh.returned_at is null or sv.created_at > rh.returned_at))`;
}

/** The household's class in this review under the national standard (null before classification). */
export function classSql(standardId: string): RawBuilder<string | null> {
  return sql<string | null>`(select cl.class from classification cl where cl.province_code = rh.province_code
    and cl.review_id = rh.review_id and cl.household_id = rh.household_id and cl.standard_id = ${standardId})`;
}

/** Count columns of a group of listed households: listed, surveyed, agreed, rejected, poor, near-poor. */
export function householdCountColumns(standardId: string): RawBuilder<unknown> {
  return sql`count(rh.household_id)::int as listed,
    count(rh.household_id) filter (where ${surveyedSql(standardId)})::int as surveyed,
    count(rh.household_id) filter (where rh.stage = 'agreed')::int as agreed,
    count(rh.household_id) filter (where rh.stage = 'rejected')::int as rejected,
    count(rh.household_id) filter (where ${classSql(standardId)} = 'poor')::int as poor,
    count(rh.household_id) filter (where ${classSql(standardId)} = 'near_poor')::int as near_poor`;
}

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
