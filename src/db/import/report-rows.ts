/**
 * Reads for the error report: the findings page by page (with the row's sheet and line), and the
 * staged rows of every household with a finding, sheet by sheet in file order with the findings of each
 * row — the content of the downloadable report, which doubles as the reject file (same headers as the
 * template: fix the highlighted cells and upload it again). Pages by keyset on the line, never whole.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import type { SheetId } from '../../domain/import/import-kinds.ts';
import { SHEETS_BY_ID } from '../../domain/import/import-kinds.ts';
import { scopePredicate } from '../scope-filter.ts';
import { inForce } from '../units/queries.ts';
import { STAGE_TABLES } from './stage-partitions.ts';
import { STAGED_HOUSEHOLDS, STAGED_MEMBERS } from './import-record.ts';

/**
 * A sheet's staged rows; a job's households and members may have moved to its import record when its
 * commit wrote new households (import-record.ts), rejected rows included.
 */
function stagedRows(sheet: SheetId) {
  if (sheet === 'households') return STAGED_HOUSEHOLDS;
  if (sheet === 'members') return STAGED_MEMBERS;
  return sql.table(STAGE_TABLES[sheet]);
}

export interface Finding {
  sheet: SheetId;
  line: number;
  columnKey: string | null;
  code: string;
  value: string | null;
  householdCode: string | null;
}

export async function findingsPage(db: Kysely<DB>, jobId: number, offset: number, limit: number): Promise<Finding[]> {
  const r = await sql<{ sheet: SheetId; line: number; column_key: string | null; code: string; value: string | null; household_code: string | null }>`
    select sheet, line, column_key, code, value, household_code from import_error where job_id = ${jobId}
    order by case sheet when 'households' then 1 when 'members' then 2 else 3 end, line, column_key nulls first, code
    offset ${offset} limit ${limit}`.execute(db);
  return r.rows.map((x) => ({ sheet: x.sheet, line: x.line, columnKey: x.column_key, code: x.code, value: x.value, householdCode: x.household_code }));
}

export interface ReportRow {
  line: number;
  /** Staged text per column key. */
  cells: Record<string, string | null>;
  findings: Array<{ columnKey: string | null; code: string; value: string | null }>;
}

const PAGE = 2_000;

/** Rows of `sheet` that have findings or belong to a household with findings, in file order. */
export async function* reportRows(db: Kysely<DB>, jobId: number, sheet: SheetId): AsyncGenerator<ReportRow> {
  const cols = SHEETS_BY_ID[sheet].columns.map((c) => c.key);
  let after = 0;
  for (;;) {
    const r = await sql<Record<string, unknown> & { line: number; findings: ReportRow['findings'] | null }>`
      select ${sql.join(cols.map((c) => sql.ref(`s.${c}`)))}, s.line,
             (select jsonb_agg(jsonb_build_object('columnKey', e.column_key, 'code', e.code, 'value', e.value) order by e.column_key)
              from import_error e where e.job_id = s.job_id and e.sheet = ${sheet} and e.line = s.line) as findings
      from ${stagedRows(sheet)} s
      where s.job_id = ${jobId} and s.line > ${after}
        and (exists (select 1 from import_error e where e.job_id = s.job_id and e.sheet = ${sheet} and e.line = s.line)
             or exists (select 1 from import_error e where e.job_id = s.job_id and e.household_code = s.household_code))
      order by s.line limit ${PAGE}`.execute(db);
    for (const row of r.rows) {
      const cells: Record<string, string | null> = {};
      for (const c of cols) cells[c] = (row[c] as string | null) ?? null;
      yield { line: row.line, cells, findings: row.findings ?? [] };
    }
    if (r.rows.length < PAGE) return;
    after = r.rows[r.rows.length - 1]!.line;
  }
}

export interface UnitChoice {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string | null;
}

/** Communes (2025 layout) in force on `asOf` inside the scope, for the template's units sheet. */
export async function communesInScope(db: Kysely<DB>, scope: Scope, asOf: string): Promise<UnitChoice[]> {
  const r = await sql<{ code: string; name: string; province_code: string; province_name: string | null }>`
    select u.code, u.name, u.province_code, p.name as province_name
    from admin_unit u
    left join admin_unit p on p.layout = u.layout and p.code = u.province_code and p.tier = 'province' and ${inForce('p', asOf)}
    where u.layout = '2025' and u.tier = 'commune' and ${inForce('u', asOf)}
      and ${scopePredicate(scope, { province: 'u.province_code', commune: 'u.code' })}
    order by u.province_code, u.code`.execute(db);
  return r.rows.map((x) => ({ code: x.code, name: x.name, provinceCode: x.province_code, provinceName: x.province_name }));
}
