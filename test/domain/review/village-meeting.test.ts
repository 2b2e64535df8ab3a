/** Village meetings: the ≥ 50 % of attendees rule (review-procedure.md §4 Step 3 [C]) and the records. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_REVIEW_PARAMETERS,
  evaluateVillageMeetings,
  isAgreedByMeeting,
  transition,
  type ReviewContext,
} from '../../../src/domain/review/index.ts';
import { actorFor, GOOD_CONTEXT, HOUSEHOLDS, meeting, reviewIn } from './fixtures.ts';

const officer = actorFor('commune_officer');

function withV1Vote(agree: number, attendance = 100): ReviewContext {
  return {
    ...GOOD_CONTEXT,
    meetings: [meeting('M1', 'V1', attendance, [['H1', agree], ['H2', attendance]]), GOOD_CONTEXT.meetings[1]],
  };
}

test('the threshold is 50 % of attendees, and exactly 50 % is agreed ("at least 50%")', () => {
  assert.equal(DEFAULT_REVIEW_PARAMETERS.meetingAgreementThresholdPercent, 50);
  assert.equal(isAgreedByMeeting(49, 100, 50), false);
  assert.equal(isAgreedByMeeting(50, 100, 50), true);
  assert.equal(isAgreedByMeeting(51, 100, 50), true);
  assert.equal(isAgreedByMeeting(1, 3, 50), false);
  assert.equal(isAgreedByMeeting(2, 3, 50), true);
  assert.equal(isAgreedByMeeting(3, 7, 50), false, '42.9 %');
  assert.equal(isAgreedByMeeting(0, 0, 50), false, 'no attendance, no agreement');
  assert.equal(isAgreedByMeeting(66, 100, 67), false, 'another threshold');
});

test('49 % → the household cannot pass, goes back to surveying; 50 % and 51 % → agreed', () => {
  const at49 = transition(reviewIn('village_meetings'), 'complete_village_meetings', officer, { context: withV1Vote(49) });
  assert.equal(at49.ok, false);
  if (!at49.ok) {
    assert.equal(at49.code, 'guard_failed');
    assert.match(at49.reason, /H1/);
    assert.match(at49.reason, /không đạt tỷ lệ đồng ý/);
  }
  const back = transition(reviewIn('village_meetings'), 'return_rejected_to_surveying', officer, { context: withV1Vote(49) });
  assert.ok(back.ok);
  if (back.ok) {
    assert.equal(back.newState, 'surveying');
    const returned = back.events.find((e) => e.type === 'households_returned_to_surveying');
    assert.deepEqual(returned !== undefined && 'householdIds' in returned ? returned.householdIds : [], ['H1']);
  }
  for (const agree of [50, 51]) {
    const result = transition(reviewIn('village_meetings'), 'complete_village_meetings', officer, { context: withV1Vote(agree) });
    assert.ok(result.ok, `${agree} %`);
    if (result.ok) assert.equal(result.newState, 'public_posting');
    const noReturn = transition(reviewIn('village_meetings'), 'return_rejected_to_surveying', officer, { context: withV1Vote(agree) });
    assert.equal(noReturn.ok, false);
  }
});

test('abstentions count against agreement: the denominator is the attendance, not the votes cast', () => {
  const evaluation = evaluateVillageMeetings(
    [HOUSEHOLDS[0]],
    [meeting('M1', 'V1', 100, [['H1', 45, 10]])],
    50,
  );
  assert.equal(evaluation.outcomes[0].status, 'rejected');
});

test('a later meeting decides: a household rejected then agreed at a new meeting passes', () => {
  const context: ReviewContext = {
    ...GOOD_CONTEXT,
    meetings: [
      meeting('M1', 'V1', 40, [['H1', 10], ['H2', 30]], '2026-10-10'),
      GOOD_CONTEXT.meetings[1],
      meeting('M3', 'V1', 35, [['H1', 25]], '2026-10-25'),
    ],
  };
  const result = transition(reviewIn('village_meetings'), 'complete_village_meetings', officer, { context });
  assert.ok(result.ok, result.ok ? '' : result.reason);
});

test('every village with listed households needs a meeting record with attendance, votes and minutes', () => {
  const noV2 = transition(reviewIn('village_meetings'), 'complete_village_meetings', officer, {
    context: { ...GOOD_CONTEXT, meetings: [GOOD_CONTEXT.meetings[0]] },
  });
  assert.equal(noV2.ok, false);
  if (!noV2.ok) assert.match(noV2.reason, /Thôn V2 có hộ trong danh sách nhưng chưa có biên bản họp dân/);

  const noMinutes = transition(reviewIn('village_meetings'), 'complete_village_meetings', officer, {
    context: { ...GOOD_CONTEXT, meetings: [GOOD_CONTEXT.meetings[0], meeting('M2', 'V2', 25, [['H3', 20]], '2026-10-20', null)] },
  });
  assert.equal(noMinutes.ok, false);
  if (!noMinutes.ok) assert.match(noMinutes.reason, /chưa có tệp biên bản họp/);

  const tooManyVotes = transition(reviewIn('village_meetings'), 'complete_village_meetings', officer, {
    context: { ...GOOD_CONTEXT, meetings: [GOOD_CONTEXT.meetings[0], meeting('M2', 'V2', 25, [['H3', 20, 10]])] },
  });
  assert.equal(tooManyVotes.ok, false);
  if (!tooManyVotes.ok) assert.match(tooManyVotes.reason, /vượt quá số người tham dự/);

  const zeroAttendance = transition(reviewIn('village_meetings'), 'complete_village_meetings', officer, {
    context: { ...GOOD_CONTEXT, meetings: [GOOD_CONTEXT.meetings[0], meeting('M2', 'V2', 0, [['H3', 0]])] },
  });
  assert.equal(zeroAttendance.ok, false);
  if (!zeroAttendance.ok) assert.match(zeroAttendance.reason, /số người tham dự phải là số nguyên dương/);

  const notVoted = transition(reviewIn('village_meetings'), 'complete_village_meetings', officer, {
    context: { ...GOOD_CONTEXT, meetings: [meeting('M1', 'V1', 40, [['H1', 30]]), GOOD_CONTEXT.meetings[1]] },
  });
  assert.equal(notVoted.ok, false);
  if (!notVoted.ok) assert.match(notVoted.reason, /chưa được đưa ra họp dân biểu quyết: H2/);
});

test('the threshold is a parameter', () => {
  const result = transition(
    reviewIn('village_meetings'),
    'complete_village_meetings',
    officer,
    { context: withV1Vote(50) },
    { parameters: { meetingAgreementThresholdPercent: 60 } },
  );
  assert.equal(result.ok, false);
});
