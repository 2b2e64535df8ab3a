import { api } from './client.ts';
import type { ApiToken } from './types.ts';

export const tokensApi = {
  list: () => api.get<{ items: ApiToken[] }>('/me/tokens'),
  create: (name: string, expiresInDays?: number) => api.post<{ token: string; item: ApiToken }>('/me/tokens', { name, expiresInDays }),
  revoke: (id: number) => api.delete<void>(`/me/tokens/${id}`),
};
