/**
 * The review workflow through the HTTP API: every transition of every state tried by every role
 * (table-driven from the domain's transition table), lock and reopen with an audited reason,
 * optimistic concurrency, the decision writing the lists, the campaign close rule, the monthly
 * applications with their deadline status, and movements.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestApp, as, type Session, type TestApp } from '../helpers/server.ts';
import { ROLES, type Role } from '../../src/domain/access/roles.ts';
import { can } from '../../src/domain/access/permissions.ts';
import { REVIEW_ACTIONS, type ReviewAction } from '../../src/domain/review/review-actions.ts';
import { REVIEW_STATES, type ReviewState } from '../../src/domain/review/review-states.ts';
import { REVIEW_TRANSITIONS } from '../../src/domain/review/review-transition-table.ts';
import { vietnamToday } from '../../src/db/review/dates.ts';
import { daysFromToday, insertHouseholds, insertListRows, insertVillages, surveyAndClassify } from '../db/review/fixtures.ts';

const USER_OF: Record<Role, string> = {
  national_admin: 'admin',
  province_officer: 'lc.tinh',
  steering_viewer: 'lc.bcd',
  commune_officer: 'mt.canbo',
  village_reviewer: 'mt.rsv',
  commune_chair: 'mt.chutich',
};

let t: TestApp;
const s: Record<string, Session> = {};
let campaignId: number;
let reviewId: number;
let otherReviewId: number;
let ids: Record<string, number>;

function call(who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return t.app.inject({ method, url, ...as(s[who]!), ...(payload === undefined ? {} : { payload: payload as object }) });
}

/** The same request by an English reader (Accept-Language: en). */
function english(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { ...as(s[who]!).headers, 'accept-language': 'en' }, ...(payload === undefined ? {} : { payload }) });
}

async function reviewRow() {
  return t.database.db.selectFrom('commune_review').selectAll().where('id', '=', reviewId).executeTakeFirstOrThrow();
}

const MINUTES = (name = 'b.pdf') =>
  `--X\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 biên bản\r\n--X--\r\n`;

function upload(who: string, url: string) {
  return t.app.inject({ method: 'PUT', url, headers: { ...as(s[who]!).headers, 'content-type': 'multipart/form-data; boundary=X' }, payload: MINUTES() });
}

/** Puts the review in `state` with complete data: all surveyed and agreed (or H3 rejected), minutes, posting ended, no complaint. */
async function resetTo(state: ReviewState, opts: { rejected?: boolean } = {}) {
  const db = t.database.db;
  await sql`update review_campaign set status = 'open' where id = ${campaignId}`.execute(db);
  await sql`update commune_review set state = ${state}, posting_start = ${daysFromToday(-20)}, posting_end = ${daysFromToday(-2)}
    where id = ${reviewId}`.execute(db);
  await sql`update review_household set stage = 'agreed', returned_at = null where review_id = ${reviewId}`.execute(db);
  await sql`update meeting_vote set agree = 30, disagree = 10 where review_id = ${reviewId}`.execute(db);
  if (opts.rejected) {
    await sql`update meeting_vote set agree = 1, disagree = 39 where review_id = ${reviewId} and household_id = ${ids.H3}`.execute(db);
    await sql`update review_household set stage = 'rejected' where review_id = ${reviewId} and household_id = ${ids.H3}`.execute(db);
  }
}

function bodyFor(action: ReviewAction, version: number) {
  return {
    action,
    version,
    ...(action === 'reopen' || action === 'withdraw_submission' ? { reason: 'Kiểm thử: cần sửa lại số liệu' } : {}),
    ...(action === 'sign_decision' ? { decision: { number: '25/QĐ-UBND', date: vietnamToday(), signerName: 'Lò Văn Chủ' } } : {}),
  };
}

before(async () => {
  t = await openTestApp();
  for (const u of [...Object.values(USER_OF), 'dk.canbo']) s[u] = await t.login(u);
  await insertVillages(t.database.db, ['V1']);
  ids = await insertHouseholds(t.database.db, [{ code: 'H1' }, { code: 'H2' }, { code: 'H3' }, { code: 'M1' }, { code: 'M2' }, { code: 'M3' }]);
  await insertListRows(t.database.db, [
    { householdId: ids.H1!, year: 2026, status: 'poor' },
    { householdId: ids.H2!, year: 2026, status: 'near_poor' },
    { householdId: ids.H3!, year: 2026, status: 'poor' },
  ]);
  const opened = await call('lc.tinh', 'POST', '/api/campaigns', { kind: 'periodic', year: 2026, planStart: '2026-09-01', planEnd: '2026-12-10' });
  assert.equal(opened.statusCode, 201, opened.body);
  campaignId = opened.json().campaign.id;
  const reviews = (await call('lc.tinh', 'GET', `/api/reviews?campaignId=${campaignId}`)).json().items as Array<{ id: number; communeCode: string }>;
  reviewId = reviews.find((r) => r.communeCode === '03445')!.id;
  otherReviewId = reviews.find((r) => r.communeCode === '03388')!.id;
  const listed = await call('mt.canbo', 'POST', `/api/reviews/${reviewId}/households/from-lists`);
  assert.deepEqual(listed.json().listed, { onPoorList: 2, onNearPoorList: 1, applied: 0, total: 3 });
  await surveyAndClassify(t.database.db, reviewId, { [ids.H1!]: 'poor', [ids.H2!]: 'near_poor', [ids.H3!]: 'none' }, opened.json().campaign.standardId);
  await sql`update commune_review set state = 'village_meetings' where id = ${reviewId}`.execute(t.database.db);
  const meeting = await call('mt.canbo', 'POST', `/api/reviews/${reviewId}/meetings`, { villageCode: 'V1', heldOn: daysFromToday(-25), attendees: 40, chair: 'Lò Văn A', secretary: 'Lò Thị B' });
  assert.equal(meeting.statusCode, 201, meeting.body);
  assert.equal((await upload('mt.canbo', `/api/reviews/${reviewId}/meetings/V1/1/minutes`)).statusCode, 200);
  const votes = await call('mt.canbo', 'PUT', `/api/reviews/${reviewId}/meetings/V1/1/votes`, {
    votes: [ids.H1, ids.H2, ids.H3].map((householdId) => ({ householdId, agree: 30, disagree: 10 })),
  });
  assert.equal(votes.statusCode, 200, votes.body);
});
after(() => t.close());

for (const state of REVIEW_STATES) {
  test(`${state}: each available transition is taken by exactly the roles of the table; other actions are not available`, async () => {
    for (const entry of REVIEW_TRANSITIONS[state]) {
      for (const role of ROLES) {
        await resetTo(state, { rejected: entry.action === 'return_rejected_to_surveying' });
        const r = await call(USER_OF[role], 'POST', `/api/reviews/${reviewId}/transitions`, bodyFor(entry.action, (await reviewRow()).version));
        const where = `${state} × ${entry.action} × ${role}: ${r.body}`;
        if (!can(role, 'review.transition')) {
          assert.equal(r.statusCode, 403, where);
          assert.equal(r.json().error.code, 'forbidden', where);
        } else if (!entry.roles.includes(role)) {
          assert.equal(r.statusCode, 403, where);
          assert.equal(r.json().error.code, 'role_not_allowed', where);
          assert.match(r.json().error.message, /chỉ .* được thực hiện/, where);
          assert.equal((await reviewRow()).state, state, where);
        } else {
          assert.equal(r.statusCode, 200, where);
          assert.equal(r.json().transition.to, entry.to, where);
          assert.equal((await reviewRow()).state, entry.to, where);
        }
      }
    }
    for (const action of REVIEW_ACTIONS.filter((a) => !REVIEW_TRANSITIONS[state].some((e) => e.action === a))) {
      await resetTo(state);
      const r = await call('admin', 'POST', `/api/reviews/${reviewId}/transitions`, bodyFor(action, (await reviewRow()).version));
      assert.equal(r.statusCode, 409, `${state} × ${action}: ${r.body}`);
      assert.equal(r.json().error.code, 'action_not_available');
    }
  });
}

test('GET a review: next actions for the caller’s role with Vietnamese blockers, progress per village', async () => {
  await resetTo('village_meetings', { rejected: true });
  const r = await call('mt.canbo', 'GET', `/api/reviews/${reviewId}`);
  assert.equal(r.statusCode, 200);
  const body = r.json();
  assert.equal(body.review.state, 'village_meetings');
  const complete = body.nextActions.find((a: { action: string }) => a.action === 'complete_village_meetings');
  assert.equal(complete.allowedForRole, true);
  assert.match(complete.blockers.join(' '), /không đạt tỷ lệ đồng ý/);
  assert.deepEqual(body.nextActions.find((a: { action: string }) => a.action === 'return_rejected_to_surveying').blockers, []);
  assert.deepEqual(body.progress.totals, { listed: 3, surveyed: 3, agreed: 2, rejected: 1, poor: 1, nearPoor: 1 });
  assert.equal(body.progress.villages[0].villageName, 'Bản V1');
  const chair = (await call('mt.chutich', 'GET', `/api/reviews/${reviewId}`)).json();
  assert.equal(chair.nextActions.find((a: { action: string }) => a.action === 'complete_village_meetings').allowedForRole, false);
  const refused = await call('mt.canbo', 'POST', `/api/reviews/${reviewId}/transitions`, bodyFor('complete_village_meetings', (await reviewRow()).version));
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().error.code, 'guard_failed');
  assert.ok(refused.json().error.details.length > 0);
  // Households are named by their code, not by the internal id.
  assert.match(refused.json().error.message, /họp lại: H3$/);
  assert.doesNotMatch(refused.json().error.message, new RegExp(`\\b${ids.H3}\\b`));
});

test('an English reader gets the blockers and the refusals in English', async () => {
  await resetTo('village_meetings', { rejected: true });
  const view = (await english('mt.canbo', 'GET', `/api/reviews/${reviewId}`)).json();
  const complete = view.nextActions.find((a: { action: string }) => a.action === 'complete_village_meetings');
  assert.deepEqual(complete.blockers, ['Households below the agreement threshold at their latest meeting, to be surveyed and voted again: H3']);
  const refused = await english('mt.canbo', 'POST', `/api/reviews/${reviewId}/transitions`, bodyFor('complete_village_meetings', (await reviewRow()).version));
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().error.message, 'Not ready yet: Households below the agreement threshold at their latest meeting, to be surveyed and voted again: H3');
  assert.deepEqual(refused.json().error.details, [{ message: 'Households below the agreement threshold at their latest meeting, to be surveyed and voted again: H3' }]);
  const byRole = await english('mt.chutich', 'POST', `/api/reviews/${reviewId}/transitions`, bodyFor('complete_village_meetings', (await reviewRow()).version));
  assert.equal(byRole.statusCode, 403);
  assert.match(byRole.json().error.message, /^Not allowed: A commune chair may not "Complete the village meetings"; only /);
  const wrongStep = await english('mt.canbo', 'PUT', `/api/reviews/${reviewId}/posting`, { startDate: daysFromToday(-5), endDate: daysFromToday(-1) });
  assert.equal(wrongStep.statusCode, 409);
  assert.equal(
    wrongStep.json().error.message,
    'The posting dates can only be recorded at step "Public posting"; the commune review is at step "Village meetings".',
  );
  const vi = (await call('mt.canbo', 'GET', `/api/reviews/${reviewId}`)).json();
  assert.match(vi.nextActions.find((a: { action: string }) => a.action === 'complete_village_meetings').blockers[0], /^Hộ không đạt tỷ lệ đồng ý/);
});

test('the review household list filters by reason, class and stage and searches the head name without diacritics', async () => {
  await resetTo('village_meetings', { rejected: true });
  await sql`update household set head_name = 'Lò Thị Hằng', head_name_ascii = 'lo thi hang' where id = ${ids.H2}`.execute(t.database.db);
  const codes = async (query: string) => {
    const r = await call('mt.canbo', 'GET', `/api/reviews/${reviewId}/households?${query}`);
    assert.equal(r.statusCode, 200, r.body);
    return (r.json().items as Array<{ code: string }>).map((h) => h.code).toSorted();
  };
  assert.deepEqual(await codes('reason=on_poor_list'), ['H1', 'H3']);
  assert.deepEqual(await codes('proposedClass=near_poor'), ['H2']);
  assert.deepEqual(await codes('stage=rejected'), ['H3']);
  const all = (await call('mt.canbo', 'GET', `/api/reviews/${reviewId}/households`)).json().items as Array<{ code: string; finalClass: string | null }>;
  for (const fc of ['poor', 'near_poor', 'none', 'unclassified']) {
    const expected = all.filter((h) => (h.finalClass ?? 'unclassified') === fc).map((h) => h.code).toSorted();
    assert.deepEqual(await codes(`finalClass=${fc}&village=V1`), expected, fc);
  }
  assert.deepEqual(await codes('village=V9'), []);
  assert.deepEqual(await codes(`q=${encodeURIComponent('lo thi hang')}`), ['H2']);
  assert.deepEqual(await codes(`q=${encodeURIComponent('LÒ THỊ')}`), ['H2']);
  const bad = await call('mt.canbo', 'GET', `/api/reviews/${reviewId}/households?proposedClass=rich`);
  assert.equal(bad.statusCode, 400);
});

test('two officers save the same review version: the second gets a conflict and nothing is lost', async () => {
  await resetTo('listing');
  const version = (await reviewRow()).version;
  const events = async () => Number((await sql<{ n: number }>`select count(*)::int as n from commune_review_event where review_id = ${reviewId}`.execute(t.database.db)).rows[0]!.n);
  const eventsBefore = await events();
  const first = await call('mt.canbo', 'POST', `/api/reviews/${reviewId}/transitions`, bodyFor('complete_listing', version));
  assert.equal(first.statusCode, 200);
  const second = await call('admin', 'POST', `/api/reviews/${reviewId}/transitions`, bodyFor('complete_surveying', version));
  assert.equal(second.statusCode, 409);
  assert.equal(second.json().error.code, 'conflict');
  assert.equal((await reviewRow()).state, 'surveying');
  assert.equal(await events(), eventsBefore + 1);
});

test('the chair’s decision writes the lists (policy year, national standard, decision date); a decided review is locked', async () => {
  await resetTo('complaints');
  const r = await call('mt.chutich', 'POST', `/api/reviews/${reviewId}/transitions`, bodyFor('sign_decision', (await reviewRow()).version));
  assert.equal(r.statusCode, 200, r.body);
  assert.deepEqual({ ...r.json().transition.lists, replaced: 0 }, { listYear: 2027, effectiveFrom: vietnamToday(), poor: 1, nearPoor: 1, escaped: 1, replaced: 0 });
  const rows = await t.database.db.selectFrom('list_status').selectAll().where('list_year', '=', 2027).orderBy('household_id').execute();
  assert.deepEqual(rows.map((x) => [x.household_id, x.status, x.standard_id, x.decision_number]), [
    [ids.H1, 'poor', 'ND351_2025', '25/QĐ-UBND'],
    [ids.H2, 'near_poor', 'ND351_2025', '25/QĐ-UBND'],
    [ids.H3, 'none', 'ND351_2025', '25/QĐ-UBND'],
  ]);
  const locked = [
    await call('mt.canbo', 'POST', `/api/reviews/${reviewId}/meetings`, { villageCode: 'V1', heldOn: vietnamToday(), attendees: 5, chair: 'A', secretary: 'B' }),
    await call('mt.canbo', 'PUT', `/api/reviews/${reviewId}/meetings/V1/1/votes`, { votes: [{ householdId: ids.H1, agree: 1, disagree: 0 }] }),
    await upload('mt.canbo', `/api/reviews/${reviewId}/meetings/V1/1/minutes`),
    await call('mt.canbo', 'PUT', `/api/reviews/${reviewId}/posting`, { startDate: daysFromToday(-5), endDate: vietnamToday() }),
    await call('mt.canbo', 'POST', `/api/reviews/${reviewId}/complaints`, { receivedOn: vietnamToday(), complainant: 'X', content: 'Y' }),
    await call('mt.canbo', 'POST', `/api/reviews/${reviewId}/households/from-lists`),
    await call('mt.canbo', 'POST', `/api/reviews/${reviewId}/households`, { householdIds: [ids.M1] }),
  ];
  for (const x of locked) {
    assert.equal(x.statusCode, 409, x.body);
    assert.equal(x.json().error.code, 'review_record_locked');
  }
  const movements = await call('mt.canbo', 'GET', '/api/movements?unit=03445&year=2027&detail=true');
  assert.equal(movements.statusCode, 200, movements.body);
  assert.equal(movements.json().total.households.movements.poor_out_above_near_poor, 1);
  assert.deepEqual(movements.json().communesWithoutDecision, []);
});

test('reopening needs a written reason and the reason is audited; the province reopens an accepted review', async () => {
  await resetTo('accepted');
  const noReason = await call('lc.tinh', 'POST', `/api/reviews/${reviewId}/transitions`, { action: 'reopen', version: (await reviewRow()).version });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.json().error.code, 'reason_required');
  const badTarget = await call('lc.tinh', 'POST', `/api/reviews/${reviewId}/transitions`, { action: 'reopen', reason: 'Sai sót số liệu', reopenTo: 'decided', version: (await reviewRow()).version });
  assert.equal(badTarget.statusCode, 400);
  const ok = await call('lc.tinh', 'POST', `/api/reviews/${reviewId}/transitions`, { action: 'reopen', reason: 'Sai sót số liệu hộ H2', reopenTo: 'village_meetings', version: (await reviewRow()).version });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal((await reviewRow()).state, 'village_meetings');
  const audit = (await call('mt.canbo', 'GET', `/api/audit?action=review.reopen&entityId=${reviewId}`)).json().items;
  assert.equal(audit[0].reason, 'Sai sót số liệu hộ H2');
  assert.equal(audit[0].actorUsername, 'lc.tinh');
  const view = (await call('mt.canbo', 'GET', `/api/reviews/${reviewId}`)).json();
  assert.equal(view.events[0].reason, 'Sai sót số liệu hộ H2');
  assert.equal(view.review.acceptedAt, null);
  const meeting = await call('mt.canbo', 'POST', `/api/reviews/${reviewId}/meetings`, { villageCode: 'V1', heldOn: vietnamToday(), attendees: 12, chair: 'A', secretary: 'B' });
  assert.equal(meeting.statusCode, 201, 'unlocked again');
  assert.equal(meeting.json().meeting.meetingNo, 2);
});

test('a campaign closes only when every commune is accepted; a closed campaign blocks reopening until it is reopened with a reason', async () => {
  await resetTo('accepted');
  const version = (await call('lc.tinh', 'GET', `/api/campaigns/${campaignId}`)).json().campaign.version;
  const refused = await call('lc.tinh', 'POST', `/api/campaigns/${campaignId}/close`, { version });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.json().error.message, /Xã 03388 đang ở bước "Lập danh sách hộ cần rà soát"/);
  assert.equal((await call('mt.canbo', 'POST', `/api/campaigns/${campaignId}/close`, { version })).statusCode, 403);
  await sql`update commune_review set state = 'accepted' where id = ${otherReviewId}`.execute(t.database.db);
  const board = (await call('lc.tinh', 'GET', `/api/campaigns/${campaignId}/board`)).json();
  assert.deepEqual(board.byState, { accepted: 2 });
  const closed = await call('lc.tinh', 'POST', `/api/campaigns/${campaignId}/close`, { version });
  assert.equal(closed.statusCode, 200, closed.body);
  const blocked = await call('lc.tinh', 'POST', `/api/reviews/${reviewId}/transitions`, { action: 'reopen', reason: 'Sai sót số liệu', version: (await reviewRow()).version });
  assert.equal(blocked.json().error.code, 'campaign_closed');
  const v = closed.json().campaign.version;
  assert.equal((await call('lc.tinh', 'POST', `/api/campaigns/${campaignId}/reopen`, { version: v, reason: '' })).json().error.code, 'reason_required');
  const reopened = await call('lc.tinh', 'POST', `/api/campaigns/${campaignId}/reopen`, { version: v, reason: 'Bổ sung hộ phát sinh' });
  assert.equal(reopened.json().campaign.status, 'open');
  const audit = (await call('lc.tinh', 'GET', '/api/audit?action=campaign.reopen')).json().items;
  assert.equal(audit[0].reason, 'Bổ sung hộ phát sinh');
});

test('monthly applications: the 15-day deadline and its status (on time, due soon, overdue, answered on time)', async () => {
  const created = await call('mt.canbo', 'POST', '/api/monthly-applications', { householdId: ids.M1, form: '01', receivedOn: '2026-04-10', requestedStatus: 'poor' });
  assert.equal(created.statusCode, 201, created.body);
  const a = created.json().application;
  assert.equal(a.roundStart, '2026-04-15');
  assert.equal(a.deadline, '2026-05-04', '15/4 + 15 days = 30/4, a holiday: the next working day');
  const status = async (asOf: string) => (await call('mt.canbo', 'GET', `/api/monthly-applications?asOf=${asOf}`)).json().items.find((x: { id: number }) => x.id === a.id).deadlineStatus.status;
  assert.equal(await status('2026-04-20'), 'on_time');
  assert.equal(await status('2026-05-02'), 'due_soon');
  assert.equal(await status('2026-05-05'), 'overdue');
  assert.equal((await call('mt.canbo', 'POST', '/api/monthly-applications', { householdId: ids.M1, form: '01', receivedOn: '2026-04-11' })).json().error.code, 'application_exists');
  const noReason = await call('mt.chutich', 'POST', `/api/monthly-applications/${a.id}/transitions`, { action: 'refuse', version: a.version });
  assert.equal(noReason.json().error.code, 'reason_required');
  const refused = await call('mt.chutich', 'POST', `/api/monthly-applications/${a.id}/transitions`, { action: 'refuse', version: a.version, reason: 'Hộ có thu nhập vượt chuẩn cận nghèo' });
  assert.equal(refused.statusCode, 200, refused.body);
  assert.equal(refused.json().application.state, 'refused');
  assert.equal(refused.json().application.refusalReason, 'Hộ có thu nhập vượt chuẩn cận nghèo');
  assert.equal((await call('mt.canbo', 'GET', `/api/monthly-applications/${a.id}?asOf=2026-05-20`)).json().application.deadlineStatus.status, 'closed_late');
});

test('monthly application from receipt to a decision that writes the list', async () => {
  const created = (await call('mt.canbo', 'POST', '/api/monthly-applications', { householdId: ids.M2, form: '01', receivedOn: daysFromToday(-30) })).json().application;
  const id = created.id;
  let version = created.version;
  const move = async (who: string, body: Record<string, unknown>) => {
    const r = await call(who, 'POST', `/api/monthly-applications/${id}/transitions`, { version, ...body });
    if (r.statusCode === 200) version = r.json().application.version;
    return r;
  };
  const record = async (body: Record<string, unknown>) => {
    const r = await call('mt.canbo', 'PATCH', `/api/monthly-applications/${id}`, { version, ...body });
    assert.equal(r.statusCode, 200, r.body);
    version = r.json().application.version;
  };
  assert.equal((await move('mt.chutich', { action: 'start_review' })).json().error.code, 'role_not_allowed');
  assert.equal((await move('mt.canbo', { action: 'start_review' })).statusCode, 200);
  assert.equal((await move('mt.canbo', { action: 'send_to_village_meeting' })).json().error.code, 'guard_failed');
  await record({ surveyedOn: daysFromToday(-25) });
  assert.equal((await move('mt.canbo', { action: 'send_to_village_meeting' })).statusCode, 200);
  await record({ meeting: { heldOn: daysFromToday(-20), attendees: 20, agree: 10, disagree: 10, chair: 'Lò Văn A', secretary: 'Lò Thị B' } });
  assert.match((await move('mt.canbo', { action: 'confirm_meeting_agreement' })).json().error.message, /biên bản/);
  assert.equal((await upload('mt.canbo', `/api/monthly-applications/${id}/minutes`)).statusCode, 200);
  const stale = await call('mt.canbo', 'PATCH', `/api/monthly-applications/${id}`, { version: version - 1, surveyedOn: null });
  assert.equal(stale.statusCode, 409);
  assert.equal((await move('mt.canbo', { action: 'confirm_meeting_agreement' })).statusCode, 200, 'exactly 50 % of attendees');
  await record({ posting: { startDate: daysFromToday(-15), endDate: daysFromToday(-3) } });
  const complaint = await call('mt.canbo', 'POST', `/api/monthly-applications/${id}/complaints`, { receivedOn: daysFromToday(-10), complainant: 'Hàng xóm', content: 'Hộ có xe máy mới' });
  assert.equal(complaint.statusCode, 201, complaint.body);
  const decision = { number: '31/QĐ-UBND', date: vietnamToday(), signerName: 'Lò Văn Chủ' };
  assert.match((await move('mt.chutich', { action: 'decide', decision, recognition: 'near_poor' })).json().error.message, /phúc tra/);
  const resolved = await call('mt.canbo', 'PATCH', `/api/monthly-applications/${id}/complaints/${complaint.json().complaint.id}`, { recheckNote: 'Xe máy cũ, đi mượn', outcome: 'dismissed', resolvedOn: daysFromToday(-1) });
  assert.equal(resolved.statusCode, 200, resolved.body);
  assert.equal((await move('mt.chutich', { action: 'decide', decision, recognition: 'escaped_poverty' })).json().error.code, 'guard_failed');
  assert.equal((await move('mt.canbo', { action: 'decide', decision, recognition: 'near_poor' })).json().error.code, 'role_not_allowed');
  const decided = await move('mt.chutich', { action: 'decide', decision, recognition: 'near_poor' });
  assert.equal(decided.statusCode, 200, decided.body);
  assert.equal(decided.json().application.listStatus, 'near_poor');
  const answered = decided.json().application;
  assert.equal(answered.deadlineStatus.status, vietnamToday() <= answered.deadline ? 'closed_on_time' : 'closed_late');
  const row = await t.database.db.selectFrom('list_status').selectAll().where('application_id', '=', id).executeTakeFirstOrThrow();
  assert.deepEqual([row.household_id, row.status, row.list_year, row.effective_from, row.review_id], [ids.M2, 'near_poor', Number(vietnamToday().slice(0, 4)), vietnamToday(), null]);
  assert.equal((await call('mt.canbo', 'PATCH', `/api/monthly-applications/${id}`, { version, surveyedOn: null })).json().error.code, 'application_closed');
  const file = await call('mt.chutich', 'GET', `/api/monthly-applications/${id}/minutes`);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.match(file.body, /%PDF/);
});

test('a form-04 decision writes an escape: the status must fit the recognition', async () => {
  const a = (await call('mt.canbo', 'POST', '/api/monthly-applications', { householdId: ids.M3, form: '04', receivedOn: daysFromToday(-30) })).json().application;
  await sql`update monthly_application set state = 'public_posting', surveyed_on = ${daysFromToday(-25)}, posting_start = ${daysFromToday(-15)},
    posting_end = ${daysFromToday(-3)} where id = ${a.id}`.execute(t.database.db);
  const decision = { number: '32/QĐ-UBND', date: vietnamToday(), signerName: 'Lò Văn Chủ' };
  const bad = await call('mt.chutich', 'POST', `/api/monthly-applications/${a.id}/transitions`, { action: 'decide', version: a.version, decision, recognition: 'escaped_poverty', listStatus: 'poor' });
  assert.equal(bad.json().error.code, 'list_status_invalid');
  const ok = await call('mt.chutich', 'POST', `/api/monthly-applications/${a.id}/transitions`, { action: 'decide', version: a.version, decision, recognition: 'escaped_poverty', listStatus: 'near_poor' });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().application.listStatus, 'near_poor');
});
