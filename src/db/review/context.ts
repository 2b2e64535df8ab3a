/**
 * Loads what the pure review machine needs (ReviewContext) with a few set-based queries: the listed
 * households with their village and survey mark, the village meetings with their votes, the posting
 * dates and the complaints.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { ComplaintRecord } from '../../domain/review/complaints.ts';
import type { ListedHousehold } from '../../domain/review/listed-household.ts';
import type { ReviewContext } from '../../domain/review/review-context.ts';
import type { HouseholdVote, VillageMeetingRecord } from '../../domain/review/village-meeting.ts';
import { complaintRecord } from './complaint-records.ts';
import { classificationJoins, SURVEYED } from './household-sql.ts';
import type { LoadedReview, ReviewRow } from './review-load.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The households on the list with their code, village (code and name) and survey mark; households
 * without a village form the village "". Ordered by code, so messages list them in that order.
 */
export async function listedHouseholds(db: Db, review: ReviewRow, standardId: string): Promise<ListedHousehold[]> {
  const r = await sql<{ household_id: number; code: string; village_code: string; village_name: string | null; surveyed: boolean }>`
    select rh.household_id, h.code, coalesce(h.village_code, '') as village_code, v.name as village_name, ${SURVEYED} as surveyed
    from review_household rh
    join household h on h.province_code = rh.province_code and h.id = rh.household_id
    left join village v on v.province_code = h.province_code and v.commune_code = h.commune_code and v.code = h.village_code
    ${classificationJoins(standardId)}
    where rh.province_code = ${review.province_code} and rh.review_id = ${review.id}
    order by h.code`.execute(db);
  return r.rows.map((x) => ({
    householdId: String(x.household_id),
    householdCode: x.code,
    villageCode: x.village_code,
    ...(x.village_name === null ? {} : { villageName: x.village_name }),
    surveyed: x.surveyed,
  }));
}

export function meetingId(villageCode: string, meetingNo: number): string {
  return `${villageCode}#${meetingNo}`;
}

/** Every meeting of the review with its votes, oldest first (date, then meeting number). */
export async function reviewMeetings(db: Db, review: ReviewRow): Promise<VillageMeetingRecord[]> {
  const meetings = await db
    .selectFrom('village_meeting')
    .select(['village_code', 'meeting_no', 'held_on', 'attendees', 'minutes_file'])
    .where('province_code', '=', review.province_code)
    .where('review_id', '=', review.id)
    .orderBy('held_on')
    .orderBy('meeting_no')
    .orderBy('village_code')
    .execute();
  const votes = await db
    .selectFrom('meeting_vote')
    .select(['village_code', 'meeting_no', 'household_id', 'agree', 'disagree'])
    .where('province_code', '=', review.province_code)
    .where('review_id', '=', review.id)
    .orderBy('household_id')
    .execute();
  const byMeeting = new Map<string, HouseholdVote[]>();
  for (const v of votes) {
    const key = meetingId(v.village_code, v.meeting_no);
    const list = byMeeting.get(key) ?? [];
    list.push({ householdId: String(v.household_id), agree: v.agree, disagree: v.disagree });
    byMeeting.set(key, list);
  }
  return meetings.map((m) => ({
    meetingId: meetingId(m.village_code, m.meeting_no),
    villageCode: m.village_code,
    heldOn: m.held_on,
    attendance: m.attendees,
    minutesFileRef: m.minutes_file,
    votes: byMeeting.get(meetingId(m.village_code, m.meeting_no)) ?? [],
  }));
}

export async function reviewComplaints(db: Db, review: ReviewRow): Promise<ComplaintRecord[]> {
  const rows = await db
    .selectFrom('complaint')
    .leftJoin('household', (j) => j.onRef('household.province_code', '=', 'complaint.province_code').onRef('household.id', '=', 'complaint.household_id'))
    .selectAll('complaint')
    .select('household.code as household_code')
    .where('complaint.province_code', '=', review.province_code)
    .where('complaint.review_id', '=', review.id)
    .orderBy('complaint.id')
    .execute();
  return rows.map(complaintRecord);
}

export async function loadReviewContext(db: Db, loaded: LoadedReview, today: IsoDate): Promise<ReviewContext> {
  const { review, campaign } = loaded;
  return {
    today,
    campaignOpen: campaign.status === 'open',
    households: await listedHouseholds(db, review, campaign.standard_id),
    meetings: await reviewMeetings(db, review),
    posting: review.posting_start !== null && review.posting_end !== null ? { startDate: review.posting_start, endDate: review.posting_end } : null,
    complaints: await reviewComplaints(db, review),
  };
}
