/**
 * Reports of a historical list year (2025, made under the 2024 three-tier units) in both layouts, on
 * constructed units and households: old commune X (district 105) was split between the new communes
 * Mường Tè (its village A1) and Đoàn Kết (its village B1); old Y (district 105) went wholly into
 * Mường Tè (village A2), old Z (district 106) wholly into Đoàn Kết (village B2). In the 2025 layout
 * each household counts in its village's new commune; in the 2024 layout X counts A1 + B1, under
 * district 105 with its subtotal row; a village without an origin row is "undetermined" under the
 * district its new commune's old communes share (A3), or under "undetermined district" (B3). Đoàn Kết
 * also took in old Z2 of another old province (13): in the national report its villages are placed by
 * their origin, B3 on "undetermined province". Totals are the same in both layouts, for F1 and F2.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import type { Database } from '../../src/db/connect.ts';
import { openTestDatabase } from '../helpers/database.ts';
import { insertUnitFixture } from '../helpers/server.ts';
import { rebuildAllSummaries } from '../../src/db/reports/summary-refresh.ts';
import { buildSummaryReport } from '../../src/db/reports/summary-report.ts';
import type { ReportTable } from '../../src/domain/reports/report-table.ts';
import type { Scope } from '../../src/domain/access/scope.ts';

const P = '12';
const MT = '03445';
const DK = '03388';
const NATIONAL: Scope = { level: 'national' };

/** village → [new commune, old commune (null = no origin row), poor households, near-poor households, others] */
const VILLAGES: Record<string, [string, string | null, number, number, number]> = {
  A1: [MT, '03400', 3, 1, 2],
  A2: [MT, '03401', 1, 2, 1],
  A3: [MT, null, 2, 0, 1],
  B1: [DK, '03400', 2, 2, 0],
  B2: [DK, '03402', 1, 0, 3],
  B3: [DK, null, 0, 1, 1],
};

async function insertUnits(db: Kysely<DB>): Promise<void> {
  await sql`
    insert into admin_unit (layout, code, valid_from, valid_to, name, name_ascii, type, type_en, tier, area_type, province_code) values
      ('2024', '12', '2023-04-08', '2025-07-01', 'Tỉnh Lai Châu', 'tinh lai chau', 'Tỉnh', 'province', 'province', null, '12'),
      ('2024', '105', '2023-04-08', '2025-07-01', 'Huyện Một', 'huyen mot', 'Huyện', 'district', 'district', null, '12'),
      ('2024', '106', '2023-04-08', '2025-07-01', 'Huyện Hai', 'huyen hai', 'Huyện', 'district', 'district', null, '12'),
      ('2024', '107', '2023-04-08', '2025-07-01', 'Huyện Ba', 'huyen ba', 'Huyện', 'district', 'district', null, '12'),
      ('2024', '03400', '2023-04-08', '2025-07-01', 'Xã Ích', 'xa ich', 'Xã', 'commune', 'commune', 'rural', '12'),
      ('2024', '03401', '2023-04-08', '2025-07-01', 'Xã Y Tý', 'xa y ty', 'Xã', 'commune', 'commune', 'rural', '12'),
      ('2024', '03402', '2023-04-08', '2025-07-01', 'Xã Dét', 'xa det', 'Xã', 'commune', 'commune', 'rural', '12'),
      ('2024', '03403', '2023-04-08', '2025-07-01', 'Xã Trống', 'xa trong', 'Xã', 'commune', 'commune', 'rural', '12'),
      ('2024', '13', '2023-04-08', '2025-07-01', 'Tỉnh Mười Ba', 'tinh muoi ba', 'Tỉnh', 'province', 'province', null, '13'),
      ('2024', '130', '2023-04-08', '2025-07-01', 'Huyện Biên', 'huyen bien', 'Huyện', 'district', 'district', null, '13'),
      ('2024', '03500', '2023-04-08', '2025-07-01', 'Xã Giáp Ranh', 'xa giap ranh', 'Xã', 'commune', 'commune', 'rural', '13')`.execute(db);
  await sql`
    insert into admin_unit_parent (layout, code, parent_code, valid_from, valid_to) values
      ('2024', '105', '12', '2023-04-08', '2025-07-01'), ('2024', '106', '12', '2023-04-08', '2025-07-01'), ('2024', '107', '12', '2023-04-08', '2025-07-01'),
      ('2024', '03400', '105', '2023-04-08', '2025-07-01'), ('2024', '03401', '105', '2023-04-08', '2025-07-01'),
      ('2024', '03402', '106', '2023-04-08', '2025-07-01'), ('2024', '03403', '107', '2023-04-08', '2025-07-01'),
      ('2024', '130', '13', '2023-04-08', '2025-07-01'), ('2024', '03500', '130', '2023-04-08', '2025-07-01')`.execute(db);
  await sql`
    insert into admin_unit_succession (old_layout, old_code, new_layout, new_code, relation, effective_date) values
      ('2024', '03400', '2025', ${MT}, 'partial', '2025-07-01'), ('2024', '03400', '2025', ${DK}, 'partial', '2025-07-01'),
      ('2024', '03401', '2025', ${MT}, 'full', '2025-07-01'), ('2024', '03402', '2025', ${DK}, 'full', '2025-07-01'),
      ('2024', '03500', '2025', ${DK}, 'full', '2025-07-01')`.execute(db);
}

async function households(db: Kysely<DB>): Promise<void> {
  let n = 0;
  for (const [village, [commune, old, poor, near, others]] of Object.entries(VILLAGES)) {
    await sql`insert into village (province_code, commune_code, code, name, name_ascii) values (${P}, ${commune}, ${village}, ${`Bản ${village}`}, ${`ban ${village.toLowerCase()}`})`.execute(db);
    if (old) await sql`insert into village_origin (province_code, commune_code, village_code, old_commune_code) values (${P}, ${commune}, ${village}, ${old})`.execute(db);
    const statuses = [...Array<string>(poor).fill('poor'), ...Array<string>(near).fill('near_poor'), ...Array<string>(others).fill('none')];
    for (const status of statuses) {
      n++;
      const h = await sql<{ id: number }>`
        insert into household (province_code, code, commune_code, village_code, head_name, head_name_ascii, ethnicity)
        values (${P}, ${`HL${n}`}, ${commune}, ${village}, ${`Chủ hộ ${n}`}, ${`chu ho ${n}`}, 'Thái') returning id`.execute(db);
      const id = h.rows[0]!.id;
      for (let m = 1; m <= 1 + (n % 3); m++) {
        await sql`insert into member (province_code, household_id, line_no, full_name, full_name_ascii, birth_year, sex, relation)
          values (${P}, ${id}, ${m}, ${`Người ${n}.${m}`}, ${`nguoi ${n}.${m}`}, 1980, ${m % 2 ? 'male' : 'female'}, ${m === 1 ? 'head' : 'child'})`.execute(db);
      }
      // The 2025 list (made by the 2024 review) and, for every second household, the same status on the 2024 list (F2/F3 movements).
      if (status !== 'none') {
        await sql`insert into list_status (province_code, household_id, list_year, status, standard_id, decision_number, decision_date, effective_from)
          values (${P}, ${id}, 2025, ${status}, 'nd07-2021', '1/QĐ-UBND', '2024-12-10', '2025-01-01')`.execute(db);
      }
      if (n % 2 === 0) {
        await sql`insert into list_status (province_code, household_id, list_year, status, standard_id, decision_number, decision_date, effective_from)
          values (${P}, ${id}, 2024, 'poor', 'nd07-2021', '2/QĐ-UBND', '2023-12-10', '2024-01-01')`.execute(db);
      }
    }
  }
}

/** Σ of column `key` over the rows of the given kind. */
const sum = (t: ReportTable, key: string, rows: (r: ReportTable['rows'][number]) => boolean) => t.rows.filter(rows).reduce((a, r) => a + Number(r.values[key] ?? 0), 0);
const row = (t: ReportTable, code: string) => t.rows.find((r) => r.code === code && !r.total);
const value = (t: ReportTable, code: string, key: string) => Number(row(t, code)?.values[key]);
const totalOf = (t: ReportTable, key: string) => Number(t.rows.find((r) => r.total)!.values[key]);
const counted = (villages: string[], i: 2 | 3) => villages.reduce((a, v) => a + VILLAGES[v]![i], 0);

describe('reports of a historical year in the 2025 and the 2024 layouts', () => {
  let database: Database;
  let db: Kysely<DB>;
  before(async () => {
    database = await openTestDatabase();
    db = database.db;
    await insertUnitFixture(database);
    await insertUnits(db);
    await households(db);
    await rebuildAllSummaries(db);
  });
  after(() => database.close());

  test('2025 layout: a split commune’s households follow their village into the new communes', async () => {
    const t = await buildSummaryReport(db, NATIONAL, { form: 'F1', year: 2025, unit: P });
    assert.equal(t.layout, '2025');
    assert.match(t.layoutNote, /bố cục năm 2025 \(hai cấp: tỉnh – xã\)/);
    assert.equal(value(t, MT, 'poor_h'), counted(['A1', 'A2', 'A3'], 2));
    assert.equal(value(t, DK, 'poor_h'), counted(['B1', 'B2', 'B3'], 2));
    assert.equal(value(t, DK, 'near_h'), counted(['B1', 'B2', 'B3'], 3));
  });

  test('2024 layout of the province: old communes under district subtotals; the split commune counts both its villages; totals unchanged', async () => {
    const t25 = await buildSummaryReport(db, NATIONAL, { form: 'F1', year: 2025, unit: P });
    const t = await buildSummaryReport(db, NATIONAL, { form: 'F1', year: 2025, unit: P, layout: '2024' });
    assert.equal(t.layout, '2024');
    assert.match(t.layoutNote, /trước ngày 01\/7\/2025 \(ba cấp: tỉnh – huyện – xã\)/);
    assert.equal(value(t, '03400', 'poor_h'), counted(['A1', 'B1'], 2), 'X = its village in Mường Tè + its village in Đoàn Kết');
    assert.equal(value(t, '03400', 'near_h'), counted(['A1', 'B1'], 3));
    assert.equal(value(t, '03401', 'poor_h'), counted(['A2'], 2));
    assert.equal(value(t, '03402', 'poor_h'), counted(['B2'], 2));
    assert.equal(value(t, '03403', 'households'), 0, 'an old commune without data is listed with zeros');
    assert.equal(value(t, `?${MT}`, 'poor_h'), counted(['A3'], 2), 'A3: undetermined old commune, Mường Tè came from two communes of district 105');
    assert.equal(value(t, `?${DK}`, 'near_h'), counted(['B3'], 3));
    // Group rows: district 105 holds X, Y and Mường Tè's undetermined village; Đoàn Kết's undetermined village has no common district.
    const groups = t.rows.filter((r) => r.subtotal).map((r) => `${r.no} ${r.code}`);
    assert.deepEqual(groups, ['I 105', 'II 106', 'III 107', 'IV ?']);
    const labels = t.rows.map((r) => r.code);
    assert.ok(labels.indexOf(`?${MT}`) > labels.indexOf('105') && labels.indexOf(`?${MT}`) < labels.indexOf('106'));
    assert.equal(value(t, '105', 'poor_h'), counted(['A1', 'B1', 'A2', 'A3'], 2), 'district subtotal = its rows');
    for (const key of ['households', 'persons', 'poor_h', 'poor_p', 'near_h', 'near_p']) {
      const units = sum(t, key, (r) => !r.total && !r.subtotal);
      assert.equal(totalOf(t, key), units, `${key}: total = Σ unit rows`);
      assert.equal(sum(t, key, (r) => !!r.subtotal), units, `${key}: Σ subtotals = Σ unit rows`);
      assert.equal(totalOf(t, key), totalOf(t25, key), `${key}: same total in both layouts`);
    }
  });

  test('2024 layout of a district and of the split old commune (rows: its villages in both new communes)', async () => {
    const d = await buildSummaryReport(db, NATIONAL, { form: 'F1', year: 2025, unit: '105', layout: '2024' });
    assert.deepEqual(d.rows.filter((r) => !r.total).map((r) => r.code), ['03400', '03401', `?${MT}`]);
    assert.equal(totalOf(d, 'poor_h'), counted(['A1', 'B1', 'A2', 'A3'], 2));
    const x = await buildSummaryReport(db, NATIONAL, { form: 'F1', year: 2025, unit: '03400', layout: '2024' });
    assert.deepEqual(x.rows.filter((r) => !r.total).map((r) => [r.code, r.label]), [
      [`${DK}:B1`, 'Bản B1 (nay thuộc Phường Đoàn Kết)'],
      [`${MT}:A1`, 'Bản A1 (nay thuộc Xã Mường Tè)'],
    ]);
    assert.equal(totalOf(x, 'households'), counted(['A1', 'B1'], 2) + counted(['A1', 'B1'], 3) + VILLAGES.A1![4] + VILLAGES.B1![4]);
    assert.match(x.subtitle, /Xã Ích, Huyện Một, Tỉnh Lai Châu/);
  });

  test('F2 movements: same totals in both layouts; the split commune’s movements are its two villages’', async () => {
    const t25 = await buildSummaryReport(db, NATIONAL, { form: 'F2', year: 2025, unit: P });
    const t = await buildSummaryReport(db, NATIONAL, { form: 'F2', year: 2025, unit: P, layout: '2024' });
    const leaves = Object.keys(t.rows[0]!.values);
    assert.ok(leaves.length > 3);
    assert.ok(leaves.filter((k) => Number(t.rows.find((r) => r.total)!.values[k]) > 0).length >= 3, 'movements present (start, end, changes)');
    for (const key of leaves) {
      for (const b of ['Hộ', 'Nhân khẩu']) {
        const total = Number(t.rows.find((r) => r.total && r.breakdown === b)!.values[key] ?? 0);
        assert.equal(total, Number(t25.rows.find((r) => r.total && r.breakdown === b)!.values[key] ?? 0), `${key}/${b}`);
        assert.equal(total, sum(t, key, (r) => !r.total && !r.subtotal && r.breakdown === b), `${key}/${b}: Σ rows`);
      }
    }
    const x = await buildSummaryReport(db, NATIONAL, { form: 'F2', year: 2025, unit: '03400', layout: '2024' });
    const xTotal = x.rows.find((r) => r.total && r.breakdown === 'Hộ')!.values;
    const provinceX = t.rows.find((r) => r.code === '03400' && r.breakdown === 'Hộ')!.values;
    assert.deepEqual(xTotal, provinceX);
  });

  test('scope: a commune officer may not read an old commune that went partly into another commune', async () => {
    const officer: Scope = { level: 'commune', provinceCode: P, communeCode: MT };
    await assert.rejects(buildSummaryReport(db, officer, { form: 'F1', year: 2025, unit: '03400', layout: '2024' }), { code: 'report_unit_out_of_scope' });
    const y = await buildSummaryReport(db, officer, { form: 'F1', year: 2025, unit: '03401', layout: '2024' });
    assert.equal(totalOf(y, 'poor_h'), counted(['A2'], 2));
    await assert.rejects(buildSummaryReport(db, { level: 'province', provinceCode: '11' }, { form: 'F1', year: 2025, unit: P, layout: '2024' }), { code: 'report_unit_out_of_scope' });
  });
  test('2024 layout of the nation: old provinces; a commune formed across old provinces is placed village by village', async () => {
    for (const form of ['F1', 'F2'] as const) {
      const t25 = await buildSummaryReport(db, NATIONAL, { form, year: 2025, unit: '' });
      const t = await buildSummaryReport(db, NATIONAL, { form, year: 2025, unit: '', layout: '2024' });
      assert.equal(t.unit.tier, 'nation');
      assert.deepEqual([...new Set(t.rows.filter((r) => !r.total).map((r) => r.code))], ['12', '13', '?']);
      assert.deepEqual(t.rows.filter((r) => r.total), t25.rows.filter((r) => r.total), `${form}: the same total row`);
    }
    const t = await buildSummaryReport(db, NATIONAL, { form: 'F1', year: 2025, unit: '', layout: '2024' });
    assert.equal(value(t, '?', 'poor_h'), counted(['B3'], 2));
    assert.equal(value(t, '?', 'near_h'), counted(['B3'], 3));
    assert.equal(value(t, '12', 'poor_h'), counted(['A1', 'A2', 'A3', 'B1', 'B2'], 2));
    assert.equal(value(t, '13', 'households'), 0);
    assert.equal(t.issuer, null);
    await assert.rejects(buildSummaryReport(db, { level: 'province', provinceCode: P }, { form: 'F1', year: 2025, unit: '', layout: '2024' }), { code: 'report_unit_out_of_scope' });
  });
});
