/**
 * Cross-scope cases of the boundary and dashboard routes, spread into the `cases` of
 * test/server/scope.test.ts (not a test file). Boundaries of the fixture's three communes and two
 * provinces are imported once; each case shows a user of another commune or province sees nothing of
 * Mường Tè (03445) or Lai Châu (12) and cannot import.
 */
import assert from 'node:assert/strict';
import { as, type Session, type TestApp } from '../helpers/server.ts';
import { COMMUNE_BOUNDARIES, insertBoundaryFixture, multipartFile } from './boundary-fixture.ts';

type Case = { why: string; run: () => Promise<void> };

const ids = (body: string) => (JSON.parse(body).features as Array<{ id: string }>).map((x) => x.id);

export function dashboardScopeCases(app: () => TestApp, s: Record<string, Session>): Record<string, Case> {
  let fixture: Promise<void> | undefined;
  const f = () => (fixture ??= insertBoundaryFixture(app().database));

  async function get(who: string, url: string) {
    await f();
    s[who] ??= await app().login(who);
    return app().app.inject({ method: 'GET', url, ...as(s[who]!) });
  }

  return {
    'POST /api/boundaries/import': {
      why: 'only national administrators import boundaries; province and commune users are refused and nothing changes',
      run: async () => {
        await f();
        const file = multipartFile('xa.geojson', COMMUNE_BOUNDARIES.replace('"03445"', '"03388"'));
        for (const who of ['lc.tinh', 'mt.canbo', 'db.tinh']) {
          s[who] ??= await app().login(who);
          const r = await app().app.inject({
            method: 'POST',
            url: '/api/boundaries/import?layout=2025&level=commune',
            headers: { ...as(s[who]!).headers, 'content-type': file.contentType },
            payload: file.payload,
          });
          assert.equal(r.statusCode, 403, who);
        }
        assert.deepEqual(ids((await get('admin', '/api/boundaries/2025/commune?province=12')).body), ['03388', '03445']);
      },
    },
    'GET /api/boundaries': {
      why: 'counts only the units inside the caller’s scope',
      run: async () => {
        const db = (await get('db.tinh', '/api/boundaries')).json().items;
        assert.deepEqual(db.map((l: { level: string; units: number; provinceCodes: string[] }) => [l.level, l.units, l.provinceCodes]), [['province', 1, ['11']], ['commune', 1, ['11']]]);
        const dk = (await get('dk.canbo', '/api/boundaries')).json().items;
        assert.deepEqual(dk.map((l: { level: string; units: number }) => [l.level, l.units]), [['commune', 1]]);
      },
    },
    'GET /api/boundaries/:layout/:level': {
      why: 'another province’s layer is empty; a commune user gets only its own commune',
      run: async () => {
        assert.deepEqual(ids((await get('db.tinh', '/api/boundaries/2025/commune?province=12')).body), []);
        assert.deepEqual(ids((await get('db.tinh', '/api/boundaries/2025/province')).body), ['11']);
        assert.deepEqual(ids((await get('dk.canbo', '/api/boundaries/2025/commune?province=12')).body), ['03388']);
        assert.deepEqual(ids((await get('mp.canbo', '/api/boundaries/2025/commune?province=12')).body), []);
        assert.deepEqual(ids((await get('lc.tinh', '/api/boundaries/2025/commune?province=12')).body), ['03388', '03445']);
      },
    },
    'GET /api/dashboard': {
      why: 'a unit above or beside the caller is “not found”; the caller’s own dashboard names nothing of Mường Tè',
      run: async () => {
        for (const [who, unit] of [['dk.canbo', '03445'], ['dk.canbo', '12'], ['db.tinh', '12'], ['mp.canbo', '03445:PM'], ['lc.tinh', ''], ['mt.canbo', '']]) {
          const r = await get(who!, `/api/dashboard?unit=${encodeURIComponent(unit!)}`);
          assert.equal(r.statusCode, 404, `${who} ${unit}`);
          assert.ok(!r.body.includes('Mường Tè'), `${who} ${unit}`);
        }
        const own = await get('dk.canbo', '/api/dashboard');
        assert.equal(own.statusCode, 200);
        assert.equal(own.json().unit.code, '03388');
        assert.ok(!own.body.includes('03445') && !own.body.includes('Mường Tè'));
        const province = await get('db.tinh', '/api/dashboard');
        assert.deepEqual(province.json().rows.map((r: { code: string }) => r.code), ['03325']);
      },
    },
  };
}
