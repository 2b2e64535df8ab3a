/**
 * Review campaigns name their standard explicitly. The periodic (late-year) review of year N produces
 * the lists that govern year N+1, so by default it uses the standard of year N+1 (2021 was reviewed under
 * the 2022–2025 standard to produce the 2022 baseline [S]; the late-2026 review under the 2027–2030
 * standard is UNCONFIRMED). Regular (monthly) reviews during year N use the standard of year N.
 */
import { nationalStandardIdForYear } from './periods.ts';
import type { StandardId } from './types.ts';

export type ReviewKind = 'periodic' | 'general' | 'regular';

export const REVIEW_KIND_LABELS: Readonly<Record<ReviewKind, string>> = {
  periodic: 'Rà soát định kỳ hằng năm',
  general: 'Tổng rà soát',
  regular: 'Rà soát thường xuyên',
};

export interface ReviewCampaign {
  readonly kind: ReviewKind;
  /** Calendar year in which the review is carried out. */
  readonly reviewYear: number;
  /** Year whose policies use the resulting lists. */
  readonly policyYear: number;
  readonly standardId: StandardId;
  /** Vietnamese name, e.g. "Rà soát định kỳ hằng năm 2026 — danh sách áp dụng năm 2027, chuẩn ND351_2025". */
  readonly name: string;
}

export interface ReviewCampaignOptions {
  readonly kind?: ReviewKind;
  /** Explicit standard id; wins over the default rule. */
  readonly standardId?: StandardId;
  /**
   * UNCONFIRMED convention: periodic/general reviews use the standard of the following (policy) year.
   * Set false to use the standard in force in the review year instead.
   */
  readonly useNextYearStandard?: boolean;
}

/** Defines a review campaign and the standard it applies. Throws (Vietnamese message) when no standard is known. */
export function defineReviewCampaign(reviewYear: number, options: ReviewCampaignOptions = {}): ReviewCampaign {
  const kind = options.kind ?? 'periodic';
  const policyYear = kind === 'regular' ? reviewYear : reviewYear + 1;
  const useNext = options.useNextYearStandard ?? true;
  const standardYear = kind === 'regular' || !useNext ? reviewYear : policyYear;
  const standardId = options.standardId ?? nationalStandardIdForYear(standardYear);
  if (standardId === undefined) {
    throw new RangeError(`Không có chuẩn nghèo quốc gia cho năm ${standardYear}; hãy chỉ định chuẩn cho đợt rà soát`);
  }
  const name = `${REVIEW_KIND_LABELS[kind]} năm ${reviewYear} — danh sách áp dụng năm ${policyYear}, chuẩn ${standardId}`;
  return Object.freeze({ kind, reviewYear, policyYear, standardId, name });
}
