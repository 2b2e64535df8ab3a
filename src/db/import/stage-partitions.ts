/**
 * A job's staging tables (migration 0018): each staging table is partitioned by job, and a job's rows
 * live in its own partition. The partitions are created empty and detached, filled by COPY, then
 * attached — PostgreSQL builds their indexes at the attach, in one pass over the loaded rows, and the
 * job's CHECK constraint spares it the attach's scan. A job's staging goes away with DROP TABLE.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { SheetId } from '../../domain/import/import-kinds.ts';
import { sideBySide } from './side-by-side.ts';

/** The partitioned staging table of each sheet. */
export const STAGE_TABLES: Readonly<Record<SheetId, string>> = {
  households: 'import_household_stage',
  members: 'import_member_stage',
  surveys: 'import_survey_stage',
};

const SHEETS = Object.keys(STAGE_TABLES) as SheetId[];

function jobNumber(jobId: number): number {
  if (!Number.isSafeInteger(jobId) || jobId <= 0) throw new Error(`import job id ${jobId}`);
  return jobId;
}

/** The name of the job's partition of a sheet's staging table. */
export function stagePartition(sheet: SheetId, jobId: number): string {
  return `${STAGE_TABLES[sheet]}_j${jobNumber(jobId)}`;
}

/** Drops the job's staging tables (of `sheets`: all by default), attached or not (nothing when there are none). */
export async function dropStagePartitions(db: Kysely<DB>, jobId: number, sheets: readonly SheetId[] = SHEETS): Promise<void> {
  for (const sheet of sheets) await sql`drop table if exists ${sql.table(stagePartition(sheet, jobId))}`.execute(db);
}

/**
 * Creates the job's staging tables, empty and not yet attached, each with a CHECK of its job id (a
 * staging run of the job left over from an interrupted upload is dropped first).
 */
export async function createStagePartitions(db: Kysely<DB>, jobId: number): Promise<void> {
  await dropStagePartitions(db, jobId);
  for (const sheet of SHEETS) {
    const part = stagePartition(sheet, jobId);
    await sql`create table ${sql.table(part)} (like ${sql.table(STAGE_TABLES[sheet])} including defaults,
      constraint ${sql.id(`${part}_job`)} check (job_id = ${sql.lit(jobNumber(jobId))}))`.execute(db);
  }
}

/**
 * Attaches the job's loaded staging tables to their parents (which builds their indexes), one after the
 * other: each index build already takes PostgreSQL's parallel workers (side by side they took as long).
 */
export async function attachStagePartitions(db: Kysely<DB>, jobId: number): Promise<void> {
  for (const sheet of SHEETS) {
    await sql`alter table ${sql.table(STAGE_TABLES[sheet])} attach partition ${sql.table(stagePartition(sheet, jobId))}
      for values in (${sql.lit(jobNumber(jobId))})`.execute(db);
  }
}

/** The sheets an import record keeps (import-record.ts), and the partitioned record table of each. */
export const RECORD_TABLES: Readonly<Partial<Record<SheetId, string>>> = {
  households: 'import_household_record',
  members: 'import_member_record',
};

/**
 * Moves the job's households and members tables from staging to the import record (append-only): the
 * households the job wrote are audited from it (import-record.ts). A table already gone is left.
 */
export async function moveToRecord(db: Kysely<DB>, jobId: number): Promise<void> {
  for (const [sheet, record] of Object.entries(RECORD_TABLES) as Array<[SheetId, string]>) {
    const part = stagePartition(sheet, jobId);
    // Looked up by the search path, as the statements below name them.
    const attached = await sql<{ n: number }>`select count(*)::int as n from pg_inherits
      where inhrelid = to_regclass(${part}) and inhparent = to_regclass(${STAGE_TABLES[sheet]})`.execute(db);
    if (attached.rows[0]!.n === 0) continue;
    const name = `${record}_j${jobNumber(jobId)}`;
    await sql`alter table ${sql.table(STAGE_TABLES[sheet])} detach partition ${sql.table(part)}`.execute(db);
    await sql`alter table ${sql.table(part)} rename to ${sql.id(name)}`.execute(db);
    await sql`alter table ${sql.table(record)} attach partition ${sql.table(name)} for values in (${sql.lit(jobNumber(jobId))})`.execute(db);
  }
}

/** The columns the checks and the commit join or filter on, per sheet: their statistics are kept fresh. */
const ANALYZED_COLUMNS: Readonly<Record<SheetId, readonly string[]>> = {
  households: ['job_id', 'household_code', 'commune_code', 'village_code'],
  members: ['job_id', 'household_code', 'relation', 'citizen_id', 'sex'],
  surveys: ['job_id', 'household_code'],
};

/** Fresh statistics of the job's staging tables (ANALYZED_COLUMNS), side by side on a pool of connections. */
export async function analyzeStagePartitions(db: Kysely<DB>, jobId: number): Promise<void> {
  await sideBySide(
    SHEETS.map((sheet) =>
      sql`analyze ${sql.table(stagePartition(sheet, jobId))} (${sql.join(ANALYZED_COLUMNS[sheet].map((c) => sql.id(c)))})`.execute(db),
    ),
  );
}
