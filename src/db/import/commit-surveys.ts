/**
 * Form B of a chunk (survey imports), inside the chunk's transaction after the households: a survey
 * whose household and answers are unchanged since the current survey is left alone; otherwise the
 * current survey is superseded and a new one inserted with the snapshot of the household input (built
 * in SQL from the registry rows just written, the same shape as recordSurvey's), then the new surveys
 * are classified with the campaign's standards (classifySurvey, as the reclassification job does) and
 * written with one upsert per chunk; the households' proposed classes follow on the review list.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import type { Actor } from '../audit.ts';
import type { HouseholdClass } from '../../domain/classification/result.ts';
import { FORM_A_ITEM_KEYS } from '../../domain/import/survey-columns.ts';
import { setProposedClasses, upsertClassifications } from '../registry/classification-write.ts';
import { classifySurvey, type ClassificationRecord, type ClassifyTarget } from '../registry/classify-survey.ts';
import { FORM_A_EXCLUSION_MIN_YES } from '../registry/survey-codes.ts';

export interface SurveyChunkContext {
  jobId: number;
  campaignId: number;
  /** Classification target per commune code (area of the commune, the campaign's standards and reference date). */
  targets: Map<string, ClassifyTarget>;
  /** Standard id of the campaign's national standard. */
  nationalStandardId: string;
}

export interface SurveyCounts {
  surveys: number;
  surveysUnchanged: number;
  classified: number;
  byClass: Record<HouseholdClass, number>;
  classificationFailed: number;
  failures: Array<{ householdCode: string; message: string }>;
}

export function emptySurveyCounts(): SurveyCounts {
  return { surveys: 0, surveysUnchanged: 0, classified: 0, byClass: { poor: 0, near_poor: 0, average: 0, none: 0 }, classificationFailed: 0, failures: [] };
}

/** Classification failures listed in a job's result at most (per chunk and for the whole job). */
export const MAX_LISTED_FAILURES = 100;

const FORM_A_ANSWERS = sql.raw(`jsonb_strip_nulls(jsonb_build_object(${FORM_A_ITEM_KEYS.map((k) => `'${k}', (s.form_a_${k} = 't')`).join(', ')}))`);
const FORM_A_YES = sql.raw(FORM_A_ITEM_KEYS.map((k) => `coalesce((s.form_a_${k} = 't')::int, 0)`).join(' + '));
const FORM_A_ANY = sql.raw(FORM_A_ITEM_KEYS.map((k) => `s.form_a_${k} is not null`).join(' or '));

/** The communes of the chunk's survey rows (to resolve their area types before the write). */
export async function surveyCommunes(trx: Transaction<DB>): Promise<string[]> {
  const r = await sql<{ commune_code: string }>`select distinct commune_code from imp_h`.execute(trx);
  return r.rows.map((x) => x.commune_code);
}

export async function commitSurveyChunk(trx: Transaction<DB>, actor: Actor, c: SurveyChunkContext, counts: SurveyCounts): Promise<void> {
  const areas = Object.fromEntries([...c.targets].map(([code, t]) => [code, t.area]));
  await sql`create temp table imp_s on commit drop as
    select h.province_code, h.id as household_id, h.code, h.commune_code, r.id as review_id, s.surveyed_on::date as surveyed_on,
           s.score_a::int as score_a, s.income::bigint as income,
           case when ${FORM_A_ANY} then jsonb_build_object('answers', ${FORM_A_ANSWERS}) end as form_a,
           (${FORM_A_YES}) >= ${FORM_A_EXCLUSION_MIN_YES} as excluded,
           coalesce(string_to_array(s.causes, ';'), '{}') as causes, coalesce(string_to_array(s.needs, ';'), '{}') as needs,
           cur.id as current_id,
           (h.op = 'same' and cur.id is not null and cur.surveyed_on = s.surveyed_on::date
             and (cur.score_a, cur.income, cur.form_a, cur.causes, cur.needs) is not distinct from
                 (s.score_a::int, s.income::bigint, case when ${FORM_A_ANY} then jsonb_build_object('answers', ${FORM_A_ANSWERS}) end,
                  coalesce(string_to_array(s.causes, ';'), '{}'), coalesce(string_to_array(s.needs, ';'), '{}'))) as unchanged,
           null::bigint as new_id
    from import_survey_stage s
    join imp_h h on h.code = s.household_code
    join commune_review r on r.province_code = h.province_code and r.campaign_id = ${c.campaignId} and r.commune_code = h.commune_code
    left join survey cur on cur.province_code = h.province_code and cur.review_id = r.id and cur.household_id = h.id and cur.superseded_by is null
    where s.job_id = ${c.jobId}`.execute(trx);
  await sql`update imp_s set new_id = nextval(pg_get_serial_sequence('survey', 'id')) where not unchanged`.execute(trx);
  await sql`update survey v set superseded_by = i.new_id from imp_s i
    where i.new_id is not null and i.current_id is not null and v.province_code = i.province_code and v.id = i.current_id`.execute(trx);
  await sql`insert into survey (province_code, id, review_id, household_id, form_a, excluded_by_form_a, score_a, income, facts, causes, needs, surveyed_by, surveyed_on)
    select i.province_code, i.new_id, i.review_id, i.household_id, i.form_a, i.excluded, i.score_a, i.income,
           h.facts || jsonb_strip_nulls(jsonb_build_object('id', i.code, 'area', ${JSON.stringify(areas)}::jsonb ->> i.commune_code,
                                                           'scoreA', i.score_a, 'income', i.income))
                   || jsonb_build_object('members', (
                        select jsonb_agg(m.facts || jsonb_strip_nulls(jsonb_build_object('id', m.id::text, 'name', m.full_name,
                                 'dateOfBirth', m.date_of_birth::text, 'birthYear', case when m.date_of_birth is null then m.birth_year end,
                                 'sex', m.sex, 'relation', m.relation, 'ethnicity', m.ethnicity)) order by m.line_no, m.id)
                        from member m where m.province_code = i.province_code and m.household_id = i.household_id and m.active)),
           i.causes, i.needs, ${actor.id}, i.surveyed_on
    from imp_s i join household h on h.province_code = i.province_code and h.id = i.household_id
    where i.new_id is not null`.execute(trx);
  await sql`insert into audit_log (province_code, actor_id, actor_username, actor_role, action, entity, entity_id, unit_code, before, after, reason, ip, request_id)
    select i.province_code, ${actor.id}, ${actor.username}, ${actor.role}, 'import_survey', 'survey', i.new_id::text, i.commune_code,
           case when i.current_id is not null then jsonb_build_object('surveyId', i.current_id) end,
           jsonb_build_object('householdId', i.household_id, 'reviewId', i.review_id, 'surveyedOn', i.surveyed_on, 'scoreA', i.score_a,
                              'income', i.income, 'formA', i.form_a, 'causes', i.causes, 'needs', i.needs, 'importJob', ${c.jobId}::bigint),
           ${`Nhập phiếu B hàng loạt, lần nhập số ${c.jobId}`}, ${actor.ip ?? null}, ${actor.requestId ?? null}
    from imp_s i where i.new_id is not null`.execute(trx);
  const n = await sql<{ unchanged: number; total: number }>`select count(*) filter (where unchanged)::int as unchanged, count(*)::int as total from imp_s`.execute(trx);
  counts.surveysUnchanged += n.rows[0]!.unchanged;
  counts.surveys += n.rows[0]!.total - n.rows[0]!.unchanged;
  await classifyNewSurveys(trx, c, counts);
}

async function classifyNewSurveys(trx: Transaction<DB>, c: SurveyChunkContext, counts: SurveyCounts): Promise<void> {
  const r = await sql<{ id: number; province_code: string; review_id: number; household_id: number; excluded_by_form_a: boolean; form_a: unknown; facts_text: string; code: string; commune_code: string }>`
    select v.id, v.province_code, v.review_id, v.household_id, v.excluded_by_form_a, v.form_a, v.facts::text as facts_text, i.code, i.commune_code
    from imp_s i join survey v on v.province_code = i.province_code and v.id = i.new_id
    where i.new_id is not null`.execute(trx);
  const rows: ClassificationRecord[] = [];
  for (const s of r.rows) {
    const target = c.targets.get(s.commune_code);
    if (!target) continue;
    const o = classifySurvey({ ...s, id: Number(s.id), review_id: Number(s.review_id), household_id: Number(s.household_id), facts: JSON.parse(s.facts_text) as Record<string, unknown> }, target);
    if (o.error !== undefined) {
      counts.classificationFailed++;
      if (counts.failures.length < MAX_LISTED_FAILURES) counts.failures.push({ householdCode: s.code, message: o.error });
      continue;
    }
    for (const row of o.rows) {
      rows.push(row);
      if (row.standard_id === c.nationalStandardId) {
        counts.classified++;
        counts.byClass[row.class]++;
      }
    }
  }
  await upsertClassifications(trx, rows);
  await setProposedClasses(
    trx,
    rows.filter((x) => x.standard_id === c.nationalStandardId),
    true,
  );
}
