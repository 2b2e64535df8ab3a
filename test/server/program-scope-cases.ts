/**
 * Cross-scope cases of the program routes, spread into the `cases` of test/server/scope.test.ts (not a
 * test file). The fixture (Lai Châu's 2026 plan, an allocation, a disbursement, a target, outputs, a
 * unit status, a custom indicator and Mường Tè's report) is written once through the API by lc.tinh and
 * mt.canbo; every case shows a user of another commune or province is refused and sees none of it.
 */
import assert from 'node:assert/strict';
import { as, type Session, type TestApp } from '../helpers/server.ts';

type Case = { why: string; run: () => Promise<void> };

/** Strings that would reveal Mường Tè's program data (to anyone outside it). */
const COMMUNE_TRACES = ['UNC-MT-0001', 'QĐ-MT-ĐBKK', '500000000'];
/** Strings of Lai Châu's province-level data (to users of another province). */
const PROVINCE_TRACES = ['x_cau_treo_lc', '777000000'];
const tracesFor = (who: string) => (who === 'dk.canbo' ? COMMUNE_TRACES : [...COMMUNE_TRACES, ...PROVINCE_TRACES]);
const LINE = { year: 2026, programCode: 'MTQG_2026_2035', nodeCode: 'HP2.ND1', fundSource: 'local' };

export function programScopeCases(app: () => TestApp, s: Record<string, Session>): Record<string, Case> {
  let fixture: Promise<void> | undefined;

  async function call(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
    s[who] ??= await app().login(who);
    return app().app.inject({ method, url, ...as(s[who]!), ...(payload === undefined ? {} : { payload: payload as object }) });
  }
  async function ok(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
    const r = await call(who, method, url, payload);
    assert.ok(r.statusCode < 300, `${who} ${method} ${url} → ${r.statusCode} ${r.body}`);
    return r;
  }
  const f = () =>
    (fixture ??= (async () => {
      await ok('lc.tinh', 'PUT', '/api/program/budget/plan', { ...LINE, amount: '777000000' });
      await ok('lc.tinh', 'PUT', '/api/program/budget/allocations', { ...LINE, unitCode: '03445', amount: '500000000' });
      await ok('lc.tinh', 'POST', '/api/program/budget/disbursements', { ...LINE, unitCode: '03445', paidOn: '2026-02-10', amount: '1000000', documentNumber: 'UNC-MT-0001' });
      await ok('lc.tinh', 'POST', '/api/program/indicators', { code: 'x_cau_treo_lc', name: 'Cầu treo', unit: 'count', direction: 'increase', kind: 'flow' });
      await ok('lc.tinh', 'PUT', '/api/program/targets', { items: [{ unitCode: '03445', indicatorCode: 'x_cau_treo_lc', year: 2026, target: 3 }] });
      await ok('lc.tinh', 'POST', '/api/program/unit-statuses', { unitCode: '03445', kind: 'extremely_difficult_commune', validFrom: '2026-01-01', decisionRef: 'QĐ-MT-ĐBKK' });
      await ok('mt.canbo', 'PUT', '/api/program/outputs', { year: 2026, period: 'H1', items: [{ indicatorCode: 'x_cau_treo_lc', value: 1 }] });
      await ok('mt.canbo', 'POST', '/api/program/reports/submit', { year: 2026, period: 'H1' });
    })());

  /** Every outsider is refused (403/404) or, where listed as allowed, answered without a trace of Mường Tè. */
  async function refused(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, who = ['dk.canbo', 'db.tinh', 'mp.canbo']) {
    await f();
    for (const u of who) {
      const r = await call(u, method, url, payload);
      assert.ok([400, 403, 404].includes(r.statusCode), `${u} ${method} ${url} → ${r.statusCode} ${r.body}`);
      // A refusal may repeat the code it was asked about, never data behind it.
      for (const t of tracesFor(u)) assert.ok(!r.body.includes(t), `${u} saw ${t}`);
    }
  }
  /** The caller's own view (no unit given) holds nothing of Mường Tè. */
  async function ownViewClean(url: string) {
    await f();
    for (const u of ['dk.canbo', 'db.tinh', 'mp.canbo']) {
      const r = await call(u, 'GET', url);
      assert.equal(r.statusCode, 200, `${u} ${url} → ${r.body}`);
      for (const t of [...tracesFor(u), '03445']) assert.ok(!r.body.includes(t), `${u} saw ${t} in ${url}`);
    }
  }
  const budgetAfter = async () => (await ok('lc.tinh', 'GET', '/api/program/budget?year=2026')).json();

  return {
    'GET /api/program/structure': {
      why: 'the structure is shared; another province’s own indicators are not',
      run: async () => {
        await ownViewClean('/api/program/structure');
        await refused('GET', '/api/program/structure?unit=12', undefined, ['db.tinh', 'mp.canbo']);
      },
    },
    'PUT /api/program/programs/:code/nodes': {
      why: 'only national administrators change the program structure',
      run: () => refused('PUT', '/api/program/programs/MTQG_2026_2035/nodes', { code: 'HP9', name: 'X' }, ['dk.canbo', 'db.tinh', 'mp.canbo', 'lc.tinh']),
    },
    'GET /api/program/settings': {
      why: 'national settings are the same for every reader; a province’s own part only for its units',
      run: async () => {
        const a = (await ok('db.tinh', 'GET', '/api/program/settings')).json();
        const b = (await ok('mt.canbo', 'GET', '/api/program/settings')).json();
        assert.deepEqual(a.national, b.national);
        assert.deepEqual([a.province.code, b.province.code], ['11', '12']);
        await refused('GET', '/api/program/settings?unit=12');
      },
    },
    'PUT /api/program/settings/province': {
      why: 'only a province’s planners set its own values; another province’s officer is refused, communes cannot',
      run: async () => {
        await f();
        await ok('lc.tinh', 'PUT', '/api/program/settings/province', { communeLeadDays: 12 });
        await refused('PUT', '/api/program/settings/province', { province: '12', communeLeadDays: 3 });
        await refused('PUT', '/api/program/settings/province', { communeLeadDays: 3 }, ['dk.canbo', 'mp.canbo', 'mt.canbo']);
        assert.equal((await ok('lc.tinh', 'GET', '/api/program/settings')).json().settings.communeLeadDays, 12);
        await ok('lc.tinh', 'PUT', '/api/program/settings/province', { communeLeadDays: null });
      },
    },
    'PUT /api/program/settings': {
      why: 'only national administrators change national settings',
      run: async () => {
        const current = (await ok('db.tinh', 'GET', '/api/program/settings')).json().settings;
        await refused('PUT', '/api/program/settings', { ...current, communeLeadDays: 1 }, ['dk.canbo', 'db.tinh', 'mp.canbo', 'lc.tinh']);
        assert.equal((await ok('db.tinh', 'GET', '/api/program/settings')).json().settings.communeLeadDays, current.communeLeadDays);
      },
    },
    'GET /api/program/unit-statuses': {
      why: 'another unit’s statuses are “not found”; the caller’s own list holds none of Mường Tè',
      run: async () => {
        await refused('GET', '/api/program/unit-statuses?unit=03445');
        await ownViewClean('/api/program/unit-statuses');
      },
    },
    'POST /api/program/unit-statuses': {
      why: 'cannot record a status for a unit of another province; communes cannot record at all',
      run: () => refused('POST', '/api/program/unit-statuses', { unitCode: '03445', kind: 'poor_district', validFrom: '2026-01-01' }),
    },
    'POST /api/program/indicators': {
      why: 'cannot add indicators to another province',
      run: () => refused('POST', '/api/program/indicators', { province: '12', code: 'x_xam_nhap', name: 'X', unit: 'count', direction: 'increase', kind: 'flow' }),
    },
    'GET /api/program/targets': {
      why: 'another unit’s targets are “not found”; the caller’s own view holds none of Mường Tè',
      run: async () => {
        await refused('GET', '/api/program/targets?unit=03445&year=2026');
        await refused('GET', '/api/program/targets?unit=12&year=2026', undefined, ['db.tinh', 'mp.canbo']);
        await ownViewClean('/api/program/targets?year=2026');
      },
    },
    'PUT /api/program/targets': {
      why: 'cannot set targets for another province’s units; the target stays as it was',
      run: async () => {
        await refused('PUT', '/api/program/targets', { items: [{ unitCode: '03445', indicatorCode: 'poverty_rate', year: 2026, target: 1 }] });
        await refused('PUT', '/api/program/targets', { province: '12', items: [{ unitCode: '03445', indicatorCode: 'poverty_rate', year: 2026, target: 1 }] });
        const t = (await ok('lc.tinh', 'GET', '/api/program/targets?year=2026')).json();
        assert.equal(t.rows.filter((r: { unitCode: string; indicatorCode: string }) => r.unitCode === '03445' && r.indicatorCode === 'poverty_rate').length, 0);
      },
    },
    'GET /api/program/outputs': {
      why: 'another unit’s outputs are “not found”',
      run: async () => {
        await refused('GET', '/api/program/outputs?unit=03445&year=2026');
        await ownViewClean('/api/program/outputs?year=2026');
      },
    },
    'PUT /api/program/outputs': {
      why: 'a commune enters outputs only for itself',
      run: async () => {
        await refused('PUT', '/api/program/outputs', { unit: '03445', year: 2026, period: 'H1', items: [{ indicatorCode: 'jobs_created', value: 999 }] });
        const own = (await ok('mt.canbo', 'GET', '/api/program/outputs?year=2026')).json();
        assert.ok(!own.items.some((i: { indicatorCode: string }) => i.indicatorCode === 'jobs_created'));
      },
    },
    'GET /api/program/budget': {
      why: 'another unit’s budget is “not found”; the caller’s own budget holds nothing of Mường Tè',
      run: async () => {
        await refused('GET', '/api/program/budget?unit=03445&year=2026');
        await refused('GET', '/api/program/budget?unit=12&year=2026');
        await ownViewClean('/api/program/budget?year=2026');
      },
    },
    'PUT /api/program/budget/plan': {
      why: 'cannot plan another province’s budget; communes cannot plan',
      run: async () => {
        await refused('PUT', '/api/program/budget/plan', { ...LINE, province: '12', amount: '1' });
        assert.equal((await budgetAfter()).lines.find((l: { nodeCode: string }) => l.nodeCode === 'HP2.ND1').planned, '777000000');
      },
    },
    'PUT /api/program/budget/allocations': {
      why: 'cannot allocate to a commune of another province',
      run: async () => {
        await refused('PUT', '/api/program/budget/allocations', { ...LINE, unitCode: '03445', amount: '1' });
        await refused('PUT', '/api/program/budget/allocations', { ...LINE, province: '12', unitCode: '03445', amount: '1' });
        assert.equal((await budgetAfter()).allocations.find((a: { unitCode: string }) => a.unitCode === '03445').amount, '500000000');
      },
    },
    'POST /api/program/budget/reallocations': {
      why: 'cannot move money of another province',
      run: () => refused('POST', '/api/program/budget/reallocations', { ...LINE, province: '12', fromUnit: '03445', toUnit: '03388', amount: '1', reason: 'x' }),
    },
    'POST /api/program/budget/disbursements': {
      why: 'cannot disburse another unit’s allocation; communes cannot record disbursements',
      run: async () => {
        await refused('POST', '/api/program/budget/disbursements', { ...LINE, unitCode: '03445', paidOn: '2026-03-01', amount: '1', documentNumber: 'X' });
        assert.equal((await budgetAfter()).disbursements.length, 1);
      },
    },
    'POST /api/program/budget/disbursements/:id/corrections': {
      why: 'cannot correct another province’s entries (not found); communes cannot correct; the entry stays as it was',
      run: async () => {
        await f();
        const entry = (await budgetAfter()).disbursements.find((e: { documentNumber: string }) => e.documentNumber === 'UNC-MT-0001');
        await refused('POST', `/api/program/budget/disbursements/${entry.id}/corrections`, { province: '12', reason: 'x' });
        await refused('POST', `/api/program/budget/disbursements/${entry.id}/corrections`, { reason: 'x' }, ['db.tinh', 'mt.canbo']);
        const after = (await budgetAfter()).disbursements;
        assert.deepEqual(after.map((e: { id: number; reversedBy: number | null }) => [e.id, e.reversedBy]), [[entry.id, null]]);
      },
    },
    'GET /api/program/reports': {
      why: 'another unit’s report status is “not found”; a commune sees only its own row',
      run: async () => {
        await refused('GET', '/api/program/reports?unit=12&year=2026&period=H1', undefined, ['dk.canbo', 'db.tinh', 'mp.canbo']);
        await ownViewClean('/api/program/reports?year=2026&period=H1');
        const dk = (await ok('dk.canbo', 'GET', '/api/program/reports?year=2026&period=H1')).json();
        assert.deepEqual(dk.rows.map((r: { unitCode: string }) => r.unitCode), ['03388']);
      },
    },
    'GET /api/program/reports/figures.xlsx': {
      why: 'another unit’s monitoring report is “not found”',
      run: async () => {
        await refused('GET', '/api/program/reports/figures.xlsx?unit=12&year=2026&period=H1', undefined, ['db.tinh', 'mp.canbo', 'dk.canbo']);
        await refused('GET', '/api/program/reports/figures.xlsx?unit=03445&year=2026&period=H1');
      },
    },
    'GET /api/program/reports/figures.pdf': {
      why: 'another unit’s monitoring report is “not found”',
      run: () => refused('GET', '/api/program/reports/figures.pdf?unit=03445&year=2026&period=H1'),
    },
    'GET /api/program/summary.pdf': {
      why: 'another unit’s steering summary is “not found”',
      run: () => refused('GET', '/api/program/summary.pdf?unit=12&year=2026', undefined, ['db.tinh', 'mp.canbo', 'dk.canbo']),
    },
    'POST /api/program/reports/submit': {
      why: 'cannot submit a report for another commune',
      run: () => refused('POST', '/api/program/reports/submit', { unit: '03445', year: 2026, period: 'Y' }),
    },
  };
}
