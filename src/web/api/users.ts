import { api } from './client.ts';
import type { PageResult, Role, User } from './types.ts';
import type { Locale } from '../i18n/catalogs.ts';

export interface UserQuery {
  q?: string;
  role?: Role;
  page?: number;
  pageSize?: number;
}

export interface NewUser {
  username: string;
  fullName: string;
  password: string;
  role: Role;
  unitCode?: string;
  email?: string;
  phone?: string;
  locale?: Locale;
}

export interface UserPatch {
  version: number;
  fullName?: string;
  role?: Role;
  unitCode?: string | null;
  active?: boolean;
  locale?: Locale;
  password?: string;
  email?: string | null;
  phone?: string | null;
}

export const usersApi = {
  list: (query: UserQuery, signal?: AbortSignal) => api.get<PageResult<User>>('/users', { query: { ...query }, signal }),
  get: (id: number) => api.get<{ user: User }>(`/users/${id}`),
  create: (user: NewUser) => api.post<{ user: User }>('/users', user),
  update: (id: number, patch: UserPatch) => api.patch<{ user: User }>(`/users/${id}`, patch),
};
