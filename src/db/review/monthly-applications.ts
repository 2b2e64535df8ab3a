/**
 * Monthly (regular) review applications (review-procedure.md §5): form 01 (request to be reviewed) and
 * form 04 (registration to escape poverty). Created for a household inside the caller's scope, with the
 * domain's round start and 15-day deadline; read with the domain's deadline status and next actions.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, MonthlyApplicationTable } from '../schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { createVietnamWorkingCalendar, type WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import {
  MONTHLY_APPLICATION_STATE_LABELS_VI,
  RECOGNITIONS_BY_FORM,
  isMonthlyApplicationClosed,
  type MonthlyApplicationRef,
  type MonthlyApplicationState,
  type MonthlyRecognition,
} from '../../domain/review/monthly-application.ts';
import { nextMonthlyActions, type MonthlyApplicationContext, type NextMonthlyAction } from '../../domain/review/monthly-application-machine.ts';
import { deadlineStatus, monthlyApplicationDeadline, type DeadlineStatusReport, type MonthlyDeadline } from '../../domain/review/monthly-deadline.ts';
import { reviewParameters } from '../../domain/review/review-parameters.ts';
import { scopePredicate } from '../scope-filter.ts';
import { recordAudit } from '../audit.ts';
import type { Caller } from './caller.ts';
import { complaintRecord, complaintView, type ComplaintView } from './complaint-records.ts';
import { vietnamToday } from './dates.ts';
import { ReviewError } from './errors.ts';
import { APPLICATION_SCOPE, HOUSEHOLD_SCOPE } from './scope-columns.ts';

export type ApplicationRow = Selectable<MonthlyApplicationTable> & { state: MonthlyApplicationState };
type Db = Kysely<DB> | Transaction<DB>;

let calendar: WorkingCalendar | undefined;
export function workingCalendar(): WorkingCalendar {
  calendar ??= createVietnamWorkingCalendar();
  return calendar;
}

/** The domain's deadline of an application received on `receivedOn` (Vietnamese refusal when the calendar has no data). */
export function deadlineOf(receivedOn: string): MonthlyDeadline {
  try {
    return monthlyApplicationDeadline(receivedOn, reviewParameters(), workingCalendar());
  } catch (error) {
    throw new ReviewError('guard_failed', { reason: error instanceof Error ? error.message : String(error) });
  }
}

/** The application as the domain sees it; with `code`, messages name the household by its code. */
export function applicationRef(a: ApplicationRow & { code?: string | null }): MonthlyApplicationRef {
  return {
    applicationId: String(a.id),
    provinceCode: a.province_code,
    communeCode: a.commune_code,
    householdId: String(a.household_id),
    ...(a.code ? { householdCode: a.code } : {}),
    villageCode: a.village_code ?? '',
    form: a.form === '01' ? 'form_01' : 'form_04',
    receivedOn: a.received_on,
    state: a.state,
  };
}

export async function applicationContext(db: Db, a: ApplicationRow, today: string): Promise<MonthlyApplicationContext> {
  const complaints = await db
    .selectFrom('complaint')
    .selectAll()
    .where('province_code', '=', a.province_code)
    .where('application_id', '=', a.id)
    .orderBy('id')
    .execute();
  const hasMeeting = a.meeting_held_on !== null && a.meeting_attendees !== null;
  return {
    today,
    surveyed: a.surveyed_on !== null,
    meetings: hasMeeting
      ? [
          {
            meetingId: `application-${a.id}`,
            villageCode: a.village_code ?? '',
            heldOn: a.meeting_held_on!,
            attendance: a.meeting_attendees!,
            minutesFileRef: a.minutes_file,
            votes: a.meeting_agree === null ? [] : [{ householdId: String(a.household_id), agree: a.meeting_agree, disagree: a.meeting_disagree ?? 0 }],
          },
        ]
      : [],
    posting: a.posting_start !== null && a.posting_end !== null ? { startDate: a.posting_start, endDate: a.posting_end } : null,
    complaints: complaints.map(complaintRecord),
  };
}

/** Loads an application inside the scope (`out_of_scope` otherwise); `lock` takes it FOR UPDATE. */
export async function loadApplication(db: Db, scope: Scope, id: number, lock = false): Promise<ApplicationRow> {
  let q = db.selectFrom('monthly_application as a').selectAll('a').where('a.id', '=', id).where(scopePredicate(scope, APPLICATION_SCOPE));
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new ReviewError('out_of_scope');
  return row as ApplicationRow;
}

export interface ApplicationView {
  id: number;
  provinceCode: string;
  communeCode: string;
  householdId: number;
  householdCode: string | null;
  headName: string | null;
  villageCode: string | null;
  form: '01' | '04';
  receivedOn: string;
  roundStart: string;
  deadline: string;
  deadlineStatus: DeadlineStatusReport;
  state: MonthlyApplicationState;
  stateLabel: string;
  requestedStatus: string | null;
  recognition: string | null;
  listStatus: string | null;
  decision: { number: string; date: string; signer: string | null } | null;
  refusalReason: string | null;
  surveyedOn: string | null;
  meeting: { heldOn: string; attendees: number; agree: number | null; disagree: number | null; chair: string | null; secretary: string | null; minutesName: string | null } | null;
  posting: { startDate: string; endDate: string } | null;
  closedOn: string | null;
  version: number;
}

export function applicationView(a: ApplicationRow & { code?: string | null; head_name?: string | null }, asOf: string): ApplicationView {
  const closedOn = isMonthlyApplicationClosed(a.state) ? (a.closed_on ?? undefined) : undefined;
  return {
    id: a.id,
    provinceCode: a.province_code,
    communeCode: a.commune_code,
    householdId: a.household_id,
    householdCode: a.code ?? null,
    headName: a.head_name ?? null,
    villageCode: a.village_code,
    form: a.form,
    receivedOn: a.received_on,
    roundStart: a.round_start,
    deadline: a.deadline,
    deadlineStatus: deadlineStatus(deadlineOf(a.received_on), asOf, reviewParameters(), workingCalendar(), closedOn),
    state: a.state,
    stateLabel: MONTHLY_APPLICATION_STATE_LABELS_VI[a.state],
    requestedStatus: a.requested_status,
    recognition: a.outcome_status,
    listStatus: a.list_status,
    decision: a.decision_number !== null && a.decision_date !== null ? { number: a.decision_number, date: a.decision_date, signer: a.decision_signer } : null,
    refusalReason: a.refusal_reason,
    surveyedOn: a.surveyed_on,
    meeting:
      a.meeting_held_on === null || a.meeting_attendees === null
        ? null
        : {
            heldOn: a.meeting_held_on,
            attendees: a.meeting_attendees,
            agree: a.meeting_agree,
            disagree: a.meeting_disagree,
            chair: a.meeting_chair,
            secretary: a.meeting_secretary,
            minutesName: a.minutes_file === null ? null : a.minutes_name,
          },
    posting: a.posting_start !== null && a.posting_end !== null ? { startDate: a.posting_start, endDate: a.posting_end } : null,
    closedOn: a.closed_on,
    version: a.version,
  };
}

export interface NewApplication {
  householdId: number;
  form: '01' | '04';
  receivedOn: string;
  requestedStatus?: MonthlyRecognition | null;
}

export async function createApplication(db: Kysely<DB>, caller: Caller, input: NewApplication): Promise<ApplicationView> {
  const form = input.form === '01' ? 'form_01' : 'form_04';
  if (input.requestedStatus != null && !RECOGNITIONS_BY_FORM[form].includes(input.requestedStatus)) {
    throw new ReviewError('list_status_invalid', { status: input.requestedStatus });
  }
  const deadline = deadlineOf(input.receivedOn);
  return db.transaction().execute(async (trx) => {
    const household = await trx
      .selectFrom('household as h')
      .select(['h.province_code', 'h.id', 'h.commune_code', 'h.village_code', 'h.code', 'h.head_name', 'h.status'])
      .where('h.id', '=', input.householdId)
      .where(scopePredicate(caller.scope, HOUSEHOLD_SCOPE))
      .forUpdate()
      .executeTakeFirst();
    if (!household || household.status !== 'active') throw new ReviewError('household_not_in_commune', { ids: String(input.householdId) });
    const twin = await trx
      .selectFrom('monthly_application')
      .select('id')
      .where('province_code', '=', household.province_code)
      .where('household_id', '=', household.id)
      .where('form', '=', input.form)
      .where('state', 'not in', ['decided', 'refused'])
      .executeTakeFirst();
    if (twin) throw new ReviewError('application_exists', { id: twin.id });
    const row = await trx
      .insertInto('monthly_application')
      .values({
        province_code: household.province_code,
        commune_code: household.commune_code,
        household_id: household.id,
        village_code: household.village_code,
        form: input.form,
        received_on: input.receivedOn,
        round_start: deadline.roundStart,
        deadline: deadline.deadline,
        requested_status: input.requestedStatus ?? null,
        created_by: caller.actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, caller.actor, {
      action: 'monthly.create',
      entity: 'monthly_application',
      entityId: row.id,
      provinceCode: row.province_code,
      unitCode: row.commune_code,
      after: row,
    });
    return applicationView({ ...(row as ApplicationRow), code: household.code, head_name: household.head_name }, vietnamToday());
  });
}

function withHousehold(db: Db) {
  return db
    .selectFrom('monthly_application as a')
    .leftJoin('household as h', (j) => j.onRef('h.province_code', '=', 'a.province_code').onRef('h.id', '=', 'a.household_id'))
    .selectAll('a')
    .select(['h.code', 'h.head_name']);
}

export interface ListApplicationsQuery {
  commune?: string;
  state?: MonthlyApplicationState;
  open?: boolean;
  asOf?: string;
  page: number;
  pageSize: number;
}

export async function listApplications(db: Kysely<DB>, scope: Scope, q: ListApplicationsQuery): Promise<{ items: ApplicationView[]; total: number }> {
  let query = withHousehold(db).where(scopePredicate(scope, APPLICATION_SCOPE));
  if (q.commune !== undefined) query = query.where('a.commune_code', '=', q.commune);
  if (q.state !== undefined) query = query.where('a.state', '=', q.state);
  if (q.open === true) query = query.where('a.state', 'not in', ['decided', 'refused']);
  if (q.open === false) query = query.where('a.state', 'in', ['decided', 'refused']);
  const total = await query.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('a.deadline')
    .orderBy('a.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const asOf = q.asOf ?? vietnamToday();
  return { total: total.n, items: rows.map((r) => applicationView(r as ApplicationRow & { code: string | null; head_name: string | null }, asOf)) };
}

export async function getApplicationView(
  db: Kysely<DB>,
  scope: Scope,
  role: Role,
  id: number,
  asOf = vietnamToday(),
): Promise<{ application: ApplicationView; nextActions: NextMonthlyAction[]; complaints: ComplaintView[] }> {
  const row = await withHousehold(db).where('a.id', '=', id).where(scopePredicate(scope, APPLICATION_SCOPE)).executeTakeFirst();
  if (!row) throw new ReviewError('out_of_scope');
  const a = row as ApplicationRow & { code: string | null; head_name: string | null };
  const context = await applicationContext(db, a, vietnamToday());
  const complaints = await db
    .selectFrom('complaint')
    .selectAll()
    .where('province_code', '=', a.province_code)
    .where('application_id', '=', a.id)
    .orderBy('id')
    .execute();
  return { application: applicationView(a, asOf), nextActions: nextMonthlyActions(applicationRef(a), role, context), complaints: complaints.map(complaintView) };
}
