/** The urban/rural answer for a commune-level unit on a date (special zones via the setting). */
import type { Kysely } from 'kysely';
import type { DB, Layout } from '../schema.ts';
import type { AreaClass } from './types.ts';
import { getUnit } from './queries.ts';

/** 'urban' or 'rural' on `asOf`; null when the unit did not exist then or is a province or district. */
export async function areaTypeOf(db: Kysely<DB>, layout: Layout, code: string, asOf: string): Promise<AreaClass | null> {
  return (await getUnit(db, layout, code, asOf))?.resolvedAreaType ?? null;
}
