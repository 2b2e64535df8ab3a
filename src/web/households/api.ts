/**
 * Household registry API (docs/registry.md §4): villages, households with members, surveys with their
 * classification, history and the live classification preview. Shapes are the server's own types
 * (type-only imports: nothing of the server reaches the bundle).
 */
import { api } from '../api/client.ts';
import type { HouseholdDetail, HouseholdListItem, Household, Member, Page, Village } from '../../db/registry/types.ts';
import type { HouseholdHistory } from '../../db/registry/history.ts';
import type { SurveyInput, SurveyResult } from '../../db/registry/surveys.ts';
import type { PreviewInput, PreviewResult } from '../../db/registry/preview.ts';
import type { MemberFields } from '../../db/registry/member-rules.ts';
import type { HouseholdClass } from '../../domain/classification/result.ts';

export type { HouseholdDetail, HouseholdListItem, Household, Member, Village, HouseholdHistory, SurveyResult, PreviewResult, MemberFields };

export interface HouseholdQuery {
  communeCode?: string;
  villageCode?: string;
  status?: string;
  listStatus?: 'poor' | 'near_poor' | 'none' | 'unlisted';
  reviewId?: number;
  reviewClass?: HouseholdClass | 'unclassified';
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface NewHouseholdBody {
  communeCode?: string;
  villageCode?: string | null;
  address?: string | null;
  phone?: string | null;
  facts?: Record<string, unknown>;
  residentSince?: string;
  members: MemberFields[];
}

export interface HouseholdPatch {
  version: number;
  villageCode?: string | null;
  address?: string | null;
  phone?: string | null;
  facts?: Record<string, unknown>;
}

export type MemberLeftReason = 'deceased' | 'moved_out' | 'married_out' | 'entered_by_mistake' | 'other';
export const MEMBER_LEFT_REASONS: readonly MemberLeftReason[] = ['deceased', 'moved_out', 'married_out', 'entered_by_mistake', 'other'];

export interface MemberWrite {
  household: Household;
  member: Member;
}

export const householdsApi = {
  list: (query: HouseholdQuery, signal?: AbortSignal) => api.get<Page<HouseholdListItem>>('/households', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) => api.get<{ household: HouseholdDetail }>(`/households/${id}`, { signal }),
  create: (body: NewHouseholdBody) => api.post<{ household: HouseholdDetail }>('/households', body),
  update: (id: number, patch: HouseholdPatch) => api.patch<{ household: Household }>(`/households/${id}`, patch),
  addMember: (id: number, version: number, member: MemberFields, formerHeadRelation?: string) =>
    api.post<MemberWrite>(`/households/${id}/members`, { version, member, ...(formerHeadRelation ? { formerHeadRelation } : {}) }),
  updateMember: (id: number, memberId: number, version: number, changes: Partial<MemberFields>, formerHeadRelation?: string) =>
    api.patch<MemberWrite>(`/households/${id}/members/${memberId}`, { version, ...changes, ...(formerHeadRelation ? { formerHeadRelation } : {}) }),
  removeMember: (id: number, memberId: number, version: number, reason: MemberLeftReason, date?: string) =>
    api.delete<MemberWrite>(`/households/${id}/members/${memberId}`, { query: { version, reason, date } }),
  recordSurvey: (id: number, body: SurveyInput) => api.post<SurveyResult>(`/households/${id}/surveys`, body),
  history: (id: number, signal?: AbortSignal) => api.get<HouseholdHistory>(`/households/${id}/history`, { signal }),
  preview: (body: PreviewInput, signal?: AbortSignal) => api.post<{ result: PreviewResult }>('/classify/preview', body, { signal }),
};

export const villagesApi = {
  list: (communeCode?: string, signal?: AbortSignal) => api.get<{ items: Village[] }>('/villages', { query: { communeCode }, signal }),
  create: (body: { communeCode?: string; code?: string; name: string }) => api.post<{ village: Village }>('/villages', body),
};
