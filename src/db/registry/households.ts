/**
 * Household writes: create (stable code, residence row, members), update (optimistic concurrency on
 * `version`), and status changes (moved away / dissolved / deceased / merged, or back to active).
 * Every write records its before/after in the audit log inside the same transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB, HouseholdStatus } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { assertCitizenIdsFree, withCitizenIdRace } from './citizen-id-holders.ts';
import { resolveCommune } from './commune.ts';
import { RegistryError } from './errors.ts';
import { checkFacts, HOUSEHOLD_FACT_FIELDS } from './fact-fields.ts';
import { allocateHouseholdCodes } from './household-code.ts';
import { bumpHousehold, headChanges, lockHousehold } from './household-lock.ts';
import { getHousehold } from './household-read.ts';
import { checkDate, prepareMember, type MemberFields } from './member-rules.ts';
import { householdAudit, memberAudit, toHousehold } from './rows.ts';
import { cleanName, todayInVietnam } from './text.ts';
import { HOUSEHOLD_STATUS_LABELS, type Household, type HouseholdDetail } from './types.ts';
import { assertVillageOfCommune } from './village-check.ts';

export interface NewHousehold {
  /** Commune (2025 layout); a commune user's own commune when omitted. */
  communeCode?: string;
  villageCode?: string | null;
  address?: string | null;
  phone?: string | null;
  /** Household-level facts of the classification input (housing, water, latrine, …). */
  facts?: Record<string, unknown>;
  /** First day of residence in the commune; default today. */
  residentSince?: string;
  /** At least one member; exactly one with relation "head". */
  members: MemberFields[];
}

function optionalText(s: string | null | undefined): string | null {
  if (s == null) return null;
  const t = cleanName(s);
  return t === '' ? null : t;
}

export async function createHousehold(db: Kysely<DB>, actor: Actor, scope: Scope, h: NewHousehold): Promise<HouseholdDetail> {
  const commune = await resolveCommune(db, scope, h.communeCode);
  if (!Array.isArray(h.members) || h.members.length === 0) throw new RegistryError('household_head_count', { count: 0 });
  const members = h.members.map((m, i) => prepareMember(m, `members.${i}`));
  const heads = members.filter((m) => m.relation === 'head').length;
  if (heads !== 1) throw new RegistryError('household_head_count', { count: heads });
  const facts = checkFacts(HOUSEHOLD_FACT_FIELDS, h.facts ?? {}, 'facts');
  const since = h.residentSince ? checkDate(h.residentSince, 'residentSince') : todayInVietnam();
  if (h.villageCode) await assertVillageOfCommune(db, commune.provinceCode, commune.communeCode, h.villageCode);
  const ids = members.flatMap((m, i) => (m.citizen_id ? [{ citizenId: m.citizen_id, field: `members.${i}.citizenId` }] : []));
  await assertCitizenIdsFree(db, ids);

  const id = await withCitizenIdRace(db, ids, () =>
    db.transaction().execute(async (trx) => {
      const [code] = await allocateHouseholdCodes(trx, commune.provinceCode, commune.communeCode);
      const head = members.find((m) => m.relation === 'head')!;
      const row = await trx
        .insertInto('household')
        .values({
          province_code: commune.provinceCode,
          code: code!,
          commune_code: commune.communeCode,
          village_code: h.villageCode || null,
          address: optionalText(h.address),
          head_name: head.full_name,
          head_name_ascii: head.full_name_ascii,
          head_citizen_id: head.citizen_id,
          ethnicity: head.ethnicity,
          phone: optionalText(h.phone),
          facts: JSON.stringify(facts),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('household_residence')
        .values({ province_code: row.province_code, household_id: row.id, commune_code: row.commune_code, village_code: row.village_code, valid_from: since })
        .execute();
      let next = 1;
      const memberRows = await trx
        .insertInto('member')
        .values(
          members.map((m) => {
            const lineNo = m.line_no ?? next;
            next = Math.max(next, lineNo) + 1;
            return { ...m, line_no: lineNo, province_code: row.province_code, household_id: row.id, facts: JSON.stringify(m.facts) };
          }),
        )
        .returningAll()
        .execute();
      await recordAudit(trx, actor, {
        action: 'create',
        entity: 'household',
        entityId: row.id,
        provinceCode: row.province_code,
        unitCode: row.commune_code,
        after: { ...householdAudit(row), residentSince: since, members: memberRows.map(memberAudit) },
      });
      return row.id;
    }),
  );
  return (await getHousehold(db, scope, id))!;
}

export interface HouseholdChanges {
  villageCode?: string | null;
  address?: string | null;
  phone?: string | null;
  /** Replaces the household-level facts as a whole. */
  facts?: Record<string, unknown>;
  /** When the village changes: the day the household moved (default today); the residence history follows. */
  movedOn?: string;
}

/** Optimistic concurrency: applies only if `version` matches, otherwise `conflict` and nothing changes. */
export async function updateHousehold(db: Kysely<DB>, actor: Actor, scope: Scope, id: number, version: number, c: HouseholdChanges): Promise<Household> {
  const facts = c.facts === undefined ? undefined : checkFacts(HOUSEHOLD_FACT_FIELDS, c.facts, 'facts');
  const movedOn = c.movedOn ? checkDate(c.movedOn, 'movedOn') : todayInVietnam();
  return db.transaction().execute(async (trx) => {
    const before = await lockHousehold(trx, scope, id, { version });
    const village = c.villageCode === undefined ? before.village_code : c.villageCode || null;
    if (village !== before.village_code) {
      if (village) await assertVillageOfCommune(trx, before.province_code, before.commune_code, village);
      await moveResidence(trx, before, village, movedOn);
    }
    const after = await bumpHousehold(trx, before, {
      village_code: village,
      ...(c.address !== undefined && { address: optionalText(c.address) }),
      ...(c.phone !== undefined && { phone: optionalText(c.phone) }),
      ...(facts !== undefined && { facts: JSON.stringify(facts) }),
    });
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'household',
      entityId: id,
      provinceCode: after.province_code,
      unitCode: after.commune_code,
      before: householdAudit(before),
      after: householdAudit(after),
    });
    return toHousehold(after);
  });
}

/** Closes the open residence on `from` and opens one in the new village (a same-day change corrects the open row). */
async function moveResidence(trx: Transaction<DB>, h: { province_code: string; id: number; commune_code: string }, village: string | null, from: string): Promise<void> {
  const open = await trx
    .selectFrom('household_residence')
    .selectAll()
    .where('province_code', '=', h.province_code)
    .where('household_id', '=', h.id)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (open && open.valid_from >= from) {
    if (open.valid_from > from) throw new RegistryError('household_status_date', { field: 'movedOn', date: from, from: open.valid_from });
    await trx
      .updateTable('household_residence')
      .set({ village_code: village })
      .where('province_code', '=', h.province_code)
      .where('household_id', '=', h.id)
      .where('valid_from', '=', open.valid_from)
      .execute();
    return;
  }
  if (open) {
    await trx
      .updateTable('household_residence')
      .set({ valid_to: from })
      .where('province_code', '=', h.province_code)
      .where('household_id', '=', h.id)
      .where('valid_from', '=', open.valid_from)
      .execute();
  }
  await trx
    .insertInto('household_residence')
    .values({ province_code: h.province_code, household_id: h.id, commune_code: h.commune_code, village_code: village, valid_from: from })
    .execute();
}

export interface StatusChange {
  status: HouseholdStatus;
  /** Day of the event (moved away, dissolved, last member deceased, merged) or of reactivation. */
  date: string;
  reason?: string | null;
  /** Required for `merged`: the household it merged into (same scope, active). */
  mergedIntoId?: number | null;
}

/**
 * Leaving the active registry closes the open residence on `date` and marks the active members as left
 * (`left_reason` = "household_<status>"), which frees their citizen IDs for another household. Back to
 * `active` reopens a residence from `date` and restores the members who left with the household.
 */
export async function changeHouseholdStatus(db: Kysely<DB>, actor: Actor, scope: Scope, id: number, version: number, c: StatusChange): Promise<Household> {
  const date = checkDate(c.date, 'date');
  return db.transaction().execute(async (trx) => {
    const before = await lockHousehold(trx, scope, id, { version, requireActive: false });
    if (c.status === before.status) throw new RegistryError('household_status_same', { status: HOUSEHOLD_STATUS_LABELS[c.status] });
    const last = await trx
      .selectFrom('household_residence')
      .select(['valid_from', 'valid_to'])
      .where('province_code', '=', before.province_code)
      .where('household_id', '=', before.id)
      .orderBy('valid_from', 'desc')
      .limit(1)
      .executeTakeFirst();
    // A closing date must follow the last residence's start; a reactivation must not overlap its end.
    const notBefore = last ? (c.status === 'active' && last.valid_to ? last.valid_to : last.valid_from) : null;
    if (notBefore && (c.status === 'active' ? date < notBefore : date <= notBefore)) {
      throw new RegistryError('household_status_date', { field: 'date', date, from: notBefore });
    }
    let mergedInto: number | null = null;
    if (c.status === 'merged') {
      if (!c.mergedIntoId || c.mergedIntoId === id) throw new RegistryError('household_merge_target', { field: 'mergedIntoId' });
      const target = await lockHousehold(trx, scope, c.mergedIntoId).catch((e: unknown) => {
        if (e instanceof RegistryError) throw new RegistryError('household_merge_target', { field: 'mergedIntoId' });
        throw e;
      });
      mergedInto = target.id;
    }
    if (c.status === 'active') {
      const back = await trx
        .selectFrom('member')
        .select(['id', 'citizen_id'])
        .where('province_code', '=', before.province_code)
        .where('household_id', '=', before.id)
        .where('active', '=', false)
        .where('left_reason', '=', `household_${before.status}`)
        .execute();
      await assertCitizenIdsFree(trx, back.flatMap((m) => (m.citizen_id ? [{ citizenId: m.citizen_id, field: 'status' }] : [])));
      if (back.length > 0) {
        await trx
          .updateTable('member')
          .set({ active: true, left_reason: null, left_date: null })
          .where('province_code', '=', before.province_code)
          .where('household_id', '=', before.id)
          .where('id', 'in', back.map((m) => m.id))
          .execute();
      }
      await trx
        .insertInto('household_residence')
        .values({ province_code: before.province_code, household_id: before.id, commune_code: before.commune_code, village_code: before.village_code, valid_from: date })
        .execute();
    } else {
      await trx
        .updateTable('household_residence')
        .set({ valid_to: date })
        .where('province_code', '=', before.province_code)
        .where('household_id', '=', before.id)
        .where('valid_to', 'is', null)
        .execute();
      if (before.status === 'active') {
        await trx
          .updateTable('member')
          .set({ active: false, left_reason: `household_${c.status}`, left_date: date })
          .where('province_code', '=', before.province_code)
          .where('household_id', '=', before.id)
          .where('active', '=', true)
          .execute();
      }
    }
    const after = await bumpHousehold(trx, before, {
      status: c.status,
      status_date: date,
      status_reason: c.reason ? cleanName(c.reason) : null,
      merged_into_id: mergedInto,
      ...(c.status === 'active' && (await headChanges(trx, before))),
    });
    await recordAudit(trx, actor, {
      action: 'status_change',
      entity: 'household',
      entityId: id,
      provinceCode: after.province_code,
      unitCode: after.commune_code,
      reason: c.reason ?? null,
      before: householdAudit(before),
      after: householdAudit(after),
    });
    return toHousehold(after);
  });
}
