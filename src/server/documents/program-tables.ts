/**
 * The tables of the program monitoring report (Circular 10/2022, Biểu 02 "kết quả thực hiện" as far as
 * its columns are known — report-forms.md §C), described once and drawn as HTML (PDF) and Excel:
 * targets and results, money by project and source, communes lagging the disbursement schedule, and
 * who has reported.
 */
import type { ProgramReportData } from '../../db/program/report-figures.ts';
import { FUND_SOURCE_LABELS_VI, type FundSource } from '../../domain/program/fund-sources.ts';
import { UNIT_SUFFIX_VI } from '../../domain/program/indicators.ts';
import { formatMillions, percentOf } from '../../domain/program/money.ts';
import { formatNumberVi } from '../../domain/program/number-format.ts';
import type { TargetStatus } from '../../domain/program/projection.ts';
import { REPORT_PERIOD_LABELS_VI, SUBMISSION_STATE_LABELS_VI } from '../../domain/program/report-cycle.ts';
import type { TableLayout } from './table-layout.ts';

export const TARGET_STATUS_VI: Record<TargetStatus, string> = {
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ không đạt',
  off_track: 'Không đạt',
  no_data: 'Chưa đủ số liệu',
};

/** 'YYYY-MM-DD' → 'DD/MM/YYYY'. */
export const dmy = (iso: string) => iso.split('-').toReversed().join('/');

/** A figure of a table cell in Vietnamese format ("40.000", "17,83"); empty when unknown. */
export const num = (x: number | null) => (x === null ? '' : formatNumberVi(x));

export function programReportTitle(d: ProgramReportData): string {
  return `${REPORT_PERIOD_LABELS_VI[d.period].toUpperCase()} ${d.year} VỀ KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG`;
}

export function targetsLayout(d: ProgramReportData): TableLayout {
  const names = new Map(d.targets.indicators.map((i) => [i.code, i]));
  return {
    headings: [
      { title: 'STT', width: 5, align: 'center' },
      { title: 'Đơn vị', width: 20 },
      { title: 'Chỉ tiêu', width: 34 },
      { title: `Kế hoạch năm ${d.year}`, width: 12, align: 'right' },
      { title: 'Thực hiện / dự báo', width: 12, align: 'right' },
      { title: 'Đánh giá', width: 16, align: 'center' },
      { title: 'Căn cứ đánh giá', width: 50 },
    ],
    rows: d.targets.rows.map((r, i) => {
      const def = names.get(r.indicatorCode);
      const suffix = def ? UNIT_SUFFIX_VI[def.unit] : '';
      return {
        kind: 'data' as const,
        cells: [i + 1, r.unitName, `${def?.nameVi ?? r.indicatorCode}${suffix ? ` (${suffix})` : ''}`, num(r.target), num(r.judgement.projected), TARGET_STATUS_VI[r.judgement.status], r.judgement.explanation],
      };
    }),
    totals: { label: `Đúng tiến độ: ${d.targets.rows.filter((r) => r.judgement.status === 'on_track').length}/${d.targets.rows.length} chỉ tiêu`, labelSpan: 7, cells: [] },
  };
}

export function budgetLayout(d: ProgramReportData): TableLayout {
  const lines = d.budget.lines;
  const sum = (f: (l: (typeof lines)[number]) => string) => lines.reduce((s, l) => s + BigInt(f(l)), 0n);
  const [p, a, x] = [sum((l) => l.planned), sum((l) => l.allocated), sum((l) => l.disbursed)];
  return {
    headings: [
      { title: 'STT', width: 5, align: 'center' },
      { title: 'Dự án / tiểu dự án', width: 48 },
      { title: 'Nguồn vốn', width: 26 },
      { title: 'Kinh phí (triệu đồng)', children: [
        { title: 'Kế hoạch', width: 13, align: 'right' },
        { title: 'Đã phân bổ', width: 13, align: 'right' },
        { title: 'Đã giải ngân', width: 13, align: 'right' },
      ] },
      { title: 'Tỷ lệ giải ngân / kế hoạch (%)', width: 12, align: 'right' },
    ],
    rows: lines.map((l, i) => ({
      kind: 'data' as const,
      cells: [i + 1, `${l.nodeCode}. ${l.nodeName}`, FUND_SOURCE_LABELS_VI[l.fundSource as FundSource], formatMillions(BigInt(l.planned)), formatMillions(BigInt(l.allocated)), formatMillions(BigInt(l.disbursed)), num(percentOf(BigInt(l.disbursed), BigInt(l.planned)))],
    })),
    totals: { label: 'Tổng cộng', labelSpan: 3, cells: [formatMillions(p), formatMillions(a), formatMillions(x), num(percentOf(x, p))] },
  };
}

export function laggingLayout(d: ProgramReportData): TableLayout {
  const lagging = d.budget.units.filter((u) => u.lagging);
  return {
    headings: [
      { title: 'STT', width: 5, align: 'center' },
      { title: 'Xã, phường', width: 30 },
      { title: 'Đã phân bổ (triệu đồng)', width: 16, align: 'right' },
      { title: 'Đã giải ngân (triệu đồng)', width: 16, align: 'right' },
      { title: 'Tỷ lệ giải ngân (%)', width: 12, align: 'right' },
      { title: 'Yêu cầu theo mốc (%)', width: 14, align: 'right' },
    ],
    rows: lagging.map((u, i) => ({
      kind: 'data' as const,
      cells: [i + 1, u.unitName, formatMillions(BigInt(u.allocated)), formatMillions(BigInt(u.disbursed)), num(u.sharePercent), `${num(u.requiredPercent)} (đến ${u.milestoneDate ? dmy(u.milestoneDate) : ''})`],
    })),
    totals: { label: `Số xã chậm giải ngân: ${lagging.length}/${d.budget.units.length}`, labelSpan: 6, cells: [] },
  };
}

export function reportingLayout(d: ProgramReportData): TableLayout {
  return {
    headings: [
      { title: 'STT', width: 5, align: 'center' },
      { title: 'Xã, phường', width: 34 },
      { title: 'Ngày nộp báo cáo', width: 16, align: 'center' },
      { title: 'Tình trạng', width: 22 },
    ],
    rows: d.status.rows.map((r, i) => ({
      kind: 'data' as const,
      cells: [i + 1, r.unitName, r.submittedOn ? dmy(r.submittedOn) : '', SUBMISSION_STATE_LABELS_VI[r.state]],
    })),
    totals: {
      label: `Đã nộp: ${d.status.counts.submitted + d.status.counts.submitted_late}/${d.status.rows.length}; quá hạn chưa nộp: ${d.status.counts.late}; hạn nộp của xã: trước ngày ${dmy(d.status.deadlines.communeDue)}`,
      labelSpan: 4,
      cells: [],
    },
  };
}

/** Outputs reported for the period (report-sourced indicators only). */
export function outputsLayout(d: ProgramReportData): TableLayout {
  const defs = d.targets.indicators.filter((i) => i.source === 'report');
  return {
    headings: [
      { title: 'STT', width: 5, align: 'center' },
      { title: 'Kết quả thực hiện', width: 50 },
      { title: REPORT_PERIOD_LABELS_VI[d.period], width: 18, align: 'right' },
    ],
    rows: defs.map((i, n) => ({ kind: 'data' as const, cells: [n + 1, i.nameVi, num(d.outputs[i.code] ?? null)] })),
    totals: { label: 'Số liệu do các đơn vị báo cáo', labelSpan: 3, cells: [] },
  };
}
