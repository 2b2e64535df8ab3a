/**
 * Village meetings (họp dân thống nhất kết quả rà soát), review-procedure.md §4 Step 3 [C]: "agreement
 * of at least 50% of attendees. If agreement is below 50%, the household(s) go back to Step 2 and a new
 * meeting is held." So exactly 50 % is agreed; the denominator is the attendance, not the votes cast
 * (an attendee who does not vote "agree" does not count towards agreement).
 */
import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import type { ListedHousehold } from './listed-household.ts';
import { listSample, problem, type Problem } from './problem.ts';

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
  /** Missing or malformed meeting records; empty when the records are complete. */
  readonly recordProblems: readonly Problem[];
  /** Villages with listed households and no meeting record. */
  readonly villagesWithoutMeeting: readonly string[];
  /** Household codes and village names by id / code, for messages (from the listed households). */
  readonly labels: MeetingLabels;
}

/** How messages name households (by code) and villages (by name). */
export interface MeetingLabels {
  household(id: string): string;
  village(code: string): string;
}

/** Labels from the listed households' codes and village names (ids and codes where they are absent). */
export function meetingLabels(households: readonly ListedHousehold[]): MeetingLabels {
  const codes = new Map<string, string>();
  const villages = new Map<string, string>();
  for (const h of households) {
    if (h.householdCode) codes.set(h.householdId, h.householdCode);
    if (h.villageName) villages.set(h.villageCode, h.villageName);
  }
  return {
    household: (id) => codes.get(id) ?? id,
    village: (code) => villages.get(code) ?? (code === '' ? '(chưa ghi thôn)' : code),
  };
}

/** Whether `agree` of `attendance` attendees reach `thresholdPercent` (integer arithmetic, ≥). */
export function isAgreedByMeeting(agree: number, attendance: number, thresholdPercent: number): boolean {
  if (!(attendance > 0)) return false;
  return agree * 100 >= thresholdPercent * attendance;
}

/** Problems of one meeting record; households are named by code and villages by name when `labels` are given. */
export function villageMeetingRecordProblems(meeting: VillageMeetingRecord, labels: MeetingLabels = meetingLabels([])): Problem[] {
  const village = labels.village(meeting.villageCode);
  const vi = `Cuộc họp ${meeting.meetingId} (thôn ${village})`;
  const en = `Meeting ${meeting.meetingId} (village ${village})`;
  const problems: Problem[] = [];
  if (!isIsoDate(meeting.heldOn)) problems.push(problem(`${vi}: ngày họp không hợp lệ`, `${en}: the meeting date is invalid`));
  if (!Number.isInteger(meeting.attendance) || meeting.attendance <= 0) {
    problems.push(problem(`${vi}: số người tham dự phải là số nguyên dương`, `${en}: the attendance must be a positive whole number`));
  }
  if (meeting.minutesFileRef === null || meeting.minutesFileRef.trim() === '') {
    problems.push(problem(`${vi}: chưa có tệp biên bản họp`, `${en}: the minutes file is missing`));
  }
  for (const v of meeting.votes) {
    const household = labels.household(v.householdId);
    if (!Number.isInteger(v.agree) || !Number.isInteger(v.disagree) || v.agree < 0 || v.disagree < 0) {
      problems.push(problem(`${vi}: số phiếu của hộ ${household} phải là số nguyên không âm`, `${en}: the votes on household ${household} must be whole numbers ≥ 0`));
    } else if (v.agree + v.disagree > meeting.attendance) {
      problems.push(
        problem(
          `${vi}: số người đồng ý và không đồng ý với hộ ${household} vượt quá số người tham dự`,
          `${en}: more votes on household ${household} than attendees`,
        ),
      );
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
  const labels = meetingLabels(households);
  const recordProblems: Problem[] = [];
  for (const m of meetings) recordProblems.push(...villageMeetingRecordProblems(m, labels));

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
  return { outcomes, rejectedHouseholdIds: rejected, recordProblems, villagesWithoutMeeting, labels };
}

/** Why the village-meeting step cannot be completed yet (empty when it can). */
export function villageMeetingsCompletionProblems(evaluation: VillageMeetingEvaluation): Problem[] {
  const { labels } = evaluation;
  const problems = [...evaluation.recordProblems];
  for (const code of evaluation.villagesWithoutMeeting) {
    const v = labels.village(code);
    problems.push(problem(`Thôn ${v} có hộ trong danh sách nhưng chưa có biên bản họp dân`, `Village ${v} has listed households but no meeting record`));
  }
  const noVote = evaluation.outcomes.filter((o) => o.status === 'no_vote').map((o) => labels.household(o.householdId));
  if (noVote.length > 0) {
    const list = listSample(noVote);
    problems.push(problem(`Hộ chưa được đưa ra họp dân biểu quyết: ${list.vi}`, `Households not yet voted on by a village meeting: ${list.en}`));
  }
  if (evaluation.rejectedHouseholdIds.length > 0) {
    const list = listSample(evaluation.rejectedHouseholdIds.map(labels.household));
    problems.push(
      problem(
        `Hộ không đạt tỷ lệ đồng ý tại cuộc họp gần nhất, phải rà soát lại và họp lại: ${list.vi}`,
        `Households below the agreement threshold at their latest meeting, to be surveyed and voted again: ${list.en}`,
      ),
    );
  }
  return problems;
}
