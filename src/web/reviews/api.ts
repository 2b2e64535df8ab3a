/**
 * Commune reviews (docs/review-api.md §2): the review with its next actions and progress, transitions
 * with `version`, the listed households, village meetings with votes and minutes, posting, complaints.
 */
import { api } from '../api/client.ts';
import type { ReviewSummary, ReviewView } from '../../db/review/view.ts';
import type { ListedHouseholdsQuery as ListedQuery, ListedHouseholdView } from '../../db/review/listing.ts';
import type { MeetingView, NewMeeting, VoteInput } from '../../db/review/meetings.ts';
import type { ComplaintView } from '../../db/review/complaint-records.ts';
import type { TransitionRequest } from '../../db/review/transitions.ts';
import type { ReviewAction } from '../../domain/review/review-actions.ts';
import type { ReviewState } from '../../domain/review/review-states.ts';
import type { NextReviewAction } from '../../domain/review/review-machine.ts';

export type { ReviewSummary, ReviewView, ListedHouseholdView, MeetingView, NewMeeting, VoteInput, ComplaintView, TransitionRequest, ReviewAction, ReviewState, NextReviewAction };

/** Filters and page of the review's household list. */
export type ListedHouseholdsQuery = Partial<ListedQuery>;

export interface NewComplaintBody {
  householdId?: number | null;
  receivedOn: string;
  complainant: string;
  content: string;
}

export interface ResolutionBody {
  recheckNote: string;
  outcome: 'upheld' | 'dismissed' | 'withdrawn';
  resolvedOn: string;
}

const seg = encodeURIComponent;

export const reviewsApi = {
  list: (query: { campaignId?: number; state?: ReviewState } = {}, signal?: AbortSignal) =>
    api.get<{ items: ReviewSummary[] }>('/reviews', { query: { ...query }, signal }),
  get: (id: number, signal?: AbortSignal) => api.get<ReviewView>(`/reviews/${id}`, { signal }),
  transition: (id: number, body: TransitionRequest) => api.post<{ transition: { reviewId: number; from: ReviewState; to: ReviewState; version: number } }>(`/reviews/${id}/transitions`, body),
  households: (id: number, query: ListedHouseholdsQuery, signal?: AbortSignal) =>
    api.get<{ items: ListedHouseholdView[]; total: number }>(`/reviews/${id}/households`, { query: { ...query }, signal }),
  listFromLists: (id: number) => api.post<{ listed: { onPoorList: number; onNearPoorList: number; applied: number; total: number } }>(`/reviews/${id}/households/from-lists`),
  addHouseholds: (id: number, householdIds: number[], reason: 'added' | 'applied' = 'added') => api.post<{ added: number }>(`/reviews/${id}/households`, { householdIds, reason }),
  removeHousehold: (id: number, householdId: number) => api.delete<void>(`/reviews/${id}/households/${householdId}`),
  meetings: (id: number, signal?: AbortSignal) => api.get<{ items: MeetingView[] }>(`/reviews/${id}/meetings`, { signal }),
  createMeeting: (id: number, body: NewMeeting) => api.post<{ meeting: MeetingView }>(`/reviews/${id}/meetings`, body),
  recordVotes: (id: number, village: string, no: number, votes: VoteInput[]) =>
    api.put<{ outcomes: unknown }>(`/reviews/${id}/meetings/${seg(village)}/${no}/votes`, { votes }),
  uploadMinutes: (id: number, village: string, no: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.put<{ minutes: { id: number; name: string; contentType: string; size: number } }>(`/reviews/${id}/meetings/${seg(village)}/${no}/minutes`, form);
  },
  minutesUrl: (id: number, village: string, no: number) => `/api/reviews/${id}/meetings/${seg(village)}/${no}/minutes`,
  setPosting: (id: number, startDate: string, endDate: string) => api.put<{ review: ReviewSummary }>(`/reviews/${id}/posting`, { startDate, endDate }),
  complaints: (id: number, signal?: AbortSignal) => api.get<{ items: ComplaintView[] }>(`/reviews/${id}/complaints`, { signal }),
  addComplaint: (id: number, body: NewComplaintBody) => api.post<{ complaint: ComplaintView }>(`/reviews/${id}/complaints`, body),
  resolveComplaint: (id: number, complaintId: number, body: ResolutionBody) => api.patch<{ complaint: ComplaintView }>(`/reviews/${id}/complaints/${complaintId}`, body),
};

