/**
 * A beneficiary list streamed as Excel: exceljs's WorkbookWriter commits each row to the output as it
 * is written, and pages come from a keyset query, so memory stays flat whatever the province's size
 * (no shared-strings table either). Counts and totals are written after the last row.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { BeneficiaryHousehold } from '../../db/outputs/beneficiaries.ts';
import type { BeneficiaryPolicy } from '../../db/outputs/beneficiary-policies.ts';
import type { BeneficiaryRules } from '../../db/outputs/beneficiary-rules.ts';
import { formatIsoDateVi } from '../../domain/calendar/iso-date.ts';
import { dateLine } from '../documents/date-line.ts';
import { placeName, upperVi, type NamedUnit } from '../documents/unit-names.ts';
import { beneficiaryHeadings, beneficiaryRows } from './beneficiary-layout.ts';
import { headerLastRow, preambleRows, sheetOptions, SheetWriter } from './sheet-writer.ts';

export interface BeneficiaryWorkbookInput {
  policy: BeneficiaryPolicy;
  rules: BeneficiaryRules;
  /** The unit the list is for (its People's Committee heads the sheet). */
  unit: NamedUnit;
  /** "Xã Mường Tè, Tỉnh Lai Châu". */
  unitLabel: string;
  level: 'province' | 'commune';
  serviceDate: string;
  today: string;
  preparedBy: string | null;
  pages: AsyncIterable<BeneficiaryHousehold[]>;
}

export interface BeneficiaryWorkbookResult {
  households: number;
  rows: number;
}

const ANNUAL_START_VI = {
  january_1: 'từ ngày 01/01 của năm danh sách',
  decision_date: 'từ ngày quyết định công nhận',
  effective_from: 'từ ngày hiệu lực ghi trong quyết định',
} as const;

export async function writeBeneficiaryWorkbook(out: Writable, input: BeneficiaryWorkbookInput): Promise<BeneficiaryWorkbookResult> {
  const { policy } = input;
  const headings = beneficiaryHeadings(policy);
  const titles = [
    policy.titleVi,
    `Đơn vị: ${input.unitLabel}`,
    `Ngày áp dụng: ${formatIsoDateVi(input.serviceDate)}`,
    '(Lập từ danh sách hộ nghèo, hộ cận nghèo đã được Chủ tịch Uỷ ban nhân dân cấp xã quyết định công nhận)',
  ];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'giamngheo';
  const ws = wb.addWorksheet('Danh sách', sheetOptions(preambleRows(titles.length) + 1, headerLastRow(titles.length, headings)));
  const w = new SheetWriter(ws, headings, true);
  const place = placeName(input.unit);
  w.letterhead(upperVi(`${input.unit.type} ${place}`), dateLine(place, input.today));
  w.blank();
  w.line(titles[0]!, { bold: true, size: 14, wrap: true, height: 40 });
  for (const t of titles.slice(1)) w.line(t, { italic: t.startsWith('(') });
  w.blank();
  w.header(headings);

  let households = 0;
  let rows = 0;
  let persons = 0;
  let amount = 0;
  for await (const page of input.pages) {
    for (const h of page) {
      for (const cells of beneficiaryRows(policy, h, rows + 1)) {
        w.data(cells);
        rows++;
      }
      households++;
      persons += h.memberCount;
      amount += h.benefit.amountVnd ?? 0;
    }
  }

  const span = policy.subject === 'person' ? 9 : 7;
  const label = policy.subject === 'person' ? `Tổng cộng: ${rows} người thuộc ${households} hộ` : `Tổng cộng: ${households} hộ, ${persons} nhân khẩu`;
  w.totals(label, span, policy.id === 'electricity' ? [amount] : []);
  w.blank();
  w.notes([...policy.notes(input.rules, input.serviceDate), `Danh sách hằng năm được tính ${ANNUAL_START_VI[input.rules.annualListStart]} (thiết lập; chưa xác nhận).`]);
  w.blank();
  w.signature(input.level === 'commune' ? 'CHỦ TỊCH' : 'THỦ TRƯỞNG ĐƠN VỊ', null, { title: 'NGƯỜI LẬP DANH SÁCH', name: input.preparedBy });
  ws.commit();
  await wb.commit();
  return { households, rows };
}
