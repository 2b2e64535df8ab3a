/**
 * Refusals of the review storage layer. Each carries a stable code (the HTTP error code and message key)
 * and, for workflow refusals, the domain's Vietnamese problems.
 */
import type { WorkflowRefusal } from '../../domain/review/workflow-refusal.ts';

export type ReviewErrorCode =
  | 'out_of_scope'
  | 'conflict'
  | 'unit_out_of_scope'
  | 'province_required'
  | 'campaign_exists'
  | 'campaign_no_communes'
  | 'review_record_locked'
  | 'review_wrong_step'
  | 'household_not_in_commune'
  | 'household_not_listed'
  | 'listing_reason_fixed'
  | 'meeting_not_found'
  | 'vote_invalid'
  | 'file_invalid'
  | 'application_exists'
  | 'application_closed'
  | 'list_status_invalid'
  | 'complaint_not_found'
  | WorkflowRefusal['code'];

/** English message parameters and problems, for a user reading English (the defaults are Vietnamese). */
export interface ReviewErrorEnglish {
  params?: Record<string, string | number>;
  problems?: readonly string[];
}

export class ReviewError extends Error {
  override name = 'ReviewError';
  constructor(
    readonly code: ReviewErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly problems: readonly string[] = [],
    readonly english: ReviewErrorEnglish = {},
  ) {
    super(code);
  }

  /** Parameters and problems in the reader's language (English ones where given). */
  inLocale(locale: 'vi' | 'en'): { params: Record<string, string | number>; problems: readonly string[] } {
    if (locale === 'vi') return { params: this.params, problems: this.problems };
    return { params: { ...this.params, ...this.english.params }, problems: this.english.problems ?? this.problems };
  }
}

/** A domain refusal as a storage-layer error (the domain's code, its one-sentence reason and problems, in both languages). */
export function refusalError(refusal: WorkflowRefusal): ReviewError {
  return new ReviewError(refusal.code, { reason: refusal.reason }, refusal.problems, { params: { reason: refusal.reasonEn }, problems: refusal.problemsEn });
}
