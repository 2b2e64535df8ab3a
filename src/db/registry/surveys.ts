/**
 * Survey records (forms A and B) and the classification that follows each one. A new survey of a
 * household in a review supersedes the current one (`superseded_by`), never overwrites it. Recording is
 * refused once the commune's review is locked (decided, submitted, accepted).
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, SurveyTable } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { setProposedClasses, upsertClassifications } from './classification-write.ts';
import { classifySurvey, type ClassificationRecord, type SurveyForClassification } from './classify-survey.ts';
import { RegistryError } from './errors.ts';
import { checkFacts, HOUSEHOLD_FACT_FIELDS } from './fact-fields.ts';
import { householdInputOf, memberInputOf } from './household-input.ts';
import { lockHousehold } from './household-lock.ts';
import { checkDate } from './member-rules.ts';
import { areaOfReview, assertUnlocked, assertUnlockedNow, loadReviewContext } from './review-context.ts';
import { compiledStandardsOf } from './review-standards.ts';
import { checkCodes, excludedByFormA, formAYesItems, POVERTY_CAUSES, SUPPORT_NEEDS, type FormA } from './survey-codes.ts';
import { todayInVietnam } from './text.ts';

export interface ScoreAItem {
  /** Item code of the region's income-scoring table (Phụ lục III; the tables are UNCONFIRMED data). */
  code: string;
  label?: string;
  points: number;
}

export interface SurveyInput {
  reviewId: number;
  /** Default today. */
  surveyedOn?: string;
  formA?: FormA | null;
  /** Score A (form B1); with `scoreAItems` it must equal their sum, alone the sum is used. */
  scoreA?: number | null;
  scoreAItems?: ScoreAItem[] | null;
  /** Measured monthly per-capita income (đồng), when measured. */
  income?: number | null;
  /** Household-level facts as surveyed; default the registry's current household facts. */
  facts?: Record<string, unknown>;
  causes?: string[];
  needs?: string[];
}

export interface Survey {
  id: number;
  reviewId: number;
  householdId: number;
  formA: FormA | null;
  excludedByFormA: boolean;
  scoreA: number | null;
  scoreAItems: ScoreAItem[] | null;
  income: number | null;
  facts: Record<string, unknown>;
  causes: string[];
  needs: string[];
  surveyedBy: number | null;
  surveyedOn: string;
  supersededBy: number | null;
  createdAt: string;
}

export interface Classification {
  reviewId: number;
  householdId: number;
  standardId: string;
  surveyId: number;
  areaType: string;
  class: ClassificationRecord['class'];
  subtype: string | null;
  deprivationCount: number;
  deprivations: string[];
  explanation: string;
}

export interface SurveyResult {
  survey: Survey;
  /** The id of the survey this one superseded, if any. */
  supersedes: number | null;
  classifications: Classification[];
  /** Local standards that could not classify this input, with the reason. */
  skipped: Array<{ standardId: string; message: string }>;
}

type SurveyRow = Selectable<SurveyTable>;

export function toSurvey(r: SurveyRow): Survey {
  return {
    id: r.id,
    reviewId: r.review_id,
    householdId: r.household_id,
    formA: (r.form_a as FormA | null) ?? null,
    excludedByFormA: r.excluded_by_form_a,
    scoreA: r.score_a,
    scoreAItems: (r.score_a_items as ScoreAItem[] | null) ?? null,
    income: r.income,
    facts: r.facts,
    causes: r.causes,
    needs: r.needs,
    surveyedBy: r.surveyed_by,
    surveyedOn: r.surveyed_on,
    supersededBy: r.superseded_by,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export function toClassification(r: Pick<ClassificationRecord, 'review_id' | 'household_id' | 'standard_id' | 'survey_id' | 'area_type' | 'class' | 'subtype' | 'deprivation_count' | 'deprivations' | 'explanation'>): Classification {
  return {
    reviewId: r.review_id,
    householdId: r.household_id,
    standardId: r.standard_id,
    surveyId: r.survey_id,
    areaType: r.area_type,
    class: r.class,
    subtype: r.subtype,
    deprivationCount: r.deprivation_count,
    deprivations: r.deprivations,
    explanation: r.explanation,
  };
}

function checkScoreA(input: SurveyInput): number | null {
  const items = input.scoreAItems ?? null;
  if (items) {
    items.forEach((it, i) => {
      if (!it || typeof it.code !== 'string' || it.code.trim() === '') throw new RegistryError('field_required', { field: `scoreAItems.${i}.code` });
      if (typeof it.points !== 'number' || !Number.isFinite(it.points)) throw new RegistryError('field_type', { field: `scoreAItems.${i}.points`, type: 'số' });
    });
    const sum = items.reduce((s, it) => s + it.points, 0);
    if (input.scoreA != null && input.scoreA !== sum) throw new RegistryError('score_a_mismatch', { field: 'scoreA', scoreA: input.scoreA, sum });
    return sum;
  }
  if (input.scoreA != null && (!Number.isInteger(input.scoreA) || input.scoreA < 0)) throw new RegistryError('field_type', { field: 'scoreA', type: 'số nguyên ≥ 0' });
  return input.scoreA ?? null;
}

/**
 * Records a survey of a household in a commune review and classifies it, in one transaction: the
 * snapshot of the household input (household facts and the registry's active members), the previous
 * current survey superseded, the classification upserted with its explanation and survey id, the
 * household's proposed class on the review list, and the audit entries.
 */
export async function recordSurvey(db: Kysely<DB>, actor: Actor, scope: Scope, householdId: number, input: SurveyInput): Promise<SurveyResult> {
  const review = await loadReviewContext(db, scope, input.reviewId);
  assertUnlocked(review);
  const surveyedOn = input.surveyedOn ? checkDate(input.surveyedOn, 'surveyedOn') : todayInVietnam();
  const yes = formAYesItems(input.formA);
  const excluded = excludedByFormA(yes);
  const scoreA = checkScoreA(input);
  if (input.income != null && (!Number.isFinite(input.income) || input.income < 0)) throw new RegistryError('field_type', { field: 'income', type: 'số ≥ 0' });
  const causes = checkCodes(input.causes, POVERTY_CAUSES, 'causes');
  const needs = checkCodes(input.needs, SUPPORT_NEEDS, 'needs');
  const factsIn = input.facts === undefined ? undefined : checkFacts(HOUSEHOLD_FACT_FIELDS, input.facts, 'facts');
  const standards = compiledStandardsOf(review);
  const area = await areaOfReview(db, review);

  return db.transaction().execute(async (trx) => {
    const h = await lockHousehold(trx, scope, householdId);
    if (h.commune_code !== review.communeCode || h.province_code !== review.provinceCode) {
      throw new RegistryError('review_other_commune', { household: h.code, commune: review.communeCode });
    }
    await assertUnlockedNow(trx, review);
    const members = await trx
      .selectFrom('member')
      .selectAll()
      .where('province_code', '=', h.province_code)
      .where('household_id', '=', h.id)
      .where('active', '=', true)
      .orderBy('line_no')
      .orderBy('id')
      .execute();
    if (members.length === 0) throw new RegistryError('survey_no_members', { household: h.code });
    const snapshot = householdInputOf(h.code, area, factsIn ?? h.facts ?? {}, members.map(memberInputOf), { scoreA, income: input.income });

    const previous = await trx
      .selectFrom('survey')
      .select('id')
      .where('province_code', '=', h.province_code)
      .where('review_id', '=', review.reviewId)
      .where('household_id', '=', h.id)
      .where('superseded_by', 'is', null)
      .executeTakeFirst();
    const next = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('survey', 'id'))::bigint as id`.execute(trx);
    const surveyId = Number(next.rows[0]!.id);
    if (previous) {
      await trx.updateTable('survey').set({ superseded_by: surveyId }).where('province_code', '=', h.province_code).where('id', '=', previous.id).execute();
    }
    const row = await trx
      .insertInto('survey')
      .values({
        province_code: h.province_code,
        id: surveyId,
        review_id: review.reviewId,
        household_id: h.id,
        form_a: input.formA ? JSON.stringify({ answers: input.formA.answers ?? {}, ...(input.formA.note && { note: input.formA.note }) }) : null,
        excluded_by_form_a: excluded,
        score_a: scoreA,
        score_a_items: input.scoreAItems ? JSON.stringify(input.scoreAItems) : null,
        income: input.income ?? null,
        facts: JSON.stringify(snapshot),
        causes,
        needs,
        surveyed_by: actor.id,
        surveyed_on: surveyedOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    const outcome = classifySurvey(row as SurveyForClassification, { area, referenceDate: review.referenceDate, standards });
    if (outcome.error) throw new RegistryError('classification_input', { message: outcome.error });
    const before = await readClassifications(trx, h.province_code, review.reviewId, h.id);
    await upsertClassifications(trx, outcome.rows);
    await setProposedClasses(trx, outcome.rows.filter((r) => r.standard_id === review.standardId), true);

    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'survey',
      entityId: surveyId,
      provinceCode: h.province_code,
      unitCode: h.commune_code,
      before: previous ? { supersededSurveyId: previous.id } : undefined,
      after: { ...toSurvey(row), householdCode: h.code },
    });
    await recordAudit(trx, actor, {
      action: 'classify',
      entity: 'classification',
      entityId: `${review.reviewId}/${h.id}`,
      provinceCode: h.province_code,
      unitCode: h.commune_code,
      before: before.length > 0 ? before : undefined,
      after: outcome.rows.map(toClassification),
    });
    return { survey: toSurvey(row), supersedes: previous?.id ?? null, classifications: outcome.rows.map(toClassification), skipped: outcome.skipped ?? [] };
  });
}

export async function readClassifications(db: Kysely<DB> | Transaction<DB>, provinceCode: string, reviewId: number, householdId: number): Promise<Classification[]> {
  const rows = await db
    .selectFrom('classification')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where('review_id', '=', reviewId)
    .where('household_id', '=', householdId)
    .orderBy('standard_id')
    .execute();
  return rows.map((r) => toClassification({ ...r, area_type: r.area_type as ClassificationRecord['area_type'] }));
}
