/**
 * The export writers without a database: CSV quoting, the byte order mark, the formula guard, and
 * back-pressure — a destination that does not drain stops the writer from reading further pages, and a
 * destination that closes ends the export with an error instead of reading on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { csvField, csvLine, UTF8_BOM } from '../../src/server/csv/csv-format.ts';
import { writeCsv } from '../../src/server/csv/csv-writer.ts';
import { DestinationClosedError } from '../../src/server/csv/stream-drain.ts';
import { writeExportWorkbook, INFO_SHEET_NAME, pendingXml } from '../../src/server/excel/export-workbook.ts';
import type { ExportSheet } from '../../src/server/excel/export-table.ts';
import type { Cell } from '../../src/server/documents/table-layout.ts';
import { parseCsv } from './exports-csv.ts';
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from '../../src/server/excel/export-registry-columns.ts';
import { HOUSEHOLD_COLUMNS } from '../../src/domain/import/household-columns.ts';
import { MEMBER_COLUMNS } from '../../src/domain/import/member-columns.ts';

test('CSV fields: quoted only when needed, quotes doubled, numbers bare, formulas guarded', () => {
  assert.equal(csvField('Lò Văn Xuất'), 'Lò Văn Xuất');
  assert.equal(csvField('Bản Pắc Ma, xã Mường Tè'), '"Bản Pắc Ma, xã Mường Tè"');
  assert.equal(csvField('Lò Thị "Khuê"'), '"Lò Thị ""Khuê"""');
  assert.equal(csvField('dòng 1\ndòng 2'), '"dòng 1\ndòng 2"');
  assert.equal(csvField(' cách'), '" cách"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(0), '0');
  assert.equal(csvField(-12.5), '-12.5');
  assert.equal(csvField('012180000111'), '012180000111');
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField('+SUM(A1)'), "'+SUM(A1)");
  assert.equal(csvField('-2+3 cmd'), "'-2+3 cmd");
  // Phone numbers and negative amounts cannot run anything and must read back as they are.
  assert.equal(csvField('+84 912 345 678'), '+84 912 345 678');
  assert.equal(csvField('-1.500.000'), '-1.500.000');
  assert.equal(csvField('@cmd'), "'@cmd");
  // Decomposed input comes out composed (NFC), as Excel and the importer expect.
  assert.equal(csvField('Le\u0302'), 'Lê');
  assert.equal(csvLine(['a', 1, null, 'b,c']), 'a,1,,"b,c"\r\n');
});

test('CSV lines read back to the same texts (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (cells) => {
      const line = csvLine(cells);
      assert.ok(line.endsWith('\r\n'));
      const back = parseCsv(line)[0];
      const expected = cells.map((c) => {
        const s = c.normalize('NFC');
        return /^[=+\-@\t\r]/.test(s) && !/^[\d\s.,()+-]*$/.test(s) ? `'${s}` : s;
      });
      assert.deepEqual(back, expected);
    }),
  );
});

function sheetOfRows(pages: number, perPage: number, pulled: { n: number }): ExportSheet {
  return {
    name: 'Thử',
    headers: ['Mã hộ', 'Họ và tên', 'Số'],
    widths: [10, 20, 8],
    pages: (async function* () {
      for (let p = 0; p < pages; p++) {
        pulled.n++;
        const rows: Cell[][] = [];
        for (let i = 0; i < perPage; i++) rows.push([`H-${p}-${i}`, `Người số ${i} — Nguyễn Thị Ánh Dương`, i]);
        yield rows;
      }
    })(),
  };
}

test('CSV: byte order mark by default, none on request; header then rows', async () => {
  for (const bom of [true, false]) {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const r = await writeCsv(out, sheetOfRows(2, 3, { n: 0 }), { bom });
    const buf = Buffer.concat(chunks);
    assert.equal(r.rows, 6);
    assert.equal(buf.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), bom);
    const text = buf.toString('utf8');
    assert.equal(text.startsWith(UTF8_BOM), bom);
    const lines = text.replace(UTF8_BOM, '').split('\r\n');
    assert.equal(lines[0], 'Mã hộ,Họ và tên,Số');
    assert.equal(lines[1], 'H-0-0,Người số 0 — Nguyễn Thị Ánh Dương,0');
    assert.equal(lines.length, 8); // header, 6 rows, empty after the last CRLF
  }
});

/** A destination that accepts writes but never finishes them (a client that stopped reading). */
function stalled(): Writable {
  return new Writable({ highWaterMark: 16 * 1024, write() {} });
}

const tick = () => new Promise((r) => setTimeout(r, 50));

test('CSV: a destination that does not drain stops the reading of pages', async () => {
  const pulled = { n: 0 };
  const out = stalled();
  void writeCsv(out, sheetOfRows(1000, 500, pulled), { bom: true }).catch(() => {});
  await tick();
  // The writer sends 64 KiB at a time: the pages up to the first full chunk, then it waits.
  assert.ok(pulled.n <= 4, `read ${pulled.n} pages of 1000 while the client was not reading`);
  out.destroy();
});

test('Excel: a destination that does not drain stops the reading of pages', async () => {
  const pulled = { n: 0 };
  const out = stalled();
  void writeExportWorkbook(out, [sheetOfRows(1000, 500, pulled)], { title: 'Thử', info: [] }).catch(() => {});
  // Compression holds back the first ~100 KiB before anything reaches the client, so a few pages go
  // through before the writer sees the full destination; after that, no further page is read.
  for (let i = 0; i < 20; i++) await tick();
  const stalledAt = pulled.n;
  for (let i = 0; i < 10; i++) await tick();
  assert.equal(pulled.n, stalledAt, 'pages were read while the client was not reading');
  assert.ok(stalledAt < 50, `read ${stalledAt} pages of 1000 while the client was not reading`);
  out.destroy();
});

test('a destination closed mid-way ends the export with an error, without reading the rest', async () => {
  const pulled = { n: 0 };
  const out = stalled();
  const run = writeCsv(out, sheetOfRows(1000, 500, pulled), { bom: true });
  await tick();
  out.destroy();
  await assert.rejects(run, DestinationClosedError);
  assert.ok(pulled.n < 10);
});

test('Excel: data sheet with the header on row 1, then the information sheet', async () => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const counts = await writeExportWorkbook(out, [sheetOfRows(3, 4, { n: 0 })], { title: 'TIÊU ĐỀ', info: [['Đơn vị', 'Xã Mường Tè (03445)']] });
  assert.deepEqual(counts, [12]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Thử')!;
  const cells = (r: number) => [1, 2, 3].map((c) => ws.getRow(r).getCell(c).value);
  assert.deepEqual(cells(1), ['Mã hộ', 'Họ và tên', 'Số']);
  assert.deepEqual(cells(2), ['H-0-0', 'Người số 0 — Nguyễn Thị Ánh Dương', 0]);
  assert.equal(ws.getRow(1).getCell(1).font?.bold, true);
  assert.equal(ws.rowCount, 13);
  const info = wb.getWorksheet(INFO_SHEET_NAME)!;
  assert.equal(info.getRow(1).getCell(1).value, 'TIÊU ĐỀ');
  assert.equal(info.getRow(2).getCell(2).value, 'Xã Mường Tè (03445)');
  assert.equal(info.getRow(3).getCell(2).value, '12');
});

test('registry export: every import column is filled, from the row or from a fact path', () => {
  for (const [columns, fields] of [[HOUSEHOLD_COLUMNS, HOUSEHOLD_FIELDS], [MEMBER_COLUMNS, MEMBER_FIELDS]] as const) {
    for (const c of columns) assert.ok(c.fact !== undefined || Object.hasOwn(fields, c.key), `import column ${c.key} has no source in the export`);
  }
});

test('Excel: the sheet XML waiting for the compressor is visible (the writer bounds it)', () => {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: stalled(), useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Thử');
  for (let i = 0; i < 3000; i++) ws.addRow([`H-${i}`, `Người số ${i} — Nguyễn Thị Ánh Dương`, i]).commit();
  // If an exceljs upgrade hides this buffer, the Excel writer loses its bound on it: this test says so.
  assert.ok(pendingXml(ws) > 100_000, `pending ${pendingXml(ws)} bytes`);
});
