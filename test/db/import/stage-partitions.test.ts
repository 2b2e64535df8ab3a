/** The import staging tables partitioned by job (migration 0018, src/db/import/stage-partitions.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { migrate, readMigrations } from '../../../src/db/migrate.ts';
import type { DB } from '../../../src/db/schema.ts';
import { attachStagePartitions, createStagePartitions, dropStagePartitions, stagePartition } from '../../../src/db/import/stage-partitions.ts';
import { clearStaging } from '../../../src/db/import/jobs.ts';
import { openTestDatabase } from '../../helpers/database.ts';

async function tables(db: Kysely<DB>, like: string): Promise<string[]> {
  const r = await sql<{ name: string }>`select c.relname as name from pg_class c
    where c.relname like ${like} and c.relkind in ('r', 'p') and pg_table_is_visible(c.oid) order by 1`.execute(db);
  return r.rows.map((x) => x.name);
}

async function indexesOf(db: Kysely<DB>, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from pg_index i join pg_class c on c.oid = i.indrelid
    where c.relname = ${table} and pg_table_is_visible(c.oid)`.execute(db);
  return r.rows[0]!.n;
}

test('migrations 0018 and 0019 move rows staged before them into partitions of their jobs, with the indexes, and members keep their facts', async () => {
  const d = await openTestDatabase({ migrate: false });
  try {
    const files = readMigrations();
    await migrate(d.db, files.filter((f) => f.version < 18));
    await sql`insert into import_household_stage (job_id, line, household_code, findings) values (7, 2, 'A', null), (7, 3, 'B', 'x'), (9, 2, 'C', null)`.execute(d.db);
    await sql`insert into import_member_stage (job_id, line, household_code, full_name, record_json)
      values (7, 2, 'A', 'Lò Văn A', '{"fullName":"Lò Văn A","facts":{"healthInsurance":true}}'), (9, 2, 'C', 'Lò Văn C', null)`.execute(d.db);
    await migrate(d.db, files);
    assert.deepEqual(await tables(d.db, 'import_household_stage%'), ['import_household_stage', 'import_household_stage_j7', 'import_household_stage_j9']);
    assert.deepEqual(await tables(d.db, 'import_member_stage%'), ['import_member_stage', 'import_member_stage_j7', 'import_member_stage_j9']);
    assert.deepEqual(await tables(d.db, 'import_survey_stage%'), ['import_survey_stage']);
    const rows = await sql<{ job_id: string; household_code: string; findings: string | null }>`
      select job_id::text, household_code, findings from import_household_stage order by line, job_id`.execute(d.db);
    assert.deepEqual(rows.rows.map((r) => [r.job_id, r.household_code, r.findings]), [['7', 'A', null], ['9', 'C', null], ['7', 'B', 'x']]);
    assert.equal(await indexesOf(d.db, 'import_household_stage_j7'), 2, 'the code and findings indexes');
    // Migration 0019: a member staged with its record keeps its facts.
    const facts = await sql<{ facts: string | null }>`select facts from import_member_stage order by job_id`.execute(d.db);
    assert.deepEqual(facts.rows.map((r) => (r.facts === null ? null : JSON.parse(r.facts))), [{ healthInsurance: true }, null]);
    // A row of a job without a partition has nowhere to go.
    await assert.rejects(() => sql`insert into import_member_stage (job_id, line) values (8, 1)`.execute(d.db), /partition/);
  } finally {
    await d.close();
  }
});

test('a job stages into its own tables, attached with their indexes, and dropped with its staging', async () => {
  const d = await openTestDatabase();
  try {
    await createStagePartitions(d.db, 41);
    await sql`insert into ${sql.table(stagePartition('members', 41))} (job_id, line, household_code) values (41, 2, 'A')`.execute(d.db);
    // Not attached yet: the parent does not see the rows, and the CHECK keeps other jobs' rows out.
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from import_member_stage`.execute(d.db)).rows[0]!.n, 0);
    await assert.rejects(() => sql`insert into ${sql.table(stagePartition('members', 41))} (job_id, line) values (42, 1)`.execute(d.db), /check/i);
    await attachStagePartitions(d.db, 41);
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from import_member_stage where job_id = 41`.execute(d.db)).rows[0]!.n, 1);
    assert.equal(await indexesOf(d.db, stagePartition('members', 41)), 2);
    // Staging again (an interrupted upload of the same job) starts from empty tables.
    await createStagePartitions(d.db, 41);
    assert.equal((await sql<{ n: number }>`select count(*)::int as n from import_member_stage where job_id = 41`.execute(d.db)).rows[0]!.n, 0);
    await attachStagePartitions(d.db, 41);
    await clearStaging(d.db, 41, true);
    assert.deepEqual(await tables(d.db, 'import_%_stage_j41'), [], 'a job without findings keeps nothing');
    await dropStagePartitions(d.db, 41);
    assert.throws(() => stagePartition('members', 0));
  } finally {
    await d.close();
  }
});
