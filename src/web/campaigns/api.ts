/** Review campaigns and the province board (docs/review-api.md §2 Campaigns). */
import { api } from '../api/client.ts';
import type { CampaignView, OpenCampaignRequest } from '../../db/review/campaigns.ts';
import type { Board, BoardRow } from '../../db/review/board.ts';

export type { CampaignView, OpenCampaignRequest, Board, BoardRow };

export const campaignsApi = {
  list: (query: { year?: number; kind?: 'periodic' | 'monthly'; status?: 'open' | 'closed' } = {}, signal?: AbortSignal) =>
    api.get<{ items: CampaignView[] }>('/campaigns', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) => api.get<{ campaign: CampaignView }>(`/campaigns/${id}`, { signal }),
  open: (body: OpenCampaignRequest) => api.post<{ campaign: CampaignView }>('/campaigns', body),
  close: (id: number, version: number) => api.post<{ campaign: CampaignView }>(`/campaigns/${id}/close`, { version }),
  board: (id: number, signal?: AbortSignal) => api.get<Board>(`/campaigns/${id}/board`, { signal }),
};
