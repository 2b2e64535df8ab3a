/**
 * Simplification for display: Douglas–Peucker (keeps the end points and every point farther than the
 * tolerance from the simplified line), then coordinates rounded to a fixed number of decimals. A ring
 * that collapses (fewer than four positions) is dropped, except that every unit keeps at least its
 * largest part, so a small island commune never disappears from the map.
 */
import { geometryOf, polygonsOf, ringArea2, type PolygonalGeometry, type PolygonCoordinates, type Position, type Ring } from './geometry.ts';

export interface SimplifyOptions {
  /** Distance in degrees below which detail is dropped (0 keeps every point). */
  tolerance: number;
  /** Decimals kept in each coordinate (5 ≈ 1 m). */
  digits: number;
}

/** Squared distance from p to the segment a–b (to the point a when a = b, as in a closed ring). */
function segmentDistance2(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let x = a[0];
  let y = a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 > 0) {
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    x += t * dx;
    y += t * dy;
  }
  return (p[0] - x) ** 2 + (p[1] - y) ** 2;
}

/** Douglas–Peucker over a polyline (iterative; the first and last points are always kept). */
export function douglasPeucker(points: readonly Position[], tolerance: number): Position[] {
  const n = points.length;
  if (n <= 2 || tolerance <= 0) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let worst = -1;
    let worstD = tol2;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(points[i]!, points[first]!, points[last]!);
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push(first, worst, worst, last);
    }
  }
  const out: Position[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(points[i]!);
  return out;
}

/** A simplified closed ring, or null when it collapses below four positions. */
export function simplifyRing(ring: Ring, tolerance: number): Ring | null {
  const out = douglasPeucker(ring, tolerance);
  return out.length >= 4 ? out : null;
}

/** Coordinates rounded to `digits` decimals, repeated positions removed; null when the ring collapses. */
export function roundRing(ring: Ring, digits: number): Ring | null {
  const f = 10 ** digits;
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Position = [Math.round(x * f) / f, Math.round(y * f) / f];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
}

/**
 * Polygons whose rings went through `simplifyRingFn` (null = collapsed) and were rounded. An outline that
 * collapses drops its polygon, a hole that collapses is dropped; if every polygon collapsed, the largest
 * original one is kept with its outline simplified as far as it survives.
 */
export function finishPolygons(
  polygons: readonly PolygonCoordinates[],
  simplifyRingFn: (ring: Ring, polygonIndex: number, ringIndex: number) => Ring | null,
  opts: SimplifyOptions,
): PolygonCoordinates[] {
  const out: PolygonCoordinates[] = [];
  polygons.forEach((polygon, pi) => {
    const rings: Ring[] = [];
    for (let ri = 0; ri < polygon.length; ri++) {
      const s = simplifyRingFn(polygon[ri]!, pi, ri);
      const r = s && roundRing(s, opts.digits);
      if (r) rings.push(r);
      else if (ri === 0) return;
    }
    out.push(rings);
  });
  if (out.length > 0 || polygons.length === 0) return out;
  const largest = polygons.reduce((a, b) => (Math.abs(ringArea2(b[0] ?? [])) > Math.abs(ringArea2(a[0] ?? [])) ? b : a));
  for (let t = opts.tolerance / 4; ; t /= 4) {
    const s = t > opts.tolerance / 1024 ? simplifyRing(largest[0]!, t) : largest[0]!;
    const r = s && roundRing(s, opts.digits);
    if (r) return [[r]];
    if (s === largest[0]) return [];
  }
}

/** The geometry simplified and rounded for display; null when nothing of it survives rounding. */
export function simplifyGeometry(g: PolygonalGeometry, opts: SimplifyOptions): PolygonalGeometry | null {
  return geometryOf(finishPolygons(polygonsOf(g), (ring) => simplifyRing(ring, opts.tolerance), opts));
}
