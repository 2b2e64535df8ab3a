/**
 * Cross-scope cases of the output routes, spread into the `cases` of test/server/scope.test.ts (not a
 * test file). The output fixture (Mường Tè lists, an Đoàn Kết and a Mường Phăng household) is written
 * once with SQL; every case shows a user of another commune or province is refused and sees nothing
 * of Mường Tè.
 */
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { as, type Session, type TestApp } from '../helpers/server.ts';
import { insertOutputFixture, MEMBERS, type OutputFixture } from './outputs-fixture.ts';

type Case = { why: string; run: () => Promise<void> };

const OUTSIDERS = ['dk.canbo', 'db.tinh', 'mp.canbo'];
/** Strings that would reveal Mường Tè's lists. */
const MT_TRACES = ['MT-00', 'Lò Thị Ánh', 'Pờ Xuân Hùng', '128/QĐ-UBND'];

/** Every cell text of a workbook. */
async function sheetText(body: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void out.push(String(c.value)))));
  return out.join('\n');
}

export function outputScopeCases(app: () => TestApp, s: Record<string, Session>): Record<string, Case> {
  let fixture: Promise<OutputFixture> | undefined;
  // Campaign years moved back: other fixtures of the scope test open periodic campaigns of 2023–2026.
  const f = () => (fixture ??= insertOutputFixture(app().database.db, { campaignYearShift: 12 }));

  async function get(who: string, url: string) {
    s[who] ??= await app().login(who);
    return app().app.inject({ method: 'GET', url, ...as(s[who]!) });
  }

  async function refused(url: (x: OutputFixture) => string) {
    const x = await f();
    for (const who of OUTSIDERS) {
      const r = await get(who, url(x));
      assert.ok([403, 404].includes(r.statusCode), `${who} ${url(x)} → ${r.statusCode}`);
      for (const trace of MT_TRACES) assert.ok(!r.body.includes(trace), `${who} saw ${trace}`);
    }
  }

  return {
    'GET /api/reviews/:id/decision-lists.xlsx': {
      why: 'another commune’s or province’s decision lists are “not found”',
      run: async () => {
        await refused((x) => `/api/reviews/${x.reviews.mt2025}/decision-lists.xlsx`);
        const x = await f();
        const own = await get('dk.canbo', `/api/reviews/${x.reviews.dk2025}/decision-lists.xlsx?list=poor`);
        assert.equal(own.statusCode, 200);
        const txt = await sheetText(own.rawPayload);
        assert.ok(txt.includes('Nguyễn Văn Bí Mật'));
        for (const trace of MT_TRACES) assert.ok(!txt.includes(trace));
      },
    },
    'GET /api/reviews/:id/decision-lists.pdf': {
      why: 'another commune’s or province’s decision lists are “not found”',
      run: () => refused((x) => `/api/reviews/${x.reviews.mt2025}/decision-lists.pdf`),
    },
    'GET /api/households/:id/certificate.pdf': {
      why: 'no certificate for a household outside the caller’s commune, and no number is issued',
      run: async () => {
        await refused((x) => `/api/households/${x.households.H1}/certificate.pdf?year=2026`);
        const x = await f();
        const n = await sql<{ n: number }>`select count(*)::int as n from certificate where household_id = ${x.households.H1!}`.execute(app().database.db);
        assert.equal(n.rows[0]!.n, 0);
      },
    },
    'GET /api/beneficiaries.xlsx': {
      why: 'another unit is refused; the caller’s own list holds only its own households',
      run: async () => {
        await f();
        for (const [who, unit] of [['dk.canbo', '03445'], ['db.tinh', '12'], ['mp.canbo', '03445'], ['mp.canbo', '12']]) {
          const r = await get(who!, `/api/beneficiaries.xlsx?policy=health_insurance&unit=${unit}&date=2026-03-01`);
          assert.equal(r.statusCode, 403, `${who} ${unit}`);
        }
        const dk = await sheetText((await get('dk.canbo', '/api/beneficiaries.xlsx?policy=health_insurance&date=2026-03-01')).rawPayload);
        assert.ok(dk.includes(MEMBERS.DK1![0]!.name));
        const db = await sheetText((await get('db.tinh', '/api/beneficiaries.xlsx?policy=health_insurance&date=2026-03-01')).rawPayload);
        assert.ok(db.includes(MEMBERS.MP1![0]!.name));
        for (const txt of [dk, db]) for (const trace of MT_TRACES) assert.ok(!txt.includes(trace), trace);
        assert.ok(!db.includes(MEMBERS.DK1![0]!.name), 'Điện Biên does not see Lai Châu');
      },
    },
  };
}
