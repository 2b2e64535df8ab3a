/**
 * The write protocol shared by every household change: lock the household row inside the scope, check
 * the caller's `version` (optimistic concurrency: a stale save changes nothing), then bump the version.
 */
import { sql, type Transaction, type Updateable } from 'kysely';
import type { DB, HouseholdTable } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { scopePredicate } from '../scope-filter.ts';
import { RegistryError } from './errors.ts';
import { HOUSEHOLD_SCOPE } from './scope-columns.ts';
import type { HouseholdRow } from './rows.ts';
import { searchFold } from './text.ts';
import { HOUSEHOLD_STATUS_LABELS } from './types.ts';

export interface LockOptions {
  /** Expected version; omitted → no concurrency check (internal callers that hold other locks). */
  version?: number;
  /** Refuse when the household is no longer active (default true). */
  requireActive?: boolean;
}

/** Locks the household `FOR UPDATE`; `out_of_scope` when it is not inside the scope, `conflict` when stale. */
export async function lockHousehold(trx: Transaction<DB>, scope: Scope, id: number, opts: LockOptions = {}): Promise<HouseholdRow> {
  const row = await trx
    .selectFrom('household')
    .selectAll()
    .where('household.id', '=', id)
    .where(scopePredicate(scope, HOUSEHOLD_SCOPE))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new RegistryError('out_of_scope');
  if (opts.version !== undefined && row.version !== opts.version) throw new RegistryError('conflict');
  if ((opts.requireActive ?? true) && row.status !== 'active') throw new RegistryError('household_inactive', { code: row.code, status: HOUSEHOLD_STATUS_LABELS[row.status] });
  return row;
}

/** Applies `changes`, increments the version and returns the new row. */
export async function bumpHousehold(trx: Transaction<DB>, before: HouseholdRow, changes: Updateable<HouseholdTable> = {}): Promise<HouseholdRow> {
  return trx
    .updateTable('household')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('province_code', '=', before.province_code)
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The household's head fields follow its one active member with relation "head": name (and search
 * fold), citizen ID and ethnicity. Throws `household_head_count` unless exactly one active head exists.
 */
export async function headChanges(trx: Transaction<DB>, household: Pick<HouseholdRow, 'province_code' | 'id'>): Promise<Updateable<HouseholdTable>> {
  const heads = await trx
    .selectFrom('member')
    .select(['full_name', 'citizen_id', 'ethnicity'])
    .where('province_code', '=', household.province_code)
    .where('household_id', '=', household.id)
    .where('active', '=', true)
    .where('relation', '=', 'head')
    .execute();
  if (heads.length !== 1) throw new RegistryError('household_head_count', { count: heads.length });
  const h = heads[0]!;
  return { head_name: h.full_name, head_name_ascii: searchFold(h.full_name), head_citizen_id: h.citizen_id, ethnicity: h.ethnicity };
}
