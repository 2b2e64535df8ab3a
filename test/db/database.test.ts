import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase } from '../helpers/database.ts';
import { migrate, readMigrations, MigrationError } from '../../src/db/migrate.ts';

test('migrations apply once and record their version', async () => {
  const d = await openTestDatabase({ migrate: false });
  try {
    const first = await migrate(d.db);
    assert.ok(first.applied.length >= 1);
    const again = await migrate(d.db);
    assert.deepEqual(again.applied, []);
    assert.equal(again.version, first.version);
  } finally {
    await d.close();
  }
});

test('an edited, already-applied migration is refused', async () => {
  const d = await openTestDatabase({ migrate: false });
  try {
    const files = readMigrations();
    await migrate(d.db, files);
    const edited = files.map((f, i) => (i === 0 ? { ...f, sql: f.sql + '\n-- edited', checksum: 'x' + f.checksum.slice(1) } : f));
    await assert.rejects(() => migrate(d.db, edited), (e: unknown) => e instanceof MigrationError && /đã bị sửa/.test(e.message));
  } finally {
    await d.close();
  }
});

test('types are the same on both database kinds: int8 → number, date → string', async () => {
  const d = await openTestDatabase();
  try {
    const r = await sql<{ c: number; d: string; n: string }>`select count(*) as c, date '2026-04-30' as d, 1.5::numeric as n from setting`.execute(d.db);
    assert.deepEqual(r.rows[0], { c: 0, d: '2026-04-30', n: '1.5' });
  } finally {
    await d.close();
  }
});

function* probeRows() {
  yield 'code,name,n\n';
  for (let i = 0; i < 5000; i++) yield `${String(i).padStart(5, '0')},"Xã Mường Tè, ""${i}""",${i}\n`;
}

test('bulkCopy loads streamed CSV, including quotes, commas and Vietnamese text', async () => {
  const d = await openTestDatabase();
  try {
    await sql`create table copy_probe (code text primary key, name text, n integer)`.execute(d.db);
    const n = await d.bulkCopy({ table: 'copy_probe', columns: ['code', 'name', 'n'], header: true }, probeRows());
    assert.equal(n, 5000);
    const r = await sql<{ name: string; s: number }>`select max(name) as name, sum(n)::int8 as s from copy_probe where code = '00007'`.execute(d.db);
    assert.equal(r.rows[0]!.name, 'Xã Mường Tè, "7"');
    assert.equal(r.rows[0]!.s, 7);
  } finally {
    await d.close();
  }
});

test('transactions roll back on error and keep the connection usable', async () => {
  const d = await openTestDatabase();
  try {
    await assert.rejects(() =>
      d.db.transaction().execute(async (trx) => {
        await trx.insertInto('setting').values({ key: 'probe', value: JSON.stringify(1) }).execute();
        throw new Error('boom');
      }),
    );
    const r = await d.db.selectFrom('setting').select('key').where('key', '=', 'probe').execute();
    assert.equal(r.length, 0);
  } finally {
    await d.close();
  }
});

test('the audit log refuses update and delete', async () => {
  const d = await openTestDatabase();
  try {
    await d.db.insertInto('audit_log').values({ action: 'create', entity: 'probe' }).execute();
    await assert.rejects(() => d.db.updateTable('audit_log').set({ action: 'x' }).execute(), /chỉ được ghi thêm/);
    await assert.rejects(() => d.db.deleteFrom('audit_log').execute(), /chỉ được ghi thêm/);
    const r = await d.db.selectFrom('audit_log').select('action').execute();
    assert.deepEqual(r, [{ action: 'create' }]);
  } finally {
    await d.close();
  }
});
