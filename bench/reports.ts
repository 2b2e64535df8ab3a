/**
 * Reports benchmark (`npm run bench -- reports`).
 *
 * 1. A synthetic national registry generated inside PostgreSQL with generate_series (never from Node):
 *    BENCH_REPORTS_HOUSEHOLDS households (default 27,000,000) spread over every commune of the bundled
 *    2025 units, 1.5 members per household, the lists of 2025 and 2026, one accepted periodic review per
 *    commune and a classification (deprivations) for every household on the 2026 list.
 * 2. The summary tables built from it (`rebuildAllSummaries`, one province per core at a time, timed once).
 * 3. Timed warm (fastest of 5): the national F1 and the F4 of the largest province, exactly as the API
 *    builds them (`buildSummaryReport`).
 * 4. Baseline in the same run: DuckDB (in memory, @duckdb/node-api) generates the same rows with the same
 *    formulas and computes the national F1 aggregation (households, persons, poor and near-poor households
 *    and persons per province) straight from the raw rows (fastest of 3); its figures must equal ours.
 *
 * The database is BENCH_DATABASE_URL (e.g. postgresql:///giamngheo_bench_reports?host=/var/run/postgresql&user=root;
 * created when missing). The bench refuses a database that holds households or users it did not write
 * itself (marker setting `bench.reports`). Data of an earlier run of the same size is reused.
 * Last line: {"name":"reports","households":…,"nationalF1Seconds":…,"provinceF4Seconds":…,
 * "duckdbNationalSeconds":…,"ratioToDuckdb":…}.
 */
import { loadavg, availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadBundledUnits } from '../src/db/units/index.ts';
import { SYSTEM_ACTOR } from '../src/db/audit.ts';
import { rebuildAllSummaries } from '../src/db/reports/summary-refresh.ts';
import { buildSummaryReport } from '../src/db/reports/summary-report.ts';
import type { ReportTable } from '../src/domain/reports/report-table.ts';

const HOUSEHOLDS = Number(process.env.BENCH_REPORTS_HOUSEHOLDS ?? 27_000_000);
const MARKER = 'bench.reports';
const YEAR = 2026;
const NATIONAL = { level: 'national' } as const;
/** Provinces rebuilt at once (one connection each): the machine's cores, or BENCH_REPORTS_BUILD_CONCURRENCY. */
const BUILD_CONCURRENCY = Number(process.env.BENCH_REPORTS_BUILD_CONCURRENCY ?? availableParallelism());

function line(text: string): void {
  process.stdout.write(`${text}\n`);
}

const seconds = (ms: number) => Math.round(ms) / 1000;

async function fastest(times: number, f: () => Promise<unknown>): Promise<{ best: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await f();
    all.push(performance.now() - t0);
  }
  return { best: Math.min(...all), all };
}

/**
 * The generated rows, one statement per table, in SQL both PostgreSQL and DuckDB run unchanged
 * (generate_series as a table with column g, %, ||, case): the same rows on both sides.
 * `bench_commune(idx, province_code, code)` holds the communes numbered 0..C−1.
 */
function listOf2026(n: number, communes: number): { series: string; status: string } {
  return {
    series: `generate_series(1, ${n}) as t(g) join bench_commune c on c.idx = g % ${communes}`,
    // Lists: about 12 % poor and 9 % near-poor in 2026, 15 % / 9 % in 2025 (independent draws).
    status: `case when (g * 7) % 100 < 12 then 'poor' when (g * 7) % 100 < 21 then 'near_poor' else 'none' end`,
  };
}

function generation(n: number, communes: number): Record<'household' | 'member' | 'list_status', string> {
  const { series, status: s2026 } = listOf2026(n, communes);
  const s2025 = `case when (g * 13) % 100 < 15 then 'poor' when (g * 13) % 100 < 24 then 'near_poor' else 'none' end`;
  return {
    household: `
      select c.province_code, g as id, 'H' || g as code, c.code as commune_code, 'V' || (g % 7) as village_code,
        'Hộ ' || g as head_name, 'ho ' || g as head_name_ascii,
        case when g % 10 < 7 then 'Kinh' when g % 10 < 9 then 'Thái' else 'Mông' end as ethnicity, 'active' as status
      from ${series}`,
    member: `
      select c.province_code, g as id, g as household_id, 1 as line_no, 'Người ' || g as full_name, 'nguoi ' || g as full_name_ascii,
        1950 + g % 50 as birth_year, case when g % 3 = 0 then 'female' else 'male' end as sex, 'head' as relation, true as active
      from ${series}
      union all
      select c.province_code, ${n} + g, g, 2, 'Người ' || g || 'b', 'nguoi ' || g || 'b', 1985 + g % 40,
        case when g % 3 = 0 then 'male' else 'female' end, 'spouse', true
      from ${series} where g % 2 = 0`,
    list_status: `
      select c.province_code, g as household_id, 2025 as list_year, ${s2025} as status, date '2025-01-01' as effective_from
      from ${series} where ${s2025} <> 'none'
      union all
      select c.province_code, g, 2026, ${s2026}, date '2026-01-01'
      from ${series} where ${s2026} <> 'none' or ${s2025} <> 'none'`,
  };
}

/**
 * Indexes and key constraints of the loaded tables, dropped for the load and rebuilt after it (a bulk
 * build is several times faster than maintaining the trees row by row). Read from the catalogue.
 */
async function loadIndexes(c: pg.Client): Promise<{ drop: string[]; create: Array<{ name: string; sql: string }> }> {
  const tables = `('household', 'member', 'list_status', 'classification')`;
  const constraints = await c.query<{ tbl: string; name: string; def: string }>(`
    select t.relname as tbl, k.conname as name, pg_get_constraintdef(k.oid) as def from pg_constraint k join pg_class t on t.oid = k.conrelid
    where t.relnamespace = current_schema()::regnamespace and t.relname in ${tables} and k.contype in ('p', 'u')`);
  const indexes = await c.query<{ name: string; def: string }>(`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in ${tables}
      and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`);
  return {
    drop: [
      ...constraints.rows.map((k) => `alter table ${k.tbl} drop constraint "${k.name}"`),
      ...indexes.rows.map((ix) => `drop index if exists "${ix.name}"`),
    ],
    create: [
      ...constraints.rows.map((k) => ({ name: k.name, sql: `alter table ${k.tbl} add constraint "${k.name}" ${k.def}` })),
      ...indexes.rows.map((ix) => ({ name: ix.name, sql: ix.def })),
    ],
  };
}

async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    const r = await c.query('select 1 from pg_database where datname = $1', [name]);
    const quoted = `"${name.replace(/"/g, '""')}"`;
    if (r.rowCount === 0) await c.query(`create database ${quoted}`);
    // Sorts and hashes of the summary build stay in memory (this database only).
    await c.query(`alter database ${quoted} set work_mem = '256MB'`);
  } finally {
    await c.end();
  }
}

async function guard(database: Database): Promise<{ households: number; status: string } | null> {
  const r = await sql<{ has_households: boolean; has_users: boolean; marker: { households: number; status: string } | null }>`
    select exists (select 1 from household) as has_households, exists (select 1 from app_user) as has_users,
      (select value from setting where key = ${MARKER}) as marker`.execute(database.db);
  const g = r.rows[0]!;
  if ((g.has_households || g.has_users) && !g.marker) {
    throw new Error(
      'Cơ sở dữ liệu BENCH_DATABASE_URL đã có dữ liệu không do benchmark này tạo (hộ hoặc người dùng): từ chối chạy. ' +
        'Hãy dùng một cơ sở dữ liệu riêng, ví dụ giamngheo_bench_reports. (refusing a database holding real data)',
    );
  }
  return g.marker;
}

async function generate(url: string, communes: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  try {
    // The dirty-marking triggers are not needed for a load that is summarised in full right after.
    await c.query(`set session_replication_role = replica; set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '1GB'`);
    await c.query(`truncate household, member, list_status, classification, commune_review, review_campaign, survey,
      report_unit_summary, report_deprivation_summary, report_cause_summary, report_ethnic_summary, report_movement_summary,
      report_summary_state, report_dirty`);
    const indexes = await loadIndexes(c);
    for (const q of indexes.drop) await c.query(q);
    const g = generation(HOUSEHOLDS, communes);
    const g2026 = listOf2026(HOUSEHOLDS, communes);
    const step = async (what: string, q: string) => {
      const s0 = performance.now();
      const r = await c.query(q);
      line(`  ${what}: ${(r.rowCount ?? 0).toLocaleString('en')} dòng, ${seconds(performance.now() - s0)} s`);
    };
    await step('household', `insert into household (province_code, id, code, commune_code, village_code, head_name, head_name_ascii, ethnicity, status) ${g.household}`);
    await step('member', `insert into member (province_code, id, household_id, line_no, full_name, full_name_ascii, birth_year, sex, relation, active) ${g.member}`);
    await step('list_status', `insert into list_status (province_code, household_id, list_year, status, effective_from, standard_id, decision_number, decision_date) select *, 'ND07_2021', 'BENCH', effective_from - 20 from (${g.list_status}) x`);
    await step('review_campaign', `insert into review_campaign (province_code, year, kind, standard_id, policy_year, reference_date, plan_start, plan_end, title, status)
      select distinct province_code, 2025, 'periodic', 'ND07_2021', 2026, date '2025-09-01', date '2025-09-01', date '2025-12-15', 'Rà soát 2025 (benchmark)', 'closed' from bench_commune`);
    await step('commune_review', `insert into commune_review (province_code, campaign_id, commune_code, state, decision_number, decision_date)
      select c.province_code, rc.id, c.code, 'accepted', 'BENCH', date '2025-12-12' from bench_commune c join review_campaign rc on rc.province_code = c.province_code`);
    // From the series too (no join of the freshly loaded, unindexed tables): the households on the 2026 list.
    await step('classification', `insert into classification (province_code, review_id, household_id, standard_id, survey_id, area_type, class, deprivation_count, deprivations, explanation)
      select c.province_code, r.id, g, 'ND07_2021', 0, 'rural', ${g2026.status}, cardinality(d.deps), d.deps, ''
      from ${g2026.series} join commune_review r on r.province_code = c.province_code and r.commune_code = c.code
      cross join lateral (select array_remove(array[
        case when g % 3 = 0 then 'latrine' end, case when g % 4 = 0 then 'water_source' end,
        case when g % 5 = 0 then 'housing_quality' end, case when g % 2 = 0 then 'health_insurance' end,
        case when g % 7 = 0 then 'adult_education' end], null) as deps) d
      where ${g2026.status} <> 'none'`);
    for (const ix of indexes.create) {
      const s0 = performance.now();
      await c.query(ix.sql);
      line(`  index ${ix.name}: ${seconds(performance.now() - s0)} s`);
    }
    await c.query('analyze');
  } finally {
    await c.end();
  }
  return performance.now() - t0;
}

interface ProvinceFigures {
  households: number;
  persons: number;
  poor: number;
  poorPersons: number;
  near: number;
  nearPersons: number;
}

function figuresOfF1(t: ReportTable): Map<string, ProvinceFigures> {
  const out = new Map<string, ProvinceFigures>();
  for (const r of t.rows) {
    if (r.total || Number(r.values.households) === 0) continue;
    const v = (k: string) => Number(r.values[k] ?? 0);
    out.set(r.code, { households: v('households'), persons: v('persons'), poor: v('poor_h'), poorPersons: v('poor_p'), near: v('near_h'), nearPersons: v('near_p') });
  }
  return out;
}

async function duckdb(communes: Array<{ idx: number; province_code: string; code: string }>): Promise<{ best: number; all: number[]; figures: Map<string, ProvinceFigures>; loadMs: number }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(availableParallelism()) });
  const conn = await instance.connect();
  const t0 = performance.now();
  await conn.run('create table bench_commune (idx integer, province_code varchar, code varchar)');
  for (let i = 0; i < communes.length; i += 1000) {
    const chunk = communes.slice(i, i + 1000).map((c) => `(${c.idx}, '${c.province_code}', '${c.code}')`);
    await conn.run(`insert into bench_commune values ${chunk.join(',')}`);
  }
  const g = generation(HOUSEHOLDS, communes.length);
  await conn.run(`create table household as ${g.household}`);
  await conn.run(`create table member as ${g.member}`);
  await conn.run(`create table list_status as ${g.list_status}`);
  const loadMs = performance.now() - t0;
  const query = `
    with l as (select household_id, arg_max(status, effective_from) as status from list_status where list_year = ${YEAR} group by household_id),
    p as (select household_id, count(*) as n from member where active group by household_id)
    select h.province_code, count(*) as households, coalesce(sum(p.n), 0) as persons,
      count(*) filter (where l.status = 'poor') as poor, coalesce(sum(p.n) filter (where l.status = 'poor'), 0) as poor_persons,
      count(*) filter (where l.status = 'near_poor') as near, coalesce(sum(p.n) filter (where l.status = 'near_poor'), 0) as near_persons
    from household h left join l on l.household_id = h.id left join p on p.household_id = h.id
    where h.status = 'active' group by 1 order by 1`;
  let rows: Record<string, unknown>[] = [];
  const timing = await fastest(3, async () => {
    rows = (await conn.runAndReadAll(query)).getRowObjectsJson();
  });
  const figures = new Map<string, ProvinceFigures>();
  for (const r of rows) {
    figures.set(String(r.province_code), {
      households: Number(r.households), persons: Number(r.persons), poor: Number(r.poor), poorPersons: Number(r.poor_persons),
      near: Number(r.near), nearPersons: Number(r.near_persons),
    });
  }
  conn.closeSync();
  instance.closeSync();
  return { ...timing, figures, loadMs };
}

export async function run(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    throw new Error(
      'Đặt BENCH_DATABASE_URL tới một cơ sở dữ liệu PostgreSQL riêng cho benchmark, ví dụ: pg_ctlcluster 15 main start; ' +
        'BENCH_DATABASE_URL="postgresql:///giamngheo_bench_reports?host=/var/run/postgresql&user=root" npm run bench -- reports',
    );
  }
  if (!Number.isInteger(HOUSEHOLDS) || HOUSEHOLDS < 1000) throw new Error('BENCH_REPORTS_HOUSEHOLDS phải là số nguyên ≥ 1000');
  if (!Number.isInteger(BUILD_CONCURRENCY) || BUILD_CONCURRENCY < 1) throw new Error('BENCH_REPORTS_BUILD_CONCURRENCY phải là số nguyên ≥ 1');
  await ensureDatabase(url);
  const database = await openDatabase({ kind: 'postgres', connectionString: url, poolSize: BUILD_CONCURRENCY + 1 });
  try {
    await migrate(database.db);
    const marker = await guard(database);
    await sql`insert into setting (key, value) values (${MARKER}, ${JSON.stringify({ households: marker?.households ?? 0, status: marker?.status ?? 'empty' })}::jsonb)
      on conflict (key) do nothing`.execute(database.db);
    await loadBundledUnits(database, SYSTEM_ACTOR);
    await sql`drop table if exists bench_commune`.execute(database.db);
    await sql`create table bench_commune as
      select (row_number() over (order by code) - 1)::int as idx, province_code, code from (
        select distinct on (code) code, province_code from admin_unit where layout = '2025' and tier = 'commune' and valid_to is null
        order by code, valid_from desc) u`.execute(database.db);
    const communes = (await sql<{ idx: number; province_code: string; code: string }>`select idx, province_code, code from bench_commune order by idx`.execute(database.db)).rows;
    line(`reports: ${HOUSEHOLDS.toLocaleString('en')} hộ trên ${communes.length} xã; tải máy ${loadavg()[0].toFixed(2)} trên ${availableParallelism()} lõi`);

    let generateMs = 0;
    let buildMs = 0;
    if (marker?.households === HOUSEHOLDS && marker.status === 'done') {
      line('  dữ liệu và bảng tổng hợp của lần chạy trước (cùng số hộ) được dùng lại');
    } else {
      await sql`update setting set value = ${JSON.stringify({ households: HOUSEHOLDS, status: 'loading' })}::jsonb where key = ${MARKER}`.execute(database.db);
      generateMs = await generate(url, communes.length);
      line(`  sinh dữ liệu trong PostgreSQL: ${seconds(generateMs)} s`);
      const b0 = performance.now();
      await rebuildAllSummaries(database.db, { concurrency: BUILD_CONCURRENCY });
      buildMs = performance.now() - b0;
      await sql`analyze`.execute(database.db);
      line(`  dựng bảng tổng hợp (rebuildAllSummaries, ${BUILD_CONCURRENCY} tỉnh song song): ${seconds(buildMs)} s`);
      await sql`update setting set value = ${JSON.stringify({ households: HOUSEHOLDS, status: 'done' })}::jsonb where key = ${MARKER}`.execute(database.db);
    }

    let f1: ReportTable | undefined;
    const national = await fastest(5, async () => {
      f1 = await buildSummaryReport(database.db, NATIONAL, { form: 'F1', year: YEAR, unit: '' });
    });
    const largest = (await sql<{ p: string }>`
      select province_code as p from report_unit_summary where list_year = ${YEAR} group by 1 order by sum(households) desc limit 1`.execute(database.db)).rows[0]!.p;
    const province = await fastest(5, () => buildSummaryReport(database.db, NATIONAL, { form: 'F4', year: YEAR, unit: largest }));
    line(`  F1 toàn quốc (${f1!.rows.length - 1} tỉnh): ${national.all.map((x) => seconds(x)).join(' / ')} s; F4 tỉnh ${largest}: ${province.all.map((x) => seconds(x)).join(' / ')} s`);

    const duck = await duckdb(communes);
    line(`  DuckDB: sinh cùng dữ liệu ${seconds(duck.loadMs)} s; tổng hợp F1 toàn quốc ${duck.all.map((x) => seconds(x)).join(' / ')} s`);
    const ours = figuresOfF1(f1!);
    const same = ours.size === duck.figures.size && [...duck.figures].every(([p, f]) => JSON.stringify(ours.get(p)) === JSON.stringify(f));
    line(`  F1 khớp với DuckDB theo từng tỉnh: ${same ? 'có' : 'KHÔNG'} (${ours.size} tỉnh); tải máy ${loadavg()[0].toFixed(2)}`);
    if (!same) throw new Error('F1 từ bảng tổng hợp khác kết quả DuckDB trên cùng dữ liệu');
    line(
      JSON.stringify({
        name: 'reports',
        households: HOUSEHOLDS,
        nationalF1Seconds: seconds(national.best),
        provinceF4Seconds: seconds(province.best),
        duckdbNationalSeconds: seconds(duck.best),
        ratioToDuckdb: Math.round((national.best / duck.best) * 1000) / 1000,
        summaryBuildSeconds: buildMs > 0 ? seconds(buildMs) : null,
        generateSeconds: generateMs > 0 ? seconds(generateMs) : null,
      }),
    );
  } finally {
    await database.close();
  }
}
