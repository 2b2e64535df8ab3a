/** Monthly (regular) review applications, forms 01 and 04 (docs/review-api.md §2 Monthly applications). */
import { api } from '../api/client.ts';
import type { ApplicationView, NewApplication } from '../../db/review/monthly-applications.ts';
import type { ApplicationRecord } from '../../db/review/monthly-records.ts';
import type { MonthlyTransitionRequest } from '../../db/review/monthly-transitions.ts';
import type { NextMonthlyAction } from '../../domain/review/monthly-application-machine.ts';
import type { MonthlyApplicationState } from '../../domain/review/monthly-application.ts';
import type { ComplaintView } from '../../db/review/complaint-records.ts';

export type { ApplicationView, NewApplication, ApplicationRecord, MonthlyTransitionRequest, NextMonthlyAction, MonthlyApplicationState };

export interface ApplicationQuery {
  commune?: string;
  state?: MonthlyApplicationState;
  open?: boolean;
  page?: number;
  pageSize?: number;
}

export const monthlyApi = {
  list: (query: ApplicationQuery, signal?: AbortSignal) => api.get<{ items: ApplicationView[]; total: number }>('/monthly-applications', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) =>
    api.get<{ application: ApplicationView; nextActions: NextMonthlyAction[]; complaints: ComplaintView[] }>(`/monthly-applications/${id}`, { signal }),
  create: (body: NewApplication) => api.post<{ application: ApplicationView }>('/monthly-applications', body),
  record: (id: number, body: ApplicationRecord) => api.patch<{ application: ApplicationView }>(`/monthly-applications/${id}`, body),
  uploadMinutes: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.put<{ minutes: { name: string } }>(`/monthly-applications/${id}/minutes`, form);
  },
  minutesUrl: (id: number) => `/api/monthly-applications/${id}/minutes`,
  transition: (id: number, body: MonthlyTransitionRequest) => api.post<{ application: ApplicationView }>(`/monthly-applications/${id}/transitions`, body),
};
