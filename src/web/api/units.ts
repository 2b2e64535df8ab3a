import { api } from './client.ts';
import type { Layout, Unit, UnitDetail } from './types.ts';

export const unitsApi = {
  /** Children of `parent` as of a date; without parent, the provinces. */
  list: (layout: Layout, parent?: string | null, asOf?: string | null, signal?: AbortSignal) =>
    api.get<{ layout: Layout; asOf: string; items: Unit[] }>('/units', { query: { layout, parent, asOf }, signal }),
  search: (layout: Layout, q: string, asOf?: string | null, limit = 20, signal?: AbortSignal) =>
    api.get<{ items: Unit[] }>('/units/search', { query: { layout, q, asOf, limit }, signal }),
  get: (layout: Layout, code: string, asOf?: string | null, signal?: AbortSignal) =>
    api.get<UnitDetail>(`/units/${layout}/${encodeURIComponent(code)}`, { query: { asOf }, signal }),
};
