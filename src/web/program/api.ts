/** The program API (docs/program.md): structure, targets, outputs, budget, reports. Amounts are strings of whole đồng. */
import { api } from '../api/client.ts';
import type { ProgramView } from '../../db/program/catalog.ts';
import type { TargetsView, TargetInput } from '../../db/program/targets.ts';
import type { BudgetView } from '../../db/program/budget-read.ts';
import type { ReportStatusView } from '../../db/program/reports.ts';
import type { OutputValue } from '../../db/program/outputs.ts';
import type { IndicatorDef } from '../../domain/program/indicators.ts';
import type { FundSource } from '../../domain/program/fund-sources.ts';
import type { ReportPeriod } from '../../domain/program/report-cycle.ts';
import type { ProgramSettings, ProvinceSettingField, ProvinceSettings } from '../../domain/program/settings.ts';

export type { ProgramSettings, ProvinceSettings };
export type { TargetsView, BudgetView, ReportStatusView, OutputValue, IndicatorDef, ProgramView, FundSource, ReportPeriod };

export interface Structure {
  programs: ProgramView[];
  fundSources: Array<{ code: FundSource; name: string; nameEn: string }>;
  indicators: IndicatorDef[];
}

/** GET /api/program/settings: the settings in force, the national ones and the province's own. */
export interface SettingsView {
  settings: ProgramSettings;
  national: ProgramSettings;
  province: { code: string; overrides: ProvinceSettings } | null;
  provinceFields: ProvinceSettingField[];
  canEdit: { national: boolean; province: boolean };
}

export type ProvinceSettingsChange = { [F in ProvinceSettingField]?: ProvinceSettings[F] | null };

export interface Replacement {
  paidOn: string;
  amount: string;
  documentNumber: string;
  note?: string | null;
}

export interface Line {
  year: number;
  programCode: string;
  nodeCode: string;
  fundSource: FundSource;
}

export const programApi = {
  structure: (signal?: AbortSignal) => api.get<Structure>('/program/structure', { signal }),
  targets: (year: number, unit: string | undefined, signal?: AbortSignal) => api.get<TargetsView>('/program/targets', { query: { year, unit }, signal }),
  setTargets: (items: TargetInput[]) => api.put<{ changed: number }>('/program/targets', { items }),
  budget: (year: number, unit: string | undefined, signal?: AbortSignal) => api.get<BudgetView>('/program/budget', { query: { year, unit }, signal }),
  setPlan: (line: Line & { amount: string; decisionRef?: string }) => api.put<{ ok: true }>('/program/budget/plan', line),
  allocate: (line: Line & { unitCode: string; amount: string; decisionRef?: string }) => api.put<{ ok: true }>('/program/budget/allocations', line),
  reallocate: (line: Line & { fromUnit: string; toUnit: string; amount: string; reason: string }) => api.post<{ ok: true }>('/program/budget/reallocations', line),
  disburse: (line: Line & { unitCode: string; paidOn: string; amount: string; documentNumber: string; note?: string }) => api.post<{ id: number }>('/program/budget/disbursements', line),
  correct: (entryId: number, body: { reason: string; replacement: Replacement | null }) =>
    api.post<{ reversalId: number; replacementId: number | null }>(`/program/budget/disbursements/${entryId}/corrections`, body),
  settings: (signal?: AbortSignal) => api.get<SettingsView>('/program/settings', { signal }),
  setNationalSettings: (settings: ProgramSettings) => api.put<{ settings: ProgramSettings }>('/program/settings', settings),
  setProvinceSettings: (change: ProvinceSettingsChange) => api.put<{ settings: ProgramSettings }>('/program/settings/province', change),
  outputs: (year: number, signal?: AbortSignal) => api.get<{ items: OutputValue[] }>('/program/outputs', { query: { year }, signal }),
  enterOutputs: (year: number, period: ReportPeriod, items: Array<{ indicatorCode: string; value: number | null }>) => api.put<{ items: OutputValue[] }>('/program/outputs', { year, period, items }),
  reports: (year: number, period: ReportPeriod, signal?: AbortSignal) => api.get<ReportStatusView>('/program/reports', { query: { year, period }, signal }),
  submit: (year: number, period: ReportPeriod) => api.post<{ submittedOn: string }>('/program/reports/submit', { year, period }),
};

/** URL of a report download for the current unit. */
export const reportFileUrl = (kind: 'figures.xlsx' | 'figures.pdf' | 'summary.pdf', year: number, period: ReportPeriod) =>
  kind === 'summary.pdf' ? `/api/program/summary.pdf?year=${year}&period=${period}` : `/api/program/reports/${kind}?year=${year}&period=${period}`;

/** "1.500.000" → "1500000"; anything else → null. */
export function amountInput(s: string | null | undefined): string | null {
  const digits = (s ?? '').replace(/[.\s]/g, '');
  return /^\d{1,18}$/.test(digits) ? digits : null;
}
