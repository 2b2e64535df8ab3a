/**
 * Writing the recognised lists (list_status), set-based. Semantics (docs/review-api.md):
 * - A commune decision writes, for list_year = the campaign's policy year, one row per agreed household
 *   whose class under the campaign's national standard is poor or near-poor, and a 'none' row for an
 *   agreed household that is now neither but whose latest earlier row was poor or near-poor (it escaped).
 *   Households never on a list and still 'none' get no row.
 * - effective_from is the decision date by default, or 1 January of the policy year (UNCONFIRMED which one
 *   the law means, policies.md §8.2): the setting `review.listEffectiveFrom` gives the deployment's
 *   default, and a decision may choose the other one.
 * - A re-signed decision of the same review replaces that review's rows; the replaced rows go to the audit log.
 * - A monthly decision writes one row (list_year = year of the decision, effective_from = decision date).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { CommuneDecision } from '../../domain/review/commune-decision.ts';
import type { CampaignRow, ReviewRow } from './review-load.ts';

export const LIST_EFFECTIVE_FROM = ['decision_date', 'policy_year_start'] as const;
export type ListEffectiveFrom = (typeof LIST_EFFECTIVE_FROM)[number];
/** Default: the decision date (UNCONFIRMED; see policies.md §8 point 2). */
export const DEFAULT_LIST_EFFECTIVE_FROM: ListEffectiveFrom = 'decision_date';
/** Setting row (value: "decision_date" or "policy_year_start") overriding DEFAULT_LIST_EFFECTIVE_FROM. */
export const LIST_EFFECTIVE_FROM_SETTING = 'review.listEffectiveFrom';

function isListEffectiveFrom(v: unknown): v is ListEffectiveFrom {
  return typeof v === 'string' && (LIST_EFFECTIVE_FROM as readonly string[]).includes(v);
}

/** When a decision's lists take effect unless the decision says otherwise: the setting, else the default. */
export async function defaultListEffectiveFrom(db: Kysely<DB>): Promise<ListEffectiveFrom> {
  const r = await sql<{ value: unknown }>`select value from setting where key = ${LIST_EFFECTIVE_FROM_SETTING}`.execute(db);
  const v = r.rows[0]?.value;
  return isListEffectiveFrom(v) ? v : DEFAULT_LIST_EFFECTIVE_FROM;
}

/** Changes the setting (audited with the reason). */
export async function setDefaultListEffectiveFrom(db: Kysely<DB>, actor: Actor, value: ListEffectiveFrom, reason: string): Promise<void> {
  if (!isListEffectiveFrom(value)) throw new RangeError(`${LIST_EFFECTIVE_FROM_SETTING} phải là ${LIST_EFFECTIVE_FROM.join(' hoặc ')}`);
  await db.transaction().execute(async (trx) => {
    const before = await defaultListEffectiveFrom(trx);
    await sql`
      insert into setting (key, value, updated_at, updated_by) values (${LIST_EFFECTIVE_FROM_SETTING}, ${JSON.stringify(value)}::jsonb, now(), ${actor.id})
      on conflict (key) do update set value = excluded.value, updated_at = now(), updated_by = excluded.updated_by`.execute(trx);
    await recordAudit(trx, actor, { action: 'setting.update', entity: 'setting', entityId: LIST_EFFECTIVE_FROM_SETTING, before, after: value, reason });
  });
}

export interface WrittenLists {
  listYear: number;
  effectiveFrom: string;
  poor: number;
  nearPoor: number;
  escaped: number;
  /** Rows of an earlier decision of the same review that this decision replaced: [household, status, decision, effective]. */
  replaced: Array<[number, string, string, string]>;
}

export function listEffectiveDate(effective: ListEffectiveFrom, decisionDate: string, policyYear: number): string {
  return effective === 'decision_date' ? decisionDate : `${policyYear}-01-01`;
}

export async function writeReviewLists(
  trx: Transaction<DB>,
  review: ReviewRow,
  campaign: CampaignRow,
  decision: CommuneDecision,
  effective: ListEffectiveFrom,
): Promise<WrittenLists> {
  const effectiveFrom = listEffectiveDate(effective, decision.date, campaign.policy_year);
  const replaced = await trx
    .deleteFrom('list_status')
    .where('province_code', '=', review.province_code)
    .where('review_id', '=', review.id)
    .returning(['household_id', 'status', 'decision_number', 'effective_from'])
    .execute();
  const counts = await sql<{ status: string; n: number }>`
    with written as (
      insert into list_status (province_code, household_id, list_year, status, standard_id, review_id, decision_number, decision_date, effective_from)
      select rh.province_code, rh.household_id, ${campaign.policy_year}, s.status, ${campaign.standard_id}, rh.review_id,
             ${decision.number.trim()}, ${decision.date}::date, ${effectiveFrom}::date
      from review_household rh
      join classification cl on cl.province_code = rh.province_code and cl.review_id = rh.review_id
        and cl.household_id = rh.household_id and cl.standard_id = ${campaign.standard_id}
      cross join lateral (select case cl.class when 'poor' then 'poor' when 'near_poor' then 'near_poor' else 'none' end as status) s
      left join lateral (
        select p.status from list_status p
        where p.province_code = rh.province_code and p.household_id = rh.household_id and p.list_year < ${campaign.policy_year}
        order by p.effective_from desc limit 1) prev on true
      where rh.province_code = ${review.province_code} and rh.review_id = ${review.id} and rh.stage = 'agreed'
        and (s.status <> 'none' or prev.status in ('poor', 'near_poor'))
      on conflict (province_code, household_id, effective_from) do update set
        list_year = excluded.list_year, status = excluded.status, standard_id = excluded.standard_id,
        review_id = excluded.review_id, application_id = null,
        decision_number = excluded.decision_number, decision_date = excluded.decision_date
      returning status)
    select status, count(*)::int as n from written group by status`.execute(trx);
  await sql`
    update review_household rh set final_class = case cl.class when 'poor' then 'poor' when 'near_poor' then 'near_poor' else 'none' end
    from classification cl
    where cl.province_code = rh.province_code and cl.review_id = rh.review_id and cl.household_id = rh.household_id
      and cl.standard_id = ${campaign.standard_id}
      and rh.province_code = ${review.province_code} and rh.review_id = ${review.id} and rh.stage = 'agreed'`.execute(trx);
  const n = (status: string) => counts.rows.find((r) => r.status === status)?.n ?? 0;
  return {
    listYear: campaign.policy_year,
    effectiveFrom,
    poor: n('poor'),
    nearPoor: n('near_poor'),
    escaped: n('none'),
    replaced: replaced.map((r) => [r.household_id, r.status, r.decision_number, r.effective_from]),
  };
}

export interface MonthlyListEntry {
  provinceCode: string;
  householdId: number;
  applicationId: number;
  status: 'poor' | 'near_poor' | 'none';
  standardId: string;
  decision: CommuneDecision;
}

/** One household's row from a monthly decision (list year = year of the decision, effective on its date). */
export async function writeMonthlyListStatus(trx: Transaction<DB>, e: MonthlyListEntry): Promise<{ listYear: number; effectiveFrom: string }> {
  const listYear = Number(e.decision.date.slice(0, 4));
  await trx
    .insertInto('list_status')
    .values({
      province_code: e.provinceCode,
      household_id: e.householdId,
      list_year: listYear,
      status: e.status,
      standard_id: e.standardId,
      review_id: null,
      application_id: e.applicationId,
      decision_number: e.decision.number.trim(),
      decision_date: e.decision.date,
      effective_from: e.decision.date,
    })
    .onConflict((oc) =>
      oc.columns(['province_code', 'household_id', 'effective_from']).doUpdateSet({
        list_year: listYear,
        status: e.status,
        standard_id: e.standardId,
        review_id: null,
        application_id: e.applicationId,
        decision_number: e.decision.number.trim(),
        decision_date: e.decision.date,
      }),
    )
    .execute();
  return { listYear, effectiveFrom: e.decision.date };
}
