/**
 * A boundary file's text → its features, simplified for display: TopoJSON (type "Topology") or GeoJSON
 * (FeatureCollection / Feature), recognised from the content rather than the file name.
 */
import { BoundaryFileError } from './errors.ts';
import { readGeoJson } from './geojson.ts';
import type { GeoFeature } from './geometry.ts';
import { simplifyGeometry, type SimplifyOptions } from './simplify.ts';
import { readTopology } from './topojson.ts';

export type BoundaryFormat = 'geojson' | 'topojson';

export interface BoundaryFile {
  format: BoundaryFormat;
  /** TopoJSON: the object read and the objects available. */
  objectName?: string;
  objectNames?: string[];
  features: GeoFeature[];
}

/** Display defaults: about 100 m of detail (below a pixel on a province map), 4 decimals (≈ 11 m). */
export const DEFAULT_SIMPLIFY: SimplifyOptions = { tolerance: 0.001, digits: 4 };

export function parseBoundaryFile(text: string, opts: { object?: string; simplify?: SimplifyOptions } = {}): BoundaryFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new BoundaryFileError('boundary_not_json', { detail: (err as Error).message });
  }
  if (typeof doc === 'object' && doc !== null && (doc as { type?: unknown }).type === 'Topology') {
    const t = readTopology(doc as Record<string, unknown>, opts);
    return { format: 'topojson', ...t };
  }
  const features = readGeoJson(doc);
  const simplify = opts.simplify;
  return {
    format: 'geojson',
    features: simplify ? features.map((f) => ({ ...f, geometry: f.geometry && simplifyGeometry(f.geometry, simplify) })) : features,
  };
}
