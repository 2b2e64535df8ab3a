/** Campaigns: opening (roles, scope, periodic window, standard), the closing rule, reopening. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  campaignClosingProblems,
  closeReviewCampaign,
  openReviewCampaign,
  periodicReviewWindow,
  reopenReviewCampaign,
  type OpenCampaignInput,
  type ReviewCampaignPlan,
} from '../../../src/domain/review/index.ts';
import { actorFor } from './fixtures.ts';

const province = actorFor('province_officer');
const periodic: OpenCampaignInput = { campaignId: 'C-2026-12', provinceCode: '12', kind: 'periodic', year: 2026, today: '2026-08-20' };

function opened(input: OpenCampaignInput = periodic): ReviewCampaignPlan {
  const result = openReviewCampaign(input, province);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.campaign;
}

test('a province opens a periodic campaign over the 1 Sep – 14 Dec window with the standard of the policy year', () => {
  const c = opened();
  assert.equal(c.planStart, '2026-09-01');
  assert.equal(c.planEnd, '2026-12-14');
  assert.equal(c.policyYear, 2027);
  assert.equal(c.standardId, 'ND351_2025');
  assert.equal(c.status, 'open');
  assert.equal(c.nameVi, 'Rà soát định kỳ năm 2026 — tỉnh 12, chuẩn ND351_2025');
  assert.doesNotMatch(c.nameVi, /năm năm|tháng tháng/);
  assert.equal(opened({ ...periodic, year: 2025, campaignId: 'C-2025' }).standardId, 'ND07_2021');
  assert.deepEqual(periodicReviewWindow(2026), { start: '2026-09-01', end: '2026-12-14' });
});

test('plan dates must lie in the window (a parameter), in order', () => {
  const ok = openReviewCampaign({ ...periodic, planStart: '2026-09-19', planEnd: '2026-11-14' }, province);
  assert.ok(ok.ok);
  const late = openReviewCampaign({ ...periodic, planEnd: '2026-12-20' }, province);
  assert.ok(!late.ok);
  if (!late.ok) assert.match(late.reason, /phải nằm trong khoảng 01\/09\/2026 – 14\/12\/2026/);
  const reversed = openReviewCampaign({ ...periodic, planStart: '2026-11-01', planEnd: '2026-10-01' }, province);
  assert.ok(!reversed.ok);
  const wider = openReviewCampaign({ ...periodic, planEnd: '2026-12-20' }, province, { periodicWindowEnd: { month: 12, day: 31 } });
  assert.ok(wider.ok);
});

test('monthly rounds need a month and start on the 15th by default', () => {
  const noMonth = openReviewCampaign({ ...periodic, kind: 'monthly' }, province);
  assert.ok(!noMonth.ok);
  const c = opened({ ...periodic, kind: 'monthly', month: 3, campaignId: 'M-2026-03' });
  assert.equal(c.planStart, '2026-03-15');
  assert.equal(c.planEnd, '2026-03-30');
  assert.equal(c.policyYear, 2026);
  assert.equal(c.standardId, 'ND07_2021');
  assert.equal(c.nameVi, 'Rà soát thường xuyên tháng 3/2026 — tỉnh 12, chuẩn ND07_2021');
});

test('only province officers (own province) and national admins open campaigns', () => {
  for (const role of ['commune_officer', 'commune_chair', 'village_reviewer', 'steering_viewer'] as const) {
    const result = openReviewCampaign(periodic, actorFor(role));
    assert.ok(!result.ok && result.code === 'role_not_allowed', role);
  }
  const other = openReviewCampaign(periodic, actorFor('province_officer', { provinceCode: '11' }));
  assert.ok(!other.ok && other.code === 'out_of_scope');
  assert.ok(openReviewCampaign(periodic, actorFor('national_admin')).ok);
  const noStandard = openReviewCampaign({ ...periodic, year: 2035 }, province);
  assert.ok(!noStandard.ok);
  if (!noStandard.ok) assert.match(noStandard.reason, /Không có chuẩn nghèo quốc gia/);
});

test('a campaign closes only when every commune\'s review is accepted', () => {
  const campaign = opened();
  const communes = ['03445', '03388'];
  const notYet = closeReviewCampaign(
    campaign,
    [{ communeCode: '03445', state: 'accepted' }, { communeCode: '03388', state: 'submitted' }],
    communes,
    province,
    '2026-12-20',
  );
  assert.ok(!notYet.ok);
  if (!notYet.ok) assert.match(notYet.reason, /Xã 03388 đang ở bước "Đã báo cáo cấp tỉnh", chưa được cấp tỉnh tiếp nhận/);
  const missing = campaignClosingProblems([{ communeCode: '03445', state: 'accepted' }], communes);
  assert.deepEqual(missing, ['Xã 03388 chưa có kết quả rà soát']);
  assert.equal(campaignClosingProblems([{ communeCode: '03445', state: 'accepted' }], ['03445'], ['A1']).length, 1);

  const done = closeReviewCampaign(
    campaign,
    communes.map((communeCode) => ({ communeCode, state: 'accepted' as const })),
    communes,
    province,
    '2026-12-20',
  );
  assert.ok(done.ok);
  if (!done.ok) return;
  assert.equal(done.campaign.status, 'closed');
  assert.equal(done.events[0].type, 'campaign_closed');
  const again = closeReviewCampaign(done.campaign, [], [], province, '2026-12-21');
  assert.ok(!again.ok && again.code === 'action_not_available');
  const commune = closeReviewCampaign(campaign, [], [], actorFor('commune_officer'), '2026-12-20');
  assert.ok(!commune.ok && commune.code === 'role_not_allowed');

  const noReason = reopenReviewCampaign(done.campaign, province, ' ', '2027-01-05');
  assert.ok(!noReason.ok && noReason.code === 'reason_required');
  const reopened = reopenReviewCampaign(done.campaign, province, 'Trung ương yêu cầu kiểm tra lại', '2027-01-05');
  assert.ok(reopened.ok && reopened.campaign.status === 'open');
});
