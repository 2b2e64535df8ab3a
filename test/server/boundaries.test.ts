/** Boundary routes: an administrator's upload with its report, faults in the file's language, reading a layer. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { as, openTestApp, type Session, type TestApp } from '../helpers/server.ts';
import { COMMUNE_BOUNDARIES, multipartFile } from './boundary-fixture.ts';

let t: TestApp;
let admin: Session;

before(async () => {
  t = await openTestApp();
  admin = await t.login('admin');
});
after(() => t.close());

function upload(query: string, name: string, content: string, headers: Record<string, string> = {}) {
  const file = multipartFile(name, content);
  return t.app.inject({ method: 'POST', url: `/api/boundaries/import?${query}`, headers: { ...as(admin).headers, 'content-type': file.contentType, ...headers }, payload: file.payload });
}

test('an administrator uploads a GeoJSON file; the report says what matched and what did not', async () => {
  const r = await upload('layout=2025&level=commune&province=12', 'xa.geojson', COMMUNE_BOUNDARIES);
  assert.equal(r.statusCode, 200, r.body);
  const report = r.json();
  assert.equal(report.codeProperty, 'ma_xa');
  assert.equal(report.matchedUnits, 2);
  assert.deepEqual(report.unmatchedFeatures, [{ feature: 3, value: '03325', name: 'Mường Phăng', reason: 'outside_selection' }]);
  const layer = await t.app.inject({ method: 'GET', url: '/api/boundaries/2025/commune?province=12', ...as(admin) });
  assert.equal(layer.statusCode, 200);
  assert.match(layer.headers['content-type'] as string, /application\/geo\+json/);
  assert.deepEqual(layer.json().features.map((f: { properties: { name: string } }) => f.properties.name), ['Phường Đoàn Kết', 'Xã Mường Tè']);
  const layers = await t.app.inject({ method: 'GET', url: '/api/boundaries', ...as(admin) });
  assert.equal(layers.json().items[0].lastImport.fileName, 'xa.geojson');
});

test('a faulty file is refused with a Vietnamese message naming the feature (English on request)', async () => {
  const bad = COMMUNE_BOUNDARIES.replace('[102.5,22.3]', '[102.5,"x"]');
  const vi = await upload('layout=2025&level=commune', 'xa.geojson', bad);
  assert.equal(vi.statusCode, 400);
  assert.equal(vi.json().error.code, 'boundary_coordinates');
  assert.match(vi.json().error.message, /^Đối tượng thứ 1, tại geometry\.coordinates\[0\]\[0\]: toạ độ không hợp lệ/);
  const wrongProperty = await upload('layout=2025&level=commune&property=MA', 'xa.geojson', COMMUNE_BOUNDARIES, { 'accept-language': 'en' });
  assert.equal(wrongProperty.json().error.code, 'boundary_property_unknown');
  assert.equal(wrongProperty.json().error.message, 'No feature has the property "MA". Properties in the file: ma_xa, ten.');
  const missing = await t.app.inject({ method: 'GET', url: '/api/boundaries/2025/commune', ...as(admin) });
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().error.code, 'boundary_province_required');
});
