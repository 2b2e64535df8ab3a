/** Douglas–Peucker and display simplification: properties over random polylines, and the edge cases. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { douglasPeucker, parseBoundaryFile, positionCount, simplifyGeometry, type Position } from '../../../src/domain/geo/index.ts';

function distanceToSegment(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

const polyline = fc.array(fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })), { minLength: 2, maxLength: 60 });

test('Douglas–Peucker keeps the end points, keeps points in order, and every dropped point lies within the tolerance', () => {
  fc.assert(
    fc.property(polyline, fc.double({ min: 0.001, max: 0.5, noNaN: true }), (raw, tol) => {
      const pts = raw as Position[];
      const out = douglasPeucker(pts, tol);
      assert.equal(out[0], pts[0]);
      assert.equal(out[out.length - 1], pts[pts.length - 1]);
      // A subsequence of the input, and each dropped point is near the kept segment spanning it.
      let k = 0;
      for (let i = 0; i < pts.length; i++) {
        if (out[k] === pts[i]) {
          k++;
          continue;
        }
        assert.ok(distanceToSegment(pts[i]!, out[k - 1]!, out[k]!) <= tol + 1e-12, `point ${i} too far`);
      }
      assert.equal(k, out.length);
    }),
  );
});

test('a straight line collapses to its ends; a bump above the tolerance stays', () => {
  const line: Position[] = [[0, 0], [1, 0.00001], [2, 0], [3, -0.00001], [4, 0]];
  assert.deepEqual(douglasPeucker(line, 0.001), [[0, 0], [4, 0]]);
  const bump: Position[] = [[0, 0], [1, 0], [2, 0.5], [3, 0], [4, 0]];
  assert.deepEqual(douglasPeucker(bump, 0.3), [[0, 0], [2, 0.5], [4, 0]]);
  assert.equal(douglasPeucker(bump, 0.1).length, 5, "(1,0) lies 0.24 from the chord (0,0)–(2,0.5)");
  assert.equal(douglasPeucker(bump, 0).length, 5, 'tolerance 0 keeps everything');
});

test('a closed ring keeps its farthest corner and stays closed', () => {
  const ring: Position[] = [[0, 0], [1, 0], [1, 1], [0.5, 1.00001], [0, 1], [0, 0]];
  const g = simplifyGeometry({ type: 'Polygon', coordinates: [ring] }, { tolerance: 0.001, digits: 4 });
  assert.ok(g && g.type === 'Polygon');
  assert.deepEqual(g.coordinates[0], [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
});

test('collapsing holes and islets are dropped, but a unit keeps its largest part', () => {
  const big: Position[] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
  const tinyHole: Position[] = [[0.5, 0.5], [0.50001, 0.5], [0.50001, 0.50001], [0.5, 0.5]];
  const islet: Position[] = [[3, 3], [3.00002, 3], [3.00002, 3.00002], [3, 3]];
  const g = simplifyGeometry({ type: 'MultiPolygon', coordinates: [[big, tinyHole], [islet]] }, { tolerance: 0.001, digits: 4 });
  assert.deepEqual(g, { type: 'Polygon', coordinates: [big] });
  const small: Position[] = [[3, 3], [3.0006, 3], [3.0006, 3.0006], [3, 3.0006], [3, 3]];
  const kept = simplifyGeometry({ type: 'Polygon', coordinates: [small] }, { tolerance: 0.001, digits: 4 });
  assert.ok(kept, 'an island commune smaller than the tolerance is still drawn');
  assert.ok(positionCount(kept) >= 4);
});

test('GeoJSON is simplified and rounded when asked', () => {
  const wiggly: Position[] = [];
  for (let i = 0; i <= 100; i++) wiggly.push([105 + i / 100, 21 + (i % 2) * 0.00001]);
  const ring = [...wiggly, [106, 22], [105, 22], [105, 21]] as Position[];
  const doc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] };
  const f = parseBoundaryFile(JSON.stringify(doc), { simplify: { tolerance: 0.001, digits: 4 } });
  assert.deepEqual(f.features[0]!.geometry, { type: 'Polygon', coordinates: [[[105, 21], [106, 21], [106, 22], [105, 22], [105, 21]]] });
});
