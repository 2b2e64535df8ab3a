/**
 * Cross-scope cases of the import routes, spread into the `cases` of test/server/scope.test.ts (not a
 * test file). Mường Tè's officer uploads a file (one household with a finding, so the job stays
 * validated); users of another commune or province neither see the job nor its findings, cannot commit
 * it, get templates listing only their own communes, and cannot import into Mường Tè.
 */
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { as, type Session, type TestApp } from '../helpers/server.ts';
import { csvText, household, members } from '../db/import/import-fixtures.ts';
import { SHEETS_BY_ID } from '../../src/domain/import/import-kinds.ts';
import { postUpload, waitForJob } from './import-http.ts';

type Case = { why: string; run: () => Promise<void> };

const OUTSIDERS = ['dk.canbo', 'db.tinh', 'mp.canbo'];

export function importScopeCases(app: () => TestApp, s: Record<string, Session>): Record<string, Case> {
  let job: Promise<number> | undefined;
  const session = async (who: string) => (s[who] ??= await app().login(who));
  const files = (code: string, commune: string) => [
    { name: 'h', file: { name: 'households.csv', content: csvText(SHEETS_BY_ID.households, [household(code, { commune_code: commune, village_code: null, phone: 'abc' })]) } },
    { name: 'm', file: { name: 'members.csv', content: csvText(SHEETS_BY_ID.members, members(code, 'Bí Mật Nhập Liệu')) } },
  ];
  /** Mường Tè's job (validated, with one finding on the phone cell). */
  const mtJob = () =>
    (job ??= (async () => {
      const r = await postUpload(app(), await session('mt.canbo'), files('MT-SCOPE-1', '03445'));
      assert.equal(r.statusCode, 202, r.body);
      const j = await waitForJob(app(), await session('mt.canbo'), r.json().id);
      assert.equal(j.state, 'validated');
      return r.json().id as number;
    })());
  async function refused(method: 'GET' | 'POST', url: (id: number) => string, payload?: object) {
    const id = await mtJob();
    for (const who of OUTSIDERS) {
      const r = await app().app.inject({ method, url: url(id), ...as(await session(who)), ...(payload && { payload }) });
      assert.equal(r.statusCode, 404, `${who} ${url(id)} → ${r.statusCode}`);
      assert.ok(!r.body.includes('MT-SCOPE') && !r.body.includes('Bí Mật'), `${who} saw Mường Tè's import`);
    }
  }
  return {
    'GET /api/imports/template.xlsx': {
      why: 'the units sheet lists only the caller’s own communes',
      run: async () => {
        const r = await app().app.inject({ method: 'GET', url: '/api/imports/template.xlsx?date=2026-01-15', ...as(await session('dk.canbo')) });
        assert.equal(r.statusCode, 200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
        const codes: string[] = [];
        wb.getWorksheet('Đơn vị')!.eachRow((row, n) => void (n > 1 && codes.push(String(row.getCell(1).value))));
        assert.deepEqual(codes, ['03388']);
      },
    },
    'GET /api/imports/template/:sheet.csv': {
      why: 'a header line only, the same for everyone; no unit data',
      run: async () => {
        const r = await app().app.inject({ method: 'GET', url: '/api/imports/template/members.csv', ...as(await session('mp.canbo')) });
        assert.equal(r.statusCode, 200);
        assert.equal(r.body.trim().split('\n').length, 1);
      },
    },
    'GET /api/imports': {
      why: 'lists only the jobs of the caller’s unit',
      run: async () => {
        const id = await mtJob();
        for (const who of OUTSIDERS) {
          const r = await app().app.inject({ method: 'GET', url: '/api/imports', ...as(await session(who)) });
          assert.ok(!(r.json().items as Array<{ id: number }>).some((j) => j.id === id), `${who} sees Mường Tè's job`);
        }
        const own = await app().app.inject({ method: 'GET', url: '/api/imports', ...as(await session('lc.tinh')) });
        assert.ok((own.json().items as Array<{ id: number }>).some((j) => j.id === id), 'the province sees its commune’s job');
      },
    },
    'POST /api/imports': {
      why: 'an outsider importing a household of Mường Tè gets “outside your scope” on the commune cell and nothing is written',
      run: async () => {
        for (const who of OUTSIDERS) {
          const r = await postUpload(app(), await session(who), files(`MT-INTRUDE-${who}`, '03445'));
          assert.equal(r.statusCode, 202);
          const j = await waitForJob(app(), await session(who), r.json().id);
          const e = await app().app.inject({ method: 'GET', url: `/api/imports/${r.json().id}/errors`, ...as(await session(who)) });
          assert.ok((e.json().items as Array<{ code: string }>).some((x) => x.code === 'commune_out_of_scope'), `${who}: ${e.body}`);
          assert.equal(j.state, 'validated');
          const c = await app().app.inject({ method: 'POST', url: `/api/imports/${r.json().id}/commit`, ...as(await session(who)), payload: { mode: 'valid_only' } });
          assert.equal(c.statusCode, 202);
          await waitForJob(app(), await session(who), r.json().id);
        }
        const n = await sql<{ n: number }>`select count(*)::int as n from household where code like 'MT-INTRUDE-%'`.execute(app().database.db);
        assert.equal(n.rows[0]!.n, 0);
      },
    },
    'GET /api/imports/:id': {
      why: 'another unit’s job is “not found”',
      run: () => refused('GET', (id) => `/api/imports/${id}`),
    },
    'GET /api/imports/:id/errors': {
      why: 'another unit’s findings are “not found”',
      run: () => refused('GET', (id) => `/api/imports/${id}/errors`),
    },
    'GET /api/imports/:id/errors.xlsx': {
      why: 'another unit’s report is “not found”',
      run: () => refused('GET', (id) => `/api/imports/${id}/errors.xlsx`),
    },
    'POST /api/imports/:id/commit': {
      why: 'another unit’s job cannot be committed, and nothing is written',
      run: async () => {
        await refused('POST', (id) => `/api/imports/${id}/commit`, { mode: 'valid_only' });
        const n = await sql<{ n: number }>`select count(*)::int as n from household where code = 'MT-SCOPE-1'`.execute(app().database.db);
        assert.equal(n.rows[0]!.n, 0);
      },
    },
  };
}
