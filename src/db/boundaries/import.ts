/**
 * Importing a boundary file for a layout and level: parse and simplify (src/domain/geo), match features
 * to unit codes by the chosen or detected property, and store one geometry per unit — all in one
 * transaction with an audit entry, or nothing. Re-importing the same file gives the same rows
 * (upsert by unit). The report lists the features not used and, in the provinces the file covers, the
 * units left without a boundary.
 */
import type { Kysely } from 'kysely';
import type { DB, Layout } from '../schema.ts';
import { recordAudit, type Actor } from '../audit.ts';
import {
  DEFAULT_SIMPLIFY,
  detectCodeProperty,
  matchFeatures,
  mergeGeometries,
  parseBoundaryFile,
  positionCount,
  propertyValue,
  scoreCodeProperties,
  type BoundaryFormat,
  type BoundaryLevel,
  type PropertyScore,
  type UnmatchedFeature,
} from '../../domain/geo/index.ts';
import { BoundaryImportError } from './errors.ts';
import { layerUnits } from './layer-units.ts';
import { boundaryDb } from './tables.ts';

export interface BoundaryImportOptions {
  layout: Layout;
  level: BoundaryLevel;
  /** The property holding the unit code; detected from the features when omitted. */
  codeProperty?: string;
  /** TopoJSON object to read (default: the first). */
  object?: string;
  /** Simplification tolerance in degrees (default 0.001) and decimals kept (default 4). */
  tolerance?: number;
  digits?: number;
  /** Store only units of these 2025-layout provinces (e.g. the demo province of a national file). */
  provinceCodes?: readonly string[];
  fileName?: string | null;
}

/** At most this many unmatched features and units are listed (the counts are always complete). */
export const REPORT_LIST_LIMIT = 500;

export interface BoundaryImportReport {
  importId: number;
  layout: Layout;
  level: BoundaryLevel;
  format: BoundaryFormat;
  objectName?: string;
  codeProperty: string;
  /** How many features each property would match, best first (the five best). */
  propertyScores: PropertyScore[];
  features: number;
  /** Units given a boundary, and the features used for them. */
  matchedUnits: number;
  matchedFeatures: number;
  /** Codes whose parts came in several features (merged into one MultiPolygon). */
  repeatedCodes: string[];
  unmatchedFeatureCount: number;
  unmatchedFeatures: UnmatchedFeature[];
  unmatchedUnitCount: number;
  unmatchedUnits: Array<{ code: string; name: string; provinceCode: string }>;
  /** Positions stored and JSON size of the stored geometries. */
  positions: number;
  bytes: number;
}

const INSERT_CHUNK = 200;

export async function importBoundaryFile(db: Kysely<DB>, actor: Actor, text: string, opts: BoundaryImportOptions): Promise<BoundaryImportReport> {
  const simplify = { tolerance: opts.tolerance ?? DEFAULT_SIMPLIFY.tolerance, digits: opts.digits ?? DEFAULT_SIMPLIFY.digits };
  const file = parseBoundaryFile(text, { simplify, ...(opts.object && { object: opts.object }) });
  const units = await layerUnits(db, opts.layout, opts.level);
  if (units.size === 0) throw new BoundaryImportError('boundary_no_units', { layout: opts.layout, level: opts.level });
  const codes = new Set(units.keys());

  const scores = scoreCodeProperties(file.features, codes, opts.level);
  let property = opts.codeProperty;
  if (property !== undefined) {
    const name = property;
    if (!file.features.some((f) => propertyValue(f.properties, name) !== undefined)) {
      throw new BoundaryImportError('boundary_property_unknown', { property: name, properties: scores.map((s) => s.property).join(', ') });
    }
  } else {
    property = detectCodeProperty(file.features, codes, opts.level) ?? '';
  }
  const provinces = opts.provinceCodes ? new Set(opts.provinceCodes) : null;
  const match = matchFeatures(file.features, property, codes, opts.level, (code) => !provinces || provinces.has(units.get(code)!.provinceCode));
  if (match.byCode.size === 0) {
    throw new BoundaryImportError('boundary_nothing_matched', {
      property: property || '—',
      layout: opts.layout,
      level: opts.level,
      properties: scores.slice(0, 8).map((s) => s.property).join(', '),
    });
  }

  const rows = [...match.byCode].map(([code, features]) => {
    const geometry = mergeGeometries(features.map((f) => f.geometry!))!;
    const unit = units.get(code)!;
    return { province_code: unit.provinceCode, layout: opts.layout, level: opts.level, code, unit_province_code: unit.unitProvinceCode, geometry: JSON.stringify(geometry), positions: positionCount(geometry) };
  });
  const covered = new Set(rows.map((r) => r.province_code));
  const unmatchedUnits = [...units.values()]
    .filter((u) => u.current && covered.has(u.provinceCode) && !match.byCode.has(u.code))
    .map((u) => ({ code: u.code, name: u.name, provinceCode: u.provinceCode }));

  const report: Omit<BoundaryImportReport, 'importId'> = {
    layout: opts.layout,
    level: opts.level,
    format: file.format,
    ...(file.objectName !== undefined && { objectName: file.objectName }),
    codeProperty: property,
    propertyScores: scores.slice(0, 5),
    features: file.features.length,
    matchedUnits: rows.length,
    matchedFeatures: rows.length + match.repeated.reduce((s, c) => s + match.byCode.get(c)!.length - 1, 0),
    repeatedCodes: match.repeated,
    unmatchedFeatureCount: match.unmatched.length,
    unmatchedFeatures: match.unmatched.slice(0, REPORT_LIST_LIMIT),
    unmatchedUnitCount: unmatchedUnits.length,
    unmatchedUnits: unmatchedUnits.slice(0, REPORT_LIST_LIMIT),
    positions: rows.reduce((s, r) => s + r.positions, 0),
    bytes: rows.reduce((s, r) => s + r.geometry.length, 0),
  };

  return boundaryDb(db).transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('boundary_import')
      .values({
        layout: opts.layout,
        level: opts.level,
        file_name: opts.fileName ?? null,
        format: file.format,
        code_property: property,
        tolerance: simplify.tolerance,
        features: file.features.length,
        matched: rows.length,
        report: JSON.stringify(report),
        imported_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('boundary')
        .values(rows.slice(i, i + INSERT_CHUNK).map((r) => ({ ...r, import_id: id })))
        .onConflict((oc) =>
          oc.columns(['province_code', 'layout', 'level', 'code']).doUpdateSet((eb) => ({
            geometry: eb.ref('excluded.geometry'),
            positions: eb.ref('excluded.positions'),
            unit_province_code: eb.ref('excluded.unit_province_code'),
            import_id: eb.ref('excluded.import_id'),
          })),
        )
        .execute();
    }
    const { unmatchedFeatures: _f, unmatchedUnits: _u, ...summary } = report;
    await recordAudit(trx as unknown as Kysely<DB>, actor, {
      action: 'boundary.import',
      entity: 'boundary_import',
      entityId: id,
      provinceCode: covered.size === 1 ? [...covered][0]! : '00',
      after: { ...summary, fileName: opts.fileName ?? null, provinces: [...covered].toSorted() },
    });
    return { importId: id, ...report };
  });
}
