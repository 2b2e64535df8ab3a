/**
 * Cross-scope cases of the review workflow routes, spread into the `cases` of test/server/scope.test.ts
 * (not a test file). A fixture is built once through the API (a Lai Châu campaign, Mường Tè households
 * listed, a monthly application); every case shows a user of another commune or province is refused
 * and sees nothing of Mường Tè.
 */
import assert from 'node:assert/strict';
import { as, type Session, type TestApp } from '../../helpers/server.ts';
import { insertHouseholds, insertListRows } from './fixtures.ts';

type Case = { why: string; run: () => Promise<void> };

interface Fixture {
  campaignId: number;
  mtReview: number;
  dkReview: number;
  household: number;
  application: number;
  complaintUrl: string;
}

const MINUTES = '--X\r\nContent-Disposition: form-data; name="file"; filename="b.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--X--\r\n';

export function reviewScopeCases(app: () => TestApp, s: Record<string, Session>): Record<string, Case> {
  let fixture: Promise<Fixture> | undefined;

  async function call(who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
    s[who] ??= await app().login(who);
    return app().app.inject({ method, url, ...as(s[who]!), ...(payload === undefined ? {} : { payload: payload as object }) });
  }

  async function build(): Promise<Fixture> {
    const t = app();
    const ids = await insertHouseholds(t.database.db, [{ code: 'SC-MT1', village: 'V1' }, { code: 'SC-DK1', commune: '03388' }]);
    await insertListRows(t.database.db, [{ householdId: ids['SC-MT1']!, year: 2026, status: 'poor' }]);
    const opened = await call('lc.tinh', 'POST', '/api/campaigns', { kind: 'periodic', year: 2026 });
    assert.equal(opened.statusCode, 201, opened.body);
    const campaignId = opened.json().campaign.id;
    const mtReview = (await call('mt.canbo', 'GET', `/api/reviews?campaignId=${campaignId}`)).json().items[0].id;
    const dkReview = (await call('dk.canbo', 'GET', `/api/reviews?campaignId=${campaignId}`)).json().items[0].id;
    assert.equal((await call('mt.canbo', 'POST', `/api/reviews/${mtReview}/households/from-lists`)).statusCode, 200);
    const app1 = await call('mt.canbo', 'POST', '/api/monthly-applications', { householdId: ids['SC-MT1'], form: '04', receivedOn: '2026-11-02' });
    assert.equal(app1.statusCode, 201, app1.body);
    const application = app1.json().application.id;
    return { campaignId, mtReview, dkReview, household: ids['SC-MT1']!, application, complaintUrl: `/api/monthly-applications/${application}/complaints/1` };
  }

  const f = () => (fixture ??= build());

  /** Every outsider gets 404 (or 403 when the role lacks the action) and the response names nothing of Mường Tè. */
  async function outsidersRefused(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: (x: Fixture) => string, payload?: unknown, who = ['dk.canbo', 'db.tinh', 'mp.canbo']) {
    const x = await f();
    for (const u of who) {
      const r = await call(u, method, url(x), payload);
      assert.ok([403, 404].includes(r.statusCode), `${u} ${method} ${url(x)} → ${r.statusCode} ${r.body}`);
      assert.ok(!r.body.includes('03445') && !r.body.includes('SC-MT1'), `${u} saw Mường Tè data`);
    }
  }

  async function multipart(who: string, url: string) {
    s[who] ??= await app().login(who);
    return app().app.inject({ method: 'PUT', url, headers: { ...as(s[who]!).headers, 'content-type': 'multipart/form-data; boundary=X' }, payload: MINUTES });
  }

  return {
    'POST /api/campaigns': {
      why: 'another province cannot open a campaign for Lai Châu; commune staff cannot open campaigns',
      run: async () => {
        await f();
        const r = await call('db.tinh', 'POST', '/api/campaigns', { provinceCode: '12', kind: 'monthly', year: 2026, month: 11 });
        assert.equal(r.statusCode, 403);
        assert.equal(r.json().error.code, 'unit_out_of_scope');
        assert.equal((await call('dk.canbo', 'POST', '/api/campaigns', { kind: 'monthly', year: 2026, month: 11 })).statusCode, 403);
        assert.equal((await call('admin', 'GET', '/api/campaigns?kind=monthly')).json().items.length, 0);
      },
    },
    'GET /api/campaigns': {
      why: 'lists only campaigns of the caller’s province, or holding the caller’s commune',
      run: async () => {
        const x = await f();
        for (const u of ['db.tinh', 'mp.canbo']) assert.deepEqual((await call(u, 'GET', '/api/campaigns')).json().items, []);
        const dk = (await call('dk.canbo', 'GET', '/api/campaigns')).json().items;
        assert.deepEqual(dk.map((c: { id: number; communes: number }) => [c.id, c.communes]), [[x.campaignId, 1]]);
      },
    },
    'GET /api/campaigns/:id': { why: 'another province’s campaign is “not found”', run: () => outsidersRefused('GET', (x) => `/api/campaigns/${x.campaignId}`, undefined, ['db.tinh', 'mp.canbo']) },
    'POST /api/campaigns/:id/close': {
      why: 'another province cannot close it',
      run: async () => {
        await outsidersRefused('POST', (x) => `/api/campaigns/${x.campaignId}/close`, { version: 1 });
        assert.equal((await call('lc.tinh', 'GET', `/api/campaigns/${(await f()).campaignId}`)).json().campaign.status, 'open');
      },
    },
    'POST /api/campaigns/:id/reopen': { why: 'another province cannot reopen it', run: () => outsidersRefused('POST', (x) => `/api/campaigns/${x.campaignId}/reopen`, { version: 1, reason: 'Xâm nhập' }) },
    'GET /api/campaigns/:id/board': {
      why: 'another province sees nothing; another commune sees only its own row',
      run: async () => {
        await outsidersRefused('GET', (x) => `/api/campaigns/${x.campaignId}/board`, undefined, ['db.tinh', 'mp.canbo']);
        const board = (await call('dk.canbo', 'GET', `/api/campaigns/${(await f()).campaignId}/board`)).json();
        assert.deepEqual(board.communes.map((c: { communeCode: string }) => c.communeCode), ['03388']);
      },
    },
    'GET /api/reviews': {
      why: 'lists only the reviews of the caller’s commune or province',
      run: async () => {
        await f();
        assert.deepEqual((await call('dk.canbo', 'GET', '/api/reviews')).json().items.map((r: { communeCode: string }) => r.communeCode), ['03388']);
        assert.deepEqual((await call('db.tinh', 'GET', '/api/reviews')).json().items, []);
      },
    },
    'GET /api/reviews/:id': { why: 'a review of another commune is “not found”', run: () => outsidersRefused('GET', (x) => `/api/reviews/${x.mtReview}`) },
    'POST /api/reviews/:id/transitions': {
      why: 'cannot move another commune’s review',
      run: async () => {
        await outsidersRefused('POST', (x) => `/api/reviews/${x.mtReview}/transitions`, { action: 'complete_listing', version: 1 });
        assert.equal((await call('mt.canbo', 'GET', `/api/reviews/${(await f()).mtReview}`)).json().review.state, 'listing');
      },
    },
    'GET /api/reviews/:id/households': { why: 'another commune’s list is not shown', run: () => outsidersRefused('GET', (x) => `/api/reviews/${x.mtReview}/households`) },
    'POST /api/reviews/:id/households/from-lists': { why: 'cannot list households into another commune’s review', run: () => outsidersRefused('POST', (x) => `/api/reviews/${x.mtReview}/households/from-lists`) },
    'POST /api/reviews/:id/households': {
      why: 'cannot add households to another commune’s review, nor another commune’s household to one’s own',
      run: async () => {
        await outsidersRefused('POST', (x) => `/api/reviews/${x.mtReview}/households`, { householdIds: [1] });
        const x = await f();
        const r = await call('dk.canbo', 'POST', `/api/reviews/${x.dkReview}/households`, { householdIds: [x.household] });
        assert.equal(r.json().error.code, 'household_not_in_commune');
      },
    },
    'DELETE /api/reviews/:id/households/:householdId': {
      why: 'cannot remove a household from another commune’s review',
      run: () => outsidersRefused('DELETE', (x) => `/api/reviews/${x.mtReview}/households/${x.household}`),
    },
    'GET /api/reviews/:id/meetings': { why: 'another commune’s meetings are not shown', run: () => outsidersRefused('GET', (x) => `/api/reviews/${x.mtReview}/meetings`) },
    'POST /api/reviews/:id/meetings': {
      why: 'cannot record a meeting in another commune’s review',
      run: () => outsidersRefused('POST', (x) => `/api/reviews/${x.mtReview}/meetings`, { villageCode: 'V1', heldOn: '2026-10-01', attendees: 10, chair: 'A', secretary: 'B' }),
    },
    'PUT /api/reviews/:id/meetings/:village/:no/votes': {
      why: 'cannot vote in another commune’s meeting',
      run: () => outsidersRefused('PUT', (x) => `/api/reviews/${x.mtReview}/meetings/V1/1/votes`, { votes: [{ householdId: 1, agree: 1, disagree: 0 }] }),
    },
    'PUT /api/reviews/:id/meetings/:village/:no/minutes': {
      why: 'cannot upload minutes to another commune’s meeting',
      run: async () => {
        const x = await f();
        for (const u of ['dk.canbo', 'mp.canbo']) assert.equal((await multipart(u, `/api/reviews/${x.mtReview}/meetings/V1/1/minutes`)).statusCode, 404);
      },
    },
    'GET /api/reviews/:id/meetings/:village/:no/minutes': { why: 'another commune’s minutes are not served', run: () => outsidersRefused('GET', (x) => `/api/reviews/${x.mtReview}/meetings/V1/1/minutes`) },
    'PUT /api/reviews/:id/posting': {
      why: 'cannot set posting dates of another commune',
      run: () => outsidersRefused('PUT', (x) => `/api/reviews/${x.mtReview}/posting`, { startDate: '2026-11-01', endDate: '2026-11-05' }),
    },
    'GET /api/reviews/:id/complaints': { why: 'another commune’s complaints are not shown', run: () => outsidersRefused('GET', (x) => `/api/reviews/${x.mtReview}/complaints`) },
    'POST /api/reviews/:id/complaints': {
      why: 'cannot record a complaint in another commune’s review',
      run: () => outsidersRefused('POST', (x) => `/api/reviews/${x.mtReview}/complaints`, { receivedOn: '2026-11-01', complainant: 'X', content: 'Y' }),
    },
    'PATCH /api/reviews/:id/complaints/:complaintId': {
      why: 'cannot resolve a complaint of another commune',
      run: () => outsidersRefused('PATCH', (x) => `/api/reviews/${x.mtReview}/complaints/1`, { recheckNote: 'X', outcome: 'dismissed', resolvedOn: '2026-11-01' }),
    },
    'POST /api/monthly-applications': {
      why: 'cannot file an application for a household of another commune or province',
      run: async () => {
        const x = await f();
        for (const u of ['dk.canbo', 'mp.canbo']) {
          const r = await call(u, 'POST', '/api/monthly-applications', { householdId: x.household, form: '01', receivedOn: '2026-11-02' });
          assert.equal(r.json().error.code, 'household_not_in_commune');
        }
      },
    },
    'GET /api/monthly-applications': {
      why: 'lists only applications of the caller’s unit',
      run: async () => {
        await f();
        for (const u of ['dk.canbo', 'db.tinh', 'mp.canbo']) assert.equal((await call(u, 'GET', '/api/monthly-applications')).json().total, 0);
      },
    },
    'GET /api/monthly-applications/:id': { why: 'another commune’s application is “not found”', run: () => outsidersRefused('GET', (x) => `/api/monthly-applications/${x.application}`) },
    'PATCH /api/monthly-applications/:id': {
      why: 'cannot record on another commune’s application',
      run: () => outsidersRefused('PATCH', (x) => `/api/monthly-applications/${x.application}`, { version: 1, surveyedOn: '2026-11-03' }),
    },
    'PUT /api/monthly-applications/:id/minutes': {
      why: 'cannot upload minutes to another commune’s application',
      run: async () => {
        const x = await f();
        for (const u of ['dk.canbo', 'mp.canbo']) assert.equal((await multipart(u, `/api/monthly-applications/${x.application}/minutes`)).statusCode, 404);
      },
    },
    'GET /api/monthly-applications/:id/minutes': { why: 'another commune’s minutes are not served', run: () => outsidersRefused('GET', (x) => `/api/monthly-applications/${x.application}/minutes`) },
    'POST /api/monthly-applications/:id/transitions': {
      why: 'cannot move another commune’s application',
      run: async () => {
        await outsidersRefused('POST', (x) => `/api/monthly-applications/${x.application}/transitions`, { action: 'start_review', version: 1 });
        assert.equal((await call('mt.canbo', 'GET', `/api/monthly-applications/${(await f()).application}`)).json().application.state, 'received');
      },
    },
    'POST /api/monthly-applications/:id/complaints': {
      why: 'cannot record a complaint on another commune’s application',
      run: () => outsidersRefused('POST', (x) => `/api/monthly-applications/${x.application}/complaints`, { receivedOn: '2026-11-03', complainant: 'X', content: 'Y' }),
    },
    'PATCH /api/monthly-applications/:id/complaints/:complaintId': {
      why: 'cannot resolve a complaint of another commune’s application',
      run: () => outsidersRefused('PATCH', (x) => x.complaintUrl, { recheckNote: 'X', outcome: 'dismissed', resolvedOn: '2026-11-03' }),
    },
    'GET /api/movements': {
      why: 'movements of a unit outside the caller’s scope are “not found”',
      run: async () => {
        await outsidersRefused('GET', () => '/api/movements?unit=03445&year=2027&detail=true');
        await outsidersRefused('GET', () => '/api/movements?unit=12&year=2027', undefined, ['dk.canbo', 'db.tinh', 'mp.canbo']);
      },
    },
  };
}
