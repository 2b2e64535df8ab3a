/**
 * Set-based writes of classification results: any number of rows in ONE statement (the rows travel
 * as a single jsonb parameter, expanded by jsonb_to_recordset), so the reclassification job writes a
 * whole chunk at once on PostgreSQL and PGlite alike, without the bind-parameter limit.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import type { ClassificationRecord } from './classify-survey.ts';

const RECORD_COLUMNS = sql.raw(`x(province_code text, review_id bigint, household_id bigint, standard_id text, survey_id bigint,
  area_type text, class text, subtype text, deprivation_count smallint, deprivations text[], explanation text)`);

/** Inserts or replaces the classification of each (household, review, standard). */
export async function upsertClassifications(trx: Transaction<DB>, rows: readonly ClassificationRecord[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await sql`
    insert into classification (province_code, review_id, household_id, standard_id, survey_id, area_type, class, subtype,
                                deprivation_count, deprivations, explanation, computed_at)
    select x.province_code, x.review_id, x.household_id, x.standard_id, x.survey_id, x.area_type, x.class, x.subtype,
           x.deprivation_count, x.deprivations, x.explanation, now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${RECORD_COLUMNS}
    on conflict (province_code, review_id, household_id, standard_id) do update set
      survey_id = excluded.survey_id, area_type = excluded.area_type, class = excluded.class, subtype = excluded.subtype,
      deprivation_count = excluded.deprivation_count, deprivations = excluded.deprivations,
      explanation = excluded.explanation, computed_at = excluded.computed_at`.execute(trx);
  return Number(r.numAffectedRows ?? rows.length);
}

/**
 * The proposed class of each household on the review's list (national standard rows only). A household
 * not yet on the list is added ("added"); `markSurveyed` moves a listed or meeting-rejected household to
 * "surveyed" (a new survey), and leaves later stages to the review workflow.
 */
export async function setProposedClasses(trx: Transaction<DB>, rows: readonly ClassificationRecord[], markSurveyed: boolean): Promise<void> {
  if (rows.length === 0) return;
  const slim = rows.map((r) => ({ province_code: r.province_code, review_id: r.review_id, household_id: r.household_id, class: r.class }));
  await sql`
    insert into review_household (province_code, review_id, household_id, listing_reason, stage, proposed_class)
    select x.province_code, x.review_id, x.household_id, 'added', 'surveyed', x.class
    from jsonb_to_recordset(${JSON.stringify(slim)}::jsonb) as x(province_code text, review_id bigint, household_id bigint, class text)
    on conflict (province_code, review_id, household_id) do update set
      proposed_class = excluded.proposed_class,
      stage = case when ${markSurveyed} and review_household.stage in ('listed', 'rejected') then 'surveyed' else review_household.stage end`.execute(trx);
}
