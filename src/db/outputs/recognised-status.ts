/**
 * SQL pieces that read a household's recognised status at a service date from `list_status` only
 * (policies.md §8.2–3, §8.6): the row in force, the start of the next row, and the latest counted exit
 * (a row lower than the one before it) whose window is still open.
 */
import { sql, type RawBuilder } from 'kysely';
import type { AnnualListStart } from './beneficiary-rules.ts';
import type { MovementCode } from '../../domain/movements/movement-codes.ts';

/**
 * A household's recognised rows with the date each starts to count. Rows of an annual decision
 * (a periodic campaign's review) start per `annualStart`; monthly and other rows at `effective_from`.
 */
export function recognisedRows(province: RawBuilder<unknown>, household: RawBuilder<unknown>, annualStart: AnnualListStart): RawBuilder<unknown> {
  const annual =
    annualStart === 'january_1' ? sql`make_date(ls.list_year, 1, 1)` : annualStart === 'decision_date' ? sql`ls.decision_date` : sql`ls.effective_from`;
  return sql`
    select ls.status, ls.list_year, ls.decision_number, ls.decision_date,
      case when rc.kind = 'periodic' then ${annual} else ls.effective_from end as valid_from
    from list_status ls
    left join commune_review cr on cr.province_code = ls.province_code and cr.id = ls.review_id
    left join review_campaign rc on rc.id = cr.campaign_id
    where ls.province_code = ${province} and ls.household_id = ${household}`;
}

/** The exit a recognised row records, from the status before it (same codes as src/domain/movements). */
const EXIT_MOVEMENT = sql`
  case
    when e.previous_status = 'poor' and e.status = 'near_poor' then 'poor_out_to_near_poor'
    when e.previous_status = 'poor' and e.status = 'none' then 'poor_out_above_near_poor'
    when e.previous_status = 'near_poor' and e.status = 'none' then 'near_poor_out_above'
  end`;

/**
 * Lateral subquery: the latest exit among `exits` decided on or before `date` whose window
 * (decision date + `months`, end day included) has not ended. Columns: exit_number, exit_date, exit_movement.
 */
export function latestOpenExit(rows: RawBuilder<unknown>, date: string, months: number, exits: readonly MovementCode[]): RawBuilder<unknown> {
  return sql`
    select e.decision_number as exit_number, e.decision_date as exit_date, ${EXIT_MOVEMENT} as exit_movement
    from (
      select r.*, lag(r.status) over (order by r.valid_from, r.decision_date) as previous_status
      from (${rows}) r
    ) e
    where ${EXIT_MOVEMENT} in (${sql.join(exits.map((x) => sql.lit(x)))})
      and e.decision_date <= ${date}::date
      and (e.decision_date + make_interval(months => ${months}))::date >= ${date}::date
    order by e.decision_date desc
    limit 1`;
}
