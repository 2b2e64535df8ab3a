import { api } from './client.ts';
import type { Session, User } from './types.ts';
import type { Locale } from '../i18n/catalogs.ts';

export const authApi = {
  login: (username: string, password: string) =>
    api.post<{ user: User; csrfToken: string }>('/auth/login', { username, password }, { allowUnauthenticated: true }),
  logout: () => api.post<void>('/auth/logout', undefined, { allowUnauthenticated: true }),
  me: () => api.get<Session>('/auth/me', { allowUnauthenticated: true }),
  updateMe: (patch: { locale?: Locale; currentPassword?: string; newPassword?: string }) =>
    api.patch<{ user: User }>('/auth/me', patch),
};
