import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestApp, as, PASSWORD, type TestApp } from '../helpers/server.ts';
import { LoginLimiter } from '../../src/server/auth/login-limiter.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp({ limiter: new LoginLimiter({ windowMs: 60_000, maxPerUsername: 3, maxPerIp: 1000 }) });
});
after(() => t.close());

test('login sets an HttpOnly SameSite=Strict session cookie and returns a CSRF token', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lc.tinh', password: PASSWORD } });
  assert.equal(res.statusCode, 200);
  const c = res.cookies.find((x) => x.name === 'gn_session')!;
  assert.equal(c.httpOnly, true);
  assert.equal(c.sameSite, 'Strict');
  assert.ok(res.json().csrfToken.length >= 20);
  assert.equal(res.json().user.role, 'province_officer');
  assert.equal(res.json().user.password_hash, undefined);
  assert.ok(!res.body.includes('argon2'));
});

test('wrong password is refused in Vietnamese, and English on request', async () => {
  const vi = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lc.bcd', password: 'sai-mat-khau1' } });
  assert.equal(vi.statusCode, 401);
  assert.match(vi.json().error.message, /Tên đăng nhập hoặc mật khẩu không đúng/);
  const en = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en' }, payload: { username: 'lc.bcd', password: 'x1' } });
  assert.match(en.json().error.message, /Wrong username or password/);
});

test('repeated failures lock the username even for the right password (rate limiting)', async () => {
  for (let i = 0; i < 3; i++) {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'mt.rsv', password: 'sai' + i } });
    assert.equal(r.statusCode, 401);
  }
  const blocked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'mt.rsv', password: PASSWORD } });
  assert.equal(blocked.statusCode, 429);
  assert.ok(Number(blocked.headers['retry-after']) > 0);
  assert.match(blocked.json().error.message, /quá nhiều lần/);
});

test('validation errors name the field in Vietnamese', async () => {
  const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a' } });
  assert.equal(r.statusCode, 400);
  assert.equal(r.json().error.code, 'validation');
  assert.match(r.json().error.message, /Thiếu trường "password"/);
});

test('cookie-authenticated writes need the CSRF header', async () => {
  const s = await t.login('admin');
  const noCsrf = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie: s.cookie }, payload: { locale: 'en' } });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal(noCsrf.json().error.code, 'csrf_invalid');
  const wrong = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: { cookie: s.cookie, 'x-csrf-token': 'nope' }, payload: { locale: 'en' } });
  assert.equal(wrong.statusCode, 403);
  const ok = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', ...as(s), payload: { locale: 'en' } });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().user.locale, 'en');
});

test('API tokens authenticate machine clients without CSRF, and revoked tokens stop working', async () => {
  const s = await t.login('lc.tinh');
  const created = await t.app.inject({ method: 'POST', url: '/api/me/tokens', ...as(s), payload: { name: 'đồng bộ CSDL dân cư', expiresInDays: 30 } });
  assert.equal(created.statusCode, 200);
  const token = created.json().token as string;
  assert.match(token, /^gn_/);
  const bearer = { authorization: `Bearer ${token}` };
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
  assert.equal(me.json().user.username, 'lc.tinh');
  const write = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: bearer, payload: { locale: 'vi' } });
  assert.equal(write.statusCode, 200);
  const list = await t.app.inject({ method: 'GET', url: '/api/me/tokens', ...as(s) });
  assert.ok(!list.body.includes(token), 'the token itself is never listed');
  const del = await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${created.json().item.id}`, ...as(s) });
  assert.equal(del.statusCode, 204);
  const afterDelete = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
  assert.equal(afterDelete.statusCode, 401);
});

test('logout ends the session', async () => {
  const s = await t.login('lc.bcd');
  const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', ...as(s) });
  assert.equal(out.statusCode, 204);
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
  assert.equal(me.statusCode, 401);
});

test('changing one’s password checks the old one, keeps this session and ends the others', async () => {
  const a = await t.login('mt.chutich');
  const b = await t.login('mt.chutich');
  const wrong = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', ...as(a), payload: { currentPassword: 'sai', newPassword: 'MoiMoi2026' } });
  assert.equal(wrong.statusCode, 400);
  const weak = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', ...as(a), payload: { currentPassword: PASSWORD, newPassword: 'short' } });
  assert.equal(weak.json().error.code, 'weak_password');
  const ok = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', ...as(a), payload: { currentPassword: PASSWORD, newPassword: 'MoiMoi2026' } });
  assert.equal(ok.statusCode, 200);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: a.cookie } })).statusCode, 200);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: b.cookie } })).statusCode, 401);
  await t.login('mt.chutich', 'MoiMoi2026');
});

test('user edits use optimistic concurrency: the second stale save gets 409 and nothing is lost', async () => {
  const s = await t.login('lc.tinh');
  const id = t.userIds['mt.canbo']!;
  const current = (await t.app.inject({ method: 'GET', url: `/api/users/${id}`, ...as(s) })).json().user;
  const first = await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, ...as(s), payload: { version: current.version, fullName: 'Pờ Xuân Hương' } });
  assert.equal(first.statusCode, 200);
  const second = await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, ...as(s), payload: { version: current.version, fullName: 'Tên khác' } });
  assert.equal(second.statusCode, 409);
  assert.match(second.json().error.message, /đã được người khác thay đổi/);
  const now = (await t.app.inject({ method: 'GET', url: `/api/users/${id}`, ...as(s) })).json().user;
  assert.equal(now.fullName, 'Pờ Xuân Hương');
  assert.equal(now.version, current.version + 1);
});

test('every user change is audited with before and after, never the password hash', async () => {
  const s = await t.login('admin');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    ...as(s),
    payload: { username: 'mt.moi', fullName: 'Cán bộ mới', password: 'MatKhau999', role: 'village_reviewer', unitCode: '03445' },
  });
  assert.equal(created.statusCode, 201);
  const id = created.json().user.id;
  await t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, ...as(s), payload: { version: 1, active: false } });
  const audit = await t.app.inject({ method: 'GET', url: `/api/audit?entity=user&entityId=${id}`, ...as(s) });
  const items = audit.json().items;
  assert.deepEqual(items.map((i: { action: string }) => i.action), ['update', 'create']);
  assert.equal(items[0].before.active, true);
  assert.equal(items[0].after.active, false);
  assert.equal(items[0].actorUsername, 'admin');
  assert.ok(!audit.body.includes('argon2'));
  const disabled = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'mt.moi', password: 'MatKhau999' } });
  assert.equal(disabled.statusCode, 403);
});

test('a province officer cannot grant national admin, and nobody can demote themself', async () => {
  const s = await t.login('lc.tinh');
  const r = await t.app.inject({ method: 'POST', url: '/api/users', ...as(s), payload: { username: 'x.admin', fullName: 'X', password: 'MatKhau999', role: 'national_admin' } });
  assert.equal(r.statusCode, 403);
  const me = t.userIds['lc.tinh']!;
  const cur = (await t.app.inject({ method: 'GET', url: `/api/users/${me}`, ...as(s) })).json().user;
  const self = await t.app.inject({ method: 'PATCH', url: `/api/users/${me}`, ...as(s), payload: { version: cur.version, active: false } });
  assert.equal(self.statusCode, 403);
});

test('health reports the database kind and migration version', async () => {
  const r = await t.app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().database, process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  assert.ok(r.json().migrationVersion >= 1);
});

test('the OpenAPI document lists the routes and the docs page is served', async () => {
  const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.ok(doc.json().paths['/api/users']);
  const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /swagger/i);
});
