/**
 * Set-based validation of a staged upload: every check is one INSERT … SELECT into import_error over the
 * job's staging rows (never a query per row or household). A row's own findings (cell-checks.ts,
 * row-checks.ts) were computed while staging and are only expanded here, for the rows that have any;
 * the rest are the checks across rows, sheets and the database: unit codes in force on
 * the reference date and inside the uploader's scope, duplicate household codes and citizen IDs in the
 * file and against the database, members without a household, head counts, impossible relations.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { SHEETS_BY_ID, type ImportKind, type SheetId } from '../../domain/import/import-kinds.ts';
import { LOCKED_REVIEW_STATES } from '../../domain/review/review-states.ts';
import { scopePredicate } from '../scope-filter.ts';
import { inForce } from '../units/queries.ts';
import { sideBySide } from './side-by-side.ts';
import { STAGE_TABLES } from './stage-partitions.ts';

export interface ValidationTarget {
  jobId: number;
  kind: ImportKind;
  scope: Scope;
  referenceDate: string;
  campaignId: number | null;
}

type Step = (db: Kysely<DB>, t: ValidationTarget) => Promise<unknown>;

const INSERT = sql.raw('insert into import_error (job_id, sheet, line, column_key, code, value, household_code)');

/** `col ~ '^[0-9]{n}$'` without the regular expression (which costs more than the rest of a row's checks). */
function digits(col: string, n: number) {
  return sql.raw(`(octet_length(${col}) = ${n} and ltrim(${col}, '0123456789') = '')`);
}

/** The staged text of the column a finding names (`key` an SQL text expression), by a CASE over the sheet's columns. */
function cellOf(sheet: SheetId, key: RawBuilder<unknown>): RawBuilder<string | null> {
  const cols = SHEETS_BY_ID[sheet].columns.map((c) => sql`when ${sql.lit(c.key)} then s.${sql.ref(c.key)}`);
  return sql`case ${key} ${sql.join(cols, sql` `)} end`;
}

/** The findings of each row's own cells (computed while staging), one import_error row per item. */
function cellStep(sheet: SheetId): Step {
  const table = sql.table(STAGE_TABLES[sheet]);
  return (db, t) => sql`${INSERT}
    select s.job_id, ${sheet}, s.line, c.col, split_part(f.item, ':', 2), ${cellOf(sheet, sql`c.col`)}, s.household_code
    from ${table} s
    cross join lateral unnest(string_to_array(s.findings, ';')) as f(item)
    cross join lateral (select split_part(f.item, ':', 1) as col) c
    where s.job_id = ${t.jobId} and s.findings is not null`.execute(db);
}

/** The same household code twice on one sheet (surveys; the households sheet: householdMembersStep). */
function duplicateStep(sheet: SheetId): Step {
  const table = sql.table(STAGE_TABLES[sheet]);
  return (db, t) => sql`${INSERT}
    select ${t.jobId}, ${sheet}, x.line, 'household_code', 'duplicate_in_sheet', x.household_code, x.household_code
    from (select line, household_code, count(*) over (partition by household_code) as n
          from ${table} where job_id = ${t.jobId} and household_code is not null) x
    where x.n > 1`.execute(db);
}

/** Rows of a sheet whose household code is not on the households sheet (surveys; members: householdMembersStep). */
function orphanStep(sheet: SheetId): Step {
  const table = sql.table(STAGE_TABLES[sheet]);
  return (db, t) => sql`${INSERT}
    select ${t.jobId}, ${sheet}, s.line, 'household_code', 'no_household_row', s.household_code, s.household_code
    from ${table} s
    where s.job_id = ${t.jobId} and s.household_code is not null
      and not exists (select 1 from import_household_stage h where h.job_id = ${t.jobId} and h.household_code = s.household_code)`.execute(db);
}

const communeStep: Step = (db, t) => sql`${INSERT}
  select ${t.jobId}, 'households', s.line, 'commune_code', x.code, s.commune_code, s.household_code
  from import_household_stage s
  left join admin_unit u on u.layout = '2025' and u.tier = 'commune' and u.code = s.commune_code and ${inForce('u', t.referenceDate)}
  cross join lateral (select case when ${digits('s.commune_code', 5)} then
                                    case when u.code is null then 'commune_unknown'
                                         when not ${scopePredicate(t.scope, { province: 'u.province_code', commune: 's.commune_code' })} then 'commune_out_of_scope' end end as code) x
  where s.job_id = ${t.jobId} and x.code is not null`.execute(db);

/** Codes already used in the target province by a household outside the scope, of another commune, or no longer resident. */
const existingStep: Step = (db, t) => sql`${INSERT}
  select ${t.jobId}, 'households', s.line, 'household_code', x.code, s.household_code, s.household_code
  from import_household_stage s
  join admin_unit u on u.layout = '2025' and u.tier = 'commune' and u.code = s.commune_code and ${inForce('u', t.referenceDate)}
  join household h on h.province_code = u.province_code and h.code = s.household_code
  cross join lateral (select case when not ${scopePredicate(t.scope, { province: 'h.province_code', commune: 'h.commune_code' })} then 'household_code_taken'
                                  when h.commune_code <> s.commune_code then 'household_moved'
                                  when h.status <> 'active' then 'household_inactive' end as code) x
  where s.job_id = ${t.jobId} and x.code is not null`.execute(db);

const villageStep: Step = (db, t) => sql`${INSERT}
  select ${t.jobId}, 'households', s.line, 'village_code', 'village_unknown', s.village_code, s.household_code
  from import_household_stage s
  where s.job_id = ${t.jobId} and s.village_code is not null and length(s.village_code) <= 20 and ${digits('s.commune_code', 5)}
    and not exists (select 1 from village v join admin_unit u on u.layout = '2025' and u.code = s.commune_code and ${inForce('u', t.referenceDate)}
                    where v.province_code = u.province_code and v.commune_code = s.commune_code and v.code = s.village_code
                      and v.valid_from <= ${t.referenceDate}::date and (v.valid_to is null or v.valid_to > ${t.referenceDate}::date))`.execute(db);

/** The line number a member takes: its STT, else its order among the household's rows of the file. */
export const EFFECTIVE_LINE = sql.raw(`coalesce(m.line_int::int, row_number() over (partition by m.household_code order by m.line))`);

/**
 * True for a household (a group of member rows) that MAY have a line or relation finding, false when it
 * certainly has none: its STTs are all empty (file order counts, so no two alike) or all given and
 * distinct (a 63-bit set of STTs 0-62 with as many bits as rows), and with one head no child or grandchild
 * is born before the head or a parent, nor a parent after the head. Only the flagged households go through
 * the exact windowed checks. `m.member` is 1 on a member row, null on a household row.
 */
const MAY_HAVE_MEMBER_FINDING = sql.raw(`(
  count(*) filter (where m.relation = 'head') = 1 and (
    -- a grandchild born before a parent is also born before the head unless that parent is flagged already
    min(m.born) filter (where m.relation in ('child', 'grandchild')) <= greatest(max(m.born) filter (where m.relation = 'head'), max(m.born) filter (where m.relation = 'parent'))
    or max(m.born) filter (where m.relation = 'parent') >= max(m.born) filter (where m.relation = 'head'))
  or count(m.line_int) > 0 and (count(m.line_int) < count(m.member)
    -- bit 63 (negative) stands for any STT above 62
    or bit_or(1::bigint << case when m.line_int between 0 and 62 then m.line_int when m.line_int is not null then 63 end) < 0
    or bit_count(bit_or(1::bigint << case when m.line_int between 0 and 62 then m.line_int when m.line_int is not null then 63 end)::bit(64)) < count(m.member)))`);

/**
 * The checks within and between the households and members sheets, from ONE hashed grouping of both
 * sheets' rows by household code (per code: household rows, members, heads, whether a line or relation
 * check could fail). Only the codes it flags are looked up again, by the staging index: household codes
 * twice on the sheet, households without members or without exactly one head, member rows whose household
 * is not on the sheet, and member line numbers (STT, else file order) used twice and relations against the
 * head's (and the head's parents') birth years.
 */
const householdMembersStep: Step = (db, t) => {
  const job = sql`${t.jobId}::bigint`;
  return sql`${INSERT}
  with g as materialized (
    select m.household_code, count(m.member) as n, count(m.sheet_row) as sheet_rows,
           count(*) filter (where m.relation = 'head') as heads, ${MAY_HAVE_MEMBER_FINDING} as flagged
    from (select household_code, 1 as member, null::int as sheet_row, relation, born, line_int
          from import_member_stage where job_id = ${job} and household_code is not null
          union all
          select household_code, null, 1, null, null, null
          from import_household_stage where job_id = ${job} and household_code is not null) m
    group by m.household_code
  )
  select ${job}, 'households', s.line, 'household_code', f.code, f.val, x.household_code
  from g x
  cross join lateral (select s.line from import_household_stage s where s.job_id = ${job} and s.household_code = x.household_code offset 0) s
  cross join lateral (values
    (case when x.sheet_rows > 1 then 'duplicate_in_sheet' end, x.household_code),
    (case when x.n = 0 then 'household_no_members' when x.heads <> 1 then 'head_count' end, case when x.n = 0 then x.household_code else x.heads::text end)
  ) as f(code, val)
  where x.sheet_rows > 0 and (x.sheet_rows > 1 or x.n = 0 or x.heads <> 1) and f.code is not null
  union all
  select ${job}, 'members', m.line, 'household_code', 'no_household_row', m.household_code, m.household_code
  from import_member_stage m
  where m.job_id = ${job} and m.household_code = any(array(select g.household_code from g where g.sheet_rows = 0))
  union all
  select ${job}, 'members', x.line, f.col, f.code, f.val, x.household_code
  from (
    select y.*, count(*) over (partition by y.household_code, y.eff) as same_line,
           max(y.by) filter (where y.relation = 'head') over w as head_by,
           max(y.by) filter (where y.relation = 'parent') over w as parent_by,
           count(*) filter (where y.relation = 'head') over w as heads
    from (select m.line, m.household_code, m.relation, ${EFFECTIVE_LINE} as eff, m.born::int as by from import_member_stage m
          where m.job_id = ${job} and m.household_code = any(array(select g.household_code from g where g.flagged))) y
    window w as (partition by y.household_code)
  ) x
  cross join lateral (values
    ('line_no', case when x.same_line > 1 then 'line_duplicate' end, x.eff::text),
    ('relation', case when x.heads = 1 and x.by is not null then
                   case when x.relation = 'child' and x.by <= x.head_by then 'child_older_than_head'
                        when x.relation = 'child' and x.by <= x.parent_by then 'child_older_than_parent'
                        when x.relation = 'parent' and x.by >= x.head_by then 'parent_younger_than_head'
                        when x.relation = 'grandchild' and x.by <= x.head_by then 'grandchild_older_than_head' end end, x.by::text)
  ) as f(col, code, val)
  where f.code is not null`.execute(db);
};

/**
 * Citizen IDs repeated in the file or held in the database by a living member of another household; a
 * row whose ID already has a finding of its own (sex/century digit, birth year: row-checks.ts) gets no
 * second one. The registry is only probed when it holds any living member's ID (a first import skips
 * one index probe per row).
 */
const citizenStep: Step = async (db, t) => {
  const registry = await sql<{ any: boolean }>`select exists (select 1 from member where citizen_id is not null and active) as any`.execute(db);
  const taken = registry.rows[0]!.any
    ? sql`when exists (select 1 from member o join household oh on oh.province_code = o.province_code and oh.id = o.household_id
                       where o.citizen_id = m.citizen_id and o.active and oh.code <> m.household_code) then 'citizen_id_taken'`
    : sql``;
  return sql`${INSERT}
  select ${t.jobId}, 'members', x.line, 'citizen_id', x.code, x.citizen_id, x.household_code
  from (
    select m.line, m.household_code, m.citizen_id,
           case when m.findings like '%citizen_id:citizen_id_%' then null
                when count(*) over (partition by m.citizen_id collate "C") > 1 then 'citizen_id_duplicate_file'
                ${taken} end as code
    from import_member_stage m
    where m.job_id = ${t.jobId} and m.citizen_id is not null and ${digits('m.citizen_id', 12)} and m.sex in ('male', 'female')
  ) x where x.code is not null`.execute(db);
};

/** Survey rows need a review of the chosen campaign in the household's commune, not locked. */
const reviewStep: Step = (db, t) => sql`${INSERT}
  select ${t.jobId}, 'surveys', s.line, 'household_code', case when r.id is null then 'review_missing' else 'review_locked' end, h.commune_code, s.household_code
  from import_survey_stage s
  join import_household_stage h on h.job_id = s.job_id and h.household_code = s.household_code
  left join commune_review r on r.campaign_id = ${t.campaignId} and r.commune_code = h.commune_code
  where s.job_id = ${t.jobId} and ${digits('h.commune_code', 5)}
    and (r.id is null or r.state in (${sql.join(LOCKED_REVIEW_STATES.map((x) => sql.lit(x)))}))`.execute(db);

/**
 * The validation steps of a kind (each one statement; progress counts them). They are independent of one
 * another: validateJob may run them side by side, the longest (the households and members grouping) first.
 */
export function validationSteps(kind: ImportKind): Step[] {
  const steps: Step[] = [
    householdMembersStep,
    citizenStep,
    cellStep('households'),
    communeStep,
    existingStep,
    villageStep,
    cellStep('members'),
  ];
  if (kind === 'survey') steps.push(cellStep('surveys'), duplicateStep('surveys'), orphanStep('surveys'), reviewStep);
  return steps;
}

export interface ValidationSummary {
  errors: number;
  /** Distinct household codes with at least one finding (their households are not committed). */
  households: number;
}

/**
 * Memory for the steps' sorts and hash tables, set by the caller for the validation's connection only
 * (run-import.ts, withImportSettings; the default 4MB spills the per-household grouping and the citizen
 * ID sort to disk from a few ten thousand rows on). An upper bound: 100,000 households take about 25MB
 * for the grouping, 1,000,000 about 240MB (measured 11.9 s for that step with 256MB against 15.1 s with
 * 64MB).
 */
export const VALIDATION_WORK_MEM = '256MB';

/** Connections the validation steps run on side by side on PostgreSQL (this machine's two cores). */
export const VALIDATION_LANES = 2;

/**
 * Runs every step (after clearing earlier findings of the job), each lane taking the next step not yet
 * taken; `progress(done, total)` after each. Every lane is one connection with VALIDATION_WORK_MEM and `jit`
 * off (run-import.ts: two on PostgreSQL, PGlite's one).
 */
export async function validateJob(lanes: ReadonlyArray<Kysely<DB>>, t: ValidationTarget, progress?: (done: number, total: number) => Promise<void>): Promise<ValidationSummary> {
  const db = lanes[0]!;
  await sql`delete from import_error where job_id = ${t.jobId}`.execute(db);
  const steps = validationSteps(t.kind);
  let next = 0;
  let done = 0;
  // A failure in one lane stops the others after their current step.
  let failed = false;
  const lane = async (conn: Kysely<DB>): Promise<void> => {
    while (!failed && next < steps.length) {
      try {
        await steps[next++]!(conn, t);
        await progress?.(++done, steps.length);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await sideBySide(lanes.map(lane));
  const r = await sql<{ errors: number; households: number }>`
    select count(*)::int as errors, count(distinct household_code)::int as households from import_error where job_id = ${t.jobId}`.execute(db);
  return r.rows[0]!;
}
