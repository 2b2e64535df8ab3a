/**
 * Boundary import on PGlite (and PostgreSQL in CI) with constructed files: matching, the report of
 * unmatched features and units, idempotence, all-or-nothing on errors, audit, and scoped reading.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../../helpers/database.ts';
import { insertUnitFixture } from '../../helpers/server.ts';
import type { Database } from '../../../src/db/connect.ts';
import { importBoundaryFile, BoundaryImportError, layerGeoJson, listBoundaryLayers } from '../../../src/db/boundaries/index.ts';
import { BoundaryFileError } from '../../../src/domain/geo/index.ts';
import type { Actor } from '../../../src/db/audit.ts';

const ADMIN: Actor = { id: null, username: 'test-admin', role: 'national_admin' };
let database: Database;

before(async () => {
  database = await openTestDatabase();
  await insertUnitFixture(database);
});
after(() => database.close());

const square = (x: number, y: number, s = 0.1) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const feature = (properties: Record<string, unknown>, ...parts: number[][][]) => ({
  type: 'Feature',
  properties,
  geometry: parts.length === 1 ? { type: 'Polygon', coordinates: [parts[0]] } : { type: 'MultiPolygon', coordinates: parts.map((p) => [p]) },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

const count = async (table: 'boundary' | 'boundary_import') => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db)).rows[0]!.n;

test('features match units by the detected property; the report lists what was not used', async () => {
  const file = collection(
    feature({ MA_XA: 3445, TEN: 'Xã Mường Tè' }, square(102.5, 22.3)),
    feature({ MA_XA: 3445, TEN: 'Mường Tè (phần tách rời)' }, square(102.7, 22.3)),
    feature({ MA_XA: 99999, TEN: 'Xã không có' }, square(103, 22)),
    feature({ MA_XA: 3325, TEN: 'Xã Mường Phăng' }, square(103.1, 21.4)),
  );
  const r = await importBoundaryFile(database.db, ADMIN, file, { layout: '2025', level: 'commune', fileName: 'xa.geojson' });
  assert.equal(r.codeProperty, 'MA_XA');
  assert.equal(r.format, 'geojson');
  assert.deepEqual([r.features, r.matchedUnits, r.matchedFeatures], [4, 2, 3]);
  assert.deepEqual(r.repeatedCodes, ['03445']);
  assert.deepEqual(r.unmatchedFeatures, [{ feature: 3, value: '99999', name: 'Xã không có', reason: 'unknown_code' }]);
  // Đoàn Kết (province 12, covered by the file) has no boundary; nothing is said about provinces the file does not touch.
  assert.deepEqual(r.unmatchedUnits, [{ code: '03388', name: 'Phường Đoàn Kết', provinceCode: '12' }]);
  const stored = await sql<{ code: string; province_code: string; geometry: string }>`select code, province_code, geometry from boundary order by code`.execute(database.db);
  assert.deepEqual(stored.rows.map((x) => [x.code, x.province_code]), [['03325', '11'], ['03445', '12']]);
  assert.equal(JSON.parse(stored.rows[1]!.geometry).type, 'MultiPolygon', 'the two parts of Mường Tè are one unit');
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'boundary.import' and entity_id = ${String(r.importId)}`.execute(database.db);
  assert.equal(audit.rows[0]!.n, 1);
});

test('re-importing the same file changes nothing but the import log; a named property is used as given', async () => {
  const file = collection(feature({ ma: '03388', code: 'x' }, square(103.4, 22.4)), feature({ ma: '03445', code: 'y' }, square(102.5, 22.3)));
  const first = await importBoundaryFile(database.db, ADMIN, file, { layout: '2025', level: 'commune', codeProperty: 'ma' });
  const rows1 = await sql`select code, geometry, positions from boundary order by code`.execute(database.db);
  const second = await importBoundaryFile(database.db, ADMIN, file, { layout: '2025', level: 'commune', codeProperty: 'ma' });
  const rows2 = await sql`select code, geometry, positions from boundary order by code`.execute(database.db);
  assert.deepEqual(rows2.rows, rows1.rows);
  assert.equal(second.matchedUnits, 2);
  assert.ok(second.importId > first.importId);
  assert.deepEqual(second.unmatchedUnits, []);
});

test('a bad file or a property that matches nothing writes nothing, and says why', async () => {
  const counted = [await count('boundary'), await count('boundary_import')];
  await assert.rejects(
    importBoundaryFile(database.db, ADMIN, collection(feature({ ma: '1' }, square(1, 1).slice(0, 4))), { layout: '2025', level: 'commune' }),
    (e: BoundaryFileError) => e.key === 'boundary_ring' && e.params.feature === 1,
  );
  await assert.rejects(
    importBoundaryFile(database.db, ADMIN, collection(feature({ ma: '77777', OBJECTID: 5 }, square(1, 1))), { layout: '2025', level: 'commune' }),
    (e: BoundaryImportError) => e.key === 'boundary_nothing_matched',
  );
  await assert.rejects(
    importBoundaryFile(database.db, ADMIN, collection(feature({ ma: '03445' }, square(1, 1))), { layout: '2025', level: 'commune', codeProperty: 'ma_xa' }),
    (e: BoundaryImportError) => e.key === 'boundary_property_unknown' && e.params.properties === 'ma',
  );
  await assert.rejects(
    importBoundaryFile(database.db, ADMIN, collection(feature({ ma: '12' }, square(1, 1))), { layout: '2024', level: 'province' }),
    (e: BoundaryImportError) => e.key === 'boundary_no_units',
  );
  assert.deepEqual([await count('boundary'), await count('boundary_import')], counted);
});

test('a province selection stores only that province; provinces are read province-level', async () => {
  const r = await importBoundaryFile(
    database.db,
    ADMIN,
    collection(feature({ ma_tinh: '12' }, square(102, 21.5, 1)), feature({ ma_tinh: '11' }, square(102.5, 20.5, 1))),
    { layout: '2025', level: 'province', provinceCodes: ['12'] },
  );
  assert.equal(r.codeProperty, 'ma_tinh');
  assert.equal(r.matchedUnits, 1);
  assert.deepEqual(r.unmatchedFeatures.map((f) => [f.value, f.reason]), [['11', 'outside_selection']]);
});

test('layers are read inside the caller’s scope', async () => {
  const national = await layerGeoJson(database.db, { level: 'national' }, { layout: '2025', level: 'commune', province: '12' });
  const fc = JSON.parse(national.json);
  assert.equal(fc.type, 'FeatureCollection');
  assert.deepEqual(fc.features.map((f: { id: string }) => f.id), ['03388', '03445']);
  assert.deepEqual(fc.features[1].properties, { code: '03445', name: 'Xã Mường Tè', provinceCode: '12' });
  const commune = await layerGeoJson(database.db, { level: 'commune', provinceCode: '12', communeCode: '03445' }, { layout: '2025', level: 'commune', province: '12' });
  assert.deepEqual(JSON.parse(commune.json).features.map((f: { id: string }) => f.id), ['03445']);
  const other = await layerGeoJson(database.db, { level: 'province', provinceCode: '11' }, { layout: '2025', level: 'commune', province: '12' });
  assert.equal(other.count, 0);
  assert.equal((await layerGeoJson(database.db, { level: 'commune', provinceCode: '12', communeCode: '03445' }, { layout: '2025', level: 'province' })).count, 0);
  const layers = await listBoundaryLayers(database.db, { level: 'province', provinceCode: '11' });
  assert.deepEqual(layers.map((l) => [l.level, l.units, l.provinceCodes]), [['commune', 1, ['11']]]);
  const all = await listBoundaryLayers(database.db, { level: 'national' });
  assert.deepEqual(all.map((l) => [l.layout, l.level, l.units]), [['2025', 'province', 1], ['2025', 'commune', 3]]);
});
