/**
 * Reliability of the import pipeline: a process killed (SIGKILL) in the middle of a commit leaves whole
 * households only and the resumed job completes; a file with 1 % corrupted rows reports exactly those
 * rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../../../src/db/connect.ts';
import { loadJob } from '../../../src/db/import/jobs.ts';
import { resumeImport } from '../../../src/db/import/run-import.ts';
import { openRegistryDatabase, MT } from '../registry/fixtures.ts';
import { errorsOf, household, members, upload, writeCsv, type Row } from './import-fixtures.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

test('SIGKILL in the middle of a commit leaves no partial household; resuming the job completes it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giamngheo-import-kill-'));
  const total = 60;
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'import-kill-child.ts'), dir, String(total)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let jobId = 0;
    let killedAt = -1;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const l of chunk.split('\n')) {
        if (l.startsWith('job ')) jobId = Number(l.slice(4));
        const m = /^progress (\d+)$/u.exec(l);
        if (m && Number(m[1]) >= 20 && killedAt < 0) {
          killedAt = Number(m[1]);
          child.kill('SIGKILL');
        }
      }
    });
    assert.equal(await exited, 'SIGKILL', 'the child was killed, not finished');
    assert.ok(jobId > 0 && killedAt >= 20 && killedAt < total);

    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const sizes = await sql<{ code: string; n: number }>`
        select h.code, count(m.id)::int as n from household h left join member m on m.household_id = h.id group by h.code`.execute(database.db);
      assert.ok(sizes.rows.length >= killedAt && sizes.rows.length < total, `${sizes.rows.length} households after the kill`);
      for (const r of sizes.rows) assert.equal(r.n, 2, `household ${r.code} is partial`);
      const audits = await sql<{ n: number }>`
        select coalesce(sum((after->>'households')::int), 0)::int as n from audit_log where action = 'import_create' and entity = 'import_job'`.execute(database.db);
      assert.equal(audits.rows[0]!.n, sizes.rows.length, 'the audit counts every household written, none more');
      assert.equal((await loadJob(database.db, jobId)).state, 'committing');

      const done = await resumeImport(database, jobId, { chunkSize: 5 });
      assert.equal(done.state, 'committed');
      assert.equal(done.result!.inserted, total);
      const after = await sql<{ h: number; m: number }>`select (select count(*) from household)::int as h, (select count(*) from member)::int as m`.execute(database.db);
      assert.deepEqual(after.rows[0], { h: total, m: total * 2 });
      const audited = await sql<{ n: number }>`
        select coalesce(sum((after->>'households')::int), 0)::int as n from audit_log where action = 'import_create' and entity = 'import_job'`.execute(database.db);
      assert.equal(audited.rows[0]!.n, total, 'the resumed commit audits the rest, nothing twice');
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Corruptions that each break exactly one cell of a member row (a finding on that row only). */
const CORRUPT: Array<(r: Row) => Row> = [
  (r) => ({ ...r, sex: 'không rõ' }),
  (r) => ({ ...r, health_insurance: 'có lẽ' }),
  (r) => ({ ...r, line_no: 'một' }),
  (r) => ({ ...r, employment: 'đi chơi' }),
  (r) => ({ ...r, full_name: null }),
  (r) => ({ ...r, citizen_id: '12345' }),
];

test('a file with 1 % corrupted rows reports exactly those rows', async () => {
  const database = await openRegistryDatabase();
  try {
    const n = 500;
    const hh: Row[] = [];
    const mm: Row[] = [];
    for (let i = 0; i < n; i++) {
      const code = `MT-C-${String(i).padStart(4, '0')}`;
      hh.push(household(code));
      mm.push(...members(code, `Người ${i}`));
    }
    // 1 % of the 1,000 member rows: every 100th row, spread over the file; the spouse rows only, so a head stays a head.
    const bad = new Set<number>();
    for (let k = 0; k < mm.length / 100; k++) bad.add(k * 100 + 1 + (k % 2) * 50);
    let j = 0;
    for (const i of bad) mm[i] = CORRUPT[j++ % CORRUPT.length]!(mm[i]!);
    const job = await upload(database, MT, 'registry', [writeCsv('households', hh), writeCsv('members', mm)]);
    const lines = [...new Set((await errorsOf(database, job.id)).map((e) => `${e.sheet}:${e.line}`))].toSorted();
    assert.deepEqual(lines, [...bad].map((i) => `members:${i + 2}`).toSorted());
    assert.equal(job.errorHouseholds, bad.size);
  } finally {
    await database.close();
  }
});
