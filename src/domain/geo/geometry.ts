/**
 * Polygon geometry as GeoJSON writes it (RFC 7946): longitude/latitude positions, rings closed (first
 * position repeated last), the first ring of a polygon its outline and the others its holes.
 */

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoordinates = Ring[];

export type PolygonalGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };

/** One feature of a boundary file: its properties and its (possibly missing) area geometry. */
export interface GeoFeature {
  /** Position in the file (0-based), for messages that name the feature. */
  index: number;
  properties: Record<string, unknown>;
  geometry: PolygonalGeometry | null;
}

/** The polygons of a geometry, whatever its type. */
export function polygonsOf(g: PolygonalGeometry): PolygonCoordinates[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** A Polygon when there is one part, otherwise a MultiPolygon; null when nothing is left. */
export function geometryOf(polygons: PolygonCoordinates[]): PolygonalGeometry | null {
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Several geometries (e.g. the parts of one unit spread over several features) as one. */
export function mergeGeometries(geometries: readonly PolygonalGeometry[]): PolygonalGeometry | null {
  return geometryOf(geometries.flatMap(polygonsOf));
}

export function positionCount(g: PolygonalGeometry): number {
  let n = 0;
  for (const p of polygonsOf(g)) for (const r of p) n += r.length;
  return n;
}

/** Twice the signed area of a ring (shoelace; positive when counter-clockwise), in squared degrees. */
export function ringArea2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return s;
}

export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function bboxOf(geometries: Iterable<PolygonalGeometry>): BBox | null {
  let b: BBox | null = null;
  for (const g of geometries) {
    for (const p of polygonsOf(g)) {
      for (const [x, y] of p[0] ?? []) {
        if (!b) b = { minX: x, minY: y, maxX: x, maxY: y };
        else {
          if (x < b.minX) b.minX = x;
          if (x > b.maxX) b.maxX = x;
          if (y < b.minY) b.minY = y;
          if (y > b.maxY) b.maxY = y;
        }
      }
    }
  }
  return b;
}
