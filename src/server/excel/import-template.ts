/**
 * The downloadable import template (.xlsx): an instructions sheet, one sheet per import sheet of the
 * kind with the Vietnamese headers (required ones marked *) and drop-down validation on coded and yes/no
 * columns, the communes valid on the chosen date inside the user's scope (the commune column's drop-down),
 * and the code lists the drop-downs read from. Also the header line of each sheet as CSV (UTF-8 with BOM).
 */
import ExcelJS from 'exceljs';
import type { CodeListId, ImportColumn, ImportSheet } from '../../domain/import/column-types.ts';
import { IMPORT_SHEETS, type ImportKind } from '../../domain/import/import-kinds.ts';
import { CODE_LISTS } from '../../db/import/code-lists.ts';
import type { UnitChoice } from '../../db/import/report-rows.ts';
import { describeType, NO, YES } from './import-cells.ts';

const UNITS_SHEET = 'Đơn vị';
const LISTS_SHEET = 'Danh mục';
/** Rows the drop-downs cover. */
const VALIDATED_ROWS = 200_000;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

export interface TemplateOptions {
  kind: ImportKind;
  referenceDate: string;
  units: readonly UnitChoice[];
  campaignTitle?: string | null;
}

export function headerText(c: ImportColumn): string {
  return c.required ? `${c.header} *` : c.header;
}

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

type Validations = { add(range: string, v: Record<string, unknown>): void };

function listRanges(ws: ExcelJS.Worksheet): Map<CodeListId, string> {
  const ids = Object.keys(CODE_LISTS) as CodeListId[];
  const out = new Map<CodeListId, string>();
  ids.forEach((id, i) => {
    const col = i + 1;
    const labels = Object.values(CODE_LISTS[id]);
    ws.getCell(1, col).value = id;
    ws.getCell(1, col).font = { bold: true };
    labels.forEach((l, r) => (ws.getCell(r + 2, col).value = l));
    ws.getColumn(col).width = 28;
    out.set(id, `'${LISTS_SHEET}'!$${colLetter(col)}$2:$${colLetter(col)}$${labels.length + 1}`);
  });
  return out;
}

function dataSheet(wb: ExcelJS.Workbook, sheet: ImportSheet, lists: Map<CodeListId, string>, unitCount: number): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: headerText(c), key: c.key, width: Math.max(12, Math.min(40, c.header.length + 4)) }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  head.height = 32;
  sheet.columns.forEach((c, i) => {
    head.getCell(i + 1).fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    if (c.note) head.getCell(i + 1).note = c.note;
  });
  const dv = (ws as unknown as { dataValidations: Validations }).dataValidations;
  sheet.columns.forEach((c, i) => {
    const range = `${colLetter(i + 1)}2:${colLetter(i + 1)}${VALIDATED_ROWS}`;
    const t = c.type;
    const base = { allowBlank: !c.required, showErrorMessage: true, errorTitle: c.header };
    if (t.kind === 'boolean') dv.add(range, { ...base, type: 'list', formulae: [`"${YES},${NO}"`], error: `Chọn "${YES}" hoặc "${NO}".` });
    else if (t.kind === 'code') dv.add(range, { ...base, type: 'list', formulae: [lists.get(t.list)!], error: 'Hãy chọn một giá trị trong danh sách.' });
    // Several values are typed with ";": the list only helps, any text is accepted.
    else if (t.kind === 'codes') dv.add(range, { ...base, type: 'list', formulae: [lists.get(t.list)!], showErrorMessage: false });
    else if (t.kind === 'commune_code' && unitCount > 0) dv.add(range, { ...base, type: 'list', formulae: [`'${UNITS_SHEET}'!$A$2:$A$${unitCount + 1}`], error: 'Mã xã/phường không có trong trang "Đơn vị".' });
    if (t.kind === 'date' || t.kind === 'commune_code' || t.kind === 'citizen_id' || t.kind === 'household_code' || t.kind === 'phone') ws.getColumn(i + 1).numFmt = '@';
  });
}

function instructions(wb: ExcelJS.Workbook, o: TemplateOptions): void {
  const ws = wb.addWorksheet('Hướng dẫn');
  ws.columns = [{ width: 22 }, { width: 36 }, { width: 12 }, { width: 90 }];
  const lines = [
    o.kind === 'survey' ? 'MẪU NHẬP PHIẾU B (KHẢO SÁT HỘ) HÀNG LOẠT' : 'MẪU NHẬP DANH SÁCH HỘ GIA ĐÌNH HÀNG LOẠT',
    `Đơn vị hành chính theo danh mục 2025 (hai cấp), có hiệu lực ngày ${o.referenceDate.split('-').reverse().join('/')}.`,
    ...(o.campaignTitle ? [`Đợt rà soát: ${o.campaignTitle}`] : []),
    'Mỗi hộ một dòng ở trang "Hộ gia đình"; mỗi người một dòng ở trang "Thành viên", cùng mã hộ. Cột có dấu * là bắt buộc.',
    'Tải lên lại cùng tệp không thay đổi gì; hộ đã có (cùng mã hộ) được cập nhật theo tệp, thành viên không còn trong tệp được ghi là đã rời hộ.',
    'Có thể lưu từng trang thành tệp CSV (UTF-8) với cùng dòng tiêu đề.',
  ];
  lines.forEach((l, i) => {
    ws.getCell(i + 1, 1).value = l;
    if (i === 0) ws.getCell(i + 1, 1).font = { bold: true, size: 14 };
  });
  let r = lines.length + 2;
  const head = ws.getRow(r);
  head.values = ['Trang', 'Cột', 'Bắt buộc', 'Giá trị'];
  head.font = { bold: true };
  for (const sheet of IMPORT_SHEETS[o.kind]) {
    for (const c of sheet.columns) {
      r++;
      const row = ws.getRow(r);
      row.values = [sheet.name, c.header, c.required ? 'Có' : '', `${describeType(c)}${c.note ? `. ${c.note}` : ''}`];
      row.getCell(4).alignment = { wrapText: true };
    }
  }
}

function unitsSheet(wb: ExcelJS.Workbook, units: readonly UnitChoice[]): void {
  const ws = wb.addWorksheet(UNITS_SHEET);
  ws.columns = [
    { header: 'Mã xã/phường', width: 14 },
    { header: 'Tên xã/phường', width: 32 },
    { header: 'Mã tỉnh', width: 10 },
    { header: 'Tên tỉnh/thành phố', width: 28 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const u of units) ws.addRow([u.code, u.name, u.provinceCode, u.provinceName ?? '']);
}

export async function importTemplateWorkbook(o: TemplateOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giamngheo';
  instructions(wb, o);
  const listsWs = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const lists = listRanges(listsWs);
  for (const sheet of IMPORT_SHEETS[o.kind]) dataSheet(wb, sheet, lists, o.units.length);
  unitsSheet(wb, o.units);
  // The lists sheet was added before the data sheets (its ranges are needed); move it last.
  const order = wb.worksheets.map((w) => w.name).filter((n) => n !== LISTS_SHEET);
  order.push(LISTS_SHEET);
  wb.worksheets.forEach((w) => ((w as unknown as { orderNo: number }).orderNo = order.indexOf(w.name)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The header line of a sheet as CSV, UTF-8 with BOM (Excel opens it with the Vietnamese letters intact). */
export function templateCsv(sheet: ImportSheet): string {
  return `\uFEFF${sheet.columns.map((c) => (/[",]/u.test(c.header) ? `"${c.header.replace(/"/gu, '""')}"` : c.header)).join(',')}\r\n`;
}
