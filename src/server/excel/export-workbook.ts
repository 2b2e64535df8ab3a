/**
 * Streams export tables as one Excel workbook through exceljs's WorkbookWriter: one worksheet per table
 * (header row 1, frozen and bold; each row committed to the zip as soon as it is written; no shared
 * strings table), then an information sheet saying who exported what, when and with which filters.
 * Sheets are written one after the other (the zip takes one entry at a time), and after every page
 * the writer waits while the destination is full, so memory stays flat for any number of rows.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { whenWritable } from '../csv/stream-drain.ts';
import type { ExportSheet } from './export-table.ts';
import { SHEET_FONT } from './sheet-writer.ts';

/** Label–value lines of the information sheet. */
export type ExportInfo = ReadonlyArray<readonly [string, string]>;

export const INFO_SHEET_NAME = 'Thông tin';

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: SHEET_FONT, size: 12, bold: true },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  border: { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } },
};
const BODY_FONT: Partial<ExcelJS.Font> = { name: SHEET_FONT, size: 12 };
/**
 * The one style object of every body cell: exceljs recognises a style object it has seen by identity,
 * while a cell left alone gets a fresh style object that is analysed again (most of the writing time).
 */
const PLAIN: Partial<ExcelJS.Style> = Object.freeze({});

/** Sheet XML allowed to wait for the compressor before the next page is read (bytes). */
const MAX_PENDING_XML = 2 * 1024 * 1024;

/**
 * Bytes of sheet XML written but not yet taken by the zip's compressor. exceljs does not expose it: this
 * reads the buffer of the stream its worksheet writes into (0 when that internal shape is absent).
 */
/** Node's (and readable-stream's) internal state of a writable stream: its `length` is the bytes buffered. */
const WRITABLE_STATE = '_writableState';

export function pendingXml(ws: ExcelJS.Worksheet): number {
  const pipes = (ws as unknown as { stream?: { pipes?: Array<Record<string, { length?: number } | undefined>> } }).stream?.pipes;
  return pipes?.reduce((n, p) => n + (p[WRITABLE_STATE]?.length ?? 0), 0) ?? 0;
}

async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, out: Writable, sheet: ExportSheet): Promise<number> {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = sheet.widths.map((width) => ({ width }));
  const header = ws.getRow(1);
  sheet.headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.style = HEADER_STYLE;
  });
  header.height = 45;
  header.commit();
  let rows = 0;
  for await (const page of sheet.pages) {
    for (const cells of page) {
      // Empty cells are left out (undefined), not written as empty cells.
      const row = ws.addRow(cells.map((v) => v ?? undefined));
      for (let i = 0; i < cells.length; i++) if (cells[i] !== null && cells[i] !== undefined) row.getCell(i + 1).style = PLAIN;
      row.commit();
      rows++;
    }
    // Let the zip's compression (asynchronous) catch up, then wait while the client is behind.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await whenWritable(out);
    while (pendingXml(ws) > MAX_PENDING_XML) {
      await new Promise<void>((resolve) => setTimeout(resolve, 2));
      await whenWritable(out);
    }
  }
  ws.commit();
  return rows;
}

function writeInfo(wb: ExcelJS.stream.xlsx.WorkbookWriter, title: string, info: ExportInfo): void {
  const ws = wb.addWorksheet(INFO_SHEET_NAME);
  ws.columns = [{ width: 34 }, { width: 80 }];
  const t = ws.addRow([title]);
  t.getCell(1).font = { name: SHEET_FONT, size: 14, bold: true };
  t.commit();
  for (const [label, value] of info) {
    const r = ws.addRow([label, value]);
    r.getCell(1).font = { name: SHEET_FONT, size: 12, bold: true };
    r.getCell(2).font = BODY_FONT;
    r.commit();
  }
  ws.commit();
}

/** Writes the workbook to `out` (ending it); the row count of each sheet. */
export async function writeExportWorkbook(out: Writable, sheets: readonly ExportSheet[], meta: { title: string; info: ExportInfo }): Promise<number[]> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'giamngheo';
  const counts: number[] = [];
  for (const sheet of sheets) counts.push(await writeSheet(wb, out, sheet));
  writeInfo(wb, meta.title, [...meta.info, ...sheets.map((s, i) => [`Số dòng — ${s.name}`, String(counts[i])] as const)]);
  await wb.commit();
  return counts;
}
