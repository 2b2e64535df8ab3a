/**
 * Parallel CSV staging against the one-thread reader: a file cut into segments (csv-segments.ts) and each
 * segment read from its start line gives exactly the records of the whole file, or its refusal (random
 * texts, fast-check, against the reference reader); and stageFiles with worker threads copies exactly
 * the bytes the one-thread path copies, or refuses the file with the same message, for awkward files.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { csvSegmentRecords, delimiterOf, type CsvRecord } from '../../../src/db/import/csv-records.ts';
import { CsvSegmenter } from '../../../src/db/import/csv-segments.ts';
import { ImportFileError } from '../../../src/db/import/import-file-error.ts';
import { stageFiles } from '../../../src/db/import/stage-rows.ts';
import type { ParallelStaging } from '../../../src/db/import/stage-parallel.ts';
import { SHEETS_BY_ID } from '../../../src/domain/import/import-kinds.ts';
import { csvText, referenceRecords, type Outcome } from './csv-reference.ts';
import { csvText as sheetCsv, household, members, type Row } from './import-fixtures.ts';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The file's bytes pushed `chunk` at a time through a segmenter of `size`, each segment read as stage-parallel.ts reads it. */
function segmented(bytes: Buffer, size: number, chunk: number): Outcome {
  const text = new TextDecoder().decode(bytes);
  const eol = text.search(/[\r\n]/u);
  const delimiter = delimiterOf(eol < 0 ? text : text.slice(0, eol));
  const segmenter = new CsvSegmenter(delimiter, size);
  const segments = [];
  for (let i = 0; i < bytes.length; i += chunk) segments.push(...segmenter.push(bytes.subarray(i, i + chunk)));
  segments.push(...segmenter.end());
  const out: CsvRecord[] = [];
  try {
    segments.forEach((s, k) => {
      const part = new TextDecoder('utf-8', { fatal: true, ignoreBOM: k > 0 }).decode(s.bytes);
      out.push(...csvSegmentRecords(part, delimiter, s.startLine, true).records);
    });
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    return { error: e.code, line: Number(e.params.line) };
  }
  return out;
}

test('segments read from their start lines give the records of the whole file (or its refusal)', () => {
  fc.assert(
    fc.property(csvText, fc.boolean(), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 50 }), (text, bom, size, chunk) => {
      const bytes = Buffer.concat([bom ? BOM : Buffer.alloc(0), Buffer.from(text)]);
      assert.deepEqual(segmented(bytes, size, chunk), referenceRecords(text));
    }),
    { numRuns: Number(process.env.RUNS ?? 5000) },
  );
});

test('a quoted field that never closes is cut off as too long, not read to the end of the file', async () => {
  const text = `h\nok\n"${'y'.repeat(400_000)}\n${'more,rows\n'.repeat(50_000)}`;
  const segmenter = new CsvSegmenter(',', 64);
  const bytes = Buffer.from(text);
  const segments = [];
  for (let i = 0; i < bytes.length; i += 1 << 16) segments.push(...segmenter.push(bytes.subarray(i, i + (1 << 16))));
  segments.push(...segmenter.end());
  // The segments stop at the runaway field: the rest of the file is never held.
  assert.ok(segments.reduce((n, s) => n + s.bytes.length, 0) < 400_000 + (1 << 17));
  assert.deepEqual(segmented(bytes, 64, 1 << 16), { error: 'csv_field_too_long', line: 3 });
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giamngheo-segments-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
let seq = 0;

function file(name: string, content: string | Buffer) {
  const p = path.join(dir, `${++seq}-${name}`);
  fs.writeFileSync(p, content);
  return { path: p, name };
}

/** What stageFiles copies per staging table (its bytes as text), or the refusal. */
async function staged(files: Array<{ path: string; name: string }>, parallel: ParallelStaging) {
  const copied: Record<string, string> = {};
  const bulkCopy = async (spec: { table: string }, source: unknown) => {
    const parts: Buffer[] = [];
    for await (const c of source as AsyncIterable<string | Uint8Array>) parts.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
    copied[spec.table] = Buffer.concat(parts).toString();
    return 0;
  };
  try {
    const counts = await stageFiles({ bulkCopy }, 7, files, undefined, parallel);
    return { counts: counts as Record<string, number>, copied };
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    return { error: e.code, params: e.params, counts: {} as Record<string, number> };
  }
}

const ONE_THREAD: ParallelStaging = { workers: 1 };
const THREADS: ParallelStaging = { workers: 2, minBytes: 0, segmentBytes: 64 };

/** Households and members of `n` households with awkward cells: quotes, commas, line breaks inside cells. */
function registryFiles(n: number, opts: { bom?: boolean } = {}) {
  const hs: Row[] = [];
  const ms: Row[] = [];
  for (let i = 0; i < n; i++) {
    const code = `9${String(i).padStart(10, '0')}`;
    hs.push(household(code, { address: i % 3 === 0 ? `Bản "Nậm" Củm,\r\nngõ ${i}` : `Thôn ${i}` }));
    ms.push(...members(code, i % 4 === 0 ? `Lò Văn "Hùng" ${i}` : `Lò Thị Mai ${i}`));
  }
  return [file('ho.csv', sheetCsv(SHEETS_BY_ID.households, hs, opts)), file('tv.csv', sheetCsv(SHEETS_BY_ID.members, ms, opts))];
}

test('stageFiles with worker threads copies exactly what the one-thread reader copies', async () => {
  for (const bom of [false, true]) {
    const files = registryFiles(120, { bom });
    const one = await staged(files, ONE_THREAD);
    assert.ok(one.counts.members === 240, JSON.stringify(one).slice(0, 300));
    assert.deepEqual(await staged(files, THREADS), one);
  }
  // LF line ends, ';' delimiter, blank lines and a title above the header.
  const text = sheetCsv(SHEETS_BY_ID.members, members('90000000001', 'Lò Văn A'), {})
    .replaceAll('\r\n', '\n\n')
    .replaceAll(',', ';');
  const lf = [file('tv.csv', `Danh sách thành viên;\n\n${text}`)];
  const one = await staged(lf, ONE_THREAD);
  assert.ok(one.counts.members === 2, JSON.stringify(one).slice(0, 300));
  assert.deepEqual(await staged(lf, THREADS), one);
});

test('stageFiles with worker threads refuses a broken file as the one-thread reader does', async () => {
  const [ho, tv] = registryFiles(60);
  const body = fs.readFileSync(tv!.path);
  const cases = [
    // An unclosed quote far into the file.
    file('tv.csv', Buffer.concat([body, Buffer.from('90000000099,1,"Lò Văn B\r\n')])),
    // A byte that is not UTF-8 far into the file.
    file('tv.csv', Buffer.concat([body.subarray(0, body.length - 40), Buffer.from([0xc3, 0x28]), body.subarray(body.length - 40)])),
    // Old Mac line ends (CR alone): read on one thread.
    file('tv.csv', body.toString().replaceAll('\r\n', '\r')),
  ];
  for (const f of cases) {
    const one = await staged([ho!, f], ONE_THREAD);
    assert.deepEqual(await staged([ho!, f], THREADS), one);
  }
  const refusals = await Promise.all(cases.slice(0, 2).map((f) => staged([ho!, f], THREADS)));
  assert.deepEqual(refusals.map((r) => ('error' in r ? r.error : null)), ['csv_unclosed_quote', 'csv_encoding']);
});
