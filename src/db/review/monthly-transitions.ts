/**
 * One monthly-application transition in one transaction: lock inside the scope, check the version, ask
 * the domain (`transitionMonthlyApplication`), and on a decision write the household's list row.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { CommuneDecision } from '../../domain/review/commune-decision.ts';
import type { MonthlyApplicationAction, MonthlyRecognition } from '../../domain/review/monthly-application.ts';
import { transitionMonthlyApplication } from '../../domain/review/monthly-application-machine.ts';
import { defineReviewCampaign } from '../../domain/standards/review-campaign.ts';
import { recordAudit } from '../audit.ts';
import { reviewActorOf, type Caller } from './caller.ts';
import { vietnamToday } from './dates.ts';
import { refusalError, ReviewError } from './errors.ts';
import { writeMonthlyListStatus } from './lists.ts';
import { applicationContext, applicationRef, applicationView, loadApplication, type ApplicationRow, type ApplicationView } from './monthly-applications.ts';

export type ListStatusValue = 'poor' | 'near_poor' | 'none';

export interface MonthlyTransitionRequest {
  action: MonthlyApplicationAction;
  version: number;
  reason?: string;
  decision?: CommuneDecision;
  recognition?: MonthlyRecognition;
  /** For `escaped_poverty`: the household's status after escaping, near-poor or none (default none). */
  listStatus?: ListStatusValue;
}

/** The list status a recognition writes; refuses a status that contradicts it. */
export function listStatusForRecognition(recognition: MonthlyRecognition, requested?: ListStatusValue): ListStatusValue {
  const allowed: Record<MonthlyRecognition, readonly ListStatusValue[]> = {
    poor: ['poor'],
    near_poor: ['near_poor'],
    escaped_poverty: ['none', 'near_poor'],
    escaped_near_poverty: ['none'],
  };
  const status = requested ?? allowed[recognition][0]!;
  if (!allowed[recognition].includes(status)) throw new ReviewError('list_status_invalid', { status });
  return status;
}

/** The national standard of a monthly decision taken in `year` (the domain's rule for regular reviews). */
function monthlyStandard(year: number): string {
  try {
    return defineReviewCampaign(year, { kind: 'regular' }).standardId;
  } catch (error) {
    throw new ReviewError('guard_failed', { reason: error instanceof Error ? error.message : String(error) });
  }
}

export async function transitionApplication(db: Kysely<DB>, caller: Caller, id: number, req: MonthlyTransitionRequest): Promise<ApplicationView> {
  return db.transaction().execute(async (trx) => {
    const a = await loadApplication(trx, caller.scope, id, true);
    if (a.version !== req.version) throw new ReviewError('conflict');
    const today = vietnamToday();
    const context = await applicationContext(trx, a, today);
    const household = await trx.selectFrom('household').select('code').where('province_code', '=', a.province_code).where('id', '=', a.household_id).executeTakeFirst();
    const result = transitionMonthlyApplication(applicationRef({ ...a, code: household?.code ?? null }), req.action, reviewActorOf(caller), {
      context,
      ...(req.reason === undefined ? {} : { reason: req.reason }),
      ...(req.decision === undefined ? {} : { decision: req.decision }),
      ...(req.recognition === undefined ? {} : { recognition: req.recognition }),
    });
    if (!result.ok) throw refusalError(result);
    let listStatus: ListStatusValue | null = null;
    let written: { listYear: number; effectiveFrom: string } | undefined;
    const decided = result.events.find((e) => e.type === 'application_decided');
    if (decided?.type === 'application_decided') {
      listStatus = listStatusForRecognition(decided.recognition, req.listStatus);
      const year = Number(decided.decision.date.slice(0, 4));
      written = await writeMonthlyListStatus(trx, {
        provinceCode: a.province_code,
        householdId: a.household_id,
        applicationId: a.id,
        status: listStatus,
        standardId: monthlyStandard(year),
        decision: decided.decision,
      });
    }
    const refused = result.events.find((e) => e.type === 'application_refused');
    const after = await trx
      .updateTable('monthly_application')
      .set({
        state: result.newState,
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
        ...(decided?.type === 'application_decided' && {
          outcome_status: decided.recognition,
          list_status: listStatus,
          decision_number: decided.decision.number.trim(),
          decision_date: decided.decision.date,
          decision_signer: decided.decision.signerName.trim(),
          closed_on: decided.decision.date,
        }),
        ...(refused?.type === 'application_refused' && { refusal_reason: refused.reason, closed_on: today }),
      })
      .where('province_code', '=', a.province_code)
      .where('id', '=', a.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, caller.actor, {
      action: `monthly.${req.action}`,
      entity: 'monthly_application',
      entityId: a.id,
      provinceCode: a.province_code,
      unitCode: a.commune_code,
      before: { state: a.state, version: a.version },
      after: { state: after.state, version: after.version, events: result.events.slice(1), ...(written && { list: { status: listStatus, ...written } }) },
      reason: refused?.type === 'application_refused' ? refused.reason : null,
    });
    return applicationView(after as ApplicationRow, today);
  });
}
