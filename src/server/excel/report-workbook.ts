/**
 * A report table (src/domain/reports/report-table.ts) as an Excel sheet in the official layout:
 * letterhead, title block, multi-level header with merged cells, the column-number row, numbered rows,
 * the total row, notes and the signature block.
 */
import ExcelJS from 'exceljs';
import type { Borders } from 'exceljs';
import { fixedColumns, headerGrid, leafColumns, rowCells, type ReportTable } from '../../domain/reports/report-table.ts';
import { dateLine } from '../documents/date-line.ts';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../documents/labels.ts';
import { placeName, upperVi } from '../documents/unit-names.ts';
import type { Heading } from '../documents/table-layout.ts';
import { sheetOptions, SHEET_FONT, SheetWriter } from './sheet-writer.ts';

const THIN: Borders = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' }, diagonal: {} };

/** Rows before the header: letterhead (3), blank, title, subtitle, layout line, blank. */
export const REPORT_PREAMBLE_ROWS = 8;

/** Widths of the sheet columns (fixed columns, then one per leaf). */
function widths(t: ReportTable): Heading[] {
  const fixed = fixedColumns(t).map((title, i) => ({ title, width: i === 0 ? 6 : i === 1 ? 26 : 11 }));
  return [...fixed, ...leafColumns(t.columns).map((c) => ({ title: c.title, width: c.kind === 'text' ? 14 : 11 }))];
}

export function reportSignatureTitle(t: Pick<ReportTable, 'issuer'>): string {
  return t.issuer ? 'TM. UỶ BAN NHÂN DÂN' : 'THỦ TRƯỞNG ĐƠN VỊ';
}

/** Writes the table onto a new sheet of `wb`. */
export function addReportSheet(wb: ExcelJS.Workbook, t: ReportTable, today: string): void {
  const grid = headerGrid(t);
  const headerFirst = REPORT_PREAMBLE_ROWS + 1;
  const headerLast = headerFirst + grid.rows; // header rows + the column-number row
  const ws = wb.addWorksheet(t.formId, sheetOptions(headerFirst, headerLast));
  const w = new SheetWriter(ws, widths(t));
  if (t.issuer) w.letterhead(upperVi(`${t.issuer.type} ${placeName(t.issuer)}`), dateLine(placeName(t.issuer), today));
  else {
    w.line(NATIONAL_NAME, { bold: true });
    w.line(NATIONAL_MOTTO, { bold: true });
    w.blank();
  }
  w.blank();
  w.line(`Biểu ${t.formId}. ${upperVi(t.title)}`, { bold: true, size: 14, wrap: true, height: 36 });
  w.line(t.subtitle, { italic: true });
  w.line(t.layoutNote, { italic: true, size: 10, wrap: true, height: 28 });
  w.blank();

  const head = { font: { name: SHEET_FONT, size: 11, bold: true }, alignment: { horizontal: 'center' as const, vertical: 'middle' as const, wrapText: true }, border: THIN };
  for (let r = 0; r < grid.rows; r++) {
    const row = ws.getRow(headerFirst + r);
    for (let c = 1; c <= grid.cols; c++) row.getCell(c).style = head;
    row.height = 42;
  }
  for (const cell of grid.cells) {
    ws.getRow(headerFirst + cell.row).getCell(cell.col + 1).value = cell.title;
    if (cell.colSpan > 1 || cell.rowSpan > 1) ws.mergeCells(headerFirst + cell.row, cell.col + 1, headerFirst + cell.row + cell.rowSpan - 1, cell.col + cell.colSpan);
  }
  const numbers = ws.getRow(headerFirst + grid.rows);
  for (let c = 1; c <= grid.cols; c++) {
    numbers.getCell(c).value = `(${c})`;
    numbers.getCell(c).style = { ...head, font: { name: SHEET_FONT, size: 10, italic: true } };
  }
  w.row = headerLast + 1;
  for (const r of t.rows) w.data(rowCells(t, r), r.total || r.subtotal ? { bold: true } : {});
  w.blank();
  w.notes(t.notes);
  w.blank();
  w.signature(reportSignatureTitle(t), null, { title: 'NGƯỜI LẬP BIỂU', name: null });
}

export async function reportWorkbook(t: ReportTable, today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giamngheo';
  wb.created = new Date();
  addReportSheet(wb, t, today);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
