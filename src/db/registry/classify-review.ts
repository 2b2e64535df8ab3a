/**
 * The set-based reclassification job: every current survey of a commune review is classified again
 * with the campaign's standard(s) and the commune's area type as of the reference date. Surveys stream
 * in chunks by keyset on id (never all ids in memory); each chunk is classified in JS and written with
 * one multi-row upsert, in its own transaction that re-checks the lock and audits the class changes.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../connect.ts';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import type { HouseholdClass } from '../../domain/classification/result.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit.ts';
import { scopePredicate } from '../scope-filter.ts';
import { setProposedClasses, upsertClassifications } from './classification-write.ts';
import { classifySurvey, type ClassificationRecord, type ClassifyTarget, type SurveyForClassification } from './classify-survey.ts';
import { areaOfReview, assertUnlocked, assertUnlockedNow, isLocked, loadReviewContext, type ReviewContext } from './review-context.ts';
import { compiledStandardsOf } from './review-standards.ts';
import { REVIEW_SCOPE } from './scope-columns.ts';

export const DEFAULT_CHUNK_SIZE = 5_000;
/** Failures listed in a job result (the count is always complete). */
const MAX_LISTED_FAILURES = 100;

export interface ClassifyJobOptions {
  actor?: Actor;
  chunkSize?: number;
}

export interface ClassifyJobResult {
  reviewId: number;
  communeCode: string;
  standardIds: string[];
  /** Current surveys read. */
  surveys: number;
  /** Households classified under the national standard. */
  classified: number;
  byClass: Record<HouseholdClass, number>;
  /** Households whose national class changed. */
  changed: number;
  /** Surveys the national standard could not classify (their previous result is kept). */
  failed: number;
  failures: Array<{ householdId: number; surveyId: number; message: string }>;
  /** Local-standard results that could not be computed (e.g. no score-A calibration). */
  localSkipped: number;
  chunks: number;
  ms: number;
}

function emptyCounts(): Record<HouseholdClass, number> {
  return { poor: 0, near_poor: 0, average: 0, none: 0 };
}

/** One chunk of current surveys after `afterId`; the snapshots travel as text and are parsed here (cheaper than jsonb objects). */
async function readChunk(db: Kysely<DB>, scope: Scope, ctx: ReviewContext, afterId: number, size: number): Promise<SurveyForClassification[]> {
  const rows = await db
    .selectFrom('survey')
    .innerJoin('commune_review', (j) => j.onRef('commune_review.province_code', '=', 'survey.province_code').onRef('commune_review.id', '=', 'survey.review_id'))
    .select(['survey.id', 'survey.province_code', 'survey.review_id', 'survey.household_id', 'survey.excluded_by_form_a', 'survey.form_a'])
    .select(sql<string>`survey.facts::text`.as('facts_text'))
    .where('survey.province_code', '=', ctx.provinceCode)
    .where('survey.review_id', '=', ctx.reviewId)
    .where('survey.superseded_by', 'is', null)
    .where('survey.id', '>', afterId)
    .where(scopePredicate(scope, REVIEW_SCOPE))
    .orderBy('survey.id')
    .limit(size)
    .execute();
  return rows.map(({ facts_text, ...r }) => ({ ...r, facts: JSON.parse(facts_text) as Record<string, unknown> }));
}

/** The national classes the chunk's households had before this write. */
async function previousClasses(trx: Transaction<DB>, ctx: ReviewContext, householdIds: readonly number[]): Promise<Map<number, string>> {
  const r = await sql<{ household_id: number; class: string }>`
    select household_id, class from classification
    where province_code = ${ctx.provinceCode} and review_id = ${ctx.reviewId} and standard_id = ${ctx.standardId}
      and household_id in (select jsonb_array_elements_text(${JSON.stringify(householdIds)}::jsonb)::bigint)`.execute(trx);
  return new Map(r.rows.map((x) => [Number(x.household_id), x.class]));
}

async function writeChunk(db: Kysely<DB>, actor: Actor, ctx: ReviewContext, rows: ClassificationRecord[], result: ClassifyJobResult): Promise<void> {
  const national = rows.filter((r) => r.standard_id === ctx.standardId);
  await db.transaction().execute(async (trx) => {
    await assertUnlockedNow(trx, ctx);
    const before = await previousClasses(
      trx,
      ctx,
      national.map((r) => r.household_id),
    );
    await upsertClassifications(trx, rows);
    await setProposedClasses(trx, national, false);
    const changed = national.filter((r) => before.get(r.household_id) !== r.class);
    result.changed += changed.length;
    await recordAudit(trx, actor, {
      action: 'reclassify',
      entity: 'commune_review',
      entityId: ctx.reviewId,
      provinceCode: ctx.provinceCode,
      unitCode: ctx.communeCode,
      before: { standardId: ctx.standardId, classes: changed.map((r) => ({ householdId: r.household_id, class: before.get(r.household_id) ?? null })) },
      after: { standardId: ctx.standardId, households: national.length, classes: changed.map((r) => ({ householdId: r.household_id, class: r.class, surveyId: r.survey_id })) },
    });
  });
}

/**
 * Reclassifies every current survey of one commune review. Refused (`review_locked`) once the review is
 * decided, submitted or accepted; `out_of_scope` for a review outside the scope.
 */
export async function classifyReview(database: Pick<Database, 'db'>, scope: Scope, reviewId: number, opts: ClassifyJobOptions = {}): Promise<ClassifyJobResult> {
  const started = Date.now();
  const db = database.db;
  const actor = opts.actor ?? SYSTEM_ACTOR;
  const size = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const ctx = await loadReviewContext(db, scope, reviewId);
  assertUnlocked(ctx);
  const standards = compiledStandardsOf(ctx);
  const target: ClassifyTarget = { area: await areaOfReview(db, ctx), referenceDate: ctx.referenceDate, standards };
  const result: ClassifyJobResult = {
    reviewId,
    communeCode: ctx.communeCode,
    standardIds: standards.map((c) => c.standard.id),
    surveys: 0,
    classified: 0,
    byClass: emptyCounts(),
    changed: 0,
    failed: 0,
    failures: [],
    localSkipped: 0,
    chunks: 0,
    ms: 0,
  };
  let afterId = 0;
  for (;;) {
    const chunk = await readChunk(db, scope, ctx, afterId, size);
    if (chunk.length === 0) break;
    afterId = chunk[chunk.length - 1]!.id;
    const rows: ClassificationRecord[] = [];
    for (const s of chunk) {
      const o = classifySurvey(s, target);
      if (o.error !== undefined) {
        result.failed++;
        if (result.failures.length < MAX_LISTED_FAILURES) result.failures.push({ householdId: s.household_id, surveyId: s.id, message: o.error });
        continue;
      }
      result.localSkipped += o.skipped?.length ?? 0;
      for (const r of o.rows) {
        rows.push(r);
        if (r.standard_id === ctx.standardId) {
          result.classified++;
          result.byClass[r.class]++;
        }
      }
    }
    result.surveys += chunk.length;
    await writeChunk(db, actor, ctx, rows, result);
    result.chunks++;
    if (chunk.length < size) break;
  }
  result.ms = Date.now() - started;
  return result;
}

export interface CampaignJobResult {
  campaignId: number;
  reviews: ClassifyJobResult[];
  /** Reviews left alone because they are locked. */
  locked: Array<{ reviewId: number; communeCode: string; state: string }>;
}

/**
 * Reclassifies every unlocked commune review of a campaign inside the scope (optionally one commune);
 * locked reviews are listed, not touched. One job per commune review, never one query per household.
 */
export async function classifyCampaign(database: Pick<Database, 'db'>, scope: Scope, campaignId: number, opts: ClassifyJobOptions & { communeCode?: string } = {}): Promise<CampaignJobResult> {
  let q = database.db
    .selectFrom('commune_review')
    .select(['commune_review.id', 'commune_review.commune_code', 'commune_review.state'])
    .where('commune_review.campaign_id', '=', campaignId)
    .where(scopePredicate(scope, REVIEW_SCOPE));
  if (opts.communeCode) q = q.where('commune_review.commune_code', '=', opts.communeCode);
  const reviews = await q.orderBy('commune_review.commune_code').execute();
  const out: CampaignJobResult = { campaignId, reviews: [], locked: [] };
  for (const r of reviews) {
    if (isLocked(r.state)) {
      out.locked.push({ reviewId: r.id, communeCode: r.commune_code, state: r.state });
      continue;
    }
    out.reviews.push(await classifyReview(database, scope, r.id, opts));
  }
  return out;
}
