/**
 * Village meetings (họp dân thống nhất kết quả rà soát), review-procedure.md §4 Step 3 [C]: "agreement
 * of at least 50% of attendees. If agreement is below 50%, the household(s) go back to Step 2 and a new
 * meeting is held." So exactly 50 % is agreed; the denominator is the attendance, not the votes cast
 * (an attendee who does not vote "agree" does not count towards agreement).
 */
import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import type { ListedHousehold } from './listed-household.ts';

export interface HouseholdVote {
  readonly householdId: string;
  /** Attendees agreeing with the proposed result for this household. */
  readonly agree: number;
  /** Attendees disagreeing (informative: agreement is measured against the attendance). */
  readonly disagree: number;
}

export interface VillageMeetingRecord {
  readonly meetingId: string;
  readonly villageCode: string;
  readonly heldOn: IsoDate;
  /** Number of people attending (số người tham dự). */
  readonly attendance: number;
  /** Reference of the scanned minutes (biên bản, 2 copies) in file storage. */
  readonly minutesFileRef: string | null;
  readonly votes: readonly HouseholdVote[];
}

export type MeetingOutcomeStatus = 'agreed' | 'rejected' | 'no_vote';

export interface HouseholdMeetingOutcome {
  readonly householdId: string;
  readonly villageCode: string;
  readonly status: MeetingOutcomeStatus;
  /** The meeting whose vote decided (the latest meeting that voted on the household). */
  readonly meetingId?: string;
  readonly agree?: number;
  readonly attendance?: number;
}

export interface VillageMeetingEvaluation {
  readonly outcomes: readonly HouseholdMeetingOutcome[];
  /** Households whose latest vote fell below the threshold: they go back to surveying. */
  readonly rejectedHouseholdIds: readonly string[];
  /** Missing or malformed meeting records (Vietnamese); empty when the records are complete. */
  readonly recordProblems: readonly string[];
  /** Villages with listed households and no meeting record. */
  readonly villagesWithoutMeeting: readonly string[];
}

/** Whether `agree` of `attendance` attendees reach `thresholdPercent` (integer arithmetic, ≥). */
export function isAgreedByMeeting(agree: number, attendance: number, thresholdPercent: number): boolean {
  if (!(attendance > 0)) return false;
  return agree * 100 >= thresholdPercent * attendance;
}

/** Problems of one meeting record, in Vietnamese. */
export function villageMeetingRecordProblems(meeting: VillageMeetingRecord): string[] {
  const where = `Cuộc họp ${meeting.meetingId} (thôn ${meeting.villageCode})`;
  const problems: string[] = [];
  if (!isIsoDate(meeting.heldOn)) problems.push(`${where}: ngày họp không hợp lệ`);
  if (!Number.isInteger(meeting.attendance) || meeting.attendance <= 0) {
    problems.push(`${where}: số người tham dự phải là số nguyên dương`);
  }
  if (meeting.minutesFileRef === null || meeting.minutesFileRef.trim() === '') {
    problems.push(`${where}: chưa có tệp biên bản họp`);
  }
  for (const v of meeting.votes) {
    if (!Number.isInteger(v.agree) || !Number.isInteger(v.disagree) || v.agree < 0 || v.disagree < 0) {
      problems.push(`${where}: số phiếu của hộ ${v.householdId} phải là số nguyên không âm`);
    } else if (v.agree + v.disagree > meeting.attendance) {
      problems.push(`${where}: số người đồng ý và không đồng ý với hộ ${v.householdId} vượt quá số người tham dự`);
    }
  }
  return problems;
}

/**
 * Evaluates the meetings of a review against its household list. For each household the latest meeting
 * (by date, then by position in `meetings`) that voted on it decides.
 */
export function evaluateVillageMeetings(
  households: readonly ListedHousehold[],
  meetings: readonly VillageMeetingRecord[],
  thresholdPercent: number,
): VillageMeetingEvaluation {
  const recordProblems: string[] = [];
  for (const m of meetings) recordProblems.push(...villageMeetingRecordProblems(m));

  const ordered = meetings
    .map((m, i) => ({ m, i }))
    .toSorted((a, b) => (a.m.heldOn < b.m.heldOn ? -1 : a.m.heldOn > b.m.heldOn ? 1 : a.i - b.i));
  const latest = new Map<string, { meeting: VillageMeetingRecord; vote: HouseholdVote }>();
  for (const { m } of ordered) for (const vote of m.votes) latest.set(`${m.villageCode}\u0000${vote.householdId}`, { meeting: m, vote });

  const villagesWithMeeting = new Set(meetings.map((m) => m.villageCode));
  const villagesWithoutMeeting = [...new Set(households.map((h) => h.villageCode))].filter((v) => !villagesWithMeeting.has(v)).toSorted();

  const outcomes: HouseholdMeetingOutcome[] = [];
  const rejected: string[] = [];
  for (const h of households) {
    const found = latest.get(`${h.villageCode}\u0000${h.householdId}`);
    if (found === undefined) {
      outcomes.push({ householdId: h.householdId, villageCode: h.villageCode, status: 'no_vote' });
      continue;
    }
    const agreed = isAgreedByMeeting(found.vote.agree, found.meeting.attendance, thresholdPercent);
    if (!agreed) rejected.push(h.householdId);
    outcomes.push({
      householdId: h.householdId,
      villageCode: h.villageCode,
      status: agreed ? 'agreed' : 'rejected',
      meetingId: found.meeting.meetingId,
      agree: found.vote.agree,
      attendance: found.meeting.attendance,
    });
  }
  return { outcomes, rejectedHouseholdIds: rejected, recordProblems, villagesWithoutMeeting };
}

/** Why the village-meeting step cannot be completed yet (empty when it can). */
export function villageMeetingsCompletionProblems(evaluation: VillageMeetingEvaluation): string[] {
  const problems = [...evaluation.recordProblems];
  for (const v of evaluation.villagesWithoutMeeting) problems.push(`Thôn ${v} có hộ trong danh sách nhưng chưa có biên bản họp dân`);
  const noVote = evaluation.outcomes.filter((o) => o.status === 'no_vote').map((o) => o.householdId);
  if (noVote.length > 0) problems.push(`Hộ chưa được đưa ra họp dân biểu quyết: ${noVote.join(', ')}`);
  if (evaluation.rejectedHouseholdIds.length > 0) {
    problems.push(
      `Hộ không đạt tỷ lệ đồng ý tại cuộc họp gần nhất, phải rà soát lại và họp lại: ${evaluation.rejectedHouseholdIds.join(', ')}`,
    );
  }
  return problems;
}
