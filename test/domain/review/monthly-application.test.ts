/** Monthly applications (form 01 / form 04): the small state machine, roles, decision or reasoned refusal. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES } from '../../../src/domain/access/roles.ts';
import {
  isMonthlyApplicationClosed,
  MONTHLY_APPLICATION_ACTIONS,
  MONTHLY_APPLICATION_STATES,
  MONTHLY_APPLICATION_TRANSITIONS,
  nextMonthlyActions,
  transitionMonthlyApplication,
  type MonthlyApplicationContext,
  type MonthlyApplicationRef,
  type MonthlyApplicationState,
} from '../../../src/domain/review/index.ts';
import { actorFor, DECISION, meeting } from './fixtures.ts';

function application(state: MonthlyApplicationState, form: 'form_01' | 'form_04' = 'form_01'): MonthlyApplicationRef {
  return {
    applicationId: 'A-2026-0415-01',
    provinceCode: '12',
    communeCode: '03445',
    householdId: 'H7',
    villageCode: 'V1',
    form,
    receivedOn: '2026-04-10',
    state,
  };
}

const CONTEXT: MonthlyApplicationContext = {
  today: '2026-04-28',
  surveyed: true,
  meetings: [meeting('M7', 'V1', 30, [['H7', 15]], '2026-04-20')],
  posting: { startDate: '2026-04-21', endDate: '2026-04-23' },
  complaints: [],
};

const officer = actorFor('commune_officer');
const chair = actorFor('commune_chair');

test('the transition table: the officer runs the steps, the chair decides or refuses', () => {
  const expected: Record<MonthlyApplicationState, string[]> = {
    received: ['start_review', 'refuse'],
    reviewing: ['send_to_village_meeting', 'refuse'],
    village_meeting: ['confirm_meeting_agreement', 'return_to_review', 'refuse'],
    public_posting: ['decide', 'refuse'],
    decided: [],
    refused: [],
  };
  for (const state of MONTHLY_APPLICATION_STATES) {
    assert.deepEqual(MONTHLY_APPLICATION_TRANSITIONS[state].map((e) => e.action), expected[state], state);
    assert.equal(isMonthlyApplicationClosed(state), state === 'decided' || state === 'refused');
    for (const e of MONTHLY_APPLICATION_TRANSITIONS[state]) {
      const roles = e.action === 'decide' || e.action === 'refuse' ? ['commune_chair', 'national_admin'] : ['commune_officer', 'national_admin'];
      assert.deepEqual([...e.roles], roles, `${state} ${e.action}`);
    }
  }
});

test('every state × action × role: allowed exactly where the table says', () => {
  for (const state of MONTHLY_APPLICATION_STATES) {
    for (const action of MONTHLY_APPLICATION_ACTIONS) {
      for (const role of ROLES) {
        const entry = MONTHLY_APPLICATION_TRANSITIONS[state].find((e) => e.action === action);
        const form = 'form_01';
        const result = transitionMonthlyApplication(application(state, form), action, actorFor(role), {
          context: action === 'return_to_review' ? { ...CONTEXT, meetings: [meeting('M7', 'V1', 30, [['H7', 14]], '2026-04-20')] } : CONTEXT,
          reason: 'Hộ không thuộc diện: điểm A trên 140',
          decision: DECISION.date <= CONTEXT.today ? DECISION : { ...DECISION, date: CONTEXT.today },
          recognition: 'near_poor',
        });
        const label = `${state} × ${action} × ${role}`;
        if (entry === undefined) assert.ok(!result.ok && result.code === 'action_not_available', label);
        else if (!entry.roles.includes(role)) assert.ok(!result.ok && result.code === 'role_not_allowed', label);
        else assert.ok(result.ok, `${label}: ${result.ok ? '' : result.reason}`);
      }
    }
  }
});

test('form 01 from receipt to a recognised near-poor decision', () => {
  let state: MonthlyApplicationState = 'received';
  const decision = { ...DECISION, date: '2026-04-28' };
  for (const [action, actor] of [
    ['start_review', officer],
    ['send_to_village_meeting', officer],
    ['confirm_meeting_agreement', officer],
    ['decide', chair],
  ] as const) {
    const result = transitionMonthlyApplication(application(state), action, actor, { context: CONTEXT, decision, recognition: 'near_poor' });
    assert.ok(result.ok, `${action}: ${result.ok ? '' : result.reason}`);
    if (!result.ok) return;
    state = result.newState;
    if (action === 'decide') {
      const decided = result.events.find((e) => e.type === 'application_decided');
      assert.ok(decided !== undefined && decided.type === 'application_decided' && decided.recognition === 'near_poor');
    }
  }
  assert.equal(state, 'decided');
  assert.deepEqual(nextMonthlyActions(application(state), 'commune_chair'), []);
});

test('form 04 can only end in an escape; form 01 only in poor / near-poor', () => {
  const decision = { ...DECISION, date: '2026-04-28' };
  const wrong = transitionMonthlyApplication(application('public_posting', 'form_04'), 'decide', chair, { context: CONTEXT, decision, recognition: 'poor' });
  assert.ok(!wrong.ok);
  if (!wrong.ok) assert.match(wrong.reason, /mẫu 04 chỉ có thể dẫn đến: Công nhận hộ thoát nghèo hoặc Công nhận hộ thoát cận nghèo/);
  assert.ok(
    transitionMonthlyApplication(application('public_posting', 'form_04'), 'decide', chair, { context: CONTEXT, decision, recognition: 'escaped_poverty' }).ok,
  );
  const none = transitionMonthlyApplication(application('public_posting'), 'decide', chair, { context: CONTEXT, decision });
  assert.ok(!none.ok);
});

test('a refusal needs written reasons, and is recorded', () => {
  const bare = transitionMonthlyApplication(application('reviewing'), 'refuse', chair, { context: CONTEXT });
  assert.ok(!bare.ok && bare.code === 'reason_required');
  if (!bare.ok) assert.match(bare.reason, /Trả lời không công nhận, nêu rõ lý do: Phải nêu lý do/);
  const refused = transitionMonthlyApplication(application('reviewing'), 'refuse', chair, { context: CONTEXT, reason: 'Thu nhập bình quân vượt chuẩn' });
  assert.ok(refused.ok && refused.newState === 'refused');
  if (refused.ok) {
    const event = refused.events.find((e) => e.type === 'application_refused');
    assert.ok(event !== undefined && event.type === 'application_refused' && event.reason === 'Thu nhập bình quân vượt chuẩn');
  }
  const byOfficer = transitionMonthlyApplication(application('reviewing'), 'refuse', officer, { context: CONTEXT, reason: 'Thu nhập vượt chuẩn' });
  assert.ok(!byOfficer.ok && byOfficer.code === 'role_not_allowed');
});

test('meeting rules apply: below 50 % goes back to review; not surveyed cannot go to the meeting; posting and complaints gate the decision', () => {
  const rejected = { ...CONTEXT, meetings: [meeting('M7', 'V1', 30, [['H7', 14]], '2026-04-20')] };
  const confirm = transitionMonthlyApplication(application('village_meeting'), 'confirm_meeting_agreement', officer, { context: rejected });
  assert.ok(!confirm.ok);
  if (!confirm.ok) assert.match(confirm.reason, /không đạt tỷ lệ đồng ý 50%/);
  const back = transitionMonthlyApplication(application('village_meeting'), 'return_to_review', officer, { context: rejected });
  assert.ok(back.ok && back.newState === 'reviewing');
  const notRejected = transitionMonthlyApplication(application('village_meeting'), 'return_to_review', officer, { context: CONTEXT });
  assert.ok(!notRejected.ok);
  const noVote = transitionMonthlyApplication(application('village_meeting'), 'confirm_meeting_agreement', officer, { context: { ...CONTEXT, meetings: [] } });
  assert.ok(!noVote.ok);
  const unsurveyed = transitionMonthlyApplication(application('reviewing'), 'send_to_village_meeting', officer, { context: { ...CONTEXT, surveyed: false } });
  assert.ok(!unsurveyed.ok);

  const decision = { ...DECISION, date: '2026-04-28' };
  const complaint = { complaintId: 'K1', householdId: 'H7', receivedOn: '2026-04-22', recheck: null };
  const blocked = transitionMonthlyApplication(application('public_posting'), 'decide', chair, {
    context: { ...CONTEXT, complaints: [complaint] },
    decision,
    recognition: 'poor',
  });
  assert.ok(!blocked.ok);
  const shortPosting = transitionMonthlyApplication(application('public_posting'), 'decide', chair, {
    context: { ...CONTEXT, posting: { startDate: '2026-04-29', endDate: '2026-05-04' }, today: '2026-05-05' },
    decision: { ...decision, date: '2026-05-05' },
    recognition: 'poor',
  });
  assert.ok(!shortPosting.ok);
  if (!shortPosting.ok) assert.match(shortPosting.reason, /chỉ có 2 ngày làm việc/);
  const blockers = nextMonthlyActions(application('public_posting'), 'commune_chair', { ...CONTEXT, complaints: [complaint] });
  assert.deepEqual(blockers[0].blockers, ['Khiếu nại K1 (hộ H7) chưa được phúc tra và kết luận']);
});

test('monthly scope: another commune\'s officer cannot act', () => {
  const result = transitionMonthlyApplication(application('received'), 'start_review', actorFor('commune_officer', { communeCode: '03388' }), { context: CONTEXT });
  assert.ok(!result.ok && result.code === 'out_of_scope');
});
