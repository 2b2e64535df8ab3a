/**
 * Step 3 (village meetings): meeting records per village (numbered: a village meets again for the
 * households sent back), the minutes file, and the votes per household. The ≥ 50 % rule is the domain's
 * (evaluateVillageMeetings): a voted household becomes 'agreed' or 'rejected' by its latest vote.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { reviewParameters } from '../../domain/review/review-parameters.ts';
import { evaluateVillageMeetings, isAgreedByMeeting, type HouseholdMeetingOutcome } from '../../domain/review/village-meeting.ts';
import { recordAudit } from '../audit.ts';
import type { Caller } from './caller.ts';
import { listedHouseholds, meetingId, reviewMeetings } from './context.ts';
import { ReviewError } from './errors.ts';
import { readFileRef, storeFile, type UploadedFile } from './files.ts';
import { assertRecordable, loadReview, type ReviewRow } from './review-load.ts';
import { problem } from '../../domain/review/problem.ts';

const WHAT = problem('cuộc họp dân', 'Village meetings');

export interface NewMeeting {
  villageCode: string;
  heldOn: string;
  attendees: number;
  chair: string;
  secretary: string;
}

export interface VoteInput {
  householdId: number;
  agree: number;
  disagree: number;
}

export interface MeetingView {
  villageCode: string;
  meetingNo: number;
  heldOn: string;
  attendees: number;
  chair: string;
  secretary: string;
  minutes: { name: string | null } | null;
  votes: Array<VoteInput & { agreed: boolean }>;
}

async function lockMeeting(trx: Transaction<DB>, review: ReviewRow, villageCode: string, meetingNo: number) {
  const m = await trx
    .selectFrom('village_meeting')
    .selectAll()
    .where('province_code', '=', review.province_code)
    .where('review_id', '=', review.id)
    .where('village_code', '=', villageCode)
    .where('meeting_no', '=', meetingNo)
    .forUpdate()
    .executeTakeFirst();
  if (!m) throw new ReviewError('meeting_not_found', { village: villageCode, no: meetingNo });
  return m;
}

export async function createMeeting(db: Kysely<DB>, caller: Caller, reviewId: number, input: NewMeeting): Promise<MeetingView> {
  return db.transaction().execute(async (trx) => {
    const { review, campaign } = await loadReview(trx, caller.scope, reviewId, true);
    assertRecordable(review, ['village_meetings'], WHAT);
    const households = await listedHouseholds(trx, review, campaign.standard_id);
    if (!households.some((h) => h.villageCode === input.villageCode)) throw new ReviewError('meeting_not_found', { village: input.villageCode, no: 1 });
    const row = await trx
      .insertInto('village_meeting')
      .values({
        province_code: review.province_code,
        review_id: review.id,
        village_code: input.villageCode,
        meeting_no: sql<number>`(select coalesce(max(m.meeting_no), 0) + 1 from village_meeting m
          where m.province_code = ${review.province_code} and m.review_id = ${review.id} and m.village_code = ${input.villageCode})`,
        held_on: input.heldOn,
        attendees: input.attendees,
        chair: input.chair.trim(),
        secretary: input.secretary.trim(),
        recorded_by: caller.actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, caller.actor, {
      action: 'review.meeting_create',
      entity: 'village_meeting',
      entityId: `${review.id}/${row.village_code}/${row.meeting_no}`,
      provinceCode: review.province_code,
      unitCode: review.commune_code,
      after: row,
    });
    return { villageCode: row.village_code, meetingNo: row.meeting_no, heldOn: row.held_on, attendees: row.attendees, chair: row.chair, secretary: row.secretary, minutes: null, votes: [] };
  });
}

/**
 * Records (or corrects) votes of one meeting. Every household must be on the review's list, live in
 * the meeting's village and be surveyed. The voted households' stage follows their latest vote.
 */
export async function recordVotes(
  db: Kysely<DB>,
  caller: Caller,
  reviewId: number,
  villageCode: string,
  meetingNo: number,
  votes: VoteInput[],
): Promise<{ outcomes: HouseholdMeetingOutcome[] }> {
  return db.transaction().execute(async (trx) => {
    const { review, campaign } = await loadReview(trx, caller.scope, reviewId, true);
    assertRecordable(review, ['village_meetings'], WHAT);
    const meeting = await lockMeeting(trx, review, villageCode, meetingNo);
    const all = await listedHouseholds(trx, review, campaign.standard_id);
    const listed = all.filter((h) => h.villageCode === villageCode);
    // Messages name listed households by code (a household not on the list by the id sent).
    const codes = new Map(all.map((h) => [h.householdId, h.householdCode ?? h.householdId]));
    const named = (vs: VoteInput[]) => vs.map((v) => codes.get(String(v.householdId)) ?? String(v.householdId)).join(', ');
    const invalid = votes.filter((v) => !listed.some((h) => h.householdId === String(v.householdId) && h.surveyed));
    if (invalid.length > 0) throw new ReviewError('vote_invalid', { ids: named(invalid) });
    const tooMany = votes.filter((v) => v.agree + v.disagree > meeting.attendees);
    if (tooMany.length > 0) throw new ReviewError('vote_invalid', { ids: named(tooMany) });
    const before = await trx
      .selectFrom('meeting_vote')
      .selectAll()
      .where('province_code', '=', review.province_code)
      .where('review_id', '=', review.id)
      .where('meeting_no', '=', meetingNo)
      .where('village_code', '=', villageCode)
      .execute();
    await sql`
      insert into meeting_vote (province_code, review_id, household_id, village_code, meeting_no, agree, disagree, attendees)
      select ${review.province_code}, ${review.id}, v."householdId", ${villageCode}, ${meetingNo}, v.agree, v.disagree, ${meeting.attendees}
      from jsonb_to_recordset(${JSON.stringify(votes)}::jsonb) as v("householdId" bigint, agree integer, disagree integer)
      on conflict (province_code, review_id, household_id, meeting_no) do update
        set agree = excluded.agree, disagree = excluded.disagree, attendees = excluded.attendees`.execute(trx);
    const meetings = (await reviewMeetings(trx, review)).filter((m) => m.villageCode === villageCode);
    const threshold = reviewParameters().meetingAgreementThresholdPercent;
    const voted = new Set(votes.map((v) => String(v.householdId)));
    const outcomes = evaluateVillageMeetings(listed, meetings, threshold).outcomes.filter((o) => voted.has(o.householdId));
    const stages = outcomes.map((o) => ({ id: Number(o.householdId), stage: o.status === 'agreed' ? 'agreed' : 'rejected', agree: o.agree ?? null, attendees: o.attendance ?? null }));
    await sql`
      update review_household rh set stage = s.stage, meeting_agree = s.agree, meeting_attendees = s.attendees,
        proposed_class = (select cl.class from classification cl where cl.province_code = rh.province_code and cl.review_id = rh.review_id
          and cl.household_id = rh.household_id and cl.standard_id = ${campaign.standard_id})
      from jsonb_to_recordset(${JSON.stringify(stages)}::jsonb) as s(id bigint, stage text, agree integer, attendees integer)
      where rh.province_code = ${review.province_code} and rh.review_id = ${review.id} and rh.household_id = s.id`.execute(trx);
    await recordAudit(trx, caller.actor, {
      action: 'review.meeting_votes',
      entity: 'village_meeting',
      entityId: `${review.id}/${villageCode}/${meetingNo}`,
      provinceCode: review.province_code,
      unitCode: review.commune_code,
      before: before.map((v) => ({ householdId: v.household_id, agree: v.agree, disagree: v.disagree })),
      after: { votes, outcomes },
    });
    return { outcomes };
  });
}

export async function storeMinutes(db: Kysely<DB>, caller: Caller, reviewId: number, villageCode: string, meetingNo: number, file: UploadedFile) {
  return db.transaction().execute(async (trx) => {
    const { review } = await loadReview(trx, caller.scope, reviewId, true);
    assertRecordable(review, ['village_meetings'], WHAT);
    const meeting = await lockMeeting(trx, review, villageCode, meetingNo);
    const stored = await storeFile(trx, { provinceCode: review.province_code, communeCode: review.commune_code, uploadedBy: caller.actor.id }, file);
    await trx
      .updateTable('village_meeting')
      .set({ minutes_file: stored.ref, minutes_name: stored.name })
      .where('province_code', '=', review.province_code)
      .where('review_id', '=', review.id)
      .where('village_code', '=', villageCode)
      .where('meeting_no', '=', meetingNo)
      .execute();
    const { ref: _ref, ...info } = stored;
    await recordAudit(trx, caller.actor, {
      action: 'review.meeting_minutes',
      entity: 'village_meeting',
      entityId: `${review.id}/${villageCode}/${meetingNo}`,
      provinceCode: review.province_code,
      unitCode: review.commune_code,
      before: { minutesFile: meeting.minutes_file, minutesName: meeting.minutes_name },
      after: info,
    });
    return info;
  });
}

export async function readMinutes(db: Kysely<DB>, scope: Scope, reviewId: number, villageCode: string, meetingNo: number): Promise<UploadedFile> {
  const { review } = await loadReview(db, scope, reviewId);
  const m = await db
    .selectFrom('village_meeting')
    .select('minutes_file')
    .where('province_code', '=', review.province_code)
    .where('review_id', '=', review.id)
    .where('village_code', '=', villageCode)
    .where('meeting_no', '=', meetingNo)
    .executeTakeFirst();
  const file = m && (await readFileRef(db, review.province_code, m.minutes_file));
  if (!file) throw new ReviewError('meeting_not_found', { village: villageCode, no: meetingNo });
  return file;
}

export async function listMeetings(db: Kysely<DB>, scope: Scope, reviewId: number): Promise<MeetingView[]> {
  const { review } = await loadReview(db, scope, reviewId);
  const rows = await db
    .selectFrom('village_meeting')
    .selectAll()
    .where('province_code', '=', review.province_code)
    .where('review_id', '=', review.id)
    .orderBy('village_code')
    .orderBy('meeting_no')
    .execute();
  const records = await reviewMeetings(db, review);
  const threshold = reviewParameters().meetingAgreementThresholdPercent;
  return rows.map((m) => {
    const record = records.find((r) => r.meetingId === meetingId(m.village_code, m.meeting_no));
    return {
      villageCode: m.village_code,
      meetingNo: m.meeting_no,
      heldOn: m.held_on,
      attendees: m.attendees,
      chair: m.chair,
      secretary: m.secretary,
      minutes: m.minutes_file === null ? null : { name: m.minutes_name },
      votes: (record?.votes ?? []).map((v) => ({
        householdId: Number(v.householdId),
        agree: v.agree,
        disagree: v.disagree,
        agreed: isAgreedByMeeting(v.agree, m.attendees, threshold),
      })),
    };
  });
}
