/**
 * What a monthly application records before its answer: the survey mark, the village meeting (one
 * household's vote), the minutes file, the posting dates and complaints. Refused once answered.
 * Record edits take the application's `version` (optimistic concurrency).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { isMonthlyApplicationClosed } from '../../domain/review/monthly-application.ts';
import { recordAudit } from '../audit.ts';
import type { Caller } from './caller.ts';
import type { ComplaintView } from './complaint-records.ts';
import { insertComplaint, resolveComplaintRow, type ComplaintOwner, type ComplaintResolution, type NewComplaint } from './complaints.ts';
import { vietnamToday } from './dates.ts';
import { ReviewError } from './errors.ts';
import { readFileRef, storeFile, type UploadedFile } from './files.ts';
import { applicationView, loadApplication, type ApplicationRow, type ApplicationView } from './monthly-applications.ts';

export interface ApplicationRecord {
  version: number;
  surveyedOn?: string | null;
  surveyId?: number | null;
  meeting?: { heldOn: string; attendees: number; agree: number; disagree: number; chair: string; secretary: string } | null;
  posting?: { startDate: string; endDate: string } | null;
}

function assertOpen(a: ApplicationRow): void {
  if (isMonthlyApplicationClosed(a.state)) throw new ReviewError('application_closed', { id: a.id });
}

async function lockOpen(trx: Transaction<DB>, caller: Caller, id: number): Promise<ApplicationRow> {
  const a = await loadApplication(trx, caller.scope, id, true);
  assertOpen(a);
  return a;
}

function owner(a: ApplicationRow): ComplaintOwner {
  return { kind: 'application', provinceCode: a.province_code, communeCode: a.commune_code, id: a.id };
}

export async function recordApplication(db: Kysely<DB>, caller: Caller, id: number, r: ApplicationRecord): Promise<ApplicationView> {
  return db.transaction().execute(async (trx) => {
    const a = await lockOpen(trx, caller, id);
    if (a.version !== r.version) throw new ReviewError('conflict');
    if (r.meeting && r.meeting.agree + r.meeting.disagree > r.meeting.attendees) throw new ReviewError('vote_invalid', { ids: String(a.household_id) });
    const m = r.meeting;
    const after = await trx
      .updateTable('monthly_application')
      .set({
        ...(r.surveyedOn !== undefined && { surveyed_on: r.surveyedOn }),
        ...(r.surveyId !== undefined && { survey_id: r.surveyId }),
        ...(m !== undefined && {
          meeting_held_on: m?.heldOn ?? null,
          meeting_attendees: m?.attendees ?? null,
          meeting_agree: m?.agree ?? null,
          meeting_disagree: m?.disagree ?? null,
          meeting_chair: m?.chair.trim() ?? null,
          meeting_secretary: m?.secretary.trim() ?? null,
        }),
        ...(r.posting !== undefined && { posting_start: r.posting?.startDate ?? null, posting_end: r.posting?.endDate ?? null }),
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('province_code', '=', a.province_code)
      .where('id', '=', a.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, caller.actor, {
      action: 'monthly.record',
      entity: 'monthly_application',
      entityId: a.id,
      provinceCode: a.province_code,
      unitCode: a.commune_code,
      before: a,
      after,
    });
    return applicationView(after as ApplicationRow, vietnamToday());
  });
}

export async function storeApplicationMinutes(db: Kysely<DB>, caller: Caller, id: number, file: UploadedFile) {
  return db.transaction().execute(async (trx) => {
    const a = await lockOpen(trx, caller, id);
    const stored = await storeFile(trx, { provinceCode: a.province_code, communeCode: a.commune_code, uploadedBy: caller.actor.id }, file);
    await trx
      .updateTable('monthly_application')
      .set({ minutes_file: stored.ref, minutes_name: stored.name, updated_at: sql<Date>`now()` })
      .where('province_code', '=', a.province_code)
      .where('id', '=', a.id)
      .execute();
    const { ref: _ref, ...info } = stored;
    await recordAudit(trx, caller.actor, {
      action: 'monthly.minutes',
      entity: 'monthly_application',
      entityId: a.id,
      provinceCode: a.province_code,
      unitCode: a.commune_code,
      before: { minutesFile: a.minutes_file, minutesName: a.minutes_name },
      after: info,
    });
    return info;
  });
}

export async function readApplicationMinutes(db: Kysely<DB>, scope: Scope, id: number): Promise<UploadedFile> {
  const a = await loadApplication(db, scope, id);
  const file = await readFileRef(db, a.province_code, a.minutes_file);
  if (!file) throw new ReviewError('meeting_not_found', { village: a.village_code ?? '', no: 1 });
  return file;
}

export async function recordApplicationComplaint(db: Kysely<DB>, caller: Caller, id: number, c: NewComplaint): Promise<ComplaintView> {
  return db.transaction().execute(async (trx) => {
    const a = await lockOpen(trx, caller, id);
    if (c.householdId != null && c.householdId !== a.household_id) throw new ReviewError('household_not_listed', { id: c.householdId });
    return insertComplaint(trx, caller, owner(a), { ...c, householdId: a.household_id });
  });
}

export async function resolveApplicationComplaint(db: Kysely<DB>, caller: Caller, id: number, complaintId: number, r: ComplaintResolution): Promise<ComplaintView> {
  return db.transaction().execute(async (trx) => resolveComplaintRow(trx, caller, owner(await lockOpen(trx, caller, id)), complaintId, r));
}
