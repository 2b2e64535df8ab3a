/** TopoJSON decoding on a topology built here: two unit squares sharing one arc, quantized and delta-encoded. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundaryFileError, parseBoundaryFile, readTopology, type PolygonalGeometry } from '../../../src/domain/geo/index.ts';

/*
 * Squares A = [0,1]×[0,1] and B = [1,2]×[0,1] in longitude/latitude 100 + x, 20 + y.
 * Arc 0: the shared border (1,0) → (1,1). Arc 1: A's outline from (1,1) round to (1,0).
 * Arc 2: B's outline from (1,0) round to (1,1). A = [0, 1]; B = [2, ~0] (arc 0 reversed).
 * Quantized with scale 0.5 (each unit = 2 steps), translate (100, 20), positions delta-encoded.
 */
function quantizedTopology(): Record<string, unknown> {
  return {
    type: 'Topology',
    transform: { scale: [0.5, 0.5], translate: [100, 20] },
    arcs: [
      [[2, 0], [0, 2]],
      [[2, 2], [-2, 0], [0, -2], [2, 0]],
      [[2, 0], [2, 0], [0, 2], [-2, 0]],
    ],
    objects: {
      communes: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0, 1]], properties: { ma_xa: 1, ten: 'Xã A' } },
          { type: 'Polygon', arcs: [[2, -1]], properties: { ma_xa: '00002', ten: 'Xã B' } },
          { type: 'MultiPolygon', arcs: [[[0, 1]], [[2, -1]]], id: 'AB', properties: { name: 'A và B' } },
        ],
      },
    },
  };
}

const ring = (g: PolygonalGeometry | null) => (g?.type === 'Polygon' ? g.coordinates[0] : undefined);

test('quantized delta arcs decode to absolute positions; rings concatenate arcs, a negative index reverses', () => {
  const t = readTopology(quantizedTopology());
  assert.equal(t.objectName, 'communes');
  assert.equal(t.features.length, 3);
  assert.deepEqual(ring(t.features[0]!.geometry), [[101, 20], [101, 21], [100, 21], [100, 20], [101, 20]]);
  assert.deepEqual(ring(t.features[1]!.geometry), [[101, 20], [102, 20], [102, 21], [101, 21], [101, 20]]);
  const multi = t.features[2]!;
  assert.equal(multi.geometry?.type, 'MultiPolygon');
  assert.equal(multi.properties.id, 'AB', 'the geometry id becomes a property');
  assert.deepEqual(t.features[0]!.properties, { ma_xa: 1, ten: 'Xã A' });
});

test('a topology without transform holds absolute positions', () => {
  const t = readTopology({
    type: 'Topology',
    arcs: [[[105.5, 21], [106, 21], [106, 21.5], [105.5, 21]]],
    objects: { x: { type: 'Polygon', arcs: [[0]], properties: { code: '01' } } },
  });
  assert.deepEqual(ring(t.features[0]!.geometry), [[105.5, 21], [106, 21], [106, 21.5], [105.5, 21]]);
});

test('parseBoundaryFile recognises a topology from its content and can pick the object', () => {
  const doc = quantizedTopology();
  (doc.objects as Record<string, unknown>).other = { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1]], properties: {} }] };
  const f = parseBoundaryFile(JSON.stringify(doc), { object: 'other' });
  assert.equal(f.format, 'topojson');
  assert.equal(f.features.length, 1);
  assert.deepEqual(f.objectNames, ['communes', 'other']);
});

test('simplifying on the arcs keeps the shared border identical in both neighbours', () => {
  // A wiggly shared border (arc 0) between two squares of side 1°: wiggles of 0.0002° vanish at 0.001°.
  const border: number[][] = [[1, 0]];
  for (let i = 1; i < 100; i++) border.push([1 + (i % 2 ? 0.0002 : -0.0002), i / 100]);
  border.push([1, 1]);
  const topo = {
    type: 'Topology',
    arcs: [
      border,
      [[1, 1], [0, 1], [0, 0], [1, 0]],
      [[1, 0], [2, 0], [2, 1], [1, 1]],
    ],
    objects: { c: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1]] }, { type: 'Polygon', arcs: [[2, -1]] }] } },
  };
  const t = readTopology(topo, { simplify: { tolerance: 0.001, digits: 4 } });
  const a = ring(t.features[0]!.geometry)!;
  const b = ring(t.features[1]!.geometry)!;
  assert.deepEqual(a, [[1, 0], [1, 1], [0, 1], [0, 0], [1, 0]]);
  const sharedInB = b.filter(([x]) => x === 1);
  assert.deepEqual(sharedInB.map((p) => p.join()).toSorted(), ['1,0', '1,0', '1,1']);
});

function bad(mutate: (d: Record<string, unknown>) => void): () => unknown {
  const d = quantizedTopology();
  mutate(d);
  return () => readTopology(d);
}

const geoms = (d: Record<string, unknown>) => (d.objects as Record<string, { geometries: Record<string, unknown>[] }>).communes.geometries;

test('faults name the feature: arc index out of range, point geometry, missing object', () => {
  assert.throws(bad((d) => void (geoms(d)[1]!.arcs = [[7]])), (e: BoundaryFileError) => e.key === 'boundary_arc_index' && e.params.feature === 2);
  assert.throws(bad((d) => void (geoms(d)[0]!.type = 'Point')), (e: BoundaryFileError) => e.key === 'boundary_geometry_type' && e.params.feature === 1);
  assert.throws(() => readTopology(quantizedTopology(), { object: 'xa' }), (e: BoundaryFileError) => e.key === 'boundary_topology_object' && e.params.objects === 'communes');
  assert.throws(bad((d) => void (d.arcs = [[[0, 0]]])), (e: BoundaryFileError) => e.key === 'boundary_topology_arcs');
});
