/**
 * Cross-scope cases of the export routes, spread into the `cases` of test/server/scope.test.ts (not a
 * test file). The export fixture is written once; every case shows that a user of another commune or
 * province is refused (403 for a named unit, 404 for a review) and that the caller's own export holds
 * nothing of Xã Mường Tè.
 */
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { as, type Session, type TestApp } from '../helpers/server.ts';
import { DK_HEAD, insertExportFixture, MP_HEAD, MT_TRACES, type ExportFixture } from './exports-fixture.ts';

type Case = { why: string; run: () => Promise<void> };

const OUTSIDERS = ['dk.canbo', 'db.tinh', 'mp.canbo'];

/** Every cell text of a workbook. */
export async function workbookText(body: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void out.push(String(c.value)))));
  return out.join('\n');
}

function noTraces(who: string, text: string): void {
  for (const trace of MT_TRACES) assert.ok(!text.includes(trace), `${who} saw ${trace}`);
}

export function exportScopeCases(app: () => TestApp, s: Record<string, Session>): Record<string, Case> {
  let fixture: Promise<ExportFixture> | undefined;
  const f = () => (fixture ??= insertExportFixture(app().database.db));

  async function get(who: string, url: string) {
    s[who] ??= await app().login(who);
    return app().app.inject({ method: 'GET', url, ...as(s[who]!) });
  }

  return {
    'GET /api/exports/registry.:format': {
      why: 'another unit is refused; a reviewer without export.read is refused; the caller’s own registry holds only its households',
      run: async () => {
        await f();
        for (const [who, unit] of [['dk.canbo', '03445'], ['db.tinh', '12'], ['db.tinh', '03445'], ['mp.canbo', '03445'], ['mp.canbo', '12']] as const) {
          for (const format of ['csv', 'xlsx']) {
            const r = await get(who, `/api/exports/registry.${format}?unit=${unit}`);
            assert.equal(r.statusCode, 403, `${who} ${unit} ${format}`);
            noTraces(who, r.body);
          }
        }
        assert.equal((await get('mt.rsv', '/api/exports/registry.csv')).statusCode, 403);
        const dk = await get('dk.canbo', '/api/exports/registry.csv?status=all');
        assert.equal(dk.statusCode, 200);
        assert.ok(dk.body.includes(DK_HEAD));
        noTraces('dk.canbo', dk.body);
        const dkMembers = await get('dk.canbo', '/api/exports/registry.csv?sheet=members');
        assert.ok(dkMembers.body.includes(DK_HEAD));
        noTraces('dk.canbo', dkMembers.body);
        const db = await workbookText((await get('db.tinh', '/api/exports/registry.xlsx?status=all')).rawPayload);
        assert.ok(db.includes(MP_HEAD));
        assert.ok(!db.includes(DK_HEAD), 'Điện Biên does not see Lai Châu');
        noTraces('db.tinh', db);
      },
    },
    'GET /api/exports/review-results.:format': {
      why: 'another commune’s or province’s review is “not found”; a campaign export holds only the caller’s communes',
      run: async () => {
        const x = await f();
        for (const who of OUTSIDERS) {
          for (const format of ['csv', 'xlsx']) {
            const r = await get(who, `/api/exports/review-results.${format}?review=${x.reviews.mt}`);
            assert.equal(r.statusCode, 404, `${who} ${format}`);
            noTraces(who, r.body);
          }
        }
        assert.equal((await get('db.tinh', `/api/exports/review-results.csv?campaign=${x.campaigns.lc}`)).statusCode, 404);
        assert.equal((await get('dk.canbo', `/api/exports/review-results.csv?campaign=${x.campaigns.lc}&unit=03445`)).statusCode, 403);
        const dk = await get('dk.canbo', `/api/exports/review-results.csv?campaign=${x.campaigns.lc}`);
        assert.equal(dk.statusCode, 200);
        assert.ok(dk.body.includes(DK_HEAD));
        noTraces('dk.canbo', dk.body);
        const mp = await workbookText((await get('mp.canbo', `/api/exports/review-results.xlsx?review=${x.reviews.mp}`)).rawPayload);
        assert.ok(mp.includes(MP_HEAD));
        noTraces('mp.canbo', mp);
      },
    },
    'GET /api/beneficiaries.csv': {
      why: 'another unit is refused; the caller’s own list holds only its own people',
      run: async () => {
        await f();
        for (const [who, unit] of [['dk.canbo', '03445'], ['db.tinh', '12'], ['mp.canbo', '03445']] as const) {
          const r = await get(who, `/api/beneficiaries.csv?policy=health_insurance&unit=${unit}&date=2026-03-01`);
          assert.equal(r.statusCode, 403, `${who} ${unit}`);
          noTraces(who, r.body);
        }
        const mp = await get('mp.canbo', '/api/beneficiaries.csv?policy=health_insurance&date=2026-03-01');
        assert.equal(mp.statusCode, 200);
        assert.ok(mp.body.includes(MP_HEAD));
        noTraces('mp.canbo', mp.body);
      },
    },
  };
}
