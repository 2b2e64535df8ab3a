/**
 * Complaint rows ↔ the domain's ComplaintRecord. The 0003 column vocabulary is kept: the domain's
 * "dismissed" (result kept) is stored as 'rejected'; a 'withdrawn' complaint is resolved with the result
 * kept, so the domain sees it as dismissed too.
 */
import type { Selectable } from 'kysely';
import type { ComplaintTable } from '../schema.ts';
import type { ComplaintOutcome, ComplaintRecord } from '../../domain/review/complaints.ts';

export type ComplaintRow = Selectable<ComplaintTable>;
/** Outcomes accepted by the API. */
export type ApiComplaintOutcome = ComplaintOutcome | 'withdrawn';

export function storedOutcome(outcome: ApiComplaintOutcome): 'upheld' | 'rejected' | 'withdrawn' {
  return outcome === 'dismissed' ? 'rejected' : outcome;
}

export function apiOutcome(stored: ComplaintRow['outcome']): ApiComplaintOutcome | null {
  if (stored === null) return null;
  return stored === 'rejected' ? 'dismissed' : stored;
}

/** A complaint row as the domain sees it; `householdCode` names the household in messages. */
export function complaintRecord(c: ComplaintRow & { household_code?: string | null }): ComplaintRecord {
  const outcome: ComplaintOutcome | null = c.outcome === null ? null : c.outcome === 'upheld' ? 'upheld' : 'dismissed';
  return {
    complaintId: String(c.id),
    householdId: c.household_id === null ? null : String(c.household_id),
    householdCode: c.household_code ?? null,
    receivedOn: c.received_on,
    recheck: outcome === null || c.resolved_on === null ? null : { recheckedOn: c.resolved_on, outcome, conclusionVi: c.recheck_note ?? '' },
  };
}

export interface ComplaintView {
  id: number;
  householdId: number | null;
  receivedOn: string;
  complainant: string;
  content: string;
  recheckNote: string | null;
  outcome: ApiComplaintOutcome | null;
  resolvedOn: string | null;
}

export function complaintView(c: ComplaintRow): ComplaintView {
  return {
    id: c.id,
    householdId: c.household_id,
    receivedOn: c.received_on,
    complainant: c.complainant,
    content: c.content,
    recheckNote: c.recheck_note,
    outcome: apiOutcome(c.outcome),
    resolvedOn: c.resolved_on,
  };
}
