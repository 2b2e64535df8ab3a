/** One household with its members, residences and current list status, read inside the caller's scope. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { scopePredicate } from '../scope-filter.ts';
import { HOUSEHOLD_SCOPE } from './scope-columns.ts';
import { toHousehold, toMember } from './rows.ts';
import { todayInVietnam } from './text.ts';
import type { HouseholdDetail, ListStatusInfo } from './types.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The list status in force on `asOf` (latest decision effective on or before it), or null. */
export async function currentListStatus(db: Db, provinceCode: string, householdId: number, asOf: string): Promise<ListStatusInfo | null> {
  const r = await db
    .selectFrom('list_status')
    .select(['status', 'list_year', 'standard_id', 'decision_number', 'decision_date', 'effective_from'])
    .where('province_code', '=', provinceCode)
    .where('household_id', '=', householdId)
    .where('effective_from', '<=', asOf)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!r) return null;
  return { status: r.status, listYear: r.list_year, standardId: r.standard_id, decisionNumber: r.decision_number, decisionDate: r.decision_date, effectiveFrom: r.effective_from };
}

export async function getHousehold(db: Db, scope: Scope, id: number): Promise<HouseholdDetail | undefined> {
  const h = await db.selectFrom('household').selectAll().where('household.id', '=', id).where(scopePredicate(scope, HOUSEHOLD_SCOPE)).executeTakeFirst();
  if (!h) return undefined;
  const members = await db
    .selectFrom('member')
    .selectAll()
    .where('province_code', '=', h.province_code)
    .where('household_id', '=', h.id)
    .orderBy('active', 'desc')
    .orderBy('line_no')
    .orderBy('id')
    .execute();
  const residences = await db
    .selectFrom('household_residence')
    .select(['commune_code', 'village_code', 'valid_from', 'valid_to'])
    .where('province_code', '=', h.province_code)
    .where('household_id', '=', h.id)
    .orderBy('valid_from')
    .execute();
  return {
    ...toHousehold(h),
    members: members.map(toMember),
    residences: residences.map((r) => ({ communeCode: r.commune_code, villageCode: r.village_code, validFrom: r.valid_from, validTo: r.valid_to })),
    listStatus: await currentListStatus(db, h.province_code, h.id, todayInVietnam()),
  };
}
