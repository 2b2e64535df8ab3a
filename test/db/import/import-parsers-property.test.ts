/**
 * Property tests of the import parsers (fast-check): random bytes as a .csv or .xlsx upload, and random
 * malformed rows under real headers, never crash the reader (only a file-level ImportFileError may come
 * out), every staged line is well-formed CSV of the staging table's width, and an upload that is only
 * read and checked writes nothing to the registry.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import { ImportFileError } from '../../../src/db/import/import-file-error.ts';
import { copyColumns, stageLine } from '../../../src/db/import/row-stager.ts';
import { stageFiles } from '../../../src/db/import/stage-rows.ts';
import { matchHeader } from '../../../src/db/import/header-map.ts';
import { SHEETS_BY_ID } from '../../../src/domain/import/import-kinds.ts';
import { openRegistryDatabase, MT } from '../registry/fixtures.ts';
import { csvText, upload, type Row } from './import-fixtures.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giamngheo-import-prop-'));
let seq = 0;
const fileOf = (name: string, bytes: Uint8Array | string) => {
  const p = path.join(dir, `${++seq}-${name}`);
  fs.writeFileSync(p, bytes);
  return { path: p, name };
};

/** The fields of a line of COPY's text format, as PostgreSQL reads them (`\N` is null). */
function copyTextFields(line: string): Array<string | null> {
  const escapes: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };
  return line.split('\t').map((f) => {
    if (f === '\\N') return null;
    return f.replace(/\\(.)/gu, (_, c: string) => {
      assert.ok(c in escapes, `escape \\${c}`);
      return escapes[c]!;
    });
  });
}

/** A bulkCopy that only counts the lines it would copy, checking each parses back to the table's width. */
function countingCopy() {
  const copied = { rows: 0 };
  return {
    copied,
    bulkCopy: async (spec: { columns: string[]; format?: string }, source: unknown) => {
      assert.equal(spec.format, 'text');
      let text = '';
      const decoder = new TextDecoder();
      for await (const chunk of source as AsyncIterable<string | Uint8Array>) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      assert.ok(text === '' || text.endsWith('\n'));
      for (const line of text.split('\n').slice(0, -1)) {
        assert.equal(copyTextFields(line).length, spec.columns.length);
        copied.rows++;
      }
      return copied.rows;
    },
  };
}

async function stageOrRefuse(files: Array<{ path: string; name: string }>): Promise<void> {
  const { bulkCopy } = countingCopy();
  try {
    await stageFiles({ bulkCopy }, 1, files);
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
  }
}

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('random bytes as .csv or .xlsx: refused with a file-level message or read, never a crash', async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('x.csv', 'x.xlsx'), async (bytes, name) => {
      await stageOrRefuse([fileOf(name, bytes)]);
    }),
    { numRuns: 150 },
  );
});

test('random bytes after a real header: every staged line has the staging width', async () => {
  const header = csvText(SHEETS_BY_ID.members, []);
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
      await stageOrRefuse([fileOf('members.csv', Buffer.concat([Buffer.from(header), Buffer.from(bytes)]))]);
    }),
    { numRuns: 150 },
  );
});

const cell = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', ' ', '"', '""', '\n', '\t', '\\', '\\N', ',', ';', 'Có', '31/02/2020', '1e308', '-1', 'NaN', '0x10'), fc.integer(), fc.double(), fc.boolean(), fc.date(), fc.constant(null));

test('random malformed rows: staging lines never throw and always parse back to the table width', async () => {
  const map = matchHeader(SHEETS_BY_ID.households.columns.map((c) => c.header))!;
  await fc.assert(
    fc.asyncProperty(fc.array(cell, { maxLength: 25 }), fc.integer({ min: 1, max: 1e6 }), async (values, line) => {
      const text = stageLine(7, map, { line, values });
      assert.ok(text.endsWith('\n'));
      assert.equal(text.indexOf('\n'), text.length - 1, 'one line');
      const fields = copyTextFields(text.slice(0, -1));
      // job, line, the sheet's columns, facts JSON, findings.
      const columns = copyColumns(SHEETS_BY_ID.households);
      assert.equal(fields.length, columns.length);
      const at = (key: string) => fields[columns.indexOf(key)];
      // A row without findings carries facts that PostgreSQL will read as JSON.
      if (at('findings') === null) assert.equal(typeof JSON.parse(at('facts')!), 'object');
      else assert.equal(at('facts'), null);
    }),
    { numRuns: 500 },
  );
});

let database: Database;
before(async () => {
  database = await openRegistryDatabase();
});
after(() => database.close());

test('random malformed rows uploaded and checked: the job ends validated or refused, and nothing is written', async () => {
  const row = fc.record(Object.fromEntries(SHEETS_BY_ID.households.columns.map((c) => [c.key, fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String)), { nil: null })])) as Record<string, fc.Arbitrary<string | null>>);
  const mrow = fc.record(Object.fromEntries(SHEETS_BY_ID.members.columns.map((c) => [c.key, fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.integer().map(String)), { nil: null })])) as Record<string, fc.Arbitrary<string | null>>);
  await fc.assert(
    fc.asyncProperty(fc.array(row, { maxLength: 6 }), fc.array(mrow, { maxLength: 8 }), async (hh, mm) => {
      const job = await upload(database, MT, 'registry', [fileOf('households.csv', csvText(SHEETS_BY_ID.households, hh as Row[])), fileOf('members.csv', csvText(SHEETS_BY_ID.members, mm as Row[]))]);
      assert.ok(['validated', 'failed'].includes(job.state), job.state);
      const n = await sql<{ n: number }>`select (select count(*) from household)::int + (select count(*) from member)::int + (select count(*) from audit_log where action like 'import%')::int as n`.execute(database.db);
      assert.equal(n.rows[0]!.n, 0);
    }),
    { numRuns: 15 },
  );
});

test('an invalid Date cell (a broken .xlsx date) in any column is staged with a finding, never thrown', () => {
  const map = matchHeader(SHEETS_BY_ID.households.columns.map((c) => c.header))!;
  const text = stageLine(7, map, { line: 2, values: SHEETS_BY_ID.households.columns.map(() => new Date(Number.NaN)) });
  // The last field is the findings; the household code "ngày không hợp lệ" is not a valid code.
  assert.match(copyTextFields(text.slice(0, -1)).at(-1)!, /household_code:/u);
});
