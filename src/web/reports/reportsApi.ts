/** The report routes (src/server/routes/reports.ts) for the reports screen. */
import { api } from '../api/client.ts';
import type { ReportTable } from '../../domain/reports/report-table.ts';

export interface ReportFormInfo {
  id: string;
  title: string;
  list: boolean;
}

export interface ReportAnswer {
  table: ReportTable;
  next: { after: number } | null;
}

export interface ReportParams {
  form: string;
  year: number;
  /** '' = the nation; absent = the caller's own unit. */
  unit?: string;
  /** Unit layout of the rows; absent = 2025. */
  layout?: '2024' | '2025';
  after?: number;
  /** Households on the pages before (detailed lists). */
  offset?: number;
}

function query(p: ReportParams): Record<string, string | number | undefined> {
  return { year: p.year, unit: p.unit, layout: p.layout, after: p.after, offset: p.offset };
}

export const reportsApi = {
  forms: (signal?: AbortSignal) => api.get<{ forms: ReportFormInfo[] }>('/reports/forms', { signal }),
  table: (p: ReportParams, signal?: AbortSignal) => api.get<ReportAnswer>(`/reports/${p.form}`, { query: query(p), signal }),
  fileUrl(p: ReportParams, kind: 'excel' | 'pdf'): string {
    const q = new URLSearchParams({ year: String(p.year) });
    if (p.unit !== undefined) q.set('unit', p.unit);
    if (p.layout !== undefined) q.set('layout', p.layout);
    return `/api/reports/${p.form}/${kind}?${q.toString()}`;
  },
};

export interface VillageOrigins {
  communeCode: string;
  predecessors: Array<{ code: string; name: string | null }>;
  villages: Array<{ code: string; name: string; oldCommuneCode: string | null; recorded: boolean }>;
}

export const villageOriginsApi = {
  get: (commune: string, signal?: AbortSignal) => api.get<VillageOrigins>(`/reports/village-origins/${commune}`, { signal }),
  set: (commune: string, origins: Array<{ villageCode: string; oldCommuneCode: string | null }>) =>
    api.put<VillageOrigins>(`/reports/village-origins/${commune}`, { origins }),
};
