/** Recorded unit statuses (poor district, extremely difficult commune, …), effective-dated and audited. */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { scopePredicate } from '../scope-filter.ts';
import type { UnitStatusKind } from '../../domain/program/unit-statuses.ts';
import { ProgramError } from './errors.ts';
import { programDb, sharedView } from './tables.ts';

export interface UnitStatusView {
  unitCode: string;
  kind: UnitStatusKind;
  validFrom: string;
  validTo: string | null;
  decisionRef: string | null;
}

export async function readUnitStatuses(db: Kysely<DB>, scope: Scope, provinceCode: string): Promise<UnitStatusView[]> {
  const rows = await programDb(db)
    .selectFrom('program_unit_status')
    .selectAll()
    .where('province_code', '=', provinceCode)
    .where(scopePredicate(scope, { province: 'province_code', commune: 'unit_code' }))
    .orderBy('unit_code')
    .orderBy('kind')
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({ unitCode: r.unit_code, kind: r.kind as UnitStatusKind, validFrom: r.valid_from, validTo: r.valid_to, decisionRef: r.decision_ref }));
}

/** Records a status for a unit of the province; an open period of the same kind is closed where the new one starts. */
export async function recordUnitStatus(db: Kysely<DB>, actor: Actor, provinceCode: string, units: ReadonlySet<string>, s: UnitStatusView): Promise<void> {
  if (!units.has(s.unitCode)) throw new ProgramError('program_unit_invalid', { code: s.unitCode });
  await programDb(db).transaction().execute(async (trx) => {
    await trx
      .updateTable('program_unit_status')
      .set({ valid_to: s.validFrom })
      .where('province_code', '=', provinceCode)
      .where('unit_code', '=', s.unitCode)
      .where('kind', '=', s.kind)
      .where('valid_to', 'is', null)
      .where('valid_from', '<', s.validFrom)
      .execute();
    const values = { province_code: provinceCode, unit_code: s.unitCode, kind: s.kind, valid_from: s.validFrom, valid_to: s.validTo, decision_ref: s.decisionRef, recorded_by: actor.id };
    await trx
      .insertInto('program_unit_status')
      .values(values)
      .onConflict((oc) => oc.columns(['province_code', 'unit_code', 'kind', 'valid_from']).doUpdateSet({ valid_to: s.validTo, decision_ref: s.decisionRef, recorded_by: actor.id, recorded_at: new Date() }))
      .execute();
    await recordAudit(sharedView(trx), actor, { action: 'program.unit_status', entity: 'program_unit_status', entityId: `${s.unitCode}/${s.kind}/${s.validFrom}`, provinceCode, unitCode: s.unitCode, after: s });
  });
}
