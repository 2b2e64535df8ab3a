/**
 * The import pipeline end to end: stage the upload (bulkCopy), validate (set-based SQL), and commit in
 * resumable chunks of household codes (commit-chunks.ts). Each chunk is one transaction that also marks
 * it done with its counts, so a process killed mid-commit leaves whole households only, and
 * `resumeImport` (run at start-up for interrupted jobs, or by the CLI) writes the chunks not done.
 */
import { sql } from 'kysely';
import type { Database } from '../connect.ts';
import type { ClassifyTarget } from '../registry/classify-survey.ts';
import { areaOfCommune } from '../registry/review-context.ts';
import { compiledStandardsOf } from '../registry/review-standards.ts';
import { scopePredicate } from '../scope-filter.ts';
import { commitChunks, committedResult, emptyResult, planChunks, type SurveyContextOf } from './commit-chunks.ts';
import { jobMembersNumbered, notRejected } from './commit-households.ts';
import { sideBySide } from './side-by-side.ts';
import { ImportStateError } from './import-state-error.ts';
import { clearStaging, loadJob, updateJob, type CommitMode, type ImportJob } from './jobs.ts';
import { analyzeStagePartitions, attachStagePartitions, createStagePartitions } from './stage-partitions.ts';
import { stageFiles, type UploadedFile } from './stage-rows.ts';
import { VALIDATION_LANES, VALIDATION_WORK_MEM, validateJob } from './validate.ts';
import { withImportLanes } from './session-settings.ts';
import { ImportFileError } from './import-file-error.ts';
import type { SheetId } from '../../domain/import/import-kinds.ts';
import { IMPORT_SHEETS } from '../../domain/import/import-kinds.ts';

export const DEFAULT_COMMIT_CHUNK = 5_000;
/** Connections writing chunks side by side on PostgreSQL (PGlite has one). */
export const DEFAULT_COMMIT_WORKERS = 2;

export interface RunOptions {
  /** Households per commit transaction. */
  chunkSize?: number;
  /** Connections writing chunks side by side on PostgreSQL (default 2; PGlite always 1). */
  workers?: number;
  /** Called after each progress write (the CLI draws its bar from it). */
  onProgress?: (job: Pick<ImportJob, 'id' | 'state' | 'step' | 'progressDone' | 'progressTotal'>) => void;
}

type Db = Pick<Database, 'db' | 'bulkCopy' | 'kind'>;

async function progress(database: Db, job: ImportJob, state: ImportJob['state'], step: string, done: number, total: number, opts: RunOptions): Promise<void> {
  await updateJob(database.db, job.id, { state, step, progressDone: done, progressTotal: total });
  opts.onProgress?.({ id: job.id, state, step, progressDone: done, progressTotal: total });
}

/** Sheets the kind requires / allows, checked after staging. */
function checkSheets(job: ImportJob, counts: Partial<Record<SheetId, number>>): void {
  const allowed = IMPORT_SHEETS[job.kind].map((s) => s.id);
  for (const id of Object.keys(counts) as SheetId[]) {
    if (!allowed.includes(id)) throw new ImportFileError('sheet_not_allowed', { sheet: IMPORT_SHEETS.survey.find((s) => s.id === id)!.name });
  }
  for (const s of IMPORT_SHEETS[job.kind]) {
    if (counts[s.id] === undefined) throw new ImportFileError('sheet_missing', { sheet: s.name, kind: job.kind === 'survey' ? 'phiếu B' : 'hộ và thành viên' });
  }
}

export interface UploadOptions extends RunOptions {
  /** Commit right after a validation that allows it (no findings, or valid-only), without a `validated` pause. */
  commit?: CommitMode | null;
}

/**
 * Stages and validates; the job ends `validated` (with its findings) or `failed` (file-level refusal,
 * message set) — or, with `commit`, goes straight on to the commit when the findings allow it.
 */
export async function stageAndValidate(database: Db, jobId: number, files: readonly UploadedFile[], opts: UploadOptions = {}): Promise<ImportJob> {
  const job = await loadJob(database.db, jobId);
  try {
    await progress(database, job, 'staging', 'staging', 0, 0, opts);
    await createStagePartitions(database.db, job.id);
    const counts = await stageFiles(database, job.id, files, (n) => progress(database, job, 'staging', 'staging', n, 0, opts));
    checkSheets(job, counts);
    await attachStagePartitions(database.db, job.id);
    await updateJob(database.db, job.id, { rowCounts: counts });
    // Fresh statistics: the set-based checks join these tables, and a bulk load leaves them unknown.
    await analyzeStagePartitions(database.db, job.id);
  } catch (e) {
    await clearStaging(database.db, job.id);
    if (e instanceof ImportFileError) {
      await updateJob(database.db, job.id, { state: 'failed', step: null, message: JSON.stringify({ code: e.code, params: e.params }) });
      return loadJob(database.db, job.id);
    }
    throw e;
  }
  return validate(database, job, opts);
}

async function validate(database: Db, job: ImportJob, opts: UploadOptions): Promise<ImportJob> {
  await progress(database, job, 'validating', 'validating', 0, 1, opts);
  const target = { jobId: job.id, kind: job.kind, scope: job.scope, referenceDate: job.referenceDate, campaignId: job.campaignId };
  // The steps on two connections side by side on PostgreSQL, their progress written through the pool; on
  // PGlite's single connection, the steps and their progress one after the other.
  const lanes = database.kind === 'pglite' ? 1 : VALIDATION_LANES;
  const v = await withImportLanes(database.db, lanes, { jit: 'off', work_mem: VALIDATION_WORK_MEM }, (conns) =>
    validateJob(conns, target, (d, t) => progress(lanes === 1 ? { ...database, db: conns[0]! } : database, job, 'validating', 'validating', d, t, opts)),
  );
  const commit = opts.commit && (opts.commit === 'valid_only' || v.errors === 0) ? opts.commit : null;
  // One update: a poller never sees `validated` between the check and a requested commit.
  await updateJob(database.db, job.id, {
    state: commit ? 'committing' : 'validated',
    step: null,
    errorCount: v.errors,
    errorHouseholds: v.households,
    ...(commit && { mode: commit, result: emptyResult() }),
  });
  await sql`analyze import_error`.execute(database.db);
  if (commit) return runCommit(database, await loadJob(database.db, job.id), opts);
  return loadJob(database.db, job.id);
}

/** Survey imports: the campaign (inside the job's scope) and a classification target per commune, resolved lazily. */
async function surveyContext(database: Db, job: ImportJob): Promise<SurveyContextOf> {
  const c = await sql<{ id: number; standard_id: string; local_standard_id: string | null; reference_date: string }>`
    select id, standard_id, local_standard_id, reference_date from review_campaign
    where id = ${job.campaignId} and ${scopePredicate(job.scope.level === 'commune' ? { level: 'province', provinceCode: job.scope.provinceCode } : job.scope, { province: 'province_code' })}`.execute(database.db);
  const campaign = c.rows[0];
  if (!campaign) throw new ImportStateError('campaign_not_found');
  const standards = compiledStandardsOf({ standardId: campaign.standard_id, localStandardId: campaign.local_standard_id });
  const targets = new Map<string, ClassifyTarget>();
  // Read inside the chunk's transaction: PGlite has a single connection.
  return async (trx, communes) => {
    for (const code of communes) {
      if (!targets.has(code)) targets.set(code, { area: await areaOfCommune(trx, code, campaign.reference_date), referenceDate: campaign.reference_date, standards });
    }
    return { jobId: job.id, campaignId: Number(campaign.id), targets, nationalStandardId: campaign.standard_id };
  };
}

/**
 * Marks a validated job `committing` in `mode` (checked: `all` refuses a file with any finding); the
 * writing itself is `resumeImport`'s. A route answers after this, so a poller never sees the job still
 * `validated` once its commit was accepted.
 */
export async function beginCommit(database: Db, jobId: number, mode: CommitMode): Promise<ImportJob> {
  const job = await loadJob(database.db, jobId);
  if (job.state !== 'validated') throw new ImportStateError('job_not_validated', { state: job.state });
  if (mode === 'all' && job.errorCount > 0) throw new ImportStateError('job_has_errors', { errors: job.errorCount });
  await updateJob(database.db, job.id, { state: 'committing', mode, result: emptyResult() });
  return loadJob(database.db, job.id);
}

/**
 * Commits a validated job: `all` refuses a file with any finding (nothing is written); `valid_only`
 * writes the households without findings and counts the others as rejected.
 */
export async function commitImport(database: Db, jobId: number, mode: CommitMode, opts: RunOptions = {}): Promise<ImportJob> {
  return runCommit(database, await beginCommit(database, jobId, mode), opts);
}

/** Continues an interrupted job: validation is redone, a commit writes its chunks not done; staging cannot resume. */
export async function resumeImport(database: Db, jobId: number, opts: RunOptions = {}): Promise<ImportJob> {
  const job = await loadJob(database.db, jobId);
  const staged = await sql<{ n: number }>`select count(*)::int as n from import_household_stage where job_id = ${job.id}`.execute(database.db);
  if (job.state === 'staging' || (staged.rows[0]!.n === 0 && (job.rowCounts.households ?? 0) > 0 && job.state !== 'committed')) {
    // Staging rows are gone (an upload interrupted while reading the file).
    await clearStaging(database.db, job.id);
    await updateJob(database.db, job.id, { state: 'failed', step: null, message: JSON.stringify({ code: 'job_interrupted', params: {} }) });
    return loadJob(database.db, job.id);
  }
  if (job.state === 'validating') return validate(database, job, opts);
  if (job.state === 'committing') return runCommit(database, job, opts);
  return job;
}

async function runCommit(database: Db, job: ImportJob, opts: RunOptions): Promise<ImportJob> {
  const size = Math.max(1, opts.chunkSize ?? DEFAULT_COMMIT_CHUNK);
  const surveys = job.kind === 'survey' ? await surveyContext(database, job) : null;
  // Three scans of the staged rows, each on its own connection (one after the other on PGlite).
  const totalsOf = sql<{ total: number; rejected: number }>`
    select count(*) filter (where ${notRejected(job.id)})::int as total,
           count(distinct s.household_code) filter (where not ${notRejected(job.id)})::int as rejected
    from import_household_stage s where s.job_id = ${job.id} and s.household_code is not null`.execute(database.db);
  const numberedOf = jobMembersNumbered(database.db, job.id);
  await sideBySide<unknown>([planChunks(database.db, job.id, size), totalsOf, numberedOf]);
  const [totals, numbered] = [await totalsOf, await numberedOf];
  const { total, rejected } = totals.rows[0]!;
  let result = await committedResult(database.db, job.id);
  let done = result.inserted + result.updated + result.unchanged;
  await progress(database, job, 'committing', 'committing', done, total, opts);
  await commitChunks(database, job, surveys, numbered, opts.workers ?? DEFAULT_COMMIT_WORKERS, (r) => {
    done += r.inserted + r.updated + r.unchanged;
    opts.onProgress?.({ id: job.id, state: 'committing', step: 'committing', progressDone: done, progressTotal: total });
  });
  result = { ...(await committedResult(database.db, job.id)), rejected };
  await clearStaging(database.db, job.id, true, result.inserted > 0);
  await sql`delete from import_commit_chunk where job_id = ${job.id}`.execute(database.db);
  await updateJob(database.db, job.id, { state: 'committed', step: null, result, progressDone: done, progressTotal: total });
  return loadJob(database.db, job.id);
}
