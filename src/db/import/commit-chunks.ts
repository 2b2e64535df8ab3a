/**
 * The commit of a validated job, chunk by chunk: the household codes to write are cut once into ranges
 * (import_commit_chunk, migration 0013), and workers take the next range not done (`for update skip
 * locked`), write it in one transaction that also marks it done with its counts, and go on. A process
 * killed mid-commit leaves whole chunks only; a resumed commit writes the chunks not done. PostgreSQL runs
 * two workers on two connections (the machine's second core writes while the first does); PGlite, with
 * its single connection, one.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import type { Database } from '../connect.ts';
import { commitHouseholdChunk, notRejected, type ChunkRange } from './commit-households.ts';
import { commitSurveyChunk, emptySurveyCounts, MAX_LISTED_FAILURES, surveyCommunes, type SurveyChunkContext } from './commit-surveys.ts';
import type { ImportJob, ImportResult } from './jobs.ts';
import { commitSettingsInTransaction } from './session-settings.ts';
import { sideBySide } from './side-by-side.ts';

/** PostgreSQL's error code for a deadlock (a chunk caught in one is rolled back whole and written again). */
const DEADLOCK = '40P01';

export function emptyResult(): ImportResult {
  return { inserted: 0, updated: 0, unchanged: 0, rejected: 0, ...emptySurveyCounts(), chunks: 0 };
}

/** Adds the counts of `b` to `a`. */
export function addResult(a: ImportResult, b: ImportResult): ImportResult {
  const byClass = { ...a.byClass };
  for (const [k, v] of Object.entries(b.byClass) as Array<[keyof ImportResult['byClass'], number]>) byClass[k] = (byClass[k] ?? 0) + v;
  return {
    inserted: a.inserted + b.inserted,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    rejected: a.rejected + b.rejected,
    surveys: a.surveys + b.surveys,
    surveysUnchanged: a.surveysUnchanged + b.surveysUnchanged,
    classified: a.classified + b.classified,
    byClass,
    classificationFailed: a.classificationFailed + b.classificationFailed,
    failures: [...a.failures, ...b.failures].slice(0, MAX_LISTED_FAILURES),
    chunks: a.chunks + b.chunks,
  };
}

/** Cuts the job's households to write into ranges of `size` codes, once (a resumed commit keeps its plan). */
export async function planChunks(db: Kysely<DB>, jobId: number, size: number): Promise<void> {
  await sql`insert into import_commit_chunk (job_id, chunk_no, after_code, up_to_code)
    select ${jobId}, b.no, lag(b.code) over (order by b.no), b.code
    from (select y.code, row_number() over (order by y.code) as no
          from (select x.code, x.rn, count(*) over () as total
                from (select s.household_code as code, row_number() over (order by s.household_code) as rn
                      from import_household_stage s
                      where s.job_id = ${jobId} and s.household_code is not null and ${notRejected(jobId)}) x) y
          where y.rn % ${size} = 0 or y.rn = y.total) b
    where not exists (select 1 from import_commit_chunk c where c.job_id = ${jobId})`.execute(db);
}

/** The job's counts so far: the sum of its chunks done. */
export async function committedResult(db: Kysely<DB>, jobId: number): Promise<ImportResult> {
  const r = await sql<{ result: ImportResult }>`select result from import_commit_chunk where job_id = ${jobId} and done order by chunk_no`.execute(db);
  return r.rows.reduce((acc, x) => addResult(acc, x.result), emptyResult());
}

export type SurveyContextOf = (trx: Transaction<DB>, communes: string[]) => Promise<SurveyChunkContext>;

/** Writes the next free chunk in one transaction; returns its counts, or null when none is left. */
async function commitNextChunk(db: Kysely<DB>, job: ImportJob, numbered: boolean, surveys: SurveyContextOf | null): Promise<ImportResult | null> {
  return db.transaction().execute(async (trx) => {
    await commitSettingsInTransaction(trx);
    const next = await sql<{ chunk_no: number; after_code: string | null; up_to_code: string }>`
      select chunk_no, after_code, up_to_code from import_commit_chunk
      where job_id = ${job.id} and not done order by chunk_no limit 1 for update skip locked`.execute(trx);
    const chunk = next.rows[0];
    if (!chunk) return null;
    const range: ChunkRange = { jobId: job.id, after: chunk.after_code, upTo: chunk.up_to_code, referenceDate: job.referenceDate, numbered };
    const result = { ...emptyResult(), ...(await commitHouseholdChunk(trx, job.actor, range)), chunks: 1 };
    if (surveys) await commitSurveyChunk(trx, job.actor, await surveys(trx, await surveyCommunes(trx)), result);
    await sql`update import_commit_chunk set done = true, result = ${JSON.stringify(result)}::jsonb
      where job_id = ${job.id} and chunk_no = ${chunk.chunk_no}`.execute(trx);
    await sql`update import_job set progress_done = progress_done + ${result.inserted + result.updated + result.unchanged}, updated_at = now()
      where id = ${job.id}`.execute(trx);
    return result;
  });
}

function isDeadlock(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === DEADLOCK;
}

/**
 * Writes every chunk not done with `workers` connections side by side; `onChunk` is called after each
 * chunk's transaction has committed. `numbered`: every staged member of the job has its STT
 * (jobMembersNumbered).
 */
export async function commitChunks(database: Pick<Database, 'db' | 'kind'>, job: ImportJob, surveys: SurveyContextOf | null, numbered: boolean, workers: number, onChunk: (r: ImportResult) => void): Promise<void> {
  // A failure in one worker stops the others after their current chunk.
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed) {
      let r: ImportResult | null;
      try {
        r = await commitNextChunk(database.db, job, numbered, surveys);
      } catch (e) {
        if (isDeadlock(e)) continue;
        failed = true;
        throw e;
      }
      if (!r) return;
      onChunk(r);
    }
  };
  const n = database.kind === 'pglite' ? 1 : Math.max(1, workers);
  await sideBySide(Array.from({ length: n }, () => worker()));
}
