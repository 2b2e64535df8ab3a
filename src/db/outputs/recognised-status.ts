/**
 * Set-based SQL for a range of households' recognised status at a service date, from `list_status`
 * only (policies.md §8.2–3, §8.6): common table expressions that read every recognised row of the
 * range once, order each household's rows by the date they start to count, and give
 *   `cur` — the row in force at the date, with the start of the next row (`next_from`);
 *   `ex`  — the latest counted exit (a row lower than the one before it) whose window is still open.
 */
import { sql, type RawBuilder } from 'kysely';
import type { AnnualListStart } from './beneficiary-rules.ts';
import type { MovementCode } from '../../domain/movements/movement-codes.ts';

export interface StatusCtesInput {
  provinceCode: string;
  /** Households with after < id <= last. */
  after: number;
  last: number;
  annualStart: AnnualListStart;
  date: string;
  /** Newly-escaped window: months and the exits that open it; null = no `ex` rows. */
  window: { months: number; exits: readonly MovementCode[] } | null;
}

/** The exit a recognised row records, from the status before it (same codes as src/domain/movements). */
const EXIT_MOVEMENT = sql`
  case
    when o.previous_status = 'poor' and o.status = 'near_poor' then 'poor_out_to_near_poor'
    when o.previous_status = 'poor' and o.status = 'none' then 'poor_out_above_near_poor'
    when o.previous_status = 'near_poor' and o.status = 'none' then 'near_poor_out_above'
  end`;

/**
 * `recognised_rows, ordered_rows, cur, ex` (without the leading `with`). Rows of an annual decision (a
 * periodic campaign's review) start to count per `annualStart`; monthly and other rows at `effective_from`.
 */
export function statusCtes(i: StatusCtesInput): RawBuilder<unknown> {
  const annual =
    i.annualStart === 'january_1' ? sql`make_date(ls.list_year, 1, 1)` : i.annualStart === 'decision_date' ? sql`ls.decision_date` : sql`ls.effective_from`;
  const ex = i.window
    ? sql`
      select distinct on (o.household_id) o.household_id, o.decision_number as exit_number, o.decision_date as exit_date, ${EXIT_MOVEMENT} as exit_movement
      from ordered_rows o
      where ${EXIT_MOVEMENT} in (${sql.join(i.window.exits.map((x) => sql.lit(x)))})
        and o.decision_date <= ${i.date}::date
        and (o.decision_date + make_interval(months => ${i.window.months}))::date >= ${i.date}::date
      order by o.household_id, o.decision_date desc`
    : sql`select null::bigint as household_id, null::text as exit_number, null::date as exit_date, null::text as exit_movement where false`;
  return sql`
    recognised_rows as (
      select ls.household_id, ls.status, ls.list_year, ls.decision_number, ls.decision_date,
        case when rc.kind = 'periodic' then ${annual} else ls.effective_from end as valid_from
      from list_status ls
      left join commune_review cr on cr.province_code = ls.province_code and cr.id = ls.review_id
      left join review_campaign rc on rc.id = cr.campaign_id
      where ls.province_code = ${i.provinceCode} and ls.household_id > ${i.after} and ls.household_id <= ${i.last}
    ),
    ordered_rows as materialized (
      select r.*,
        lag(r.status) over w as previous_status,
        lead(r.valid_from) over w as next_from
      from recognised_rows r
      window w as (partition by r.household_id order by r.valid_from, r.decision_date)
    ),
    cur as materialized (
      select distinct on (o.household_id) o.household_id, o.status, o.list_year, o.valid_from, o.decision_number, o.decision_date, o.next_from
      from ordered_rows o
      where o.valid_from <= ${i.date}::date
      order by o.household_id, o.valid_from desc, o.decision_date desc
    ),
    ex as materialized (${ex})`;
}
