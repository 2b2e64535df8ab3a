/**
 * Workflow messages name households by their household code (not the internal id) and villages by
 * name, and come in English as well as Vietnamese.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listSample, nextActions, transition, type ListedHousehold, type ReviewContext } from '../../../src/domain/review/index.ts';
import { actorFor, GOOD_CONTEXT, meeting, reviewIn } from './fixtures.ts';

const LISTED: readonly ListedHousehold[] = [
  { householdId: '101', householdCode: '03445000101', villageCode: 'V1', villageName: 'Bản Nậm Củm', surveyed: false },
  { householdId: '102', householdCode: '03445000102', villageCode: 'V1', villageName: 'Bản Nậm Củm', surveyed: true },
  { householdId: '103', householdCode: '03445000103', villageCode: 'V2', villageName: 'Bản Pa Ủ', surveyed: true },
];

test('surveying blockers name the unsurveyed households by code, in Vietnamese and English', () => {
  const context: ReviewContext = { ...GOOD_CONTEXT, households: LISTED };
  const refused = transition(reviewIn('surveying'), 'complete_surveying', actorFor('commune_officer'), { context });
  assert.equal(refused.ok, false);
  if (refused.ok) return;
  assert.deepEqual(refused.problems, ['Còn 1 hộ chưa rà soát xong: 03445000101']);
  assert.deepEqual(refused.problemsEn, ['1 household is not surveyed yet: 03445000101']);
  assert.doesNotMatch(refused.reason, /\b101\b(?!\d)/);
  const next = nextActions('surveying', 'commune_officer', context).find((a) => a.action === 'complete_surveying')!;
  assert.deepEqual(next.blockers, ['Còn 1 hộ chưa rà soát xong: 03445000101']);
  assert.deepEqual(next.blockersEn, ['1 household is not surveyed yet: 03445000101']);
});

test('meeting blockers name households by code and villages by name', () => {
  const context: ReviewContext = {
    ...GOOD_CONTEXT,
    households: LISTED.map((h) => ({ ...h, surveyed: true })),
    meetings: [meeting('V1#1', 'V1', 40, [['101', 10], ['102', 30]])],
  };
  const refused = transition(reviewIn('village_meetings'), 'complete_village_meetings', actorFor('commune_officer'), { context });
  assert.equal(refused.ok, false);
  if (refused.ok) return;
  assert.deepEqual(refused.problems, [
    'Thôn Bản Pa Ủ có hộ trong danh sách nhưng chưa có biên bản họp dân',
    'Hộ chưa được đưa ra họp dân biểu quyết: 03445000103',
    'Hộ không đạt tỷ lệ đồng ý tại cuộc họp gần nhất, phải rà soát lại và họp lại: 03445000101',
  ]);
  assert.deepEqual(refused.problemsEn, [
    'Village Bản Pa Ủ has listed households but no meeting record',
    'Households not yet voted on by a village meeting: 03445000103',
    'Households below the agreement threshold at their latest meeting, to be surveyed and voted again: 03445000101',
  ]);
});

test('role, step and reason refusals have an English text', () => {
  const byRole = transition(reviewIn('submitted'), 'accept', actorFor('commune_officer'), { context: GOOD_CONTEXT });
  assert.equal(byRole.ok, false);
  if (!byRole.ok) {
    assert.equal(byRole.code, 'role_not_allowed');
    assert.match(byRole.reasonEn, /^A commune officer may not "Accept the results"; only .*Province officer/);
  }
  const outOfStep = transition(reviewIn('listing'), 'accept', actorFor('province_officer'), { context: GOOD_CONTEXT });
  assert.equal(!outOfStep.ok && outOfStep.reasonEn, '"Accept the results" is not possible while the commune review is at step "Listing the households to review"');
  const noReason = transition(reviewIn('accepted'), 'reopen', actorFor('province_officer'), { context: GOOD_CONTEXT, reason: ' ' });
  assert.equal(!noReason.ok && noReason.reasonEn, 'Reopen the review: A reason is required');
  for (const r of [byRole, outOfStep, noReason]) if (!r.ok) assert.doesNotMatch(r.reasonEn, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
});

test('a long list of households is cut after 20 codes', () => {
  const codes = Array.from({ length: 23 }, (_, i) => `C${i + 1}`);
  const s = listSample(codes);
  assert.match(s.vi, /^C1, C2, .*C20 và 3 hộ khác$/);
  assert.match(s.en, /C20 and 3 more$/);
  assert.equal(listSample(['A', 'B']).vi, 'A, B');
});
