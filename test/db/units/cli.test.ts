import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { run, type UnitsCliIo } from '../../../src/cli/units.ts';
import { CHANGES_2025, tempDir, writeFile } from './fixtures.ts';

// The CLI opens its own database from the environment: an on-disk PGlite directory, or with
// TEST_DATABASE_URL a fresh schema on that server (DATABASE_URL with its search_path).
const tmp = tempDir();
const env: NodeJS.ProcessEnv = {};
let dropSchema: (() => Promise<void>) | null = null;

before(async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    env.GIAMNGHEO_DATA_DIR = path.join(tmp.dir, 'pgdata');
    return;
  }
  const schema = `t_cli_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  env.DATABASE_URL = u.toString();
  dropSchema = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  };
});
after(async () => {
  await dropSchema?.();
  tmp.cleanup();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: UnitsCliIo = { out: (s) => void (out += s), err: (s) => void (err += s), env };
  const code = await run(argv, io);
  return { code, out, err };
}

test('units import loads the bundled units first, applies the Đồng Nai changes and prints counts', async () => {
  const r = await cli('import', CHANGES_2025);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Đã nạp danh mục đi kèm .* bố cục 2025 34 tỉnh, 3321 xã/u);
  assert.match(r.out, /Đã nhập changes-after-2025-07-01\.csv \(changes, 32 dòng, \d+ ms\): 32 thay đổi trong danh mục\./u);
  const again = await cli('import', CHANGES_2025);
  assert.equal(again.code, 0);
  assert.doesNotMatch(again.out, /Đã nạp danh mục đi kèm/u);
  assert.match(again.out, /: 0 thay đổi trong danh mục\.\n {2}thay đổi áp dụng: 0, đã áp dụng trước đây: 32/u);
});

test('units show prints the version in force on --as-of', async () => {
  const urban = await cli('show', '2025', '26248', '--as-of', '2026-04-30');
  assert.equal(urban.code, 0, urban.err);
  assert.match(urban.out, /^26248 Phường Trảng Bom — bố cục 2025, ngày 2026-04-30\n/u);
  assert.match(urban.out, /Khu vực: {8}thành thị \(urban\)/u);
  assert.match(urban.out, /Đơn vị cha: {5}75 Thành phố Đồng Nai/u);
  const rural = await cli('show', '2025', '26248', '--as-of', '2026-04-29', '--json');
  const json = JSON.parse(rural.out) as { unit: { name: string; resolvedAreaType: string } };
  assert.deepEqual([json.unit.name, json.unit.resolvedAreaType], ['Xã Trảng Bom', 'rural']);
  const missing = await cli('show', '2025', '26248', '--as-of', '2025-06-30');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /Không có đơn vị mã 26248 trong bố cục 2025 vào ngày 2025-06-30/u);
});

test('a refused file exits 2 and prints the row errors in Vietnamese; bad usage exits 2', async () => {
  const file = writeFile(tmp.dir, 'bad.csv', 'effective_date,code,level,field,value_before,value_after\n2026-09-01,22,1,name,Tỉnh Quảng Nam,Thành phố Quảng Ninh\n');
  const r = await cli('import', file);
  assert.equal(r.code, 2);
  assert.match(r.err, /Tệp bad\.csv bị từ chối, không có thay đổi nào \(1 lỗi\):\n {2}Dòng 2, cột value_before: /u);
  assert.equal((await cli('show', '2030', '01')).code, 2);
  assert.equal((await cli('frobnicate')).code, 2);
});
