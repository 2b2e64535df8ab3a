/**
 * What the pure workflow needs to know about a review's data when deciding a transition. The storage
 * layer loads it (households on the list, meeting records, posting dates, complaints) and passes it in.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { CommuneDecision } from './commune-decision.ts';
import type { ComplaintRecord } from './complaints.ts';
import type { ListedHousehold } from './listed-household.ts';
import type { PostingRecord } from './public-posting.ts';
import type { ReviewState } from './review-states.ts';
import type { VillageMeetingRecord } from './village-meeting.ts';

/** Identity and current state of one commune's review in one campaign. */
export interface CommuneReviewRef {
  readonly reviewId: string;
  readonly campaignId: string;
  readonly provinceCode: string;
  readonly communeCode: string;
  readonly state: ReviewState;
}

export interface ReviewContext {
  /** The date on which the action is taken (Vietnam civil date). */
  readonly today: IsoDate;
  /** Whether the campaign the review belongs to is open. */
  readonly campaignOpen: boolean;
  readonly households: readonly ListedHousehold[];
  readonly meetings: readonly VillageMeetingRecord[];
  readonly posting: PostingRecord | null;
  readonly complaints: readonly ComplaintRecord[];
}

export interface ReviewActionInput {
  readonly context: ReviewContext;
  /** Required by reopen and withdraw_submission (audited). */
  readonly reason?: string;
  /** Target state of a reopening (default: the table's target, "surveying"). */
  readonly reopenTo?: ReviewState;
  /** Required by sign_decision. */
  readonly decision?: CommuneDecision;
}
