/**
 * The review-result report forms F1–F13 of report-forms.md as data: id, Vietnamese title, row layout,
 * column tree (multi-level headers) and how each leaf is computed from a row's aggregate. The layouts
 * are [S] (reconstructed, check against the annex of VBHN 1315/VBHN-BLĐTBXH); F14/F15 (detailed lists)
 * are in detailed-list.ts. Forms whose columns depend on the data (F4–F7 on the standard's indicator
 * list, F9 on the ethnic groups present) build them from the context.
 */
import { MOVEMENT_CODE_INFO, movementCodesOfList } from '../movements/movement-codes.ts';
import { listMovementTotals, type MovementCounts } from '../movements/movement-tally.ts';
import type { PovertyList } from '../movements/list-status.ts';
import { allStatuses, type ReportAgg } from './report-agg.ts';
import type { CellValue, ColumnNode } from './report-table.ts';

export const SUMMARY_FORM_IDS = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12', 'F13'] as const;
export const LIST_FORM_IDS = ['F14', 'F15'] as const;
export const FORM_IDS = [...SUMMARY_FORM_IDS, ...LIST_FORM_IDS] as const;
export type SummaryFormId = (typeof SUMMARY_FORM_IDS)[number];
export type ListFormId = (typeof LIST_FORM_IDS)[number];
export type FormId = (typeof FORM_IDS)[number];

export function isFormId(x: unknown): x is FormId {
  return typeof x === 'string' && (FORM_IDS as readonly string[]).includes(x);
}

export const FORM_TITLES: Readonly<Record<FormId, string>> = {
  F1: 'Tổng hợp kết quả chính thức rà soát hộ nghèo, hộ cận nghèo, hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình',
  F2: 'Tổng hợp diễn biến hộ nghèo',
  F3: 'Tổng hợp diễn biến hộ cận nghèo',
  F4: 'Phân tích các chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ nghèo (số hộ)',
  F5: 'Phân tích các chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ nghèo (tỷ lệ %)',
  F6: 'Phân tích các chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ cận nghèo (số hộ)',
  F7: 'Phân tích các chỉ số thiếu hụt dịch vụ xã hội cơ bản của hộ cận nghèo (tỷ lệ %)',
  F8: 'Phân tích hộ nghèo, hộ cận nghèo theo các nhóm đối tượng',
  F9: 'Phân tích hộ nghèo, hộ cận nghèo theo dân tộc',
  F10: 'Phân nhóm hộ nghèo, hộ cận nghèo theo nguyên nhân nghèo',
  F11: 'Tổng hợp chỉ tiêu thiếu hụt của trẻ em thuộc hộ nghèo, hộ cận nghèo',
  F12: 'Tổng hợp kết quả rà soát hộ nghèo theo chuẩn nghèo đa chiều',
  F13: 'Tổng hợp kết quả rà soát hộ cận nghèo theo chuẩn nghèo đa chiều',
  F14: 'Danh sách chi tiết hộ cận nghèo',
  F15: 'Danh sách chi tiết hộ nghèo',
};

export interface FormContext {
  /** Indicators of the year's standard in official order. */
  indicators: ReadonlyArray<{ id: string; label: string }>;
  /** Ethnic groups present among poor / near-poor households of the report (majority group excluded). */
  minorityGroups: readonly string[];
  majorityGroup: string;
  /** Cause code → Vietnamese label, in form order. */
  causes: ReadonlyArray<{ code: string; label: string }>;
}

export type Breakdown = 'households' | 'persons';
export const BREAKDOWN_LABELS: Readonly<Record<Breakdown, string>> = { households: 'Hộ', persons: 'Nhân khẩu' };

export interface SummaryFormDefinition {
  id: SummaryFormId;
  title: string;
  /** Two rows per unit (Hộ, Nhân khẩu). */
  pairRows: boolean;
  columns(ctx: FormContext): ColumnNode[];
  values(agg: ReportAgg, ctx: FormContext, breakdown: Breakdown): Record<string, CellValue>;
  notes(ctx: FormContext): string[];
}

/** n / d in percent, two decimals; null when d is 0. */
export function percent(n: number, d: number): number | null {
  return d === 0 ? null : Math.round((n * 10000) / d) / 100;
}

const count = (title: string, key: string): ColumnNode => ({ title, key, kind: 'count' });
const rate = (title: string, key: string): ColumnNode => ({ title, key, kind: 'rate' });

const LIST_NAME: Readonly<Record<PovertyList, string>> = { poor: 'hộ nghèo', near_poor: 'hộ cận nghèo' };

function movementForm(id: 'F2' | 'F3', list: PovertyList): SummaryFormDefinition {
  const codes = movementCodesOfList(list);
  const dec = codes.filter((c) => MOVEMENT_CODE_INFO[c].direction === 'decrease');
  const inc = codes.filter((c) => MOVEMENT_CODE_INFO[c].direction === 'increase');
  const name = LIST_NAME[list];
  return {
    id,
    title: FORM_TITLES[id],
    pairRows: true,
    columns: () => [
      count(`Số ${name} đầu kỳ`, 'start'),
      { title: `Số ${name} giảm trong kỳ`, children: [count('Tổng số', 'decrease'), ...dec.map((c) => count(`(${MOVEMENT_CODE_INFO[c].column}) ${MOVEMENT_CODE_INFO[c].labelVi}`, c))] },
      { title: `Số ${name} tăng trong kỳ`, children: [count('Tổng số', 'increase'), ...inc.map((c) => count(`(${MOVEMENT_CODE_INFO[c].column}) ${MOVEMENT_CODE_INFO[c].labelVi}`, c))] },
      count(`Số ${name} cuối kỳ`, 'end'),
    ],
    values: (agg, _ctx, b) => {
      const m: MovementCounts = agg.movement[b];
      const totals = listMovementTotals(m, list);
      return {
        start: list === 'poor' ? m.poorStart : m.nearPoorStart,
        decrease: totals.decrease,
        increase: totals.increase,
        ...Object.fromEntries(codes.map((c) => [c, m.movements[c]])),
        end: list === 'poor' ? m.poorEnd : m.nearPoorEnd,
      };
    },
    notes: () => [
      'Cuối kỳ = đầu kỳ − giảm + tăng. Đầu kỳ: danh sách năm trước; cuối kỳ: danh sách năm báo cáo (quyết định hằng năm và hằng tháng).',
      'Giảm khác: chuyển đi, tách/nhập hộ, hộ không còn thành viên; tăng khác: chuyển đến.',
    ],
  };
}

function deprivationForm(id: 'F4' | 'F5' | 'F6' | 'F7', list: PovertyList, asRate: boolean): SummaryFormDefinition {
  const name = LIST_NAME[list];
  return {
    id,
    title: FORM_TITLES[id],
    pairRows: false,
    columns: (ctx) => [
      count(`Tổng số ${name}`, 'households'),
      count('Tổng số chỉ số thiếu hụt', 'deprivations'),
      {
        title: asRate ? `Tỷ lệ ${name} thiếu hụt theo từng chỉ số (%)` : `Số ${name} thiếu hụt theo từng chỉ số`,
        children: ctx.indicators.map((ind, i) => (asRate ? rate(`${i + 1}. ${ind.label}`, ind.id) : count(`${i + 1}. ${ind.label}`, ind.id))),
      },
    ],
    values: (agg, ctx) => {
      const c = agg.status[list];
      const dep = agg.deprivation[list] ?? {};
      return {
        households: c.households,
        deprivations: c.deprivationsTotal,
        ...Object.fromEntries(ctx.indicators.map((ind) => [ind.id, asRate ? percent(dep[ind.id] ?? 0, c.households) : (dep[ind.id] ?? 0)])),
      };
    },
    notes: () => [
      `Số liệu thiếu hụt lấy từ kết quả phân loại trong kỳ rà soát định kỳ của năm; ${name} chưa có kết quả phân loại trong hệ thống (ví dụ danh sách lập ngoài hệ thống) được tính vào tổng số nhưng không có chỉ số thiếu hụt.`,
      ...(asRate ? [`Tỷ lệ = số ${name} thiếu hụt chỉ số / tổng số ${name} × 100.`] : []),
    ],
  };
}

const groupBlock = (list: PovertyList): ColumnNode => ({
  title: list === 'poor' ? 'Hộ nghèo' : 'Hộ cận nghèo',
  children: [
    count('Tổng số', `${list}_total`),
    count('Dân tộc thiểu số', `${list}_minority`),
    count('Không có khả năng lao động', `${list}_no_labour`),
    count('Có người có công với cách mạng', `${list}_merit`),
    count('Đối tượng khác', `${list}_other`),
  ],
});

const F8: SummaryFormDefinition = {
  id: 'F8',
  title: FORM_TITLES.F8,
  pairRows: true,
  columns: () => [groupBlock('poor'), groupBlock('near_poor')],
  values: (agg, _ctx, b) => {
    const out: Record<string, CellValue> = {};
    for (const list of ['poor', 'near_poor'] as const) {
      const c = agg.status[list];
      const h = b === 'households';
      out[`${list}_total`] = h ? c.households : c.persons;
      out[`${list}_minority`] = h ? c.householdsMinority : c.personsMinority;
      out[`${list}_no_labour`] = h ? c.householdsNoLabour : c.personsNoLabour;
      out[`${list}_merit`] = h ? c.householdsMerit : c.personsMerit;
      out[`${list}_other`] = h ? c.householdsNoGroup : c.personsNoGroup;
    }
    return out;
  },
  notes: () => [
    'Các nhóm có thể trùng nhau (một hộ thuộc nhiều nhóm); "Đối tượng khác" là hộ không thuộc nhóm nào nêu trên.',
    'Dân tộc thiểu số theo dân tộc của hộ; không có khả năng lao động: mọi thành viên không có khả năng lao động.',
    'Có người có công: sổ hộ chưa có trường thông tin này, cột ghi 0 cho đến khi được bổ sung.',
  ],
};

const F9: SummaryFormDefinition = {
  id: 'F9',
  title: FORM_TITLES.F9,
  pairRows: false,
  columns: (ctx) =>
    (['poor', 'near_poor'] as const).map((list) => ({
      title: list === 'poor' ? 'Hộ nghèo' : 'Hộ cận nghèo',
      children: [
        count('Tổng số', `${list}_total`),
        count(ctx.majorityGroup, `${list}_majority`),
        { title: 'Dân tộc thiểu số', children: [count('Tổng số', `${list}_minority`), ...ctx.minorityGroups.map((g) => count(g, `${list}_g_${g}`))] },
        count('Chưa ghi dân tộc', `${list}_unknown`),
      ],
    })),
  values: (agg, ctx) => {
    const out: Record<string, CellValue> = {};
    for (const list of ['poor', 'near_poor'] as const) {
      const e = agg.ethnic[list] ?? {};
      out[`${list}_total`] = agg.status[list].households;
      out[`${list}_majority`] = e[ctx.majorityGroup]?.households ?? 0;
      out[`${list}_minority`] = agg.status[list].householdsMinority;
      for (const g of ctx.minorityGroups) out[`${list}_g_${g}`] = e[g]?.households ?? 0;
      out[`${list}_unknown`] = e['']?.households ?? 0;
    }
    return out;
  },
  notes: () => ['Theo dân tộc của hộ (chủ hộ) ghi trong sổ hộ; chỉ hiện các dân tộc có hộ nghèo hoặc hộ cận nghèo trong báo cáo.'],
};

const F10: SummaryFormDefinition = {
  id: 'F10',
  title: FORM_TITLES.F10,
  pairRows: false,
  columns: (ctx) =>
    (['poor', 'near_poor'] as const).map((list) => ({
      title: list === 'poor' ? 'Hộ nghèo' : 'Hộ cận nghèo',
      children: [count('Tổng số hộ', `${list}_total`), ...ctx.causes.map((c, i) => count(`${i + 1}. ${c.label}`, `${list}_${c.code}`))],
    })),
  values: (agg, ctx) => {
    const out: Record<string, CellValue> = {};
    for (const list of ['poor', 'near_poor'] as const) {
      out[`${list}_total`] = agg.status[list].households;
      for (const c of ctx.causes) out[`${list}_${c.code}`] = agg.cause[list]?.[c.code] ?? 0;
    }
    return out;
  },
  notes: () => ['Một hộ có thể có nhiều nguyên nhân (chọn nhiều); nguyên nhân lấy từ phiếu khảo sát được dùng để phân loại.'],
};

const F11: SummaryFormDefinition = {
  id: 'F11',
  title: FORM_TITLES.F11,
  pairRows: false,
  columns: () =>
    (['poor', 'near_poor'] as const).map((list) => ({
      title: list === 'poor' ? 'Trẻ em thuộc hộ nghèo' : 'Trẻ em thuộc hộ cận nghèo',
      children: [
        count('Tổng số trẻ em', `${list}_children`),
        count('Thiếu hụt y tế (không có BHYT, suy dinh dưỡng)', `${list}_health`),
        count('Thiếu hụt giáo dục (không đi học)', `${list}_education`),
      ],
    })),
  values: (agg) => {
    const out: Record<string, CellValue> = {};
    for (const list of ['poor', 'near_poor'] as const) {
      out[`${list}_children`] = agg.status[list].children;
      out[`${list}_health`] = agg.status[list].childrenHealth;
      out[`${list}_education`] = agg.status[list].childrenEducation;
    }
    return out;
  },
  notes: () => ['Trẻ em: dưới 16 tuổi tại ngày chốt số liệu; thiếu hụt giáo dục tính cho trẻ từ 6 tuổi (định nghĩa chưa xác nhận).'],
};

function standardSummaryForm(id: 'F12' | 'F13', list: PovertyList): SummaryFormDefinition {
  const label = list === 'poor' ? 'Hộ nghèo' : 'Hộ cận nghèo';
  const people = list === 'poor' ? 'Nhân khẩu hộ nghèo' : 'Nhân khẩu hộ cận nghèo';
  return {
    id,
    title: FORM_TITLES[id],
    pairRows: false,
    columns: (ctx) => [
      { title: 'Tổng số hộ', children: [count('Tổng số', 'all_h'), count(ctx.majorityGroup, 'all_h_major'), count('Dân tộc thiểu số', 'all_h_minor')] },
      { title: 'Tổng số nhân khẩu', children: [count('Tổng số', 'all_p'), count(ctx.majorityGroup, 'all_p_major'), count('Dân tộc thiểu số', 'all_p_minor')] },
      {
        title: label,
        children: [
          count('Tổng số', 'l_h'),
          rate('Tỷ lệ (%)', 'l_rate'),
          count(ctx.majorityGroup, 'l_h_major'),
          count('Dân tộc thiểu số', 'l_h_minor'),
          count('Có người có công', 'l_merit'),
          count('Không có khả năng lao động', 'l_no_labour'),
          count('Chủ hộ là nữ', 'l_female'),
        ],
      },
      { title: people, children: [count('Tổng số', 'l_p'), count(ctx.majorityGroup, 'l_p_major'), count('Dân tộc thiểu số', 'l_p_minor')] },
    ],
    values: (agg) => {
      const c = agg.status[list];
      const all = allStatuses(agg, 'households');
      return {
        all_h: all,
        all_h_major: allStatuses(agg, 'householdsKinh'),
        all_h_minor: allStatuses(agg, 'householdsMinority'),
        all_p: allStatuses(agg, 'persons'),
        all_p_major: allStatuses(agg, 'personsKinh'),
        all_p_minor: allStatuses(agg, 'personsMinority'),
        l_h: c.households,
        l_rate: percent(c.households, all),
        l_h_major: c.householdsKinh,
        l_h_minor: c.householdsMinority,
        l_merit: c.householdsMerit,
        l_no_labour: c.householdsNoLabour,
        l_female: c.householdsFemaleHead,
        l_p: c.persons,
        l_p_major: c.personsKinh,
        l_p_minor: c.personsMinority,
      };
    },
    notes: () => ['Tổng số hộ, nhân khẩu: hộ trong sổ hộ tại ngày chốt số liệu của kỳ rà soát (hoặc có tên trong danh sách của năm).'],
  };
}

const F1: SummaryFormDefinition = {
  id: 'F1',
  title: FORM_TITLES.F1,
  pairRows: false,
  columns: () => [
    count('Tổng số hộ', 'households'),
    count('Tổng số nhân khẩu', 'persons'),
    { title: 'Hộ nghèo', children: [count('Số hộ', 'poor_h'), rate('Tỷ lệ (%)', 'poor_rate'), count('Số nhân khẩu', 'poor_p')] },
    { title: 'Hộ cận nghèo', children: [count('Số hộ', 'near_h'), rate('Tỷ lệ (%)', 'near_rate'), count('Số nhân khẩu', 'near_p')] },
    rate('Tỷ lệ nghèo đa chiều (%)', 'mpi_rate'),
    { title: 'Hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình', children: [count('Số hộ', 'avg_h'), count('Số nhân khẩu', 'avg_p')] },
  ],
  values: (agg) => {
    const all = allStatuses(agg, 'households');
    const poor = agg.status.poor.households;
    const near = agg.status.near_poor.households;
    return {
      households: all,
      persons: allStatuses(agg, 'persons'),
      poor_h: poor,
      poor_rate: percent(poor, all),
      poor_p: agg.status.poor.persons,
      near_h: near,
      near_rate: percent(near, all),
      near_p: agg.status.near_poor.persons,
      mpi_rate: percent(poor + near, all),
      avg_h: agg.status.average.households,
      avg_p: agg.status.average.persons,
    };
  },
  notes: () => [
    'Tỷ lệ tính trên tổng số hộ của đơn vị. Tỷ lệ nghèo đa chiều = (hộ nghèo + hộ cận nghèo) / tổng số hộ.',
    'Hộ có mức sống trung bình: theo kết quả phân loại của kỳ rà soát định kỳ của năm.',
  ],
};

export const SUMMARY_FORMS: Readonly<Record<SummaryFormId, SummaryFormDefinition>> = {
  F1,
  F2: movementForm('F2', 'poor'),
  F3: movementForm('F3', 'near_poor'),
  F4: deprivationForm('F4', 'poor', false),
  F5: deprivationForm('F5', 'poor', true),
  F6: deprivationForm('F6', 'near_poor', false),
  F7: deprivationForm('F7', 'near_poor', true),
  F8,
  F9,
  F10,
  F11,
  F12: standardSummaryForm('F12', 'poor'),
  F13: standardSummaryForm('F13', 'near_poor'),
};

export function isSummaryFormId(x: string): x is SummaryFormId {
  return (SUMMARY_FORM_IDS as readonly string[]).includes(x);
}
