/**
 * `giamngheo reports refresh [--province CODE]`: usage errors exit 2 without opening a database; a refresh on
 * an embedded database with one household builds its summary rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { run } from '../../src/cli/reports.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s), env }, out, err };
}

test('usage errors exit 2 with the usage text', async () => {
  for (const argv of [[], ['rebuild'], ['refresh', '--province'], ['refresh', '--province', '1'], ['refresh', 'extra'], ['refresh', '--jobs', '0'], ['refresh', '--jobs', 'x'], ['refresh', '--nope']]) {
    const x = io({});
    assert.equal(await run(argv, x.io), 2, argv.join(' '));
    assert.match(x.err.join(''), /giamngheo reports refresh/);
  }
});

test('refresh --province builds the summaries of that province', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giamngheo-reports-cli-'));
  try {
    const d = await openDatabase({ kind: 'pglite', dataDir: dir });
    await migrate(d.db);
    await sql`insert into household (province_code, code, commune_code, village_code, head_name, head_name_ascii, ethnicity) values ('12', 'X-1', '03445', 'PM', 'Lò Văn A', 'lo van a', 'Thái')`.execute(d.db);
    const h = await sql<{ id: number }>`select id from household`.execute(d.db);
    await sql`insert into list_status (province_code, household_id, list_year, status, standard_id, decision_number, decision_date, effective_from)
      values ('12', ${h.rows[0]!.id}, 2026, 'poor', 'ND07_2021', '1/QĐ', '2025-12-10', '2026-01-01')`.execute(d.db);
    await d.close();
    const x = io({ GIAMNGHEO_DATA_DIR: dir });
    assert.equal(await run(['refresh', '--province', '12', '--jobs', '2'], x.io), 0, x.err.join(''));
    assert.match(x.out.join(''), /Tỉnh 12: đã tổng hợp các năm danh sách 2026/);
    const d2 = await openDatabase({ kind: 'pglite', dataDir: dir });
    const r = await sql<{ status: string; households: number }>`select status, households from report_unit_summary`.execute(d2.db);
    await d2.close();
    assert.deepEqual(r.rows, [{ status: 'poor', households: 1 }]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
