/**
 * Program settings: every value here is a rule the legal notes do not confirm (or confirm only as
 * "before 1 June / 1 December"), so it is data, stored in the `setting` table: the national document
 * under PROGRAM_SETTINGS_KEY (national administrators), and a province's own values for the rules that
 * are the province's to set (PROVINCE_SETTING_FIELDS: how targets are judged, its disbursement schedule,
 * how early its communes report) under provinceSettingsKey(code), changed by the province's planners.
 * A province's document holds only what it overrides; the rest follows the national one. Defaults
 * below are the system's proposal.
 */

export const PROGRAM_SETTINGS_KEY = 'program.settings';

/** The setting key of a province's own values. */
export const provinceSettingsKey = (provinceCode: string) => `${PROGRAM_SETTINGS_KEY}.province.${provinceCode}`;

/** What a province may set for itself; the high-poverty threshold and the report deadlines to the centre stay national. */
export const PROVINCE_SETTING_FIELDS = ['projection', 'disbursementMilestones', 'communeLeadDays'] as const;
export type ProvinceSettingField = (typeof PROVINCE_SETTING_FIELDS)[number];
export type ProvinceSettings = Partial<Pick<ProgramSettings, ProvinceSettingField>>;

export interface MonthDay {
  month: number;
  day: number;
}

export interface DisbursementMilestone extends MonthDay {
  /** Share of the year's allocation that should be disbursed by this date, percent. */
  sharePercent: number;
}

export interface ProgramSettings {
  /** A commune with a poverty rate at or above this (percent) counts as a high-poverty commune. */
  highPovertyRatePercent: number;
  projection: {
    /** Known yearly values needed for a trend. */
    minPoints: number;
    /** A rate/points projection this many points on the wrong side of the target is "at risk", beyond is "off track". */
    atRiskPoints: number;
    /** A count projection short of the target by at most this share (percent of the target) is "at risk". */
    atRiskSharePercent: number;
  };
  /** Disbursement schedule of a budget year; a unit below the share of the last milestone passed lags. */
  disbursementMilestones: DisbursementMilestone[];
  /** Report cycle (Circular 10/2022): six-monthly report due before H1, annual report due before Y. */
  reportDue: { H1: MonthDay; Y: MonthDay };
  /** Communes report to the province this many calendar days before the province's own deadline. */
  communeLeadDays: number;
}

export const DEFAULT_PROGRAM_SETTINGS: ProgramSettings = {
  highPovertyRatePercent: 40,
  projection: { minPoints: 2, atRiskPoints: 0.5, atRiskSharePercent: 10 },
  disbursementMilestones: [
    { month: 6, day: 30, sharePercent: 40 },
    { month: 9, day: 30, sharePercent: 70 },
    { month: 12, day: 31, sharePercent: 100 },
  ],
  reportDue: { H1: { month: 6, day: 1 }, Y: { month: 12, day: 1 } },
  communeLeadDays: 10,
};

const num = (x: unknown, min: number, max: number): x is number => typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max;
const isMonthDay = (x: unknown): x is MonthDay => {
  const m = x as MonthDay;
  return !!m && num(m.month, 1, 12) && num(m.day, 1, 31) && Number.isInteger(m.month) && Number.isInteger(m.day);
};

/** Problems with a settings document, in Vietnamese (empty = valid). */
export function settingsProblems(s: ProgramSettings): string[] {
  const out: string[] = [];
  if (!num(s.highPovertyRatePercent, 0, 100)) out.push('Ngưỡng tỷ lệ hộ nghèo cao phải từ 0 đến 100 (%).');
  if (!num(s.projection?.minPoints, 2, 20)) out.push('Số năm số liệu tối thiểu để dự báo phải từ 2 đến 20.');
  if (!num(s.projection?.atRiskPoints, 0, 100)) out.push('Biên "có nguy cơ" (điểm %) phải từ 0 đến 100.');
  if (!num(s.projection?.atRiskSharePercent, 0, 100)) out.push('Biên "có nguy cơ" (% chỉ tiêu) phải từ 0 đến 100.');
  const ms = s.disbursementMilestones ?? [];
  if (!ms.length) out.push('Cần ít nhất một mốc giải ngân.');
  ms.forEach((m, i) => {
    if (!isMonthDay(m) || !num(m.sharePercent, 0, 100)) out.push(`Mốc giải ngân thứ ${i + 1}: ngày/tháng hoặc tỷ lệ (%) không hợp lệ.`);
    const prev = ms[i - 1];
    if (prev && (prev.month * 100 + prev.day >= m.month * 100 + m.day || prev.sharePercent > m.sharePercent)) {
      out.push(`Mốc giải ngân thứ ${i + 1} phải sau mốc trước và có tỷ lệ không nhỏ hơn.`);
    }
  });
  if (!isMonthDay(s.reportDue?.H1) || !isMonthDay(s.reportDue?.Y)) out.push('Hạn báo cáo 6 tháng và hằng năm phải là ngày/tháng hợp lệ.');
  if (!num(s.communeLeadDays, 0, 90)) out.push('Số ngày cấp xã nộp trước hạn của tỉnh phải từ 0 đến 90.');
  return out;
}

/** Stored settings over a base, the defaults unless given (a partial or older document keeps the base for what it lacks). */
export function mergeSettings(stored: unknown, base: ProgramSettings = DEFAULT_PROGRAM_SETTINGS): ProgramSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<ProgramSettings>;
  return {
    ...base,
    ...s,
    projection: { ...base.projection, ...s.projection },
    reportDue: { ...base.reportDue, ...s.reportDue },
  };
}

/** A province's stored document reduced to the fields it may set (anything else is ignored). */
export function provinceOverrides(stored: unknown): ProvinceSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return Object.fromEntries(PROVINCE_SETTING_FIELDS.filter((f) => s[f] !== undefined && s[f] !== null).map((f) => [f, s[f]])) as ProvinceSettings;
}
