/**
 * TopoJSON boundary files (topojson-specification 1.0), decoded without a library: arcs are read once
 * (quantized, delta-encoded positions when the topology has a transform: x = Σdx · scale + translate),
 * rings are the concatenation of their arcs (a negative index ~i is arc i reversed; each arc after the
 * first drops its first position, the previous arc's last). Simplifying happens on the arcs, so two
 * neighbouring communes simplified separately still share the same border; a ring whose simplified arcs
 * collapse is rebuilt from the exact arcs and simplified as a ring.
 */
import { BoundaryFileError } from './errors.ts';
import { checkRing } from './geojson.ts';
import { geometryOf, type GeoFeature, type PolygonCoordinates, type Position, type Ring } from './geometry.ts';
import { douglasPeucker, finishPolygons, simplifyRing, type SimplifyOptions } from './simplify.ts';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export interface TopologyRead {
  /** The object read, and every object the topology has. */
  objectName: string;
  objectNames: string[];
  features: GeoFeature[];
}

function numberPair(x: unknown): [number, number] | null {
  return Array.isArray(x) && x.length >= 2 && x.every((v) => typeof v === 'number' && Number.isFinite(v)) ? [x[0] as number, x[1] as number] : null;
}

/** Every arc as absolute longitude/latitude positions. */
export function decodeArcs(topology: Record<string, unknown>): Position[][] {
  const arcs = topology.arcs;
  if (!Array.isArray(arcs)) throw new BoundaryFileError('boundary_topology_arcs', { arc: 0 });
  let transform: { scale: [number, number]; translate: [number, number] } | null = null;
  if (topology.transform !== undefined) {
    const t = topology.transform;
    const scale = isObject(t) ? numberPair(t.scale) : null;
    const translate = isObject(t) ? numberPair(t.translate) : null;
    if (!scale || !translate) throw new BoundaryFileError('boundary_topology_arcs', { arc: 0 });
    transform = { scale, translate };
  }
  return arcs.map((arc, i) => {
    if (!Array.isArray(arc) || arc.length < 2) throw new BoundaryFileError('boundary_topology_arcs', { arc: i });
    const out: Position[] = [];
    let x = 0;
    let y = 0;
    for (let k = 0; k < arc.length; k++) {
      const p = numberPair(arc[k]);
      if (!p) throw new BoundaryFileError('boundary_topology_arcs', { arc: i });
      if (transform) {
        x += p[0];
        y += p[1];
        p[0] = x * transform.scale[0] + transform.translate[0];
        p[1] = y * transform.scale[1] + transform.translate[1];
      }
      if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) throw new BoundaryFileError('boundary_topology_arcs', { arc: i });
      out.push(p);
    }
    return out;
  });
}

/** Reads one ring from its arc indices over the given arcs. */
function assemble(indices: readonly number[], arcAt: (i: number) => Position[]): Ring {
  const ring: Ring = [];
  for (const idx of indices) {
    const arc = idx >= 0 ? arcAt(idx) : arcAt(~idx).toReversed();
    ring.push(...(ring.length > 0 ? arc.slice(1) : arc));
  }
  return ring;
}

type ArcPolygon = number[][];

/** The arc-index polygons of a geometry object (Polygon, MultiPolygon, nested GeometryCollection). */
function arcPolygons(g: Record<string, unknown>, feature: number, arcCount: number): ArcPolygon[] {
  const checkIndices = (rings: unknown): ArcPolygon => {
    if (!Array.isArray(rings) || rings.length === 0) throw new BoundaryFileError('boundary_coordinates', { feature, path: 'arcs', detail: 'polygon' });
    return rings.map((r) => {
      if (!Array.isArray(r) || r.length === 0) throw new BoundaryFileError('boundary_coordinates', { feature, path: 'arcs', detail: 'ring' });
      for (const i of r) {
        if (!Number.isInteger(i) || (i as number) >= arcCount || ~(i as number) >= arcCount) throw new BoundaryFileError('boundary_arc_index', { feature, index: String(i) });
      }
      return r as number[];
    });
  };
  switch (g.type) {
    case 'Polygon':
      return [checkIndices(g.arcs)];
    case 'MultiPolygon':
      if (!Array.isArray(g.arcs)) throw new BoundaryFileError('boundary_coordinates', { feature, path: 'arcs', detail: 'polygon' });
      return g.arcs.map(checkIndices);
    case 'GeometryCollection':
      return (Array.isArray(g.geometries) ? g.geometries : []).flatMap((m) => (isObject(m) ? arcPolygons(m, feature, arcCount) : []));
    case null:
    case undefined:
      return [];
    default:
      throw new BoundaryFileError('boundary_geometry_type', { feature, type: String(g.type) });
  }
}

/**
 * Features of one object of a topology (default: the only object, or the first one). Each member of a
 * top-level GeometryCollection is one feature with its own properties. With `simplify`, rings are
 * simplified on the arcs and rounded.
 */
export function readTopology(doc: Record<string, unknown>, opts: { object?: string; simplify?: SimplifyOptions } = {}): TopologyRead {
  const objects = isObject(doc.objects) ? doc.objects : null;
  const objectNames = objects ? Object.keys(objects) : [];
  const objectName = opts.object ?? objectNames[0];
  const object = objects && objectName !== undefined ? objects[objectName] : undefined;
  if (!isObject(object)) throw new BoundaryFileError('boundary_topology_object', { object: objectName ?? '', objects: objectNames.join(', ') });
  const arcs = decodeArcs(doc);
  const exactArc = (i: number) => arcs[i]!;
  const simplified: Array<Position[] | undefined> = [];
  const simpleArc = (i: number) => (simplified[i] ??= douglasPeucker(arcs[i]!, opts.simplify!.tolerance));
  const members = object.type === 'GeometryCollection' ? (Array.isArray(object.geometries) ? object.geometries : []) : [object];
  if (members.length === 0) throw new BoundaryFileError('boundary_no_features');

  const features = members.map((m, index): GeoFeature => {
    if (!isObject(m)) throw new BoundaryFileError('boundary_geometry_type', { feature: index + 1, type: typeof m });
    const properties = isObject(m.properties) ? { ...m.properties } : {};
    if (m.id !== undefined && !('id' in properties)) properties.id = m.id;
    const polygons = arcPolygons(m, index + 1, arcs.length);
    const exact: PolygonCoordinates[] = polygons.map((p) => p.map((r, ri) => checkRing(assemble(r, exactArc), { feature: index + 1, path: `arcs[${ri}]` })));
    if (!opts.simplify) return { index, properties, geometry: geometryOf(exact) };
    const finished = finishPolygons(
      exact,
      (ring, pi, ri) => {
        const fromArcs = assemble(polygons[pi]![ri]!, simpleArc);
        return fromArcs.length >= 4 ? fromArcs : simplifyRing(ring, opts.simplify!.tolerance);
      },
      opts.simplify,
    );
    return { index, properties, geometry: geometryOf(finished) };
  });
  return { objectName: objectName!, objectNames, features };
}
