/**
 * Reading boundary layers inside the caller's scope: which layers exist (with how many units the caller
 * can see), and a layer as a GeoJSON FeatureCollection written straight from the stored geometry text.
 * A province-level boundary is a province record (commune users see none of it); a commune-level
 * boundary is a commune record.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, Layout } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import type { BoundaryLevel } from '../../domain/geo/code-property.ts';
import { scopePredicate, type ScopeColumns } from '../scope-filter.ts';
import { boundaryDb } from './tables.ts';

const scopeColumns = (level: BoundaryLevel): ScopeColumns => (level === 'commune' ? { province: 'b.province_code', commune: 'b.code' } : { province: 'b.province_code' });

export interface BoundaryLayerInfo {
  layout: Layout;
  level: BoundaryLevel;
  /** Units of the layer inside the caller's scope. */
  units: number;
  /** Their provinces (2025 layout). */
  provinceCodes: string[];
  lastImport: { id: number; at: string; fileName: string | null; codeProperty: string } | null;
}

export async function listBoundaryLayers(db: Kysely<DB>, scope: Scope): Promise<BoundaryLayerInfo[]> {
  const bdb = boundaryDb(db);
  const out: BoundaryLayerInfo[] = [];
  for (const level of ['province', 'commune'] as const) {
    const rows = await bdb
      .selectFrom('boundary as b')
      .select(['b.layout', 'b.province_code'])
      .select((eb) => [eb.fn.countAll<number>().as('units'), eb.fn.max('b.import_id').as('last_import')])
      .where('b.level', '=', level)
      .where(scopePredicate(scope, scopeColumns(level)))
      .groupBy(['b.layout', 'b.province_code'])
      .execute();
    for (const layout of ['2025', '2024'] as const) {
      const mine = rows.filter((r) => r.layout === layout);
      if (mine.length === 0) continue;
      const lastId = Math.max(...mine.map((r) => Number(r.last_import)));
      const last = await bdb.selectFrom('boundary_import').select(['id', 'imported_at', 'file_name', 'code_property']).where('id', '=', lastId).executeTakeFirst();
      out.push({
        layout,
        level,
        units: mine.reduce((s, r) => s + Number(r.units), 0),
        provinceCodes: mine.map((r) => r.province_code).toSorted(),
        lastImport: last ? { id: last.id, at: new Date(last.imported_at).toISOString(), fileName: last.file_name, codeProperty: last.code_property } : null,
      });
    }
  }
  return out;
}

export interface LayerQuery {
  layout: Layout;
  level: BoundaryLevel;
  /** Only the units of this province (its 2025-layout code for scope, or the unit's own province code). */
  province?: string;
}

/**
 * The layer as GeoJSON text (FeatureCollection; each feature's id and properties.code are the unit code,
 * properties.name its name) and the number of features.
 */
export async function layerGeoJson(db: Kysely<DB>, scope: Scope, q: LayerQuery): Promise<{ json: string; count: number }> {
  let query = boundaryDb(db)
    .selectFrom('boundary as b')
    .select(['b.code', 'b.geometry', 'b.province_code'])
    .select(
      sql<string>`(select u.name from admin_unit u where u.layout = b.layout and u.code = b.code and u.tier = b.level order by u.valid_from desc limit 1)`.as('name'),
    )
    .where('b.layout', '=', q.layout)
    .where('b.level', '=', q.level)
    .where(scopePredicate(scope, scopeColumns(q.level)));
  if (q.province) {
    const p = q.province;
    query = query.where((eb) => eb.or([eb('b.province_code', '=', p), eb('b.unit_province_code', '=', p)]));
  }
  const rows = await query.orderBy('b.code').execute();
  const features = rows.map(
    (r) => `{"type":"Feature","id":${JSON.stringify(r.code)},"properties":${JSON.stringify({ code: r.code, name: r.name ?? r.code, provinceCode: r.province_code })},"geometry":${r.geometry}}`,
  );
  return { json: `{"type":"FeatureCollection","features":[${features.join(',')}]}`, count: rows.length };
}
