import { api } from './client.ts';
import type { AuditEntry, PageResult } from './types.ts';

export interface AuditQuery {
  actor?: string;
  unit?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => api.get<PageResult<AuditEntry>>('/audit', { query: { ...query }, signal }),
};
