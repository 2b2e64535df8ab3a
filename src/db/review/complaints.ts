/**
 * Complaints (step 4: khiếu nại, phúc tra) about a commune review or a monthly application: recorded,
 * then re-checked with a written note, an outcome and a date. Audited; the owner's lock rules are the
 * caller's (review-records.ts, monthly-records.ts).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import { recordAudit } from '../audit.ts';
import type { Caller } from './caller.ts';
import { complaintView, storedOutcome, type ApiComplaintOutcome, type ComplaintView } from './complaint-records.ts';
import { ReviewError } from './errors.ts';

export type ComplaintOwner =
  | { kind: 'review'; provinceCode: string; communeCode: string; id: number }
  | { kind: 'application'; provinceCode: string; communeCode: string; id: number };

export interface NewComplaint {
  householdId?: number | null;
  receivedOn: string;
  complainant: string;
  content: string;
}

export interface ComplaintResolution {
  recheckNote: string;
  outcome: ApiComplaintOutcome;
  resolvedOn: string;
}

function ownerColumns(owner: ComplaintOwner) {
  return owner.kind === 'review' ? { review_id: owner.id, application_id: null } : { review_id: null, application_id: owner.id };
}

function auditBase(owner: ComplaintOwner, id: number) {
  return { entity: 'complaint', entityId: id, provinceCode: owner.provinceCode, unitCode: owner.communeCode };
}

export async function insertComplaint(trx: Transaction<DB>, caller: Caller, owner: ComplaintOwner, c: NewComplaint): Promise<ComplaintView> {
  const row = await trx
    .insertInto('complaint')
    .values({
      province_code: owner.provinceCode,
      ...ownerColumns(owner),
      household_id: c.householdId ?? null,
      received_on: c.receivedOn,
      complainant: c.complainant.trim(),
      content: c.content.trim(),
      recorded_by: caller.actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, caller.actor, { action: 'complaint.create', ...auditBase(owner, row.id), after: complaintView(row) });
  return complaintView(row);
}

export async function resolveComplaintRow(
  trx: Transaction<DB>,
  caller: Caller,
  owner: ComplaintOwner,
  complaintId: number,
  r: ComplaintResolution,
): Promise<ComplaintView> {
  let q = trx.selectFrom('complaint').selectAll().where('province_code', '=', owner.provinceCode).where('id', '=', complaintId);
  q = owner.kind === 'review' ? q.where('review_id', '=', owner.id) : q.where('application_id', '=', owner.id);
  const before = await q.forUpdate().executeTakeFirst();
  if (!before) throw new ReviewError('complaint_not_found', { id: complaintId });
  const after = await trx
    .updateTable('complaint')
    .set({ recheck_note: r.recheckNote.trim(), outcome: storedOutcome(r.outcome), resolved_on: r.resolvedOn })
    .where('province_code', '=', owner.provinceCode)
    .where('id', '=', complaintId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, caller.actor, { action: 'complaint.resolve', ...auditBase(owner, complaintId), before: complaintView(before), after: complaintView(after) });
  return complaintView(after);
}
