/**
 * Movements between the lists of two years, per household and counted per unit. Counting is
 * aggregated in SQL (households with identical facts grouped, so national scale never reaches
 * JavaScript row by row); each distinct fact combination is classified once by the domain
 * (addMovementRow) and weighted by its group size. Per-household detail is read in keyset pages and
 * classified by the domain, with the "newly escaped" windows from the household's list history.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import {
  addMovementRow,
  emptyMovementTally,
  mergeMovementTallies,
  movementBalanceProblems,
  type MovementRow,
  type MovementTally,
} from '../../domain/movements/movement-tally.ts';
import { classifyHouseholdMovements, type HouseholdMovements } from '../../domain/movements/classify-movement.ts';
import { DEFAULT_MOVEMENT_RULES, type MovementRules } from '../../domain/movements/movement-rules.ts';
import { scopePredicate } from '../scope-filter.ts';
import { vietnamToday } from './dates.ts';
import { ReviewError } from './errors.ts';
import { movementHouseholdPageSql, movementRowsSql, type MovementSqlRow, type MovementUnit } from './movement-rows.ts';
import { newlyEscapedByHousehold, type NewlyEscapedView } from './newly-escaped.ts';
import { UNIT_SCOPE } from './scope-columns.ts';
import { unitNameExpr } from './units.ts';

/** The unit if it is a province or commune (2025 layout) inside the caller's scope; otherwise out_of_scope. */
export async function resolveMovementUnit(db: Kysely<DB>, scope: Scope, code: string): Promise<MovementUnit & { name: string }> {
  const u = await db
    .selectFrom('admin_unit as u')
    .select(['u.code', 'u.tier', 'u.province_code', 'u.name'])
    .where('u.layout', '=', '2025')
    .where('u.code', '=', code)
    .where('u.tier', 'in', ['province', 'commune'])
    .where(scopePredicate(scope, UNIT_SCOPE))
    .orderBy('u.valid_from', 'desc')
    .executeTakeFirst();
  if (!u) throw new ReviewError('out_of_scope');
  return { code: u.code, tier: u.tier as 'province' | 'commune', provinceCode: u.province_code, name: u.name };
}

function domainRow(r: Pick<MovementSqlRow, 'previous' | 'current' | 'exit_reason' | 'entry_reason' | 'was_poor_before' | 'was_near_poor_before'>): MovementRow {
  return {
    previous: r.previous,
    current: r.current,
    exitReason: r.exit_reason,
    entryReason: r.entry_reason,
    wasPoorBefore: r.was_poor_before,
    wasNearPoorBefore: r.was_near_poor_before,
  };
}

/** n copies of a tally, by doubling (log n merges). */
function repeatTally(t: MovementTally, n: number): MovementTally {
  let result = emptyMovementTally();
  let base = t;
  for (let k = n; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) result = mergeMovementTallies(result, base);
    base = mergeMovementTallies(base, base);
  }
  return result;
}

/** The tally of `households` households sharing one fact combination and `persons` persons in all. */
export function groupTally(row: MovementRow, households: number, persons: number, rules: MovementRules = DEFAULT_MOVEMENT_RULES): MovementTally {
  const first = addMovementRow(emptyMovementTally(), { ...row, persons }, rules);
  if (households <= 1) return first;
  return mergeMovementTallies(first, repeatTally(addMovementRow(emptyMovementTally(), { ...row, persons: 0 }, rules), households - 1));
}

export interface UnitMovements {
  code: string;
  name: string | null;
  tally: MovementTally;
}

export interface MovementReport {
  unit: { code: string; tier: string; name: string };
  year: number;
  previousYear: number;
  units: UnitMovements[];
  total: MovementTally;
  balanceProblems: string[];
  /** Communes of the unit without a signed periodic decision producing the year-N list (their end list is incomplete). */
  communesWithoutDecision: string[];
}

export async function movementReport(db: Kysely<DB>, scope: Scope, unitCode: string, year: number, rules: MovementRules = DEFAULT_MOVEMENT_RULES): Promise<MovementReport> {
  const unit = await resolveMovementUnit(db, scope, unitCode);
  const groups = await sql<Omit<MovementSqlRow, 'household_id' | 'persons' | 'province_code' | 'end_decision_date' | 'end_decision_number'> & { n: number; persons: number }>`
    select unit_code, previous, current, exit_reason, entry_reason, was_poor_before, was_near_poor_before,
      count(*)::int as n, coalesce(sum(persons), 0)::int as persons
    from ${movementRowsSql({ unit, year, relapseLookbackFromYear: rules.relapseLookbackFromYear, scope })}
    group by 1, 2, 3, 4, 5, 6, 7 order by 1`.execute(db);
  const byUnit = new Map<string, MovementTally>();
  for (const g of groups.rows) {
    const t = groupTally(domainRow(g), g.n, g.persons, rules);
    byUnit.set(g.unit_code, mergeMovementTallies(byUnit.get(g.unit_code) ?? emptyMovementTally(), t));
  }
  const today = vietnamToday();
  const communes = await sql<{ code: string; name: string | null; decided: boolean }>`
    select u.code, ${unitNameExpr('u.code', today)} as name, exists (
      select 1 from commune_review r join review_campaign c on c.id = r.campaign_id
      where r.province_code = u.province_code and r.commune_code = u.code and c.kind = 'periodic' and c.policy_year = ${year}
        and r.state in ('decided', 'submitted', 'accepted')) as decided
    from (select distinct on (a.code) a.code, a.province_code from admin_unit a
          where a.layout = '2025' and a.tier = 'commune' and a.province_code = ${unit.provinceCode}
            and (${unit.tier} = 'province' or a.code = ${unit.code})
            and a.valid_from <= ${`${year}-01-01`}::date and (a.valid_to is null or a.valid_to > ${`${year - 1}-01-01`}::date)) u
    where ${scopePredicate(scope, UNIT_SCOPE)}
    order by u.code`.execute(db);
  const names = new Map(communes.rows.map((c) => [c.code, c.name]));
  const units = [...byUnit.entries()].toSorted(([a], [b]) => a.localeCompare(b)).map(([code, tally]) => ({ code, name: names.get(code) ?? null, tally }));
  const total = units.reduce((acc, u) => mergeMovementTallies(acc, u.tally), emptyMovementTally());
  return {
    unit: { code: unit.code, tier: unit.tier, name: unit.name },
    year,
    previousYear: year - 1,
    units,
    total,
    balanceProblems: movementBalanceProblems(total),
    communesWithoutDecision: communes.rows.filter((c) => !c.decided).map((c) => c.code),
  };
}

export interface HouseholdMovementView {
  householdId: number;
  unitCode: string;
  code: string | null;
  headName: string | null;
  previous: string;
  current: string;
  exitReason: string | null;
  entryReason: string | null;
  wasPoorBefore: boolean;
  wasNearPoorBefore: boolean;
  persons: number;
  movements: HouseholdMovements;
  endDecision: { number: string; date: string } | null;
  newlyEscaped: NewlyEscapedView[];
}

export interface MovementPage {
  items: HouseholdMovementView[];
  /** Cursor of the next page (pass as `after`): the last household of this page, or null at the end. */
  next: { after: number } | null;
}

/** One page of households (ids > `after`, at most `limit` households; a household that moved has a row per commune). */
export async function householdMovements(
  db: Kysely<DB>,
  scope: Scope,
  unitCode: string,
  year: number,
  page: { after?: number; limit: number; asOf?: string },
  rules: MovementRules = DEFAULT_MOVEMENT_RULES,
): Promise<MovementPage> {
  const unit = await resolveMovementUnit(db, scope, unitCode);
  const ids = (await movementHouseholdPageSql({ unit, year }, page.after ?? 0, page.limit).execute(db)).rows.map((r) => r.household_id);
  if (ids.length === 0) return { items: [], next: null };
  const rows = await sql<MovementSqlRow & { code: string | null; head_name: string | null }>`
    select mv.*, h.code, h.head_name
    from ${movementRowsSql({ unit, year, relapseLookbackFromYear: rules.relapseLookbackFromYear, scope, householdIds: ids })}
    left join household h on h.province_code = mv.province_code and h.id = mv.household_id
    order by mv.household_id, mv.unit_code`.execute(db);
  const escaped = await newlyEscapedByHousehold(db, unit.provinceCode, ids, page.asOf ?? vietnamToday(), rules);
  const items = rows.rows.map((r) => ({
    householdId: r.household_id,
    unitCode: r.unit_code,
    code: r.code,
    headName: r.head_name,
    previous: r.previous,
    current: r.current,
    exitReason: r.exit_reason,
    entryReason: r.entry_reason,
    wasPoorBefore: r.was_poor_before,
    wasNearPoorBefore: r.was_near_poor_before,
    persons: r.persons,
    movements: classifyHouseholdMovements(domainRow(r), rules),
    endDecision: r.end_decision_date && r.end_decision_number ? { number: r.end_decision_number, date: r.end_decision_date } : null,
    newlyEscaped: escaped.get(r.household_id) ?? [],
  }));
  return { items, next: ids.length === page.limit ? { after: ids.at(-1)! } : null };
}
