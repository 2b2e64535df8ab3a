/** Kysely types of the boundary tables (migration 0008), added to a Kysely<DB> with `boundaryDb()`. */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { DB, Layout } from '../schema.ts';
import type { BoundaryLevel } from '../../domain/geo/code-property.ts';

export type BoundaryTable = {
  province_code: string;
  layout: Layout;
  level: BoundaryLevel;
  code: string;
  unit_province_code: string;
  geometry: string;
  positions: number;
  import_id: number;
};

export type BoundaryImportTable = {
  id: Generated<number>;
  layout: Layout;
  level: BoundaryLevel;
  file_name: string | null;
  format: 'geojson' | 'topojson';
  code_property: string;
  tolerance: number;
  features: number;
  matched: number;
  report: unknown;
  imported_by: number | null;
  imported_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type BoundaryTables = {
  boundary: BoundaryTable;
  boundary_import: BoundaryImportTable;
};

export type BoundaryDB = DB & BoundaryTables;

export function boundaryDb(db: Kysely<DB> | Transaction<DB>): Kysely<BoundaryDB> {
  return db.withTables<BoundaryTables>() as unknown as Kysely<BoundaryDB>;
}
