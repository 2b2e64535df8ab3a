/**
 * The import_job table: one row per upload, with its state, the step in progress and its counts. The
 * uploader's scope and actor are stored with the job so a background run (or a resumed one after a
 * restart) acts with exactly the uploader's rights. Reads filter through the scope (scope-filter.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Actor } from '../audit.ts';
import type { Scope } from '../../domain/access/scope.ts';
import type { ImportKind, SheetId } from '../../domain/import/import-kinds.ts';
import { scopePredicate } from '../scope-filter.ts';
import type { FileFormat } from './table-sources.ts';
import type { HouseholdCounts } from './commit-households.ts';
import type { SurveyCounts } from './commit-surveys.ts';
import { dropStagePartitions, moveToRecord, RECORD_TABLES, STAGE_TABLES } from './stage-partitions.ts';

export type JobState = 'staging' | 'validating' | 'validated' | 'committing' | 'committed' | 'failed';
export type CommitMode = 'all' | 'valid_only';

/** The counts of a commit: households, and for form B imports the surveys and their classes. */
export interface ImportResult extends HouseholdCounts, SurveyCounts {
  /** Households of the file not committed (they have findings; valid-only mode). */
  rejected: number;
  chunks: number;
}

export interface ImportJob {
  id: number;
  kind: ImportKind;
  state: JobState;
  fileName: string;
  format: FileFormat;
  referenceDate: string;
  campaignId: number | null;
  scope: Scope;
  actor: Actor;
  createdBy: number | null;
  mode: CommitMode | null;
  step: string | null;
  progressDone: number;
  progressTotal: number;
  rowCounts: Partial<Record<SheetId, number>>;
  errorCount: number;
  errorHouseholds: number;
  result: ImportResult | null;
  message: string | null;
  createdAt: string;
  updatedAt: string;
}

interface JobRow {
  id: number;
  kind: ImportKind;
  state: JobState;
  file_name: string;
  format: FileFormat;
  reference_date: string;
  campaign_id: number | null;
  scope: Scope;
  actor: Actor;
  created_by: number | null;
  mode: CommitMode | null;
  step: string | null;
  progress_done: number;
  progress_total: number;
  row_counts: Partial<Record<SheetId, number>>;
  error_count: number;
  error_households: number;
  result: ImportResult | null;
  message: string | null;
  commit_cursor: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function toJob(r: JobRow): ImportJob {
  return {
    id: Number(r.id),
    kind: r.kind,
    state: r.state,
    fileName: r.file_name,
    format: r.format,
    referenceDate: r.reference_date,
    campaignId: r.campaign_id == null ? null : Number(r.campaign_id),
    scope: r.scope,
    actor: r.actor,
    createdBy: r.created_by == null ? null : Number(r.created_by),
    mode: r.mode,
    step: r.step,
    progressDone: Number(r.progress_done),
    progressTotal: Number(r.progress_total),
    rowCounts: r.row_counts,
    errorCount: r.error_count,
    errorHouseholds: r.error_households,
    result: r.result,
    message: r.message,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export interface NewJob {
  kind: ImportKind;
  fileName: string;
  format: FileFormat;
  referenceDate: string;
  campaignId: number | null;
  scope: Scope;
  actor: Actor;
}

export async function createJob(db: Kysely<DB>, j: NewJob): Promise<ImportJob> {
  const province = j.scope.level === 'national' ? null : j.scope.provinceCode;
  const commune = j.scope.level === 'commune' ? j.scope.communeCode : null;
  const r = await sql<JobRow>`
    insert into import_job (kind, file_name, format, reference_date, campaign_id, scope, actor, created_by, province_code, commune_code)
    values (${j.kind}, ${j.fileName}, ${j.format}, ${j.referenceDate}, ${j.campaignId}, ${JSON.stringify(j.scope)}::jsonb,
            ${JSON.stringify({ id: j.actor.id, username: j.actor.username, role: j.actor.role })}::jsonb, ${j.actor.id}, ${province}, ${commune})
    returning *`.execute(db);
  return toJob(r.rows[0]!);
}

/** A job of the scope: a national job is seen by national users, a province's by its province, a commune's by the commune. */
function jobScope(scope: Scope) {
  return scopePredicate(scope, { province: 'province_code', commune: 'commune_code' });
}

export async function getJob(db: Kysely<DB>, scope: Scope, id: number): Promise<ImportJob | null> {
  const r = await sql<JobRow>`select * from import_job where id = ${id} and ${jobScope(scope)}`.execute(db);
  return r.rows[0] ? toJob(r.rows[0]) : null;
}

/** The job by id, without a scope (for the runner itself). */
export async function loadJob(db: Kysely<DB>, id: number): Promise<ImportJob> {
  const r = await sql<JobRow>`select * from import_job where id = ${id}`.execute(db);
  if (!r.rows[0]) throw new Error(`import job ${id} not found`);
  return toJob(r.rows[0]);
}

export async function listJobs(db: Kysely<DB>, scope: Scope, limit = 50): Promise<ImportJob[]> {
  const r = await sql<JobRow>`select * from import_job where ${jobScope(scope)} order by id desc limit ${limit}`.execute(db);
  return r.rows.map(toJob);
}

export interface JobPatch {
  state?: JobState;
  step?: string | null;
  progressDone?: number;
  progressTotal?: number;
  rowCounts?: Partial<Record<SheetId, number>>;
  errorCount?: number;
  errorHouseholds?: number;
  result?: ImportResult | null;
  message?: string | null;
  mode?: CommitMode;
}

const COLUMNS: Record<keyof JobPatch, string> = {
  state: 'state',
  step: 'step',
  progressDone: 'progress_done',
  progressTotal: 'progress_total',
  rowCounts: 'row_counts',
  errorCount: 'error_count',
  errorHouseholds: 'error_households',
  result: 'result',
  message: 'message',
  mode: 'mode',
};

export async function updateJob(db: Kysely<DB>, id: number, p: JobPatch): Promise<void> {
  const sets = Object.entries(p)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      const value = k === 'rowCounts' || k === 'result' ? (v === null ? null : JSON.stringify(v)) : v;
      return sql`${sql.ref(COLUMNS[k as keyof JobPatch])} = ${value}`;
    });
  if (sets.length === 0) return;
  await sql`update import_job set ${sql.join(sets)}, updated_at = now() where id = ${id}`.execute(db);
}

/** Jobs a restart must pick up again (interrupted while validating or committing). */
export async function interruptedJobs(db: Kysely<DB>): Promise<number[]> {
  const r = await sql<{ id: number }>`select id from import_job where state in ('staging', 'validating', 'committing') order by id`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

/**
 * Removes a job's staging tables (when a job fails or is done). After a commit `keepRejected` keeps the
 * rows of households with findings: they are the reject file (the error report) of a valid-only commit;
 * a job without findings has none to keep and its tables are dropped. `keepRecord`: the job wrote new
 * households, audited from its staged households and members (import-record.ts) — those two tables move
 * whole to the import record.
 */
export async function clearStaging(db: Kysely<DB>, id: number, keepRejected = false, keepRecord = false): Promise<void> {
  const findings = keepRejected ? await sql<{ any: boolean }>`select exists (select 1 from import_error where job_id = ${id}) as any`.execute(db) : null;
  if (keepRecord) await moveToRecord(db, id);
  const sheets = (Object.keys(STAGE_TABLES) as SheetId[]).filter((sheet) => !(keepRecord && RECORD_TABLES[sheet]));
  if (!findings?.rows[0]!.any) {
    await dropStagePartitions(db, id, sheets);
    return;
  }
  for (const sheet of sheets) {
    await sql`delete from ${sql.table(STAGE_TABLES[sheet])} s where s.job_id = ${id}
      and not exists (select 1 from import_error e where e.job_id = s.job_id and (e.household_code = s.household_code or (e.sheet = ${sheet} and e.line = s.line)))`.execute(db);
  }
}
