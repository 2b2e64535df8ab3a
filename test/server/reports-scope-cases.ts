/**
 * Cross-scope cases of the report routes, spread into the `cases` of test/server/scope.test.ts (not a
 * test file). A user asking for another commune's or province's report, or for the nation without a
 * national scope, is refused (403 unit_out_of_scope); a commune officer's own report has rows of their
 * commune only.
 */
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { as, type Session, type TestApp } from '../helpers/server.ts';

type Case = { why: string; run: () => Promise<void> };

/** [user, unit] pairs outside the user's scope. */
const FOREIGN: ReadonlyArray<[string, string]> = [
  ['dk.canbo', '03445'],
  ['dk.canbo', '12'],
  ['mp.canbo', '03445'],
  ['db.tinh', '12'],
  ['db.tinh', '03445:PM'],
  ['lc.tinh', ''],
  ['lc.tinh', '03325'],
];

export function reportScopeCases(app: () => TestApp, s: Record<string, Session>): Record<string, Case> {
  async function get(who: string, url: string) {
    s[who] ??= await app().login(who);
    return app().app.inject({ method: 'GET', url, ...as(s[who]!) });
  }
  async function refused(suffix: string): Promise<void> {
    for (const [who, unit] of FOREIGN) {
      const r = await get(who, `/api/reports/F1${suffix}?year=2026&unit=${encodeURIComponent(unit)}`);
      assert.equal(r.statusCode, 403, `${who} unit ${unit || 'VN'} → ${r.statusCode}`);
    }
  }
  return {
    'GET /api/reports/forms': {
      why: 'the list of forms holds no unit data; the same for every reader',
      run: async () => {
        const a = await get('dk.canbo', '/api/reports/forms');
        const b = await get('db.tinh', '/api/reports/forms');
        assert.equal(a.statusCode, 200);
        assert.deepEqual(a.json(), b.json());
      },
    },
    'GET /api/reports/:form': {
      why: 'another unit’s report is refused; a commune officer’s own report has rows of their commune only',
      run: async () => {
        await refused('');
        const own = await get('mt.canbo', '/api/reports/F1?year=2026');
        assert.equal(own.statusCode, 200);
        assert.equal(own.json().table.unit.code, '03445');
        const dk = await get('dk.canbo', '/api/reports/F15?year=2026');
        assert.equal(dk.statusCode, 200);
        assert.ok(!dk.body.includes('MT-0'), 'no household of Mường Tè on Đoàn Kết’s list');
        const prov = await get('db.tinh', '/api/reports/F1?year=2026');
        assert.ok(prov.json().table.rows.every((r: { code: string }) => r.code === '' || r.code === '03325'), 'Điện Biên rows only');
      },
    },
    'GET /api/reports/:form/excel': {
      why: 'another unit’s workbook is refused; the own workbook names only the own unit',
      run: async () => {
        await refused('/excel');
        const r = await get('dk.canbo', '/api/reports/F1/excel?year=2026');
        assert.equal(r.statusCode, 200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
        const texts: string[] = [];
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value)))));
        assert.ok(!texts.some((x) => x.includes('Mường Tè')));
      },
    },
    'GET /api/reports/:form/pdf': {
      why: 'another unit’s PDF is refused before anything is rendered',
      run: async () => refused('/pdf'),
    },
    'GET /api/reports/village-origins/:commune': {
      why: 'another commune’s villages and their former communes are refused; the own commune is read',
      run: async () => {
        for (const [who, commune] of [['dk.canbo', '03445'], ['db.tinh', '03445'], ['lc.tinh', '03325']] as const) {
          assert.equal((await get(who, `/api/reports/village-origins/${commune}`)).statusCode, 403, `${who} ${commune}`);
        }
        const own = await get('mt.canbo', '/api/reports/village-origins/03445');
        assert.equal(own.statusCode, 200);
        assert.equal(own.json().communeCode, '03445');
      },
    },
    'PUT /api/reports/village-origins/:commune': {
      why: 'only the commune itself records its villages’ former communes; others are refused and nothing changes',
      run: async () => {
        for (const who of ['dk.canbo', 'mp.canbo']) {
          s[who] ??= await app().login(who);
          const r = await app().app.inject({ method: 'PUT', url: '/api/reports/village-origins/03445', payload: { origins: [{ villageCode: 'PM', oldCommuneCode: null }] }, ...as(s[who]!) });
          assert.equal(r.statusCode, 403, `${who} → ${r.statusCode}`);
        }
      },
    },
  };
}
