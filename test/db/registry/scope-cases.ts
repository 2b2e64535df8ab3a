/**
 * Cross-scope cases of the registry routes, spread into the `cases` of test/server/scope.test.ts (not a
 * test file). A Mường Tè fixture is built once through the API (a village, a household with a member
 * citizen ID, a survey in a review); every case shows that a user of another commune (dk.canbo) or
 * province (db.tinh, mp.canbo) is refused and sees nothing of it.
 */
import assert from 'node:assert/strict';
import { as, type Session, type TestApp } from '../../helpers/server.ts';
import { citizenId, head, insertReview, newHousehold, spouse } from './fixtures.ts';

type Case = { why: string; run: () => Promise<void> };

interface Fixture {
  village: string;
  household: number;
  code: string;
  member: number;
  survey: number;
  review: number;
}

export function registryScopeCases(app: () => TestApp, s: Record<string, Session>): Record<string, Case> {
  let fixture: Promise<Fixture> | undefined;

  async function call(who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
    s[who] ??= await app().login(who);
    return app().app.inject({ method, url, ...as(s[who]!), ...(payload === undefined ? {} : { payload: payload as object }) });
  }

  async function build(): Promise<Fixture> {
    const v = await call('mt.canbo', 'POST', '/api/villages', { name: 'Bản Phạm Vi' });
    assert.equal(v.statusCode, 201, v.body);
    const village = v.json().village.code as string;
    const body = newHousehold('Phạm Vi Mường Tè', { villageCode: village, members: [head('Phạm Vi Mường Tè', { citizenId: citizenId('male', 1980) }), spouse('Vợ Phạm Vi')] });
    const h = await call('mt.canbo', 'POST', '/api/households', body);
    assert.equal(h.statusCode, 201, h.body);
    const household = h.json().household;
    const { reviewId } = await insertReview(app().database.db, { year: 2025, referenceDate: '2025-10-01', communeCode: '03445' });
    const sv = await call('mt.canbo', 'POST', `/api/households/${household.id}/surveys`, { reviewId, scoreA: 120 });
    assert.equal(sv.statusCode, 201, sv.body);
    const member = household.members.find((m: { relation: string }) => m.relation === 'spouse').id as number;
    return { village, household: household.id, code: household.code, member, survey: sv.json().survey.id, review: reviewId };
  }

  const f = () => (fixture ??= build());
  const OUTSIDERS = ['dk.canbo', 'db.tinh', 'mp.canbo'];

  /** The household as Mường Tè sees it (to prove an outsider's attempt changed nothing). */
  async function insiderView(id: number) {
    const r = await call('mt.canbo', 'GET', `/api/households/${id}`);
    assert.equal(r.statusCode, 200);
    return r.json().household;
  }

  return {
    'GET /api/villages': {
      why: 'lists only villages inside the caller’s unit',
      run: async () => {
        await f();
        for (const who of ['dk.canbo', 'mp.canbo']) {
          const items = (await call(who, 'GET', '/api/villages')).json().items as Array<{ communeCode: string }>;
          assert.ok(items.every((x) => x.communeCode !== '03445'), who);
        }
        assert.equal((await call('db.tinh', 'GET', '/api/villages?communeCode=03445')).json().items.length, 0);
      },
    },
    'POST /api/villages': {
      why: 'cannot add a village to another commune; a province officer maintains no villages',
      run: async () => {
        const r = await call('dk.canbo', 'POST', '/api/villages', { communeCode: '03445', name: 'Xâm Nhập' });
        assert.equal(r.statusCode, 404);
        assert.equal(r.json().error.code, 'out_of_scope');
        assert.equal((await call('db.tinh', 'POST', '/api/villages', { communeCode: '03445', name: 'Xâm Nhập' })).statusCode, 403);
        const mine = (await call('mt.canbo', 'GET', '/api/villages')).json().items as Array<{ name: string }>;
        assert.ok(!mine.some((x) => x.name === 'Xâm Nhập'));
      },
    },
    'PATCH /api/villages/:communeCode/:code': {
      why: 'cannot rename another commune’s village',
      run: async () => {
        const { village } = await f();
        assert.equal((await call('dk.canbo', 'PATCH', `/api/villages/03445/${village}`, { name: 'Đổi Tên' })).statusCode, 404);
        assert.equal((await call('mp.canbo', 'PATCH', `/api/villages/03445/${village}`, { name: 'Đổi Tên' })).statusCode, 404);
        const mine = (await call('mt.canbo', 'GET', '/api/villages')).json().items as Array<{ code: string; name: string }>;
        assert.equal(mine.find((x) => x.code === village)!.name, 'Bản Phạm Vi');
      },
    },
    'GET /api/households': {
      why: 'lists and searches only households inside the caller’s unit',
      run: async () => {
        await f();
        for (const who of OUTSIDERS) {
          const r = await call(who, 'GET', '/api/households?q=pham%20vi%20muong%20te&status=all');
          assert.equal(r.statusCode, 200);
          assert.equal(r.json().total, 0, who);
          const all = (await call(who, 'GET', '/api/households?pageSize=500&status=all')).json().items as Array<{ communeCode: string }>;
          assert.ok(all.every((x) => x.communeCode !== '03445'), who);
        }
        assert.equal((await call('mt.canbo', 'GET', '/api/households?q=pham%20vi%20muong%20te')).json().total, 1);
      },
    },
    'POST /api/households': {
      why: 'cannot create a household in another commune or province',
      run: async () => {
        for (const who of ['dk.canbo', 'mp.canbo']) {
          const r = await call(who, 'POST', '/api/households', { ...newHousehold('Xâm Nhập Hộ', { villageCode: null }), communeCode: '03445' });
          assert.equal(r.statusCode, 404, who);
        }
        assert.equal((await call('db.tinh', 'POST', '/api/households', { ...newHousehold('Xâm Nhập Hộ'), communeCode: '03445' })).statusCode, 403);
        assert.equal((await call('mt.canbo', 'GET', '/api/households?q=xam%20nhap%20ho&status=all')).json().total, 0);
      },
    },
    'GET /api/households/:id': {
      why: 'a household outside the caller’s unit is “not found”',
      run: async () => {
        const { household } = await f();
        for (const who of OUTSIDERS) {
          const r = await call(who, 'GET', `/api/households/${household}`);
          assert.equal(r.statusCode, 404, who);
          assert.ok(!r.body.includes('Phạm Vi'));
        }
      },
    },
    'PATCH /api/households/:id': {
      why: 'cannot edit another unit’s household; nothing changes',
      run: async () => {
        const { household } = await f();
        const before = await insiderView(household);
        for (const who of ['dk.canbo', 'mp.canbo']) {
          assert.equal((await call(who, 'PATCH', `/api/households/${household}`, { version: before.version, address: 'Đã sửa trộm' })).statusCode, 404, who);
        }
        const after = await insiderView(household);
        assert.equal(after.address, before.address);
        assert.equal(after.version, before.version);
      },
    },
    'POST /api/households/:id/status': {
      why: 'cannot mark another unit’s household as moved away',
      run: async () => {
        const { household } = await f();
        const before = await insiderView(household);
        assert.equal((await call('dk.canbo', 'POST', `/api/households/${household}/status`, { version: before.version, status: 'moved_away', date: '2025-12-01' })).statusCode, 404);
        assert.equal((await insiderView(household)).status, 'active');
      },
    },
    'POST /api/households/:id/members': {
      why: 'cannot add a member to another unit’s household',
      run: async () => {
        const { household } = await f();
        const before = await insiderView(household);
        const r = await call('mp.canbo', 'POST', `/api/households/${household}/members`, { version: before.version, member: { fullName: 'Người Lạ', birthYear: 1990, sex: 'male', relation: 'other' } });
        assert.equal(r.statusCode, 404);
        assert.equal((await insiderView(household)).members.length, before.members.length);
      },
    },
    'PATCH /api/households/:id/members/:memberId': {
      why: 'cannot edit a member of another unit’s household',
      run: async () => {
        const { household, member } = await f();
        const before = await insiderView(household);
        assert.equal((await call('dk.canbo', 'PATCH', `/api/households/${household}/members/${member}`, { version: before.version, fullName: 'Đổi Tên' })).statusCode, 404);
        assert.equal((await insiderView(household)).members.find((m: { id: number }) => m.id === member).fullName, 'Vợ Phạm Vi');
      },
    },
    'DELETE /api/households/:id/members/:memberId': {
      why: 'cannot remove a member of another unit’s household',
      run: async () => {
        const { household, member } = await f();
        const before = await insiderView(household);
        assert.equal((await call('dk.canbo', 'DELETE', `/api/households/${household}/members/${member}?version=${before.version}&reason=moved_out`)).statusCode, 404);
        assert.equal((await insiderView(household)).members.find((m: { id: number }) => m.id === member).active, true);
      },
    },
    'POST /api/households/:id/surveys': {
      why: 'cannot record a survey for another unit’s household or review; the province only reads',
      run: async () => {
        const { household, review } = await f();
        const count = async () => (await call('mt.canbo', 'GET', `/api/households/${household}/history`)).json().reviews[0].surveys.length;
        const n = await count();
        assert.equal((await call('dk.canbo', 'POST', `/api/households/${household}/surveys`, { reviewId: review, scoreA: 10 })).statusCode, 404);
        assert.equal((await call('mp.canbo', 'POST', `/api/households/${household}/surveys`, { reviewId: review, scoreA: 10 })).statusCode, 404);
        assert.equal((await call('db.tinh', 'POST', `/api/households/${household}/surveys`, { reviewId: review, scoreA: 10 })).statusCode, 403);
        assert.equal(await count(), n);
      },
    },
    'GET /api/households/:id/surveys/:surveyId': {
      why: 'another unit’s survey (form answers, facts) is “not found”',
      run: async () => {
        const { household, survey } = await f();
        for (const who of OUTSIDERS) assert.equal((await call(who, 'GET', `/api/households/${household}/surveys/${survey}`)).statusCode, 404, who);
        assert.equal((await call('mt.chutich', 'GET', `/api/households/${household}/surveys/${survey}`)).statusCode, 200);
      },
    },
    'GET /api/households/:id/history': {
      why: 'another unit’s classification history is “not found”',
      run: async () => {
        const { household } = await f();
        for (const who of OUTSIDERS) {
          const r = await call(who, 'GET', `/api/households/${household}/history`);
          assert.equal(r.statusCode, 404, who);
          assert.ok(!r.body.includes('explanation'));
        }
      },
    },
    'POST /api/classify/preview': {
      why: 'stores nothing and reads no unit data beyond the public area type: the same answer for everyone',
      run: async () => {
        const { household } = await f();
        const body = { year: 2025, communeCode: '03445', referenceDate: '2025-10-01', household: { scoreA: 120, members: [{ birthYear: 1980, sex: 'male', healthInsurance: true, employment: 'self_employed' }], housing: { floorArea: 40, frame: 'durable', walls: 'durable', roof: 'durable' }, waterSource: 'piped', latrine: 'septic', usesInternet: true, informationDevices: ['tv'] } };
        const a = await call('mt.canbo', 'POST', '/api/classify/preview', body);
        const b = await call('mp.canbo', 'POST', '/api/classify/preview', body);
        assert.equal(a.statusCode, 200, a.body);
        assert.deepEqual(a.json(), b.json());
        const history = (await call('mt.canbo', 'GET', `/api/households/${household}/history`)).json();
        assert.equal(history.reviews.length, 1);
      },
    },
  };
}
