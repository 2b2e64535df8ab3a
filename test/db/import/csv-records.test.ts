/**
 * The fast import readers against small reference implementations (fast-check): the CSV scanner gives
 * the records (or the file-level refusal) of a character-by-character RFC 4180 reader, however the input
 * is cut into chunks (strings, or bytes cut inside a UTF-8 sequence); tidyText and searchFold give exactly
 * cleanText and the fold's definition; isRealDate and the row helpers give what their patterns say.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { csvBatches, type CsvRecord } from '../../../src/db/import/csv-records.ts';
import { csvText, referenceRecords, type Outcome } from './csv-reference.ts';
import { isRealDate } from '../../../src/db/import/cell-checks.ts';
import { cellText, tidyText } from '../../../src/db/import/cell-text.ts';
import { ImportFileError } from '../../../src/db/import/import-file-error.ts';
import { birthYearOf, lineNumberOf } from '../../../src/db/import/row-checks.ts';
import { searchFold } from '../../../src/db/registry/text.ts';
import { cleanText, toAscii } from '../../../src/db/units/text.ts';

async function scanned(chunks: Array<string | Uint8Array>): Promise<Outcome> {
  const out: CsvRecord[] = [];
  try {
    for await (const batch of csvBatches((async function* () {
      yield* chunks;
    })())) out.push(...batch);
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    return { error: e.code, line: Number(e.params.line) };
  }
  return out;
}

/** `whole` cut at the given points (modulo its length). */
function cut<T extends string | Uint8Array>(whole: T, points: number[]): T[] {
  const at = [...new Set(points.map((p) => (whole.length === 0 ? 0 : p % (whole.length + 1))))].toSorted((a, b) => a - b);
  const parts: T[] = [];
  let from = 0;
  for (const p of at) {
    parts.push(whole.slice(from, p) as T);
    from = p;
  }
  parts.push(whole.slice(from) as T);
  return parts;
}

const points = fc.array(fc.nat({ max: 1000 }), { maxLength: 8 });

test('the CSV scanner gives the reference records for text cut anywhere', async () => {
  await fc.assert(
    fc.asyncProperty(csvText, points, async (text, at) => {
      assert.deepEqual(await scanned(cut(text, at)), referenceRecords(text));
    }),
    { numRuns: 3000 },
  );
});

test('the CSV scanner gives the reference records for text fed a few characters at a time', async () => {
  await fc.assert(
    fc.asyncProperty(csvText, fc.integer({ min: 1, max: 5 }), async (text, size) => {
      const chunks = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      assert.deepEqual(await scanned(chunks), referenceRecords(text));
    }),
    { numRuns: 1000 },
  );
});

test('the CSV scanner gives the reference records for UTF-8 bytes cut anywhere, with or without a BOM', async () => {
  await fc.assert(
    fc.asyncProperty(csvText, points, fc.boolean(), async (text, at, bom) => {
      const bytes = Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]);
      assert.deepEqual(await scanned(cut(new Uint8Array(bytes), at)), referenceRecords(text));
    }),
    { numRuns: 2000 },
  );
});

const records = (o: Outcome) => (Array.isArray(o) ? o.map((r) => [r.line, ...r.values]) : o);

test('the CSV scanner: line numbers, blank lines, ragged rows, delimiters and refusals', async () => {
  assert.deepEqual(records(await scanned(['a;b\r\n\r\n"x\ny";"1""2"\rz\n\n'])), [[1, 'a', 'b'], [3, 'x\ny', '1"2'], [5, 'z']]);
  assert.deepEqual(records(await scanned(['a\tb\n1\t2\t3\n"q"tail\t'])), [[1, 'a', 'b'], [2, '1', '2', '3'], [3, 'qtail', '']]);
  assert.deepEqual(records(await scanned(['h\n""\n\n"",""'])), [[1, 'h'], [2, ''], [4, '', '']]);
  assert.deepEqual(await scanned(['h\na,"b\n']), { error: 'csv_unclosed_quote', line: 2 });
  assert.deepEqual(await scanned(['h\n\n', `"${'y'.repeat(100_001)}`]), { error: 'csv_field_too_long', line: 3 });
  assert.deepEqual(await scanned(['h\n', 'x'.repeat(60_000), 'y'.repeat(40_001), '\n']), { error: 'csv_field_too_long', line: 2 });
  const long = await scanned(['h\n', 'x'.repeat(60_000), 'y'.repeat(40_000), ',z\n']);
  assert.ok(Array.isArray(long) && long[1]!.values[0]!.length === 100_000);
  assert.deepEqual(await scanned([new Uint8Array([0x68, 0x0a, 0xc3, 0x28, 0x0a])]), { error: 'csv_encoding', line: NaN });
  assert.deepEqual(await scanned([new Uint8Array([0xef, 0xbb])]), { error: 'csv_encoding', line: NaN });
});

/** Every UTF-16 code unit alone and between letters, spaces and marks. */
function* everyCodeUnit(): Generator<string> {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    yield* [ch, `a${ch}b`, `${ch} `, ` ${ch}`, `A${ch}${ch}`, `${ch}\u0301`, `Đ${ch}ễ`, `a ${ch} b`];
  }
}

const textish = fc.array(fc.constantFrom('a', 'Z', 'ễ', 'Đ', 'đ', 'e\u0302\u0303', '\u0301', ' ', ' ', '  ', '\t', '\u00a0', '\u2019', 'ß', 'Ø', 'Σ', 'İ', '😀', '0'), { maxLength: 20 }).map((p) => p.join(''));

const fold = (s: string) => toAscii(s).toLowerCase();

test('tidyText is cleanText, and searchFold is the fold by definition', () => {
  for (const s of everyCodeUnit()) {
    if (tidyText(s) !== cleanText(s)) assert.equal(tidyText(s), cleanText(s), JSON.stringify(s));
    if (searchFold(s) !== fold(s)) assert.equal(searchFold(s), fold(s), JSON.stringify(s));
  }
  fc.assert(
    fc.property(fc.oneof(textish, fc.string({ unit: 'binary', maxLength: 20 })), (s) => {
      assert.equal(tidyText(s), cleanText(s));
      assert.equal(searchFold(s), fold(s));
    }),
    { numRuns: 5000 },
  );
  assert.equal(searchFold('  Nguyễn   Văn ĐẠT '), 'nguyen van dat');
});

test('a citizen ID cell loses its spaces and dots, whatever whitespace it holds', () => {
  const column = { key: 'citizen_id', header: 'x', headerEn: 'x', type: { kind: 'citizen_id' }, required: false } as const;
  const idish = fc.array(fc.constantFrom('0', '1', '9', '.', ' ', '  ', '\t', '\u00a0', '\u2003', 'a'), { maxLength: 16 }).map((p) => p.join(''));
  fc.assert(
    fc.property(idish, (s) => {
      const clean = cleanText(s);
      assert.equal(cellText(column, s), clean === '' ? null : clean.replace(/[\s.]/gu, ''));
    }),
    { numRuns: 3000 },
  );
});

test('isRealDate, lineNumberOf and birthYearOf say what their patterns say', () => {
  const REAL = /^(1[89]|2[01])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/u;
  const real = (s: string) => REAL.test(s) && Number(s.slice(8, 10)) <= new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)), 0)).getUTCDate();
  for (let y = 1790; y < 2210; y += 1) {
    for (let m = 0; m <= 13; m++) {
      for (const d of [0, 1, 28, 29, 30, 31, 32]) {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        assert.equal(isRealDate(s), real(s), s);
      }
    }
  }
  const digitish = fc.array(fc.constantFrom('0', '1', '2', '9', '-', '/', ' ', 'a', '٣', '\n'), { maxLength: 11 }).map((p) => p.join(''));
  fc.assert(
    fc.property(digitish, digitish, (a, b) => {
      assert.equal(isRealDate(a), real(a));
      assert.equal(lineNumberOf(a), /^[0-9]{1,3}$/u.test(a) ? Number(a) : null);
      const year = real(a) ? Number(a.slice(0, 4)) : /^[0-9]{4}$/u.test(b) ? Number(b) : null;
      assert.equal(birthYearOf(a, b), year);
    }),
    { numRuns: 5000 },
  );
  assert.equal(isRealDate(null), false);
  assert.equal(lineNumberOf(null), null);
  assert.equal(birthYearOf(null, null), null);
});
