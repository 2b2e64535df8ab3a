/** Bulk import API (docs/import.md §API): jobs, upload, findings, commit. */
import { api } from '../api/client.ts';
import type { ImportResult } from '../../db/import/jobs.ts';

export type ImportKind = 'registry' | 'survey';
export type CommitMode = 'all' | 'valid_only';

export interface ImportJobView {
  id: number;
  kind: ImportKind;
  state: 'staging' | 'validating' | 'validated' | 'committing' | 'committed' | 'failed';
  fileName: string;
  referenceDate: string;
  campaignId: number | null;
  mode: CommitMode | null;
  step: string | null;
  progressDone: number;
  progressTotal: number;
  rowCounts: Record<string, number>;
  errorCount: number;
  errorHouseholds: number;
  result: ImportResult | null;
  message: string | null;
  createdAt: string;
}

export interface Finding {
  sheet: string;
  sheetName: string;
  line: number;
  column: string | null;
  columnName: string | null;
  code: string;
  value: string | null;
  householdCode: string | null;
  message: string;
}

export const ACTIVE_STATES: ReadonlyArray<ImportJobView['state']> = ['staging', 'validating', 'committing'];

export const importsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: ImportJobView[] }>('/imports', { signal }),
  get: (id: number, signal?: AbortSignal) => api.get<ImportJobView>(`/imports/${id}`, { signal }),
  errors: (id: number, offset: number, limit: number, signal?: AbortSignal) =>
    api.get<{ total: number; items: Finding[] }>(`/imports/${id}/errors`, { query: { offset, limit }, signal }),
  upload: (files: File[], o: { kind: ImportKind; referenceDate: string; campaignId: number | null }) => {
    const form = new FormData();
    form.append('kind', o.kind);
    form.append('referenceDate', o.referenceDate);
    if (o.campaignId) form.append('campaignId', String(o.campaignId));
    for (const f of files) form.append('file', f, f.name);
    return api.post<ImportJobView>('/imports', form);
  },
  commit: (id: number, mode: CommitMode) => api.post<ImportJobView>(`/imports/${id}/commit`, { mode }),
};

export const templateUrl = (kind: ImportKind, date: string, campaignId: number | null) =>
  `/api/imports/template.xlsx?kind=${kind}&date=${date}${campaignId ? `&campaignId=${campaignId}` : ''}`;
export const templateCsvUrl = (sheet: 'households' | 'members' | 'surveys') => `/api/imports/template/${sheet}.csv`;
export const reportUrl = (id: number) => `/api/imports/${id}/errors.xlsx`;
