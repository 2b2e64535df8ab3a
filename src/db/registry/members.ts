/**
 * Member writes inside one household. Each takes the household's `version` (the member editor saves
 * against the household it loaded), bumps it, keeps the household's head fields in step with its one
 * active head, and audits the member's before/after in the same transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Relation } from '../../domain/standards/fact-codes.ts';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { assertCitizenIdsFree, withCitizenIdRace } from './citizen-id-holders.ts';
import { RegistryError } from './errors.ts';
import { bumpHousehold, headChanges, lockHousehold } from './household-lock.ts';
import { checkDate, memberFieldsOf, prepareMember, type MemberFields } from './member-rules.ts';
import { householdAudit, memberAudit, toHousehold, toMember, type HouseholdRow, type MemberRow } from './rows.ts';
import { todayInVietnam } from './text.ts';
import type { Household, Member } from './types.ts';

export interface MemberWriteResult {
  household: Household;
  member: Member;
}

/** Why a member left: deceased, moved out, married out, or entered by mistake. */
export const MEMBER_LEFT_REASONS = ['deceased', 'moved_out', 'married_out', 'entered_by_mistake', 'other'] as const;
export type MemberLeftReason = (typeof MEMBER_LEFT_REASONS)[number];

async function loadMember(trx: Transaction<DB>, h: HouseholdRow, memberId: number): Promise<MemberRow> {
  const m = await trx
    .selectFrom('member')
    .selectAll()
    .where('province_code', '=', h.province_code)
    .where('household_id', '=', h.id)
    .where('id', '=', memberId)
    .forUpdate()
    .executeTakeFirst();
  if (!m) throw new RegistryError('member_not_found', { id: memberId });
  return m;
}

/** Bumps the household, re-deriving the head fields; audits the household too when they changed. */
async function finish(trx: Transaction<DB>, actor: Actor, before: HouseholdRow): Promise<Household> {
  const after = await bumpHousehold(trx, before, await headChanges(trx, before));
  if (after.head_name !== before.head_name || after.head_citizen_id !== before.head_citizen_id || after.ethnicity !== before.ethnicity) {
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'household',
      entityId: after.id,
      provinceCode: after.province_code,
      unitCode: after.commune_code,
      before: householdAudit(before),
      after: householdAudit(after),
    });
  }
  return toHousehold(after);
}

export interface HeadHandover {
  /** When this member becomes head: the new relation of the former head (default "other"). */
  formerHeadRelation?: Relation;
}

/** Making `memberId` head demotes the current head to `relation` (audited), so there is always one head. */
async function handOverHead(trx: Transaction<DB>, actor: Actor, h: HouseholdRow, exceptMemberId: number | null, relation: Relation): Promise<void> {
  let q = trx
    .updateTable('member')
    .set({ relation })
    .where('province_code', '=', h.province_code)
    .where('household_id', '=', h.id)
    .where('active', '=', true)
    .where('relation', '=', 'head');
  if (exceptMemberId !== null) q = q.where('id', '!=', exceptMemberId);
  const rows = await q.returningAll().execute();
  for (const row of rows) {
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'member',
      entityId: row.id,
      provinceCode: h.province_code,
      unitCode: h.commune_code,
      before: { ...memberAudit(row), relation: 'head' },
      after: memberAudit(row),
    });
  }
}

function idsOf(m: { citizen_id: string | null }, field: string) {
  return m.citizen_id ? [{ citizenId: m.citizen_id, field }] : [];
}

export async function addMember(db: Kysely<DB>, actor: Actor, scope: Scope, householdId: number, version: number, fields: MemberFields, opts: HeadHandover = {}): Promise<MemberWriteResult> {
  const m = prepareMember(fields, 'member');
  const ids = idsOf(m, 'member.citizenId');
  return withCitizenIdRace(db, ids, () =>
    db.transaction().execute(async (trx) => {
      const h = await lockHousehold(trx, scope, householdId, { version });
      await assertCitizenIdsFree(trx, ids);
      if (m.relation === 'head') await handOverHead(trx, actor, h, null, opts.formerHeadRelation ?? 'other');
      let lineNo = m.line_no;
      if (lineNo == null) {
        const r = await trx
          .selectFrom('member')
          .select((eb) => eb.fn.max('line_no').as('n'))
          .where('province_code', '=', h.province_code)
          .where('household_id', '=', h.id)
          .executeTakeFirst();
        lineNo = Number(r?.n ?? 0) + 1;
      }
      const row = await trx
        .insertInto('member')
        .values({ ...m, line_no: lineNo, province_code: h.province_code, household_id: h.id, facts: JSON.stringify(m.facts) })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, { action: 'create', entity: 'member', entityId: row.id, provinceCode: h.province_code, unitCode: h.commune_code, after: memberAudit(row) });
      return { household: await finish(trx, actor, h), member: toMember(row) };
    }),
  );
}

/** Changes some fields of an active member; omitted fields keep their value (`facts` replaces all facts). */
export async function updateMember(
  db: Kysely<DB>,
  actor: Actor,
  scope: Scope,
  householdId: number,
  memberId: number,
  version: number,
  changes: Partial<MemberFields>,
  opts: HeadHandover = {},
): Promise<MemberWriteResult> {
  const ids: Array<{ citizenId: string; field: string }> = [];
  return withCitizenIdRace(db, ids, () =>
    db.transaction().execute(async (trx) => {
      const h = await lockHousehold(trx, scope, householdId, { version });
      const before = await loadMember(trx, h, memberId);
      if (!before.active) throw new RegistryError('member_not_found', { id: memberId });
      const merged: MemberFields = { ...memberFieldsOf(before), ...changes };
      // A new date of birth or year replaces both stored values.
      if (changes.dateOfBirth !== undefined || changes.birthYear !== undefined) {
        merged.dateOfBirth = changes.dateOfBirth ?? null;
        merged.birthYear = changes.birthYear ?? null;
      }
      const m = prepareMember(merged, 'member');
      ids.push(...idsOf(m, 'member.citizenId'));
      await assertCitizenIdsFree(trx, ids, [memberId]);
      if (m.relation === 'head' && before.relation !== 'head') await handOverHead(trx, actor, h, memberId, opts.formerHeadRelation ?? 'other');
      const row = await trx
        .updateTable('member')
        .set({ ...m, line_no: m.line_no ?? before.line_no, facts: JSON.stringify(m.facts) })
        .where('province_code', '=', h.province_code)
        .where('household_id', '=', h.id)
        .where('id', '=', memberId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, { action: 'update', entity: 'member', entityId: memberId, provinceCode: h.province_code, unitCode: h.commune_code, before: memberAudit(before), after: memberAudit(row) });
      return { household: await finish(trx, actor, h), member: toMember(row) };
    }),
  );
}

export interface MemberRemoval {
  reason: MemberLeftReason;
  /** Day the member left; default today. */
  date?: string;
}

/**
 * Marks a member as no longer in the household (never deletes: surveys and lists refer to them). The
 * head cannot be removed while they are head: name another member head first.
 */
export async function removeMember(db: Kysely<DB>, actor: Actor, scope: Scope, householdId: number, memberId: number, version: number, r: MemberRemoval): Promise<MemberWriteResult> {
  if (!(MEMBER_LEFT_REASONS as readonly string[]).includes(r.reason)) throw new RegistryError('field_enum', { field: 'reason', values: MEMBER_LEFT_REASONS.join(', ') });
  const date = r.date ? checkDate(r.date, 'date') : todayInVietnam();
  return db.transaction().execute(async (trx) => {
    const h = await lockHousehold(trx, scope, householdId, { version });
    const before = await loadMember(trx, h, memberId);
    if (!before.active) throw new RegistryError('member_not_found', { id: memberId });
    if (before.relation === 'head') throw new RegistryError('household_head_remove', { name: before.full_name });
    const row = await trx
      .updateTable('member')
      .set({ active: false, left_reason: r.reason, left_date: date })
      .where('province_code', '=', h.province_code)
      .where('household_id', '=', h.id)
      .where('id', '=', memberId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'remove', entity: 'member', entityId: memberId, provinceCode: h.province_code, unitCode: h.commune_code, before: memberAudit(before), after: memberAudit(row) });
    return { household: await finish(trx, actor, h), member: toMember(row) };
  });
}
