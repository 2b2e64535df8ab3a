/**
 * The review storage on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): one commune
 * taken from campaign opening to the province's acceptance, with the decision writing the lists.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import { openTestDatabase } from '../../helpers/database.ts';
import { insertUnitFixture } from '../../helpers/server.ts';
import * as review from '../../../src/db/review/index.ts';
import { ReviewError } from '../../../src/db/review/errors.ts';
import { SYSTEM_ACTOR } from '../../../src/db/audit.ts';
import { callerFor, COMMUNE, daysFromToday, insertHouseholds, insertListRows, insertVillages, OTHER_COMMUNE, surveyAndClassify } from './fixtures.ts';

let d: Database;
let campaignId: number;
let reviewId: number;
let ids: Record<string, number>;
const officer = callerFor('commune_officer', 11);
const chair = callerFor('commune_chair', 12);
const province = callerFor('province_officer', 13);

const PDF = { name: 'biên bản.pdf', contentType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4 biên bản') };

async function rejects(p: Promise<unknown>, code: string): Promise<ReviewError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ReviewError, String(e));
    assert.equal(e.code, code, `${e.code}: ${JSON.stringify(e.params)}`);
    return e;
  }
  assert.fail(`expected ${code}`);
}

async function version(): Promise<number> {
  return (await d.db.selectFrom('commune_review').select('version').where('id', '=', reviewId).executeTakeFirstOrThrow()).version;
}

async function go(caller: typeof officer, action: review.TransitionRequest['action'], extra: Partial<review.TransitionRequest> = {}) {
  return review.applyReviewTransition(d.db, caller, reviewId, { action, version: await version(), ...extra });
}

before(async () => {
  d = await openTestDatabase();
  await insertUnitFixture(d);
  await insertVillages(d.db, ['V1', 'V2']);
  ids = await insertHouseholds(d.db, [
    { code: 'H1', village: 'V1' },
    { code: 'H2', village: 'V1' },
    { code: 'H3', village: 'V2' },
    { code: 'H4', village: 'V2', status: 'moved_away', statusDate: '2026-03-01' },
    { code: 'H5', village: 'V2' },
    { code: 'H6', village: 'V1' },
    { code: 'X1', commune: OTHER_COMMUNE },
  ]);
  await insertListRows(d.db, [
    { householdId: ids.H1!, year: 2026, status: 'poor' },
    { householdId: ids.H2!, year: 2026, status: 'near_poor' },
    { householdId: ids.H4!, year: 2026, status: 'poor' },
    { householdId: ids.H6!, year: 2026, status: 'poor' },
  ]);
});
after(() => d.close());

test('a province officer opens a periodic campaign: one review per commune of the province, audited', async () => {
  const c = await review.openCampaign(d.db, province, { kind: 'periodic', year: 2026 });
  campaignId = c.id;
  assert.equal(c.policyYear, 2027);
  assert.equal(c.standardId, 'ND351_2025');
  assert.equal(c.planStart, '2026-09-01');
  assert.equal(c.communes, 2);
  assert.equal(c.title, 'Rà soát định kỳ năm 2026 — Tỉnh Lai Châu, chuẩn ND351_2025', 'no doubled "năm năm"; the province by name');
  const reviews = await review.listReviews(d.db, officer.scope, { campaignId });
  assert.deepEqual(reviews.map((r) => r.communeCode), [COMMUNE]);
  reviewId = reviews[0]!.id;
  await rejects(review.openCampaign(d.db, province, { kind: 'periodic', year: 2026 }), 'campaign_exists');
  await rejects(review.openCampaign(d.db, callerFor('province_officer', 14, '00000', '11'), { kind: 'periodic', year: 2026, provinceCode: '12' }), 'unit_out_of_scope');
  await rejects(review.openCampaign(d.db, officer, { kind: 'periodic', year: 2027 }), 'role_not_allowed');
  const audit = await d.db.selectFrom('audit_log').selectAll().where('action', '=', 'campaign.open').execute();
  assert.equal(audit.length, 1);
  const events = await d.db.selectFrom('commune_review_event').select('action').where('action', '=', 'created').execute();
  assert.equal(events.length, 2);
});

test('listing: current lists of the commune (active households only), form-01 applicants, manual additions', async () => {
  await review.createApplication(d.db, officer, { householdId: ids.H3!, form: '01', receivedOn: '2026-06-02' });
  const listed = await review.listFromCurrentLists(d.db, officer, reviewId);
  assert.deepEqual(listed, { onPoorList: 2, onNearPoorList: 1, applied: 1, total: 4 });
  assert.deepEqual(await review.listFromCurrentLists(d.db, officer, reviewId), { onPoorList: 0, onNearPoorList: 0, applied: 0, total: 0 });
  await rejects(review.addHouseholds(d.db, officer, reviewId, [ids.X1!], 'added'), 'household_not_in_commune');
  assert.deepEqual(await review.addHouseholds(d.db, officer, reviewId, [ids.H5!], 'added'), { added: 1 });
  const fixed = await rejects(review.removeHousehold(d.db, officer, reviewId, ids.H1!), 'listing_reason_fixed');
  assert.equal(fixed.params.id, 'H1', 'named by its household code');
  const page = await review.listReviewHouseholds(d.db, officer.scope, reviewId, { page: 1, pageSize: 50 });
  assert.equal(page.total, 5);
  assert.ok(!page.items.some((h) => h.code === 'H4'), 'a household that moved away is not listed');
});

test('surveying is complete only when every listed household has a current classification', async () => {
  await go(officer, 'complete_listing');
  const e = await rejects(go(officer, 'complete_surveying'), 'guard_failed');
  assert.match(e.problems.join(' '), /chưa rà soát xong/);
  const c = await review.getCampaign(d.db, officer.scope, campaignId);
  await surveyAndClassify(d.db, reviewId, { [ids.H1!]: 'poor', [ids.H2!]: 'near_poor', [ids.H3!]: 'poor', [ids.H5!]: 'none', [ids.H6!]: 'none' }, c!.standardId);
  const out = await go(officer, 'complete_surveying');
  assert.equal(out.to, 'village_meetings');
});

test('village meetings: ≥ 50 % of attendees agree; a rejected household goes back to surveying and is voted again', async () => {
  const v1 = await review.createMeeting(d.db, officer, reviewId, { villageCode: 'V1', heldOn: daysFromToday(-20), attendees: 40, chair: 'Lò Văn A', secretary: 'Lò Thị B' });
  const v2 = await review.createMeeting(d.db, officer, reviewId, { villageCode: 'V2', heldOn: daysFromToday(-20), attendees: 30, chair: 'Pờ Văn C', secretary: 'Pờ Thị D' });
  assert.equal(v1.meetingNo, 1);
  for (const v of ['V1', 'V2']) await review.storeMinutes(d.db, officer, reviewId, v, 1, PDF);
  await review.recordVotes(d.db, officer, reviewId, 'V1', 1, [
    { householdId: ids.H1!, agree: 20, disagree: 20 },
    { householdId: ids.H2!, agree: 19, disagree: 21 },
    { householdId: ids.H6!, agree: 40, disagree: 0 },
  ]);
  await review.recordVotes(d.db, officer, reviewId, 'V2', 1, [
    { householdId: ids.H3!, agree: 15, disagree: 0 },
    { householdId: ids.H5!, agree: 30, disagree: 0 },
  ]);
  const wrongVillage = await rejects(review.recordVotes(d.db, officer, reviewId, 'V2', 1, [{ householdId: ids.H1!, agree: 1, disagree: 0 }]), 'vote_invalid');
  assert.equal(wrongVillage.params.ids, 'H1', 'named by its household code');
  const stages = await review.listReviewHouseholds(d.db, officer.scope, reviewId, { page: 1, pageSize: 50 });
  assert.equal(stages.items.find((h) => h.code === 'H1')!.stage, 'agreed', 'exactly 50 % agrees');
  assert.equal(stages.items.find((h) => h.code === 'H2')!.stage, 'rejected');
  const blocked = await rejects(go(officer, 'complete_village_meetings'), 'guard_failed');
  assert.match(blocked.problems.join(' '), /không đạt tỷ lệ đồng ý/);
  const back = await go(officer, 'return_rejected_to_surveying');
  assert.equal(back.to, 'surveying');
  const h2 = await d.db.selectFrom('review_household').selectAll().where('household_id', '=', ids.H2!).executeTakeFirstOrThrow();
  assert.equal(h2.stage, 'listed');
  assert.ok(h2.returned_at !== null);
  await rejects(go(officer, 'complete_surveying'), 'guard_failed');
  const c = await review.getCampaign(d.db, officer.scope, campaignId);
  await surveyAndClassify(d.db, reviewId, { [ids.H2!]: 'near_poor' }, c!.standardId);
  await go(officer, 'complete_surveying');
  const again = await review.createMeeting(d.db, officer, reviewId, { villageCode: 'V1', heldOn: daysFromToday(-15), attendees: 35, chair: 'Lò Văn A', secretary: 'Lò Thị B' });
  assert.equal(again.meetingNo, 2);
  await review.recordVotes(d.db, officer, reviewId, 'V1', 2, [{ householdId: ids.H2!, agree: 30, disagree: 5 }]);
  const missing = await rejects(go(officer, 'complete_village_meetings'), 'guard_failed');
  assert.match(missing.problems.join(' '), /chưa có tệp biên bản/);
  await review.storeMinutes(d.db, officer, reviewId, 'V1', 2, PDF);
  await rejects(review.storeMinutes(d.db, officer, reviewId, 'V1', 1, { ...PDF, contentType: 'text/plain' }), 'file_invalid');
  const file = await review.readMinutes(d.db, officer.scope, reviewId, 'V2', 1);
  assert.equal(new TextDecoder().decode(file.content), '%PDF-1.4 biên bản');
  const meetings = await review.listMeetings(d.db, officer.scope, reviewId);
  assert.equal(meetings.length, 3);
  assert.equal(v2.villageCode, 'V2');
  assert.equal((await go(officer, 'complete_village_meetings')).to, 'public_posting');
});

test('posting and complaints gate the decision; the chair signs and the lists are written', async () => {
  await rejects(go(officer, 'complete_posting'), 'guard_failed');
  await review.setPosting(d.db, officer, reviewId, { startDate: daysFromToday(-12), endDate: daysFromToday(-2) });
  const complaint = await review.recordReviewComplaint(d.db, officer, reviewId, { householdId: ids.H5!, receivedOn: daysFromToday(-5), complainant: 'Hộ H5', content: 'Đề nghị xem lại' });
  await go(officer, 'complete_posting');
  await rejects(go(officer, 'sign_decision', { decision: { number: '12/QĐ-UBND', date: daysFromToday(0), signerName: 'Chủ tịch' } }), 'role_not_allowed');
  const unresolved = await rejects(go(chair, 'sign_decision', { decision: { number: '12/QĐ-UBND', date: daysFromToday(0), signerName: 'Chủ tịch' } }), 'guard_failed');
  assert.match(unresolved.problems.join(' '), /phúc tra/);
  await review.resolveReviewComplaint(d.db, officer, reviewId, complaint.id, { recheckNote: 'Giữ nguyên kết quả', outcome: 'dismissed', resolvedOn: daysFromToday(-1) });
  const signed = await go(chair, 'sign_decision', { decision: { number: '12/QĐ-UBND', date: daysFromToday(0), signerName: 'Lò Văn Chủ' } });
  assert.equal(signed.to, 'decided');
  assert.deepEqual({ poor: signed.lists!.poor, nearPoor: signed.lists!.nearPoor, escaped: signed.lists!.escaped }, { poor: 2, nearPoor: 1, escaped: 1 });
  const rows = await d.db.selectFrom('list_status').selectAll().where('list_year', '=', 2027).orderBy('household_id').execute();
  const byId = new Map(rows.map((r) => [r.household_id, r]));
  assert.equal(byId.get(ids.H1!)!.status, 'poor');
  assert.equal(byId.get(ids.H2!)!.status, 'near_poor');
  assert.equal(byId.get(ids.H3!)!.status, 'poor');
  assert.equal(byId.get(ids.H6!)!.status, 'none', 'previously poor, now neither: escaped');
  assert.ok(!byId.has(ids.H5!), 'never on a list and still none: no row');
  assert.equal(byId.get(ids.H1!)!.effective_from, daysFromToday(0));
  assert.equal(byId.get(ids.H1!)!.standard_id, 'ND351_2025');
  assert.equal(byId.get(ids.H1!)!.review_id, reviewId);
});

test('the listed households filter by stage, reason, proposed and final class, village, and search the head name without diacritics or the code', async () => {
  await d.db.updateTable('household').set({ head_name: 'Nguyễn Văn Ánh', head_name_ascii: 'nguyen van anh' }).where('id', '=', ids.H3!).execute();
  const list = async (q: Partial<review.ListedHouseholdsQuery>) =>
    (await review.listReviewHouseholds(d.db, officer.scope, reviewId, { page: 1, pageSize: 50, ...q })).items.map((h) => h.code).toSorted();
  assert.deepEqual(await list({}), ['H1', 'H2', 'H3', 'H5', 'H6']);
  assert.deepEqual(await list({ reason: 'on_poor_list' }), ['H1', 'H6']);
  assert.deepEqual(await list({ reason: 'applied' }), ['H3']);
  assert.deepEqual(await list({ proposedClass: 'poor' }), ['H1', 'H3']);
  assert.deepEqual(await list({ proposedClass: 'none' }), ['H5', 'H6']);
  assert.deepEqual(await list({ proposedClass: 'unclassified' }), []);
  assert.deepEqual(await list({ finalClass: 'near_poor' }), ['H2']);
  assert.deepEqual(await list({ finalClass: 'none' }), ['H5', 'H6']);
  assert.deepEqual(await list({ village: 'V2', finalClass: 'poor' }), ['H3']);
  assert.deepEqual(await list({ q: 'nguyen van a' }), ['H3'], 'no diacritics finds Nguyễn Văn Ánh');
  assert.deepEqual(await list({ q: 'NGUYỄN văn' }), ['H3']);
  assert.deepEqual(await list({ q: 'chu ho h' }), ['H1', 'H2', 'H5', 'H6']);
  assert.deepEqual(await list({ q: '100%' }), [], 'like wildcards in the query are literal');
  assert.deepEqual(await list({ stage: 'agreed', proposedClass: 'near_poor' }), ['H2']);
  await d.db.updateTable('household').set({ code: '03445000123' }).where('id', '=', ids.H5!).execute();
  assert.deepEqual(await list({ q: '0344 5000.12' }), ['03445000123'], 'the start of the code, spaces and dots ignored');
  await d.db.updateTable('household').set({ code: 'H5' }).where('id', '=', ids.H5!).execute();
});

test('a decided review is locked; reopening needs a reason and is audited; re-signing replaces the lists', async () => {
  await rejects(review.createMeeting(d.db, officer, reviewId, { villageCode: 'V1', heldOn: daysFromToday(0), attendees: 10, chair: 'A', secretary: 'B' }), 'review_record_locked');
  await rejects(review.recordReviewComplaint(d.db, officer, reviewId, { receivedOn: daysFromToday(0), complainant: 'X', content: 'Y' }), 'review_record_locked');
  await rejects(review.setPosting(d.db, officer, reviewId, { startDate: daysFromToday(-3), endDate: daysFromToday(0) }), 'review_record_locked');
  await go(officer, 'submit_to_province');
  await rejects(go(officer, 'accept'), 'role_not_allowed');
  await go(province, 'accept');
  await rejects(review.closeCampaign(d.db, province, campaignId, 1), 'guard_failed');
  await rejects(go(chair, 'reopen', { reason: 'Sai sót' }), 'role_not_allowed');
  await rejects(go(province, 'reopen', { reason: '  ' }), 'reason_required');
  await rejects(review.applyReviewTransition(d.db, province, reviewId, { action: 'reopen', reason: 'Phát hiện sai sót hộ H3', version: 1 }), 'conflict');
  const reopened = await go(province, 'reopen', { reason: 'Phát hiện sai sót hộ H3', reopenTo: 'complaints' });
  assert.equal(reopened.to, 'complaints');
  const audit = await d.db.selectFrom('audit_log').selectAll().where('action', '=', 'review.reopen').executeTakeFirstOrThrow();
  assert.equal(audit.reason, 'Phát hiện sai sót hộ H3');
  assert.equal(audit.unit_code, COMMUNE);
  const event = await d.db.selectFrom('commune_review_event').selectAll().where('action', '=', 'reopen').executeTakeFirstOrThrow();
  assert.equal(event.reason, 'Phát hiện sai sót hộ H3');
  const c = await review.getCampaign(d.db, officer.scope, campaignId);
  await surveyAndClassify(d.db, reviewId, { [ids.H3!]: 'near_poor' }, c!.standardId);
  // The deployment's setting decides when a decision that does not say takes effect.
  assert.equal((await review.getReviewView(d.db, chair.scope, 'commune_chair', reviewId)).listEffectiveFromDefault, 'decision_date');
  await review.setDefaultListEffectiveFrom(d.db, SYSTEM_ACTOR, 'policy_year_start', 'Danh sách có hiệu lực từ 01/01');
  assert.equal((await review.getReviewView(d.db, chair.scope, 'commune_chair', reviewId)).listEffectiveFromDefault, 'policy_year_start');
  const settingAudit = await d.db.selectFrom('audit_log').selectAll().where('entity_id', '=', review.LIST_EFFECTIVE_FROM_SETTING).executeTakeFirstOrThrow();
  assert.deepEqual([settingAudit.before, settingAudit.after], ['decision_date', 'policy_year_start']);
  const resigned = await go(chair, 'sign_decision', { decision: { number: '13/QĐ-UBND', date: daysFromToday(0), signerName: 'Lò Văn Chủ' } });
  assert.equal(resigned.lists!.replaced, 4);
  const rows = await d.db.selectFrom('list_status').selectAll().where('list_year', '=', 2027).execute();
  assert.equal(rows.length, 4);
  assert.ok(rows.every((r) => r.effective_from === '2027-01-01' && r.decision_number === '13/QĐ-UBND'));
  assert.equal(rows.find((r) => r.household_id === ids.H3!)!.status, 'near_poor');
  await review.setDefaultListEffectiveFrom(d.db, SYSTEM_ACTOR, 'decision_date', 'Trả lại mặc định');
});

test('the board shows every commune of the province with counts and lateness; the campaign closes once all are accepted', async () => {
  await go(officer, 'submit_to_province');
  await go(province, 'accept');
  const board = await review.campaignBoard(d.db, province.scope, campaignId, '2026-11-22');
  assert.deepEqual(board.communes.map((c) => [c.communeCode, c.state]), [[OTHER_COMMUNE, 'listing'], [COMMUNE, 'accepted']]);
  const mine = board.communes.find((c) => c.communeCode === COMMUNE)!;
  assert.deepEqual(mine.counts, { listed: 5, surveyed: 5, agreed: 5, rejected: 0, poor: 1, nearPoor: 2 });
  assert.equal(mine.late, false);
  assert.equal(board.communes.find((c) => c.communeCode === OTHER_COMMUNE)!.late, true);
  const commune = await review.campaignBoard(d.db, officer.scope, campaignId, '2026-11-22');
  assert.deepEqual(commune.communes.map((c) => c.communeCode), [COMMUNE]);
  await sql`update commune_review set state = 'accepted' where campaign_id = ${campaignId}`.execute(d.db);
  const closed = await review.closeCampaign(d.db, province, campaignId, 1);
  assert.equal(closed.status, 'closed');
  await rejects(go(province, 'reopen', { reason: 'Cần sửa lại' }), 'campaign_closed');
  await rejects(review.reopenCampaign(d.db, province, campaignId, closed.version, ''), 'reason_required');
  const again = await review.reopenCampaign(d.db, province, campaignId, closed.version, 'Bổ sung hộ phát sinh');
  assert.equal(again.status, 'open');
});
