/** The import pipeline on a test database: stage, validate, commit, idempotent re-upload, audit, valid-only commits. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import { commitImport } from '../../../src/db/import/run-import.ts';
import { ImportStateError } from '../../../src/db/import/import-state-error.ts';
import { stagePartition } from '../../../src/db/import/stage-partitions.ts';
import { searchAudit } from '../../../src/db/audit-query.ts';
import { reportRows } from '../../../src/db/import/report-rows.ts';
import { openRegistryDatabase, DK, MT } from '../registry/fixtures.ts';
import { count, errorsOf, household, members, upload, uploadAndCommit, writeCsv } from './import-fixtures.ts';

let database: Database;
before(async () => {
  database = await openRegistryDatabase();
});
after(() => database.close());

/** The after-image of a household's one audit row of `action`, as the audit search shows it. */
async function auditAfter<T>(entityId: string, action: string): Promise<T> {
  const r = await searchAudit(database.db, { level: 'national' }, { entity: 'household', entityId, action, page: 1, pageSize: 10 });
  assert.equal(r.items.length, 1);
  return r.items[0]!.after as T;
}

test('a clean registry file commits; the same file again changes nothing; an edit updates one household', async () => {
  const hh = [household('MT-IMP-1'), household('MT-IMP-2', { village_code: '02' })];
  const mm = [...members('MT-IMP-1', 'Lò Văn Một'), ...members('MT-IMP-2', 'Lò Văn Hai')];
  const job = await uploadAndCommit(database, MT, 'registry', [writeCsv('households', hh), writeCsv('members', mm, { bom: true })], { chunkSize: 1 });
  assert.equal(job.state, 'committed', job.message ?? '');
  assert.equal(job.errorCount, 0);
  assert.deepEqual([job.result!.inserted, job.result!.updated, job.result!.unchanged, job.result!.chunks], [2, 0, 0, 2]);
  const staging = await sql<{ t: string | null }>`select to_regclass(${stagePartition('members', job.id)})::text as t`.execute(database.db);
  assert.equal(staging.rows[0]!.t, null, 'a committed job without findings leaves no staging table');
  const h = await sql<{ id: number; head_name: string; facts: Record<string, unknown>; village_code: string }>`
    select id, head_name, facts, village_code from household where code = 'MT-IMP-1'`.execute(database.db);
  assert.equal(h.rows[0]!.head_name, 'Lò Văn Một');
  assert.deepEqual(h.rows[0]!.facts, {
    housing: { floorArea: 40, frame: 'durable_wood', walls: 'brick_stone', roof: 'metal_sheet' },
    waterSource: 'drilled_well',
    latrine: 'septic',
    usesInternet: true,
    informationDevices: ['smartphone'],
  });
  const m = await sql<{ line_no: number; date_of_birth: string | null; birth_year: number; sex: string; relation: string; facts: Record<string, unknown> }>`
    select line_no, date_of_birth, birth_year, sex, relation, facts from member where household_id = ${h.rows[0]!.id} order by line_no`.execute(database.db);
  assert.deepEqual(
    m.rows.map((r) => [r.line_no, r.date_of_birth, r.birth_year, r.sex, r.relation]),
    [
      [1, '1980-03-04', 1980, 'male', 'head'],
      [2, null, 1984, 'female', 'spouse'],
    ],
  );
  assert.deepEqual(m.rows[0]!.facts, { healthInsurance: true, highestCompletedLevel: 'upper_secondary', employment: 'self_employed' });
  // The audit log holds one row per chunk and commune of the commit (here a chunk per household), each
  // new household names its job, and the household and its members are in the job's import record:
  // the audit search shows the household's own creation, members included.
  const batches = await sql<{ unit_code: string; entity_id: string; after: Record<string, unknown> }>`
    select unit_code, entity_id, after from audit_log where entity = 'import_job' and action = 'import_create' order by after->>'firstCode'`.execute(database.db);
  assert.deepEqual(
    batches.rows.map((r) => [r.unit_code, r.entity_id, r.after]),
    [
      ['03445', String(job.id), { importJob: job.id, households: 1, firstCode: 'MT-IMP-1', lastCode: 'MT-IMP-1' }],
      ['03445', String(job.id), { importJob: job.id, households: 1, firstCode: 'MT-IMP-2', lastCode: 'MT-IMP-2' }],
    ],
  );
  assert.equal(await count(database, `audit_log where entity = 'household' and action = 'import_create'`), 0);
  assert.equal(await count(database, `household where code like 'MT-IMP-%' and import_job = ${job.id}`), 2);
  const created = await auditAfter<{ code: string; facts: unknown; importJob: number; members: Array<Record<string, unknown>>; [k: string]: unknown }>(String(h.rows[0]!.id), 'import_create');
  assert.equal(created.code, 'MT-IMP-1');
  assert.deepEqual(created.facts, h.rows[0]!.facts);
  assert.equal('membersInImport' in created, false);
  assert.deepEqual(
    created.members.map((x) => [x.lineNo, x.fullName, x.dateOfBirth, x.birthYear, x.sex, x.relation, x.citizenId]),
    [
      [1, 'Lò Văn Một', '1980-03-04', 1980, 'male', 'head', null],
      [2, 'Lò Văn Một (vợ)', null, 1984, 'female', 'spouse', null],
    ],
  );
  assert.deepEqual(created.members[0]!.facts, m.rows[0]!.facts);
  // The creation is found within the reader's scope and filters only.
  const own = await searchAudit(database.db, MT, { entity: 'household', entityId: String(h.rows[0]!.id), page: 1, pageSize: 10 });
  assert.deepEqual([own.total, own.items.map((x) => [x.entity, x.action])], [1, [['household', 'import_create']]]);
  for (const [scope, filters] of [
    [DK, {}],
    [{ level: 'province', provinceCode: '11' }, {}],
    [{ level: 'national' }, { actor: 'someone.else' }],
    [{ level: 'national' }, { action: 'import_update' }],
    [{ level: 'national' }, { action: 'update' }],
    [{ level: 'national' }, { to: '2000-01-01' }],
  ] as const) {
    const other = await searchAudit(database.db, scope, { entity: 'household', entityId: String(h.rows[0]!.id), page: 1, pageSize: 10, ...filters });
    assert.deepEqual([other.total, other.items.length], [0, 0], JSON.stringify([scope, filters]));
  }
  assert.deepEqual(
    [created.communeCode, created.villageCode, created.address, created.headName, created.headCitizenId, created.ethnicity],
    ['03445', '01', 'Bản Nậm Củm', 'Lò Văn Một', null, 'Thái'],
  );
  // The record is append-only.
  await assert.rejects(sql`delete from import_member_record where job_id = ${created.importJob}`.execute(database.db), /append-only/u);
  await assert.rejects(sql`update import_member_record set full_name = 'x' where job_id = ${created.importJob}`.execute(database.db), /append-only/u);
  await assert.rejects(sql`delete from import_household_record where job_id = ${created.importJob}`.execute(database.db), /append-only/u);
  await assert.rejects(sql`update import_household_record set address = 'x' where job_id = ${created.importJob}`.execute(database.db), /append-only/u);
  await assert.rejects(sql`truncate import_household_record`.execute(database.db), /append-only/u);
  assert.equal(await count(database, `import_member_record where job_id = ${created.importJob}`), 4);
  assert.equal(await count(database, `import_household_record where job_id = ${created.importJob}`), 2);
  assert.equal(await count(database, `household_residence r join household h on h.id = r.household_id where h.code like 'MT-IMP-%'`), 2);

  const again = await uploadAndCommit(database, MT, 'registry', [writeCsv('households', hh), writeCsv('members', mm)]);
  assert.deepEqual([again.result!.inserted, again.result!.updated, again.result!.unchanged], [0, 0, 2]);
  assert.equal(await count(database, `import_member_record where job_id = ${again.id}`), 0, 'a job that wrote no household keeps no record');
  assert.equal(await count(database, `import_household_record where job_id = ${again.id}`), 0);
  assert.equal(await count(database, `audit_log where action like 'import_%'`), 2);
  assert.equal(await count(database, `member m join household h on h.id = m.household_id where h.code like 'MT-IMP-%'`), 4);

  const edited = mm.map((r) => (r.line_no === 2 && r.household_code === 'MT-IMP-2' ? { ...r, health_insurance: 'Không' } : r));
  const third = await uploadAndCommit(database, MT, 'registry', [writeCsv('households', hh), writeCsv('members', edited)]);
  assert.deepEqual([third.result!.inserted, third.result!.updated, third.result!.unchanged], [0, 1, 1]);
  const audit = await sql<{ before: { members: Array<{ facts: Record<string, unknown> }> }; after: { members: Array<{ facts: Record<string, unknown> }> } }>`
    select before, after from audit_log where action = 'import_update'`.execute(database.db);
  assert.equal(audit.rows.length, 1);
  assert.equal(audit.rows[0]!.before.members[1]!.facts.healthInsurance, true);
  assert.equal(audit.rows[0]!.after.members[1]!.facts.healthInsurance, false);
  assert.equal(await count(database, `member m join household h on h.id = m.household_id where h.code = 'MT-IMP-2' and m.active`), 2);
});

test('bad cells and rows are reported by sheet, line and column; commit all is refused, valid-only writes the rest', async () => {
  const hh = [
    household('MT-BAD-1', { floor_area: 'bốn mươi' }), // line 2: number
    household('MT-BAD-2', { commune_code: '03388' }), // line 3: outside the commune user's scope
    household('MT-BAD-3', { water_source: 'nước giếng trời' }), // line 4: code
    household('MT-BAD-3'), // line 5: duplicate code (with line 4)
    household('MT-OK-1', { roof: null }), // line 6: housing incomplete
    household('MT-OK-2'), // line 7: fine
    household('MT-BAD-4', { commune_code: '99999', village_code: '77' }), // line 8: unknown commune
  ];
  const mm = [
    ...members('MT-BAD-1', 'A'), // lines 2-3
    ...members('MT-BAD-2', 'B'), // 4-5
    ...members('MT-BAD-3', 'C'), // 6-7
    ...members('MT-OK-1', 'D'), // 8-9
    ...members('MT-OK-2', 'E'), // 10-11
    { household_code: 'MT-NONE', full_name: 'Không hộ', birth_year: 1990, sex: 'nam', relation: 'con' }, // 12: no household row
    { household_code: 'MT-OK-1', full_name: 'Con cả', birth_year: 1975, sex: 'nam', relation: 'con' }, // 13: child older than head
    { household_code: 'MT-OK-1', full_name: 'Con út', date_of_birth: '31/02/2010', sex: 'nữ', relation: 'con' }, // 14: impossible date
    { household_code: 'MT-BAD-4', full_name: 'F', birth_year: 1980, sex: 'nam', relation: 'chủ hộ', citizen_id: '012180000001' }, // 15: citizen id sex digit
  ];
  const job = await upload(database, MT, 'registry', [writeCsv('households', hh), writeCsv('members', mm)]);
  assert.equal(job.state, 'validated');
  const errors = (await errorsOf(database, job.id)).map((e) => `${e.sheet}:${e.line}:${e.column_key}:${e.code}`);
  assert.deepEqual(errors.toSorted(), [
    'households:2:floor_area:number',
    'households:3:commune_code:commune_out_of_scope',
    'households:4:household_code:duplicate_in_sheet',
    'households:4:water_source:code',
    'households:5:household_code:duplicate_in_sheet',
    'households:6:roof:housing_incomplete',
    'households:8:commune_code:commune_unknown',
    'households:8:village_code:village_unknown',
    'members:12:household_code:no_household_row',
    'members:13:relation:child_older_than_head',
    'members:14:date_of_birth:date',
    'members:15:citizen_id:citizen_id_sex',
  ].sort());
  assert.equal(job.errorCount, 12);
  await assert.rejects(commitImport(database, job.id, 'all'), (e) => e instanceof ImportStateError && e.code === 'job_has_errors');
  assert.equal(await count(database, `household where code like 'MT-BAD-%' or code like 'MT-OK-%'`), 0);
  const done = await commitImport(database, job.id, 'valid_only');
  assert.deepEqual([done.result!.inserted, done.result!.rejected], [1, 5]);
  assert.equal(await count(database, `household where code like 'MT-BAD-%' or code like 'MT-OK-%'`), 1);
  assert.equal(await count(database, `household where code = 'MT-OK-2'`), 1);
  // Both sheets moved whole to the job's import record (the household written is audited from it) and
  // the reject file still lists the rejected rows: the 6 rows of the 5 rejected households (MT-BAD-3
  // twice) and their members.
  assert.equal(await count(database, `import_household_record where job_id = ${job.id}`), 7);
  assert.equal(await count(database, `import_household_stage where job_id = ${job.id}`), 0);
  assert.equal(await count(database, `import_member_record where job_id = ${job.id}`), 14);
  assert.equal(await count(database, `import_member_stage where job_id = ${job.id}`), 0);
  const rejectedHouseholds: number[] = [];
  for await (const row of reportRows(database.db, job.id, 'households')) rejectedHouseholds.push(row.line);
  assert.equal(rejectedHouseholds.length, 6);
  const rejectedMembers: number[] = [];
  for await (const row of reportRows(database.db, job.id, 'members')) rejectedMembers.push(row.line);
  assert.deepEqual(rejectedMembers, [2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15]);
  const written = await sql<{ id: number }>`select id from household where code = 'MT-OK-2'`.execute(database.db);
  const after = await auditAfter<{ members: Array<{ fullName: string }> }>(String(written.rows[0]!.id), 'import_create');
  assert.deepEqual(after.members.map((x) => x.fullName), ['E', 'E (vợ)']);
});

test('a CSV with key headers, semicolons and no BOM is read; an unknown header is a file-level refusal', async () => {
  const bad = writeCsv('households', [household('MT-X-1')]);
  const fs = await import('node:fs');
  fs.writeFileSync(bad.path, 'cột a,cột b\n1,2\n');
  const job = await upload(database, MT, 'registry', [bad]);
  assert.equal(job.state, 'failed');
  assert.equal(JSON.parse(job.message!).code, 'no_header');
  const semi = writeCsv('households', [household('MT-SEMI-1', { walls: 'tôn' })], { keys: true });
  fs.writeFileSync(semi.path, fs.readFileSync(semi.path, 'utf8').replaceAll(',', ';'));
  const ok = await upload(database, MT, 'registry', [semi, writeCsv('members', members('MT-SEMI-1', 'Semi'))]);
  assert.equal(ok.errorCount, 0, JSON.stringify(await errorsOf(database, ok.id)));
  assert.equal(ok.rowCounts.households, 1);
});

test('members without an STT take their order among the household rows; rows out of STT order are written and audited by STT; names with quotes and backslashes are audited as written, a NUL character as U+FFFD', async () => {
  const unnumbered = members('MT-IMP-STT-1', 'Lò Văn Không Số').map((r) => ({ ...r, line_no: null }));
  const reversed = members('MT-IMP-STT-2', 'Lò Văn "Đảo" \\ B').toReversed();
  const job = await uploadAndCommit(database, MT, 'registry', [
    writeCsv('households', [household('MT-IMP-STT-1'), household('MT-IMP-STT-2'), household('MT-IMP-STT-3', { address: 'Bản \\N\\t, C:\\ "x"' })]),
    writeCsv('members', [...unnumbered, ...reversed, ...members('MT-IMP-STT-3', 'Lò\u0000Văn')]),
  ]);
  assert.equal(job.state, 'committed', job.message ?? '');
  const rows = await sql<{ code: string; line_no: number; full_name: string }>`
    select h.code, m.line_no, m.full_name from member m join household h on h.id = m.household_id
    where h.code like 'MT-IMP-STT-%' order by h.code, m.line_no`.execute(database.db);
  assert.deepEqual(
    rows.rows.map((r) => [r.code, r.line_no, r.full_name]),
    [
      ['MT-IMP-STT-1', 1, 'Lò Văn Không Số'],
      ['MT-IMP-STT-1', 2, 'Lò Văn Không Số (vợ)'],
      ['MT-IMP-STT-2', 1, 'Lò Văn "Đảo" \\ B'],
      ['MT-IMP-STT-2', 2, 'Lò Văn "Đảo" \\ B (vợ)'],
      ['MT-IMP-STT-3', 1, 'Lò\ufffdVăn'],
      ['MT-IMP-STT-3', 2, 'Lò\ufffdVăn (vợ)'],
    ],
  );
  const address = await sql<{ address: string }>`select address from household where code = 'MT-IMP-STT-3'`.execute(database.db);
  assert.equal(address.rows[0]!.address, 'Bản \\N\\t, C:\\ "x"');
  const ids = await sql<{ id: number; code: string }>`select id, code from household where code in ('MT-IMP-STT-1', 'MT-IMP-STT-2') order by code`.execute(database.db);
  const audited = await Promise.all(ids.rows.map(async (r) => [r.code, (await auditAfter<{ members: Array<{ fullName: string; lineNo: number }> }>(String(r.id), 'import_create')).members.map((x) => x.fullName)]));
  assert.deepEqual(
    audited,
    [
      ['MT-IMP-STT-1', ['Lò Văn Không Số', 'Lò Văn Không Số (vợ)']],
      ['MT-IMP-STT-2', ['Lò Văn "Đảo" \\ B', 'Lò Văn "Đảo" \\ B (vợ)']],
    ],
  );
});
