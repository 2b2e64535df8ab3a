/** The decision's attached lists as an Excel workbook: one sheet per list, laid out like the printed list. */
import ExcelJS from 'exceljs';
import { decisionListLayout } from '../documents/decision-list-layout.ts';
import { decisionListSource, decisionListSubtitle, decisionListTitle } from '../documents/decision-list-heading.ts';
import type { DecisionListDocument } from '../documents/decision-list.ts';
import { dateLine } from '../documents/date-line.ts';
import { DECISION_LIST_SHEET_NAMES } from '../documents/labels.ts';
import { placeName, upperVi } from '../documents/unit-names.ts';
import { headerLastRow, preambleRows, sheetOptions, SheetWriter } from './sheet-writer.ts';

export async function decisionListsWorkbook(d: DecisionListDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giamngheo';
  wb.created = new Date();
  const place = placeName(d.commune);
  for (const kind of d.kinds) {
    const layout = decisionListLayout(kind, d.data.lists[kind]);
    const titles = [decisionListTitle(kind, d.data.listYear), decisionListSubtitle(d.review, d.commune), decisionListSource(d.review)];
    const ws = wb.addWorksheet(DECISION_LIST_SHEET_NAMES[kind], sheetOptions(preambleRows(titles.length) + 1, headerLastRow(titles.length, layout.headings)));
    const w = new SheetWriter(ws, layout.headings);
    w.letterhead(upperVi(`${d.commune.type} ${place}`), dateLine(place, d.review.decisionDate));
    w.blank();
    w.line(titles[0]!, { bold: true, size: 14 });
    w.line(titles[1]!, { italic: true });
    w.line(titles[2]!);
    w.blank();
    w.header(layout.headings);
    for (const r of layout.rows) {
      if (r.kind === 'group') w.group(r.text);
      else w.data(r.cells);
    }
    w.totals(layout.totals.label, layout.totals.labelSpan, layout.totals.cells);
    w.blank();
    w.signature('CHỦ TỊCH', d.review.decisionSigner);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
