/**
 * Uniqueness of citizen IDs among active members nationwide. This lookup deliberately ignores the
 * caller's scope: uniqueness is a national rule, not an access decision. It reveals only the code of
 * the household that already holds the number, never its members or location details.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import { RegistryError } from './errors.ts';

/** Throws `citizen_id_duplicate` when one of `ids` is held by an active member (other than `exceptMemberIds`), or repeats within `ids`. */
export async function assertCitizenIdsFree(db: Kysely<DB> | Transaction<DB>, ids: ReadonlyArray<{ citizenId: string; field: string }>, exceptMemberIds: readonly number[] = []): Promise<void> {
  const seen = new Map<string, string>();
  for (const { citizenId, field } of ids) {
    if (seen.has(citizenId)) throw new RegistryError('citizen_id_repeated', { field, citizenId });
    seen.set(citizenId, field);
  }
  if (seen.size === 0) return;
  let q = db
    .selectFrom('member')
    .innerJoin('household', (j) => j.onRef('household.province_code', '=', 'member.province_code').onRef('household.id', '=', 'member.household_id'))
    .select(['member.citizen_id', 'household.code'])
    .where('member.active', '=', true)
    .where('member.citizen_id', 'in', [...seen.keys()]);
  if (exceptMemberIds.length > 0) q = q.where('member.id', 'not in', [...exceptMemberIds]);
  const held = await q.executeTakeFirst();
  if (held) throw new RegistryError('citizen_id_duplicate', { field: seen.get(held.citizen_id!)!, citizenId: held.citizen_id!, household: held.code });
}

/** Whether a database error is the unique index on active members' citizen IDs (a concurrent insert). */
export function isCitizenIdViolation(e: unknown): boolean {
  const x = e as { code?: string; constraint?: string; message?: string };
  return x?.code === '23505' && (x.constraint === 'member_citizen_id_uq' || /member_citizen_id_uq/.test(x.message ?? ''));
}

/**
 * Runs a write; when it loses a race on the unique index (another member got the number between our
 * check and our insert), answers with the same `citizen_id_duplicate` refusal as the check.
 */
export async function withCitizenIdRace<T>(db: Kysely<DB>, ids: ReadonlyArray<{ citizenId: string; field: string }>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (!isCitizenIdViolation(e)) throw e;
    await assertCitizenIdsFree(db, ids);
    throw e;
  }
}
