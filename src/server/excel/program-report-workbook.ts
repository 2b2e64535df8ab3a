/** The monitoring report as an Excel workbook: one sheet per table of the printed report. */
import ExcelJS from 'exceljs';
import type { ProgramReportData } from '../../db/program/report-figures.ts';
import { dateLine } from '../documents/date-line.ts';
import { issuerOf } from '../documents/program-report.ts';
import { budgetLayout, laggingLayout, outputsLayout, programReportTitle, reportingLayout, targetsLayout } from '../documents/program-tables.ts';
import type { TableLayout } from '../documents/table-layout.ts';
import { placeName, upperVi } from '../documents/unit-names.ts';
import { headerLastRow, preambleRows, sheetOptions, SheetWriter } from './sheet-writer.ts';

const SHEETS: Array<[string, string, (d: ProgramReportData) => TableLayout]> = [
  ['Chỉ tiêu', 'I. CHỈ TIÊU VÀ KẾT QUẢ THỰC HIỆN', targetsLayout],
  ['Kết quả', 'II. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG', outputsLayout],
  ['Kinh phí', 'III. KINH PHÍ THỰC HIỆN', budgetLayout],
  ['Chậm giải ngân', 'IV. ĐƠN VỊ CHẬM GIẢI NGÂN SO VỚI MỐC', laggingLayout],
  ['Báo cáo của xã', 'V. TÌNH HÌNH BÁO CÁO CỦA CẤP XÃ', reportingLayout],
];

export async function programReportWorkbook(d: ProgramReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giamngheo';
  wb.created = new Date();
  const issuer = issuerOf(d);
  for (const [name, heading, layoutOf] of SHEETS) {
    const layout = layoutOf(d);
    const titles = [programReportTitle(d), heading];
    const ws = wb.addWorksheet(name, sheetOptions(preambleRows(titles.length) + 1, headerLastRow(titles.length, layout.headings)));
    const w = new SheetWriter(ws, layout.headings);
    w.letterhead(upperVi(`${issuer.type} ${placeName(issuer)}`), dateLine(placeName(issuer), d.today));
    w.blank();
    w.line(titles[0]!, { bold: true, size: 13, wrap: true, height: 36 });
    w.line(titles[1]!, { bold: true });
    w.blank();
    w.header(layout.headings);
    for (const r of layout.rows) {
      if (r.kind === 'group') w.group(r.text);
      else w.data(r.cells);
    }
    w.totals(layout.totals.label, layout.totals.labelSpan, layout.totals.cells);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
