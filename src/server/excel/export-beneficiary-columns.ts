/**
 * The beneficiary list of a policy as a flat export table (CSV): the same columns and rows as the
 * official Excel list (beneficiary-layout.ts), with two-level headings flattened to "Thời hạn: Từ ngày".
 */
import type { BeneficiaryHousehold } from '../../db/outputs/beneficiaries.ts';
import type { BeneficiaryPolicy } from '../../db/outputs/beneficiary-policies.ts';
import { beneficiaryHeadings, beneficiaryRows } from './beneficiary-layout.ts';
import { leafColumns } from '../documents/table-layout.ts';
import { mapPages, type ExportSheet } from './export-table.ts';

export function beneficiarySheet(policy: BeneficiaryPolicy, pages: AsyncIterable<BeneficiaryHousehold[]>): ExportSheet {
  const headings = beneficiaryHeadings(policy);
  let next = 1;
  return {
    name: 'Danh sách',
    headers: headings.flatMap((h) => (h.children ? h.children.map((c) => `${h.title}: ${c.title}`) : [h.title])),
    widths: leafColumns(headings).map((c) => c.width),
    pages: mapPages(pages, (h) => {
      const rows = beneficiaryRows(policy, h, next);
      next += rows.length;
      return rows;
    }),
  };
}
