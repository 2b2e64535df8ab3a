/**
 * Cross-scope test: every API route is listed here with how a user of ANOTHER commune or province
 * tries it, and what proves they are refused and see nothing. A route added without a case fails the
 * first test, so the matrix cannot fall behind the server.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestApp, as, type Session, type TestApp } from '../helpers/server.ts';
import { reviewScopeCases } from '../db/review/scope-cases.ts';
import { registryScopeCases } from '../db/registry/scope-cases.ts';
import { outputScopeCases } from './outputs-scope-cases.ts';
import { importScopeCases } from './imports-scope-cases.ts';
import { programScopeCases } from './program-scope-cases.ts';
import { dashboardScopeCases } from './dashboard-scope-cases.ts';
import { exportScopeCases } from './exports-scope-cases.ts';
import { reportScopeCases } from './reports-scope-cases.ts';

let t: TestApp;
const s: Record<string, Session> = {};

before(async () => {
  t = await openTestApp();
  for (const u of ['admin', 'lc.tinh', 'mt.canbo', 'mt.chutich', 'dk.canbo', 'db.tinh', 'mp.canbo']) s[u] = await t.login(u);
});
after(() => t.close());

type Case = { why: string; run: () => Promise<void> };

function get(session: Session, url: string) {
  return t.app.inject({ method: 'GET', url, ...as(session) });
}

const INSIDERS_MT = ['mt.canbo', 'mt.rsv', 'mt.chutich'];

const cases: Record<string, Case> = {
  'GET /api/health': {
    why: 'public; returns only system status, no unit data',
    run: async () => {
      const r = await t.app.inject({ method: 'GET', url: '/api/health' });
      assert.deepEqual(Object.keys(r.json()).toSorted(), ['database', 'migrationVersion', 'status', 'version']);
    },
  },
  'GET /api/openapi.json': {
    why: 'public; the API description holds no data',
    run: async () => {
      const r = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.ok(!r.body.includes('03445'));
    },
  },
  'POST /api/auth/login': {
    why: 'an outsider signing in receives only their own account',
    run: async () => {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'db.tinh', password: 'MatKhau123' } });
      assert.equal(r.json().user.username, 'db.tinh');
      assert.equal(r.json().user.provinceCode, '11');
    },
  },
  'POST /api/auth/logout': {
    why: 'ends only the caller’s own session',
    run: async () => {
      const extra = await t.login('db.tinh');
      await t.app.inject({ method: 'POST', url: '/api/auth/logout', ...as(extra) });
      assert.equal((await get(s['mt.canbo']!, '/api/auth/me')).statusCode, 200);
    },
  },
  'GET /api/auth/me': {
    why: 'returns the caller, never another user',
    run: async () => {
      assert.equal((await get(s['mp.canbo']!, '/api/auth/me')).json().user.username, 'mp.canbo');
    },
  },
  'PATCH /api/auth/me': {
    why: 'changes only the caller',
    run: async () => {
      const r = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', ...as(s['dk.canbo']!), payload: { locale: 'en' } });
      assert.equal(r.json().user.username, 'dk.canbo');
      assert.equal((await get(s['mt.canbo']!, '/api/auth/me')).json().user.locale, 'vi');
    },
  },
  'GET /api/me/tokens': {
    why: 'lists only the caller’s tokens',
    run: async () => {
      await t.app.inject({ method: 'POST', url: '/api/me/tokens', ...as(s['mt.canbo']!), payload: { name: 'mt-secret-token' } });
      const r = await get(s['dk.canbo']!, '/api/me/tokens');
      assert.ok(!r.body.includes('mt-secret-token'));
    },
  },
  'POST /api/me/tokens': {
    why: 'a token acts as its creator, with the creator’s scope',
    run: async () => {
      const c = await t.app.inject({ method: 'POST', url: '/api/me/tokens', ...as(s['db.tinh']!), payload: { name: 'db' } });
      const r = await t.app.inject({ method: 'GET', url: `/api/users/${t.userIds['mt.canbo']}`, headers: { authorization: `Bearer ${c.json().token}` } });
      assert.equal(r.statusCode, 404);
    },
  },
  'DELETE /api/me/tokens/:id': {
    why: 'cannot revoke another user’s token',
    run: async () => {
      const c = await t.app.inject({ method: 'POST', url: '/api/me/tokens', ...as(s['mt.canbo']!), payload: { name: 'keep' } });
      const r = await t.app.inject({ method: 'DELETE', url: `/api/me/tokens/${c.json().item.id}`, ...as(s['dk.canbo']!) });
      assert.equal(r.statusCode, 404);
      const still = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${c.json().token}` } });
      assert.equal(still.statusCode, 200);
    },
  },
  'GET /api/users': {
    why: 'lists only users inside the caller’s unit',
    run: async () => {
      const other = await get(s['db.tinh']!, '/api/users?pageSize=500');
      const names = other.json().items.map((u: { username: string }) => u.username);
      assert.ok(names.length > 0);
      for (const n of ['lc.tinh', ...INSIDERS_MT, 'dk.canbo']) assert.ok(!names.includes(n), `${n} leaked to Điện Biên`);
      const commune = await get(s['dk.canbo']!, '/api/users?pageSize=500');
      const cn = commune.json().items.map((u: { username: string }) => u.username);
      assert.deepEqual(cn, ['dk.canbo']);
      assert.equal(commune.json().total, 1);
    },
  },
  'GET /api/users/:id': {
    why: 'a user outside the caller’s unit is “not found”',
    run: async () => {
      assert.equal((await get(s['db.tinh']!, `/api/users/${t.userIds['mt.canbo']}`)).statusCode, 404);
      assert.equal((await get(s['dk.canbo']!, `/api/users/${t.userIds['mt.canbo']}`)).statusCode, 404);
      assert.equal((await get(s['mt.chutich']!, `/api/users/${t.userIds['mp.canbo']}`)).statusCode, 404);
    },
  },
  'POST /api/users': {
    why: 'cannot create users in another province; commune staff cannot create users at all',
    run: async () => {
      const body = { username: 'xam.nhap', fullName: 'X', password: 'MatKhau999', role: 'commune_officer', unitCode: '03445' };
      const r = await t.app.inject({ method: 'POST', url: '/api/users', ...as(s['db.tinh']!), payload: body });
      assert.equal(r.statusCode, 403);
      assert.equal(r.json().error.code, 'unit_out_of_scope');
      const c = await t.app.inject({ method: 'POST', url: '/api/users', ...as(s['dk.canbo']!), payload: body });
      assert.equal(c.statusCode, 403);
      const list = await get(s['admin']!, '/api/users?q=xam.nhap');
      assert.equal(list.json().total, 0);
    },
  },
  'PATCH /api/users/:id': {
    why: 'cannot edit a user of another province',
    run: async () => {
      const r = await t.app.inject({ method: 'PATCH', url: `/api/users/${t.userIds['mt.canbo']}`, ...as(s['db.tinh']!), payload: { version: 1, active: false } });
      assert.equal(r.statusCode, 404);
      assert.equal((await get(s['lc.tinh']!, `/api/users/${t.userIds['mt.canbo']}`)).json().user.active, true);
    },
  },
  'GET /api/audit': {
    why: 'shows only audit entries of the caller’s unit',
    run: async () => {
      const other = await get(s['db.tinh']!, '/api/audit?pageSize=500');
      assert.ok(other.json().items.length > 0);
      for (const e of other.json().items) assert.equal(e.provinceCode, '11');
      const commune = await get(s['dk.canbo']!, '/api/audit?pageSize=500');
      for (const e of commune.json().items) assert.equal(e.unitCode, '03388');
      const byUnit = await get(s['db.tinh']!, '/api/audit?unit=03445');
      assert.equal(byUnit.json().total, 0);
    },
  },
  'GET /api/units': {
    why: 'public reference data (the legal unit catalogue): every user gets the same answer, nothing user-specific',
    run: async () => {
      const a = await get(s['mt.canbo']!, '/api/units?layout=2025&asOf=2025-08-01');
      const b = await get(s['mp.canbo']!, '/api/units?layout=2025&asOf=2025-08-01');
      assert.equal(a.statusCode, 200);
      assert.deepEqual(a.json(), b.json());
    },
  },
  'GET /api/units/search': {
    why: 'public reference data: identical for every user',
    run: async () => {
      const a = await get(s['mt.canbo']!, '/api/units/search?layout=2025&q=muong');
      const b = await get(s['mp.canbo']!, '/api/units/search?layout=2025&q=muong');
      assert.equal(a.statusCode, 200);
      assert.deepEqual(a.json(), b.json());
    },
  },
  'GET /api/units/:layout/:code': {
    why: 'public reference data: identical for every user',
    run: async () => {
      const a = await get(s['mt.canbo']!, '/api/units/2025/03445');
      const b = await get(s['mp.canbo']!, '/api/units/2025/03445');
      assert.equal(a.statusCode, 200);
      assert.deepEqual(a.json(), b.json());
    },
  },
  'POST /api/units/import': {
    why: 'only national administrators import unit lists',
    run: async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/units/import',
        headers: { ...as(s['lc.tinh']!).headers, 'content-type': 'multipart/form-data; boundary=X' },
        payload: '--X\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\nContent-Type: text/csv\r\n\r\na,b\r\n--X--\r\n',
      });
      assert.equal(r.statusCode, 403);
    },
  },
  'GET /api/settings/special-zones': {
    why: 'a national setting, the same for every reader',
    run: async () => {
      const a = await get(s['mt.chutich']!, '/api/settings/special-zones');
      const b = await get(s['db.tinh']!, '/api/settings/special-zones');
      assert.equal(a.statusCode, 200);
      assert.deepEqual(a.json(), b.json());
    },
  },
  'PUT /api/settings/special-zones': {
    why: 'only national administrators change national settings',
    run: async () => {
      const r = await t.app.inject({ method: 'PUT', url: '/api/settings/special-zones', ...as(s['db.tinh']!), payload: { code: 'default', areaType: 'urban' } });
      assert.equal(r.statusCode, 403);
    },
  },
  ...reviewScopeCases(() => t, s),
  ...registryScopeCases(() => t, s),
  ...outputScopeCases(() => t, s),
  ...importScopeCases(() => t, s),
  ...programScopeCases(() => t, s),
  ...dashboardScopeCases(() => t, s),
  ...exportScopeCases(() => t, s),
  ...reportScopeCases(() => t, s),
};

test('every API route has a cross-scope case', () => {
  const routes = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).toSorted();
  assert.deepEqual(routes, Object.keys(cases).toSorted());
});

for (const [route, c] of Object.entries(cases)) {
  test(`${route}: ${c.why}`, c.run);
}

test('an unauthenticated caller is refused on every non-public route', async () => {
  for (const r of t.app.apiRoutes) {
    const access = r.access as Record<string, unknown>;
    if ('public' in access) continue;
    const res = await t.app.inject({ method: r.method as 'GET', url: r.url.replace(':layout', '2025').replace(':code', '12').replace(':id', '1') });
    assert.equal(res.statusCode, 401, `${r.method} ${r.url}`);
  }
});
