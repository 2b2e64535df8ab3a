/** Registry routes end to end: roles, Vietnamese validation naming the field, conflicts, citizen IDs, search, lock, history. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestApp, as, type Session, type TestApp } from '../helpers/server.ts';
import { citizenId, head, HOUSEHOLD_FACTS, insertReview, newHousehold, setReviewState, spouse } from '../db/registry/fixtures.ts';

let t: TestApp;
const s: Record<string, Session> = {};
let reviewId: number;

before(async () => {
  t = await openTestApp();
  for (const u of ['mt.canbo', 'mt.rsv', 'mt.chutich', 'lc.tinh', 'lc.bcd', 'dk.canbo']) s[u] = await t.login(u);
  await t.database.db.insertInto('village').values({ province_code: '12', commune_code: '03445', code: '01', name: 'Bản Nậm Củm', name_ascii: 'ban nam cum' }).execute();
  reviewId = (await insertReview(t.database.db, { year: 2025, referenceDate: '2025-10-01' })).reviewId;
});
after(() => t.close());

function call(who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const a = as(s[who]!);
  return t.app.inject({ method, url, headers: { ...a.headers, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
}

async function create(name: string, extra = {}) {
  const r = await call('mt.canbo', 'POST', '/api/households', newHousehold(name, extra));
  assert.equal(r.statusCode, 201, r.body);
  return r.json().household;
}

test('roles: commune officer and village reviewer write; chair and province read; steering viewer sees no households', async () => {
  const h = await create('Nguyễn Văn A');
  assert.match(h.code, /^03445\d{6}$/);
  const byReviewer = await call('mt.rsv', 'POST', '/api/households', newHousehold('Lò Thị Ín'));
  assert.equal(byReviewer.statusCode, 201);
  assert.equal((await call('mt.chutich', 'GET', `/api/households/${h.id}`)).statusCode, 200);
  assert.equal((await call('mt.chutich', 'POST', '/api/households', newHousehold('X'))).statusCode, 403);
  const province = await call('lc.tinh', 'GET', '/api/households?q=nguyen%20van%20a');
  assert.equal(province.json().total, 1);
  assert.equal((await call('lc.tinh', 'PATCH', `/api/households/${h.id}`, { version: h.version, address: 'X' })).statusCode, 403);
  assert.equal((await call('lc.bcd', 'GET', '/api/households')).statusCode, 403);
  assert.equal((await call('mt.rsv', 'POST', '/api/villages', { name: 'Bản Mới' })).statusCode, 403, 'villages are kept by the commune officer');
  const v = await call('mt.canbo', 'POST', '/api/villages', { name: 'Bản Mới' });
  assert.equal(v.statusCode, 201);
  assert.equal(v.json().village.code, '02');
  assert.equal((await call('mt.rsv', 'GET', '/api/villages')).json().items.length, 2);
});

test('search ignores diacritics and case; filters and paging answer with the total', async () => {
  await create('Đặng Thị Đào');
  for (const q of ['dang thi dao', 'ĐẶNG THỊ ĐÀO', 'Dang Thi', 'thi dao']) {
    const r = await call('mt.canbo', 'GET', `/api/households?q=${encodeURIComponent(q)}`);
    assert.equal(r.json().total, 1, q);
    assert.equal(r.json().items[0].headName, 'Đặng Thị Đào');
  }
  const page = await call('mt.canbo', 'GET', '/api/households?pageSize=1&page=2');
  assert.equal(page.json().items.length, 1);
  assert.ok(page.json().total >= 3);
  assert.equal(page.json().page, 2);
  const bad = await call('mt.canbo', 'GET', '/api/households?status=gone');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /Trường "status" phải là một trong/);
});

test('validation messages are Vietnamese and name the field (English on request)', async () => {
  const noMembers = await call('mt.canbo', 'POST', '/api/households', { villageCode: '01' });
  assert.equal(noMembers.statusCode, 400);
  assert.match(noMembers.json().error.message, /Thiếu trường "members"/);
  const badSex = await call('mt.canbo', 'POST', '/api/households', { members: [{ ...head('A'), sex: 'x' }] });
  assert.match(badSex.json().error.message, /Trường "members\.0\.sex" phải là một trong: male, female/);
  const badFact = await call('mt.canbo', 'POST', '/api/households', { members: [head('A', { facts: { employment: 'boss' } })] });
  assert.match(badFact.json().error.message, /members\.0\.facts\.employment/);
  const id = await call('mt.canbo', 'POST', '/api/households', { members: [head('A', { citizenId: '12345' })] });
  assert.equal(id.statusCode, 400);
  assert.equal(id.json().error.code, 'citizen_id_format');
  assert.match(id.json().error.message, /Trường "members\.0\.citizenId": số định danh cá nhân phải gồm đúng 12 chữ số/);
  const en = await call('mt.canbo', 'POST', '/api/households', { members: [head('A', { citizenId: '12345' })] }, { 'accept-language': 'en' });
  assert.match(en.json().error.message, /exactly 12 digits/);
  const heads = await call('mt.canbo', 'POST', '/api/households', { members: [spouse('B')] });
  assert.equal(heads.json().error.code, 'household_head_count');
  assert.match(heads.json().error.message, /đúng một chủ hộ/);
  const village = await call('mt.canbo', 'POST', '/api/households', newHousehold('A', { villageCode: '77' }));
  assert.match(village.json().error.message, /Trường "villageCode": thôn\/tổ dân phố "77" không có trong xã 03445/);
});

test('citizen ID duplicate: 409 naming the household that already has the number', async () => {
  const number = citizenId('male', 1980);
  const first = await create('Có Số Định Danh', { members: [head('Có Số Định Danh', { citizenId: number }), spouse('Vợ')] });
  const dup = await call('dk.canbo', 'POST', '/api/households', newHousehold('Trùng Số', { villageCode: null, members: [head('Trùng Số', { citizenId: number })] }));
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.code, 'citizen_id_duplicate');
  assert.ok(dup.json().error.message.includes(`hộ ${first.code}`), dup.json().error.message);
  assert.ok(dup.json().error.message.includes(number));
  const other = first.members.find((m: { relation: string }) => m.relation === 'spouse');
  const onMember = await call('mt.canbo', 'PATCH', `/api/households/${first.id}/members/${other.id}`, { version: first.version, citizenId: number });
  assert.equal(onMember.statusCode, 400, 'a woman cannot hold a man’s number (sex digit) before the duplicate check');
  assert.equal(onMember.json().error.code, 'citizen_id_sex_century');
});

test('two officers save the same household: the second gets 409 and nothing is lost', async () => {
  const h = await create('Hai Cán Bộ');
  const loadedByA = (await call('mt.canbo', 'GET', `/api/households/${h.id}`)).json().household;
  const loadedByB = (await call('mt.rsv', 'GET', `/api/households/${h.id}`)).json().household;
  const a = await call('mt.canbo', 'PATCH', `/api/households/${h.id}`, { version: loadedByA.version, address: 'Địa chỉ của cán bộ A', phone: '0911111111' });
  assert.equal(a.statusCode, 200);
  const b = await call('mt.rsv', 'PATCH', `/api/households/${h.id}`, { version: loadedByB.version, address: 'Địa chỉ của rà soát viên B' });
  assert.equal(b.statusCode, 409);
  assert.equal(b.json().error.code, 'conflict');
  assert.match(b.json().error.message, /đã được người khác thay đổi/);
  const now = (await call('mt.canbo', 'GET', `/api/households/${h.id}`)).json().household;
  assert.equal(now.address, 'Địa chỉ của cán bộ A');
  assert.equal(now.phone, '0911111111');
  assert.equal(now.version, loadedByA.version + 1);
  // A member save against the stale version is refused too.
  const m = await call('mt.rsv', 'POST', `/api/households/${h.id}/members`, { version: loadedByB.version, member: { fullName: 'Con', birthYear: 2010, sex: 'male', relation: 'child' } });
  assert.equal(m.statusCode, 409);
  // B reloads and saves again: now it applies, on top of A's change.
  const retry = await call('mt.rsv', 'PATCH', `/api/households/${h.id}`, { version: now.version, phone: '0922222222' });
  assert.equal(retry.statusCode, 200);
  assert.equal(retry.json().household.address, 'Địa chỉ của cán bộ A');
  const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'household').where('entity_id', '=', String(h.id)).orderBy('id').execute();
  assert.deepEqual(
    audit.map((x) => [x.action, x.actor_username]),
    [
      ['create', 'mt.canbo'],
      ['update', 'mt.canbo'],
      ['update', 'mt.rsv'],
    ],
  );
});

test('members and status through the API', async () => {
  const h = await create('Thành Viên');
  const add = await call('mt.canbo', 'POST', `/api/households/${h.id}/members`, { version: h.version, member: { fullName: 'Con Út', dateOfBirth: '2016-06-01', sex: 'female', relation: 'child', facts: { healthInsurance: true, attendingSchool: true, attendingLevel: 'primary' } } });
  assert.equal(add.statusCode, 201, add.body);
  const { member, household } = add.json();
  const edit = await call('mt.canbo', 'PATCH', `/api/households/${h.id}/members/${member.id}`, { version: household.version, fullName: 'Con Út Út' });
  assert.equal(edit.json().member.fullName, 'Con Út Út');
  const gone = await call('mt.canbo', 'DELETE', `/api/households/${h.id}/members/${member.id}?version=${edit.json().household.version}&reason=moved_out&date=2025-11-01`);
  assert.equal(gone.statusCode, 200, gone.body);
  assert.equal(gone.json().member.active, false);
  const st = await call('mt.canbo', 'POST', `/api/households/${h.id}/status`, { version: gone.json().household.version, status: 'dissolved', date: '2025-12-01', reason: 'Tách hộ' });
  assert.equal(st.statusCode, 200, st.body);
  assert.equal(st.json().household.status, 'dissolved');
  const again = await call('mt.canbo', 'PATCH', `/api/households/${h.id}`, { version: st.json().household.version, address: 'X' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'household_inactive');
  assert.match(again.json().error.message, /đã giải thể/);
});

test('surveys: recorded and classified; refused with a Vietnamese message once the commune review is locked; history survives a resurvey', async () => {
  const h = await create('Có Phiếu');
  const first = await call('mt.rsv', 'POST', `/api/households/${h.id}/surveys`, { reviewId, scoreA: 120, needs: ['credit'], formA: { answers: { car: false } } });
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(first.json().classifications[0].class, 'near_poor');
  const second = await call('mt.rsv', 'POST', `/api/households/${h.id}/surveys`, { reviewId, scoreA: 100, facts: { ...HOUSEHOLD_FACTS, latrine: 'none', waterSource: 'surface_water', usesInternet: false } });
  assert.equal(second.json().supersedes, first.json().survey.id);
  assert.equal(second.json().classifications[0].class, 'poor');
  const listed = await call('mt.canbo', 'GET', `/api/households?reviewId=${reviewId}&reviewClass=poor`);
  assert.deepEqual(
    listed.json().items.map((x: { id: number; reviewClass: string }) => [x.id, x.reviewClass]),
    [[h.id, 'poor']],
  );
  await setReviewState(t.database.db, reviewId, 'decided');
  const locked = await call('mt.canbo', 'POST', `/api/households/${h.id}/surveys`, { reviewId, scoreA: 200 });
  assert.equal(locked.statusCode, 409);
  assert.equal(locked.json().error.code, 'review_locked');
  assert.match(locked.json().error.message, /Kết quả rà soát của xã đã được phê duyệt\/khoá/);
  assert.match(locked.json().error.message, /Chủ tịch UBND xã đã ký quyết định/);
  const hist = await call('mt.chutich', 'GET', `/api/households/${h.id}/history`);
  assert.equal(hist.statusCode, 200);
  const r = hist.json().reviews[0];
  assert.equal(r.standardId, 'ND07_2021');
  assert.equal(r.classifications[0].class, 'poor');
  assert.equal(r.classifications[0].surveyId, second.json().survey.id);
  assert.match(r.classifications[0].explanation, /hộ nghèo/);
  assert.deepEqual(
    r.surveys.map((x: { id: number; supersededBy: number | null }) => x.supersededBy),
    [second.json().survey.id, null],
  );
  const old = await call('mt.chutich', 'GET', `/api/households/${h.id}/surveys/${first.json().survey.id}`);
  assert.equal(old.json().survey.scoreA, 120);
  assert.deepEqual(old.json().survey.needs, ['credit']);
  await setReviewState(t.database.db, reviewId, 'surveying');
  const bad = await call('mt.canbo', 'POST', `/api/households/${h.id}/surveys`, { reviewId, causes: ['bad_luck'] });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /Trường "causes\.0" phải là một trong/);
  const noMeasure = await call('mt.canbo', 'POST', `/api/households/${h.id}/surveys`, { reviewId });
  assert.equal(noMeasure.json().error.code, 'classification_input');
  assert.match(noMeasure.json().error.message, /Chưa phân loại được hộ: .*điểm A/);
});

test('preview: live classification with indicators and explanation; engine messages in Vietnamese', async () => {
  const household = { scoreA: 100, members: [{ name: 'A', birthYear: 1980, sex: 'male', healthInsurance: false, employment: 'unemployed' }], ...HOUSEHOLD_FACTS, latrine: 'simple_pit' };
  const r = await call('mt.rsv', 'POST', '/api/classify/preview', { year: 2025, communeCode: '03445', referenceDate: '2025-10-01', household });
  assert.equal(r.statusCode, 200, r.body);
  const res = r.json().result;
  assert.equal(res.class, 'poor');
  assert.equal(res.area, 'rural');
  assert.equal(res.indicators.length, 12);
  assert.match(res.explanation, /hộ nghèo/);
  const missing = await call('mt.rsv', 'POST', '/api/classify/preview', { year: 2025, area: 'rural', household: { scoreA: 100, members: [{ birthYear: 1980 }] } });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.json().error.message, /giới tính/);
  const noStandard = await call('mt.rsv', 'POST', '/api/classify/preview', { area: 'rural', household });
  assert.match(noStandard.json().error.message, /Thiếu trường "standardId"/);
  assert.equal((await call('lc.bcd', 'POST', '/api/classify/preview', { year: 2025, area: 'rural', household })).statusCode, 403);
});
