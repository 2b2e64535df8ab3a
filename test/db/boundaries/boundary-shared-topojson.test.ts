/**
 * Integration: the national commune TopoJSON of ../shared/data (3,321 communes of the 2025 layout)
 * imported against the 2025 unit list of the same directory. CI always has ../shared; elsewhere the
 * test is skipped and says why.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../../helpers/database.ts';
import { readSharedCsv, REPO_ROOT } from '../units/fixtures.ts';
import { importBoundaryFile, layerGeoJson } from '../../../src/db/boundaries/index.ts';
import { bboxOf, polygonsOf, type PolygonalGeometry } from '../../../src/domain/geo/index.ts';

const DIR = path.resolve(REPO_ROOT, '../shared/data/admin-units-2025');
const TOPOJSON = path.join(DIR, 'communes.topojson');
const UNITS = path.join(DIR, 'units.csv');

function missingReason(): string | null {
  for (const f of [TOPOJSON, UNITS]) if (!fs.existsSync(f)) return `${path.relative(REPO_ROOT, f)} is absent (the shared reference data is not beside this checkout; CI always has it)`;
  return null;
}

test('the national commune TopoJSON imports every commune, matched by its code property', async (t) => {
  const missing = missingReason();
  if (missing) {
    t.skip(missing);
    return;
  }
  const database = await openTestDatabase();
  try {
    const units = readSharedCsv(UNITS);
    for (let i = 0; i < units.length; i += 500) {
      const chunk = units.slice(i, i + 500);
      await sql`insert into admin_unit (layout, code, valid_from, name, name_ascii, type, type_en, tier, area_type, province_code) values ${sql.join(
        chunk.map(
          (u) =>
            sql`('2025', ${u.code}, '2025-07-01', ${u.name}, ${u.name_ascii!.toLowerCase()}, ${u.type}, ${u.type_en}, ${u.level === '1' ? 'province' : 'commune'}, ${u.urban_rural || null}, ${u.province_code})`,
        ),
      )}`.execute(database.db);
    }
    const communes = units.filter((u) => u.level === '2').length;
    const r = await importBoundaryFile(database.db, { id: null, username: 'test', role: 'national_admin' }, fs.readFileSync(TOPOJSON, 'utf8'), {
      layout: '2025',
      level: 'commune',
      fileName: 'communes.topojson',
    });
    assert.equal(r.format, 'topojson');
    assert.equal(r.objectName, 'communes');
    assert.equal(r.codeProperty, 'code');
    assert.equal(r.features, communes);
    assert.equal(r.matchedUnits, communes);
    assert.equal(r.unmatchedFeatureCount, 0);
    assert.equal(r.unmatchedUnitCount, 0);
    assert.ok(r.positions < 400_000, `simplified for display (${r.positions} positions)`);

    const lc = JSON.parse((await layerGeoJson(database.db, { level: 'national' }, { layout: '2025', level: 'commune', province: '12' })).json);
    assert.equal(lc.features.length, units.filter((u) => u.level === '2' && u.province_code === '12').length);
    const box = bboxOf(lc.features.map((f: { geometry: PolygonalGeometry }) => f.geometry))!;
    // Lai Châu lies about 102.2–103.9 °E, 21.6–22.9 °N.
    assert.ok(box.minX > 102 && box.maxX < 104 && box.minY > 21.4 && box.maxY < 23, JSON.stringify(box));
    for (const f of lc.features as Array<{ geometry: PolygonalGeometry }>) {
      for (const p of polygonsOf(f.geometry)) for (const ring of p) assert.deepEqual(ring[0], ring.at(-1), 'rings stay closed');
    }
  } finally {
    await database.close();
  }
});
