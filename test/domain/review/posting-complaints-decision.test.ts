/** Posting duration in working days, complaints blocking the decision, the decision fields. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFixedWorkingCalendar } from '../../../src/domain/calendar/index.ts';
import { postingProblems, transition, type ReviewContext } from '../../../src/domain/review/index.ts';
import { actorFor, DECISION, GOOD_CONTEXT, RESOLVED_COMPLAINT, reviewIn } from './fixtures.ts';

const officer = actorFor('commune_officer');
const chair = actorFor('commune_chair');

function closePosting(startDate: string, endDate: string, today = '2026-12-01') {
  return transition(reviewIn('public_posting'), 'complete_posting', officer, {
    context: { ...GOOD_CONTEXT, today, posting: { startDate, endDate } },
  });
}

test('posting of three working days (Mon–Wed) closes; two are not enough', () => {
  assert.ok(closePosting('2026-11-02', '2026-11-04').ok);
  const short = closePosting('2026-11-02', '2026-11-03');
  assert.equal(short.ok, false);
  if (!short.ok) assert.match(short.reason, /chỉ có 2 ngày làm việc; cần ít nhất 3 ngày làm việc/);
});

test('a weekend inside the posting period does not count', () => {
  assert.equal(closePosting('2026-11-06', '2026-11-09').ok, false, 'Fri, Sat, Sun, Mon = 2 working days');
  assert.ok(closePosting('2026-11-06', '2026-11-10').ok, 'Fri … Tue = 3 working days');
});

test('a holiday and a weekend inside: 29/4 – 4/5/2026 has 2 working days, to 5/5 has 3', () => {
  const result = closePosting('2026-04-29', '2026-05-04');
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.reason, /từ 29\/04\/2026 đến 04\/05\/2026 chỉ có 2 ngày làm việc/);
  assert.ok(closePosting('2026-04-29', '2026-05-05').ok);
});

test('Tết inside: 13/2 – 23/2/2026 is only 2 working days', () => {
  assert.equal(closePosting('2026-02-13', '2026-02-23').ok, false);
  assert.ok(closePosting('2026-02-12', '2026-02-23').ok);
});

test('posting: missing dates, reversed dates, not yet ended, other minimum and calendar', () => {
  const missing = transition(reviewIn('public_posting'), 'complete_posting', officer, { context: { ...GOOD_CONTEXT, posting: null } });
  assert.equal(missing.ok, false);
  if (!missing.ok) assert.match(missing.reason, /Chưa ghi nhận ngày bắt đầu và ngày kết thúc niêm yết/);
  assert.equal(closePosting('2026-11-10', '2026-11-02').ok, false);
  const early = closePosting('2026-11-02', '2026-11-04', '2026-11-03');
  assert.equal(early.ok, false);
  if (!early.ok) assert.match(early.reason, /Chưa hết thời gian niêm yết/);
  assert.ok(closePosting('2026-11-02', '2026-11-04', '2026-11-04').ok, 'may close on the last day');
  const rules = { minimumPostingWorkingDays: 5, postingMustHaveEnded: true };
  const allWorking = createFixedWorkingCalendar({ weekendDays: [] });
  assert.equal(postingProblems({ startDate: '2026-11-06', endDate: '2026-11-10' }, '2026-12-01', rules, allWorking).length, 0);
  const result = transition(
    reviewIn('public_posting'),
    'complete_posting',
    officer,
    { context: { ...GOOD_CONTEXT, posting: { startDate: '2026-11-02', endDate: '2026-11-04' } } },
    { parameters: { minimumPostingWorkingDays: 5 } },
  );
  assert.equal(result.ok, false);
});

test('an unresolved complaint blocks the decision; once re-checked with an outcome it passes', () => {
  const open: ReviewContext = {
    ...GOOD_CONTEXT,
    complaints: [RESOLVED_COMPLAINT, { complaintId: 'K2', householdId: 'H3', receivedOn: '2026-11-04', recheck: null }],
  };
  const blocked = transition(reviewIn('complaints'), 'sign_decision', chair, { context: open, decision: DECISION });
  assert.equal(blocked.ok, false);
  if (!blocked.ok) {
    assert.equal(blocked.code, 'guard_failed');
    assert.match(blocked.reason, /Khiếu nại K2 \(hộ H3\) chưa được phúc tra và kết luận/);
  }
  const noConclusion: ReviewContext = {
    ...GOOD_CONTEXT,
    complaints: [{ ...RESOLVED_COMPLAINT, recheck: { recheckedOn: '2026-11-09', outcome: 'upheld', conclusionVi: '  ' } }],
  };
  assert.equal(transition(reviewIn('complaints'), 'sign_decision', chair, { context: noConclusion, decision: DECISION }).ok, false);
  const resolved: ReviewContext = {
    ...GOOD_CONTEXT,
    complaints: [
      RESOLVED_COMPLAINT,
      {
        complaintId: 'K2',
        householdId: 'H3',
        receivedOn: '2026-11-04',
        recheck: { recheckedOn: '2026-11-10', outcome: 'upheld', conclusionVi: 'Điều chỉnh điểm B' },
      },
    ],
  };
  const signed = transition(reviewIn('complaints'), 'sign_decision', chair, { context: resolved, decision: DECISION });
  assert.ok(signed.ok);
  if (signed.ok) {
    assert.equal(signed.newState, 'decided');
    const event = signed.events.find((e) => e.type === 'commune_decision_signed');
    assert.ok(event !== undefined && 'decision' in event && event.decision.number === '125/QĐ-UBND');
  }
});

function sign(decision: typeof DECISION | undefined) {
  return transition(reviewIn('complaints'), 'sign_decision', chair, { context: GOOD_CONTEXT, ...(decision === undefined ? {} : { decision }) });
}

test('the decision needs a number, a date not in the future nor before the end of posting, and a signer', () => {
  const none = sign(undefined);
  assert.equal(none.ok, false);
  if (!none.ok) assert.match(none.reason, /Chưa nhập số, ngày và người ký/);
  const noNumber = sign({ ...DECISION, number: ' ' });
  if (!noNumber.ok) assert.match(noNumber.reason, /Thiếu số quyết định/);
  else assert.fail('accepted without a number');
  const noSigner = sign({ ...DECISION, signerName: '' });
  if (!noSigner.ok) assert.match(noSigner.reason, /Thiếu họ tên người ký/);
  else assert.fail('accepted without a signer');
  const future = sign({ ...DECISION, date: '2026-11-21' });
  if (!future.ok) assert.match(future.reason, /ở tương lai/);
  else assert.fail('accepted a future date');
  const beforePosting = sign({ ...DECISION, date: '2026-11-03' });
  if (!beforePosting.ok) assert.match(beforePosting.reason, /trước ngày kết thúc niêm yết/);
  else assert.fail('accepted a date before the end of posting');
  assert.equal(sign({ ...DECISION, date: 'hôm nay' }).ok, false);
});

test('listing and surveying guards', () => {
  const empty = transition(reviewIn('listing'), 'complete_listing', officer, { context: { ...GOOD_CONTEXT, households: [] } });
  if (!empty.ok) assert.match(empty.reason, /Danh sách hộ cần rà soát đang trống/);
  else assert.fail('empty list accepted');
  const pending = transition(reviewIn('surveying'), 'complete_surveying', officer, {
    context: { ...GOOD_CONTEXT, households: [...GOOD_CONTEXT.households, { householdId: 'H9', villageCode: 'V2', surveyed: false }] },
  });
  if (!pending.ok) assert.match(pending.reason, /Còn 1 hộ chưa rà soát xong: H9/);
  else assert.fail('unsurveyed household accepted');
});
