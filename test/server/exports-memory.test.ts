/**
 * Memory stays flat: 200,000 generated households (and 20,000 members) exported over a real
 * HTTP connection as CSV and as Excel, the client reading the stream; the heap after a forced garbage
 * collection is sampled while the file arrives and must stay within a bound far below what holding the
 * rows (or the file) would take. A bound on memory, not a timing.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'kysely';
import { openTestApp, type Session, type TestApp } from '../helpers/server.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const HOUSEHOLDS = 200_000;
/**
 * Allowed growth of heap + array buffers over the baseline while exporting (bytes). The CSV alone is
 * about 40 MB and the rows as objects several times that, so an export that held either would exceed it
 * (measured growth: about 6 MB for either format).
 */
const BOUND = 48 * 1024 * 1024;

let t: TestApp;
let base: string;
let session: Session;

before(async () => {
  t = await openTestApp();
  const db = t.database.db;
  await sql`
    insert into household (province_code, code, commune_code, village_code, address, head_name, head_name_ascii, ethnicity, facts)
    select '12', 'G' || lpad(i::text, 7, '0'), '03445', null, 'Bản Thử ' || (i % 97), 'Người Thứ ' || i, 'nguoi thu ' || i, 'Thái',
      '{"usesInternet": true, "housing": {"floorArea": 30, "frame": "durable", "walls": "durable", "roof": "durable"}}'::jsonb
    from generate_series(1, ${HOUSEHOLDS}) i`.execute(db);
  await sql`
    insert into member (province_code, household_id, line_no, full_name, full_name_ascii, birth_year, sex, ethnicity, relation, facts)
    select h.province_code, h.id, 1, h.head_name, h.head_name_ascii, 1980, 'male', 'Thái', 'head', '{"healthInsurance": true}'::jsonb
    from household h where h.province_code = '12' and h.id % 10 = 0`.execute(db);
  await sql`analyze household`.execute(db);
  await sql`analyze member`.execute(db);
  session = await t.login('lc.tinh');
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
after(() => t.close());

/** Reads the download, sampling memory after a collection every ~2 MB; the bytes, lines and peak growth. */
async function download(path: string): Promise<{ bytes: number; lines: number; growth: number; status: number }> {
  gc();
  const start = process.memoryUsage();
  const baseline = start.heapUsed + start.arrayBuffers;
  const res = await fetch(`${base}${path}`, { headers: { cookie: session.cookie } });
  let bytes = 0;
  let lines = 0;
  let nextSample = 0;
  let growth = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 10) lines++;
    if (bytes >= nextSample) {
      nextSample = bytes + 2 * 1024 * 1024;
      gc();
      const m = process.memoryUsage();
      growth = Math.max(growth, m.heapUsed + m.arrayBuffers - baseline);
    }
  }
  return { bytes, lines, growth, status: res.status };
}

const mb = (n: number) => `${Math.round(n / 1048576)} MB`;

test(`CSV of ${HOUSEHOLDS} households streams with bounded memory`, async (ctx) => {
  const r = await download('/api/exports/registry.csv?unit=12');
  ctx.diagnostic(`file ${mb(r.bytes)}, ${r.lines} lines, peak heap growth ${mb(r.growth)}`);
  assert.equal(r.status, 200);
  assert.equal(r.lines, HOUSEHOLDS + 1);
  assert.ok(r.bytes > 20 * 1024 * 1024, `file of ${r.bytes} bytes`);
  assert.ok(r.growth < BOUND, `heap grew by ${Math.round(r.growth / 1048576)} MB for a ${Math.round(r.bytes / 1048576)} MB file`);
});

test(`Excel of ${HOUSEHOLDS} households and ${HOUSEHOLDS / 10} members streams with bounded memory`, async (ctx) => {
  const r = await download('/api/exports/registry.xlsx?unit=12');
  ctx.diagnostic(`file ${mb(r.bytes)}, peak heap growth ${mb(r.growth)}`);
  assert.equal(r.status, 200);
  assert.ok(r.bytes > 5 * 1024 * 1024, `file of ${r.bytes} bytes`);
  assert.ok(r.growth < BOUND, `heap grew by ${Math.round(r.growth / 1048576)} MB for a ${Math.round(r.bytes / 1048576)} MB file`);
});
