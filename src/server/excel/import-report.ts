/**
 * The error report of an import (.xlsx, streamed): one sheet per import sheet holding the rows of every
 * household with a finding, with the template's headers (so the same file, corrected, can be uploaded
 * again — it is also the reject file of a "valid rows only" commit), the bad cells filled red, and a last
 * column "Lỗi" with the Vietnamese messages of the row.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { IMPORT_SHEETS, type ImportKind } from '../../domain/import/import-kinds.ts';
import { validationMessage } from '../../domain/import/validation-messages.ts';
import { reportRows } from '../../db/import/report-rows.ts';
import { displayCell } from './import-cells.ts';
import { headerText } from './import-template.ts';

const BAD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const BAD_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };
export const ERRORS_HEADER = 'Lỗi';

export async function writeImportReport(db: Kysely<DB>, jobId: number, kind: ImportKind, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  for (const sheet of IMPORT_SHEETS[kind]) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [...sheet.columns.map((c) => ({ header: headerText(c), width: Math.max(12, Math.min(40, c.header.length + 4)) })), { header: ERRORS_HEADER, width: 80 }];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for await (const r of reportRows(db, jobId, sheet.id)) {
      const row = ws.addRow([...sheet.columns.map((c) => displayCell(c, r.cells[c.key] ?? null)), r.findings.map((f) => validationMessage(f.code, sheet.columns.find((c) => c.key === f.columnKey), f.value)).join(' ')]);
      for (const f of r.findings) {
        const i = sheet.columns.findIndex((c) => c.key === f.columnKey);
        const cell = row.getCell(i >= 0 ? i + 1 : sheet.columns.length + 1);
        cell.fill = BAD;
        cell.font = BAD_FONT;
      }
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
