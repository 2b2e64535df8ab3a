import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { MpiCsvParser, parseMpiCsv, parseMpiCsvChunks } from '../../../src/domain/mpi/index.ts';

const fieldsOf = (text: string) => parseMpiCsv(text).map((r) => r.fields);

test('quotes, escaped quotes, delimiters and line breaks inside quotes', () => {
  assert.deepEqual(fieldsOf('a,"b,c","d""e"\n"x\ny",,z\n'), [['a', 'b,c', 'd"e'], ['x\ny', '', 'z']]);
  assert.deepEqual(fieldsOf('""\n'), [['']]);
  assert.deepEqual(fieldsOf('a,b\n1,2'), [['a', 'b'], ['1', '2']]);
  assert.deepEqual(fieldsOf('a,\n'), [['a', '']]);
  assert.deepEqual(fieldsOf('a,b"c\n'), [['a', 'b"c']]);
});

test('BOM, CRLF, lone CR and blank lines', () => {
  assert.deepEqual(fieldsOf('\uFEFF"h1",h2\r\n1,2\r\n\r\n3,4\r\n'), [['h1', 'h2'], ['1', '2'], ['3', '4']]);
  assert.deepEqual(fieldsOf('a\rb\r'), [['a'], ['b']]);
  assert.deepEqual(fieldsOf('\n\na\n\n'), [['a']]);
  assert.deepEqual(fieldsOf(''), []);
});

test('records carry the file line where they start', () => {
  const records = parseMpiCsv('h\r\n"multi\r\nline"\r\n\r\nlast\n');
  assert.deepEqual(records.map((r) => r.line), [1, 2, 5]);
});

test('custom delimiter', () => {
  assert.deepEqual(parseMpiCsv('a;b\n"1;2";3\n', { delimiter: ';' }).map((r) => r.fields), [['a', 'b'], ['1;2', '3']]);
  assert.throws(() => new MpiCsvParser({ delimiter: '"' }), /phân cách/);
});

test('malformed input is reported with its line', () => {
  assert.throws(() => parseMpiCsv('a,b\n"x"y,1\n'), /Dòng 2: ký tự "y"/);
  assert.throws(() => parseMpiCsv('a\n"open\nstill open'), /dòng 2 không được đóng/);
});

const cell = fc.oneof(
  fc.constantFrom('', '0', '1', 'a,b', 'say "hi"', 'line\nbreak', 'cr\r\nlf', 'ă đ ư', ' x '),
  fc.string({ maxLength: 6 }),
);

function serialise(rows: string[][], eol: string): string {
  return rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join(eol) + eol;
}

test('any chunking of the input yields the same records (property)', async () => {
  await fc.assert(fc.asyncProperty(
    fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
    fc.constantFrom('\n', '\r\n'),
    fc.array(fc.nat(), { maxLength: 8 }),
    fc.boolean(),
    async (rows, eol, cuts, bom) => {
      const text = (bom ? '\uFEFF' : '') + serialise(rows, eol);
      const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].toSorted((a, b) => a - b);
      const chunks: string[] = [];
      let last = 0;
      for (const p of points) {
        chunks.push(text.slice(last, p));
        last = p;
      }
      chunks.push(text.slice(last));
      const out: string[][] = [];
      for await (const r of parseMpiCsvChunks(chunks)) out.push(r.fields);
      assert.deepEqual(out, rows);
    },
  ));
});
