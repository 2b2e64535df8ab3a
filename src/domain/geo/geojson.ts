/**
 * GeoJSON boundary files (RFC 7946): a FeatureCollection (or a single Feature) whose geometries are
 * Polygon, MultiPolygon or a GeometryCollection of those. Every position and ring is checked; the first
 * fault stops the file with the feature's number and the place inside it (imports are all-or-nothing).
 */
import { BoundaryFileError } from './errors.ts';
import { geometryOf, type GeoFeature, type PolygonalGeometry, type PolygonCoordinates, type Position, type Ring } from './geometry.ts';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Context of a check: the 1-based feature number and the path inside it. */
interface At {
  feature: number;
  path: string;
}

function fail(at: At, detail: string): never {
  throw new BoundaryFileError('boundary_coordinates', { feature: at.feature, path: at.path, detail });
}

export function readPosition(x: unknown, at: At): Position {
  if (!Array.isArray(x) || x.length < 2) fail(at, 'position');
  const lon = x[0];
  const lat = x[1];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) fail(at, 'number');
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) fail(at, 'range');
  return [lon, lat];
}

/** A closed ring of at least four positions (RFC 7946 §3.1.6). */
export function checkRing(ring: Ring, at: At): Ring {
  if (ring.length < 4) throw new BoundaryFileError('boundary_ring', { feature: at.feature, path: at.path, positions: ring.length });
  const a = ring[0]!;
  const b = ring[ring.length - 1]!;
  if (a[0] !== b[0] || a[1] !== b[1]) throw new BoundaryFileError('boundary_ring', { feature: at.feature, path: at.path, positions: ring.length });
  return ring;
}

function readRing(x: unknown, at: At): Ring {
  if (!Array.isArray(x)) fail(at, 'ring');
  return checkRing(
    x.map((p, i) => readPosition(p, { feature: at.feature, path: `${at.path}[${i}]` })),
    at,
  );
}

function readPolygon(x: unknown, at: At): PolygonCoordinates {
  if (!Array.isArray(x) || x.length === 0) fail(at, 'polygon');
  return x.map((r, i) => readRing(r, { feature: at.feature, path: `${at.path}[${i}]` }));
}

/** The polygons of a geometry object; Point and line geometries are refused. */
function readPolygons(g: Record<string, unknown>, at: At): PolygonCoordinates[] {
  const where = (p: string) => ({ feature: at.feature, path: `${at.path}.${p}` });
  switch (g.type) {
    case 'Polygon':
      return [readPolygon(g.coordinates, where('coordinates'))];
    case 'MultiPolygon':
      if (!Array.isArray(g.coordinates)) fail(where('coordinates'), 'polygon');
      return g.coordinates.map((p, i) => readPolygon(p, where(`coordinates[${i}]`)));
    case 'GeometryCollection':
      if (!Array.isArray(g.geometries)) fail(where('geometries'), 'geometries');
      return g.geometries.flatMap((m, i) => {
        if (!isObject(m)) fail(where(`geometries[${i}]`), 'geometry');
        return readPolygons(m, where(`geometries[${i}]`));
      });
    default:
      throw new BoundaryFileError('boundary_geometry_type', { feature: at.feature, type: String(g.type) });
  }
}

export function readGeometry(g: unknown, feature: number): PolygonalGeometry | null {
  if (g === null || g === undefined) return null;
  if (!isObject(g)) fail({ feature, path: 'geometry' }, 'geometry');
  return geometryOf(readPolygons(g, { feature, path: 'geometry' }));
}

/** The features of a parsed GeoJSON document. */
export function readGeoJson(doc: unknown): GeoFeature[] {
  if (!isObject(doc)) throw new BoundaryFileError('boundary_unknown_format', { type: typeof doc });
  const raw = doc.type === 'FeatureCollection' ? doc.features : doc.type === 'Feature' ? [doc] : null;
  if (raw === null) throw new BoundaryFileError('boundary_unknown_format', { type: String(doc.type) });
  if (!Array.isArray(raw) || raw.length === 0) throw new BoundaryFileError('boundary_no_features');
  return raw.map((f, index) => {
    if (!isObject(f) || f.type !== 'Feature') throw new BoundaryFileError('boundary_geometry_type', { feature: index + 1, type: isObject(f) ? String(f.type) : typeof f });
    const properties = isObject(f.properties) ? { ...f.properties } : {};
    if (f.id !== undefined && !('id' in properties)) properties.id = f.id;
    return { index, properties, geometry: readGeometry(f.geometry, index + 1) };
  });
}
