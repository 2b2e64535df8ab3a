/** GeoJSON validation: accepted shapes and the fault reported for each kind of bad input. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundaryFileError, parseBoundaryFile, readGeoJson } from '../../../src/domain/geo/index.ts';

const square = (x: number, y: number, s = 1) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

function fault(doc: unknown): BoundaryFileError {
  try {
    readGeoJson(doc);
  } catch (e) {
    assert.ok(e instanceof BoundaryFileError);
    return e;
  }
  assert.fail('expected a fault');
}

test('Polygon, MultiPolygon, GeometryCollection of polygons and null geometry are read', () => {
  const fs = readGeoJson(
    collection(
      feature({ type: 'Polygon', coordinates: [square(105, 21)] }, { code: '01' }),
      feature({ type: 'MultiPolygon', coordinates: [[square(105, 21)], [square(107, 21), square(107.2, 21.2, 0.1)]] }),
      feature({ type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [square(104, 20)] }, { type: 'Polygon', coordinates: [square(106, 20)] }] }),
      feature(null),
    ),
  );
  assert.deepEqual(fs.map((f) => f.geometry?.type ?? null), ['Polygon', 'MultiPolygon', 'MultiPolygon', null]);
  assert.equal(fs[1]!.geometry?.type === 'MultiPolygon' && fs[1]!.geometry.coordinates[1]!.length, 2, 'the hole is kept');
  assert.deepEqual(fs[0]!.properties, { code: '01' });
  const single = readGeoJson({ ...feature({ type: 'Polygon', coordinates: [square(1, 1)] }), id: 7 });
  assert.equal(single[0]!.properties.id, 7);
});

test('each fault names the feature (1-based) and what is wrong', () => {
  const ok = feature({ type: 'Polygon', coordinates: [square(105, 21)] });
  const open = square(105, 21).slice(0, 4);
  let e = fault(collection(ok, feature({ type: 'Polygon', coordinates: [open] })));
  assert.equal(e.key, 'boundary_ring');
  assert.equal(e.params.feature, 2);
  e = fault(collection(feature({ type: 'Point', coordinates: [105, 21] })));
  assert.deepEqual([e.key, e.params.type, e.params.feature], ['boundary_geometry_type', 'Point', 1]);
  e = fault(collection(ok, ok, feature({ type: 'Polygon', coordinates: [[[105, 21], [106, 'x'], [106, 22], [105, 21]]] })));
  assert.deepEqual([e.key, e.params.feature, e.params.path, e.params.detail], ['boundary_coordinates', 3, 'geometry.coordinates[0][1]', 'number']);
  e = fault(collection(feature({ type: 'Polygon', coordinates: [[[105, 21], [106, 95], [106, 22], [105, 21]]] })));
  assert.equal(e.params.detail, 'range');
  assert.equal(fault({ type: 'Topologyy' }).key, 'boundary_unknown_format');
  assert.equal(fault(collection()).key, 'boundary_no_features');
  assert.equal(fault([1, 2]).key, 'boundary_unknown_format');
});

test('text that is not JSON is refused; a byte-order mark is accepted', () => {
  assert.throws(() => parseBoundaryFile('{"type": "FeatureCollection",'), (e: BoundaryFileError) => e.key === 'boundary_not_json');
  const f = parseBoundaryFile('\ufeff' + JSON.stringify(collection(feature({ type: 'Polygon', coordinates: [square(105, 21)] }))));
  assert.equal(f.format, 'geojson');
  assert.equal(f.features.length, 1);
});
