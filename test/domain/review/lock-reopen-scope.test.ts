/** Locked states, reopening with a mandatory reason, scope, closed campaigns, a whole happy path. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isReviewLocked,
  isReviewLockedForEdits,
  LOCKED_REVIEW_STATES,
  nextActions,
  REVIEW_STATES,
  transition,
  type ReviewAction,
  type ReviewActor,
  type ReviewState,
} from '../../../src/domain/review/index.ts';
import { actorFor, DECISION, GOOD_CONTEXT, reviewIn } from './fixtures.ts';

const province = actorFor('province_officer');

test('decided, submitted and accepted reviews are locked for household edits; earlier steps are not', () => {
  assert.deepEqual([...LOCKED_REVIEW_STATES], ['decided', 'submitted', 'accepted']);
  for (const s of REVIEW_STATES) {
    assert.equal(isReviewLocked(s), ['decided', 'submitted', 'accepted'].includes(s), s);
    assert.equal(isReviewLockedForEdits(reviewIn(s)), isReviewLocked(s));
  }
});

test('reopening needs a reason: missing, blank and too short are refused', () => {
  for (const reason of [undefined, '', '   ', 'sai']) {
    const result = transition(reviewIn('accepted'), 'reopen', province, {
      context: GOOD_CONTEXT,
      ...(reason === undefined ? {} : { reason }),
    });
    assert.equal(result.ok, false, JSON.stringify(reason));
    if (!result.ok) {
      assert.equal(result.code, 'reason_required');
      assert.match(result.reason, /Mở lại rà soát: (Phải nêu lý do|Lý do quá ngắn)/);
    }
  }
});

test('reopening with a reason unlocks the review, records the reason, and may choose an earlier step', () => {
  const result = transition(reviewIn('accepted'), 'reopen', province, { context: GOOD_CONTEXT, reason: '  Sai điểm B của hộ H1  ' });
  assert.ok(result.ok);
  if (!result.ok) return;
  assert.equal(result.newState, 'surveying');
  assert.equal(isReviewLocked(result.newState), false);
  const reopened = result.events.find((e) => e.type === 'review_reopened');
  assert.ok(reopened !== undefined && reopened.type === 'review_reopened');
  assert.equal(reopened.reason, 'Sai điểm B của hộ H1');
  assert.equal(reopened.from, 'accepted');
  assert.equal(reopened.actorUserId, 'u-province');

  const toComplaints = transition(reviewIn('submitted'), 'reopen', province, {
    context: GOOD_CONTEXT,
    reason: 'Cần phúc tra lại khiếu nại K1',
    reopenTo: 'complaints',
  });
  assert.ok(toComplaints.ok && toComplaints.newState === 'complaints');

  for (const bad of ['decided', 'accepted', 'submitted'] as ReviewState[]) {
    const invalid = transition(reviewIn('accepted'), 'reopen', province, { context: GOOD_CONTEXT, reason: 'Lý do đầy đủ', reopenTo: bad });
    assert.equal(invalid.ok, false);
    if (!invalid.ok) assert.equal(invalid.code, 'invalid_target');
  }
});

test('only a higher level reopens a submitted or accepted review; the chair may reopen his own decision', () => {
  for (const role of ['commune_officer', 'commune_chair'] as const) {
    for (const state of ['submitted', 'accepted'] as const) {
      const result = transition(reviewIn(state), 'reopen', actorFor(role), { context: GOOD_CONTEXT, reason: 'Muốn sửa số liệu' });
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.code, 'role_not_allowed');
    }
  }
  assert.ok(transition(reviewIn('decided'), 'reopen', actorFor('commune_chair'), { context: GOOD_CONTEXT, reason: 'Ký nhầm danh sách' }).ok);
  const withdraw = transition(reviewIn('submitted'), 'withdraw_submission', actorFor('commune_chair'), { context: GOOD_CONTEXT });
  assert.equal(withdraw.ok, false);
  if (!withdraw.ok) assert.equal(withdraw.code, 'reason_required');
});

test('scope: another commune, another province', () => {
  const otherCommune = actorFor('commune_officer', { communeCode: '03388' });
  const r1 = transition(reviewIn('listing'), 'complete_listing', otherCommune, { context: GOOD_CONTEXT });
  assert.ok(!r1.ok && r1.code === 'out_of_scope');
  if (!r1.ok) assert.match(r1.reason, /ngoài phạm vi quản lý/);
  const otherProvince = actorFor('province_officer', { provinceCode: '11' });
  const r2 = transition(reviewIn('submitted'), 'accept', otherProvince, { context: GOOD_CONTEXT });
  assert.ok(!r2.ok && r2.code === 'out_of_scope');
  const sameProvince: ReviewActor = { userId: 'p', role: 'province_officer', scope: { level: 'province', provinceCode: '12' } };
  assert.ok(transition(reviewIn('submitted'), 'accept', sameProvince, { context: GOOD_CONTEXT }).ok);
});

test('nothing moves while the campaign is closed', () => {
  const closed = { ...GOOD_CONTEXT, campaignOpen: false };
  const result = transition(reviewIn('accepted'), 'reopen', province, { context: closed, reason: 'Sai số liệu hộ H1' });
  assert.ok(!result.ok && result.code === 'campaign_closed');
  assert.ok(nextActions('accepted', 'province_officer', closed)[0].blockers.some((b) => /Đợt rà soát đã đóng/.test(b)));
});

test('an unknown action or a step out of order is refused in Vietnamese', () => {
  const result = transition(reviewIn('listing'), 'accept', province, { context: GOOD_CONTEXT });
  assert.ok(!result.ok && result.code === 'action_not_available');
  if (!result.ok) assert.match(result.reason, /Không thể "Tiếp nhận kết quả" khi rà soát của xã đang ở bước "Lập danh sách hộ cần rà soát"/);
});

test('nextActions reports data blockers without asking for the decision form', () => {
  const blocked = nextActions('complaints', 'commune_chair', {
    ...GOOD_CONTEXT,
    complaints: [{ complaintId: 'K9', householdId: null, receivedOn: '2026-11-03', recheck: null }],
  });
  assert.deepEqual(blocked[0].blockers, ['Khiếu nại K9 chưa được phúc tra và kết luận']);
  assert.deepEqual(nextActions('complaints', 'commune_chair', GOOD_CONTEXT)[0].blockers, []);
  assert.match(nextActions('listing', 'commune_officer', { ...GOOD_CONTEXT, households: [] })[0].blockers[0], /đang trống/);
});

test('a whole periodic review: listing → accepted, then reopened by the province', () => {
  const steps: Array<[ReviewAction, ReviewActor]> = [
    ['complete_listing', actorFor('commune_officer')],
    ['complete_surveying', actorFor('commune_officer')],
    ['complete_village_meetings', actorFor('commune_officer')],
    ['complete_posting', actorFor('commune_officer')],
    ['sign_decision', actorFor('commune_chair')],
    ['submit_to_province', actorFor('commune_officer')],
    ['accept', province],
  ];
  let state: ReviewState = 'listing';
  for (const [action, actor] of steps) {
    const result = transition(reviewIn(state), action, actor, { context: GOOD_CONTEXT, decision: DECISION });
    assert.ok(result.ok, `${action}: ${result.ok ? '' : result.reason}`);
    if (result.ok) state = result.newState;
  }
  assert.equal(state, 'accepted');
  assert.ok(isReviewLocked(state));
  const reopened = transition(reviewIn(state), 'reopen', actorFor('national_admin'), { context: GOOD_CONTEXT, reason: 'Kiểm tra của Trung ương' });
  assert.ok(reopened.ok && !isReviewLocked(reopened.newState));
});

test('malformed input is refused, not thrown', () => {
  const badState = transition({ ...reviewIn('listing'), state: 'archived' as ReviewState }, 'complete_listing', actorFor('commune_officer'), {
    context: GOOD_CONTEXT,
  });
  assert.ok(!badState.ok && badState.code === 'action_not_available');
  assert.deepEqual(nextActions('archived' as ReviewState, 'commune_officer'), []);
  const badDate = transition(reviewIn('listing'), 'complete_listing', actorFor('commune_officer'), { context: { ...GOOD_CONTEXT, today: '20/11/2026' } });
  assert.ok(!badDate.ok && badDate.code === 'guard_failed');
  const badPosting = transition(reviewIn('public_posting'), 'complete_posting', actorFor('commune_officer'), {
    context: { ...GOOD_CONTEXT, posting: { startDate: '2031-03-03', endDate: '2031-03-07' }, today: '2031-03-10' },
  });
  assert.ok(!badPosting.ok);
  if (!badPosting.ok) assert.match(badPosting.reason, /Chưa có ngày Tết Nguyên đán .* năm 2031/);
});
