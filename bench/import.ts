/**
 * Bulk import benchmark (`npm run bench -- import`).
 *
 * 1. Generates a synthetic CSV pair: BENCH_IMPORT_HOUSEHOLDS households (default 1,000,000) over 100
 *    synthetic communes and their ~3.8 members each (heads with citizen IDs), with the template's
 *    Vietnamese headers and labels (not timed).
 * 2. Baseline: the same two files loaded with a plain COPY into unindexed all-text tables.
 * 3. The full pipeline on the same files: staging (streaming CSV parse, cell normalisation, bulkCopy),
 *    set-based validation, chunked commit (households, residences, members, one audit row per chunk and
 *    commune, the import record).
 * 4. The floor: the committed households and members, dumped to a file, loaded again with a plain COPY into
 *    empty tables shaped like the registry's, indexes included (registryWriteSeconds, registryWriteRatio).
 * Both run in PostgreSQL at BENCH_DATABASE_URL, in a schema the bench drops and recreates
 * (`bench_import`); it refuses a database whose public schema holds households or users.
 * Also: 100,000 households through the pipeline into PGlite, and the parse time of a 100,000-row .xlsx.
 * Last line: {"name":"import","households":…,"seconds":…,"copyBaselineSeconds":…,"ratioToCopy":…, …}.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { SYSTEM_ACTOR } from '../src/db/audit.ts';
import { HOUSEHOLD_SHEET } from '../src/domain/import/household-columns.ts';
import { MEMBER_SHEET } from '../src/domain/import/member-columns.ts';
import { createJob } from '../src/db/import/jobs.ts';
import { commitImport, stageAndValidate } from '../src/db/import/run-import.ts';
import { matchHeader } from '../src/db/import/header-map.ts';
import { rowStager, type RowStager } from '../src/db/import/row-stager.ts';
import { sourceTables } from '../src/db/import/table-sources.ts';
import { sideBySide } from '../src/db/import/side-by-side.ts';

const HOUSEHOLDS = Number(process.env.BENCH_IMPORT_HOUSEHOLDS ?? 1_000_000);
const PGLITE_HOUSEHOLDS = Number(process.env.BENCH_IMPORT_PGLITE_HOUSEHOLDS ?? 100_000);
const XLSX_ROWS = 100_000;
const COMMUNES = 100;
const SCHEMA = 'bench_import';
const REFERENCE_DATE = '2026-01-15';
/** Members per household, cycled: 3.8 on average. */
const SIZES = [3, 4, 4, 4, 4];

function line(text: string): void {
  process.stdout.write(`${text}\n`);
}

const communeCode = (i: number) => String(90_000 + (i % COMMUNES));

/** Writes households.csv and members.csv; returns the member count. */
export async function generate(dir: string, n: number): Promise<{ households: string; members: string; memberCount: number }> {
  const hFile = path.join(dir, 'households.csv');
  const mFile = path.join(dir, 'members.csv');
  const h = fs.createWriteStream(hFile);
  const m = fs.createWriteStream(mFile);
  const write = (s: fs.WriteStream, text: string) => (s.write(text) ? Promise.resolve() : new Promise<void>((r) => s.once('drain', () => r())));
  const hCols = ['household_code', 'commune_code', 'address', 'floor_area', 'frame', 'walls', 'roof', 'water_source', 'latrine', 'uses_internet', 'information_devices'];
  const mCols = ['household_code', 'line_no', 'full_name', 'date_of_birth', 'birth_year', 'sex', 'ethnicity', 'citizen_id', 'relation', 'health_insurance', 'highest_completed_level', 'employment'];
  const header = (sheet: typeof HOUSEHOLD_SHEET, cols: string[]) => `\uFEFF${cols.map((k) => sheet.columns.find((c) => c.key === k)!.header).join(',')}\n`;
  await write(h, header(HOUSEHOLD_SHEET, hCols));
  await write(m, header(MEMBER_SHEET, mCols));
  let members = 0;
  let hBuf = '';
  let mBuf = '';
  for (let i = 0; i < n; i++) {
    const commune = communeCode(i);
    const code = `${commune}${String(Math.floor(i / COMMUNES) + 1).padStart(6, '0')}`;
    const poorer = i % 5 === 0;
    hBuf += `${code},${commune},Thôn ${(i % 20) + 1},${30 + (i % 50)},gỗ bền chắc,"gạch, đá",${poorer ? '"lá, rơm rạ"' : 'tôn'},${poorer ? '"nước sông, suối, ao, hồ"' : 'giếng khoan'},${poorer ? 'hố đào đơn giản' : 'tự hoại'},${poorer ? 'Không' : 'Có'},điện thoại thông minh\n`;
    const headYear = 1960 + (i % 40);
    const size = SIZES[i % SIZES.length]!;
    const cid = `0120${String(headYear % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`;
    mBuf += `${code},1,Nguyễn Văn Chủ ${i},,${headYear},nam,Kinh,${cid},chủ hộ,Có,trung học cơ sở,"tự làm, sản xuất kinh doanh"\n`;
    mBuf += `${code},2,Trần Thị Vợ ${i},15/06/${headYear + 2},,nữ,Kinh,,vợ/chồng,Có,tiểu học,"tự làm, sản xuất kinh doanh"\n`;
    for (let c = 3; c <= size; c++) mBuf += `${code},${c},Nguyễn Văn Con ${i}-${c},,${headYear + 22 + c},${c % 2 ? 'nam' : 'nữ'},Kinh,,con,Có,trung học phổ thông,làm công ăn lương\n`;
    members += size;
    if (hBuf.length > 1 << 20) {
      await write(h, hBuf);
      hBuf = '';
    }
    if (mBuf.length > 1 << 20) {
      await write(m, mBuf);
      mBuf = '';
    }
  }
  await write(h, hBuf);
  await write(m, mBuf);
  await Promise.all([new Promise((r) => h.end(r)), new Promise((r) => m.end(r))]);
  return { households: hFile, members: mFile, memberCount: members };
}

async function insertUnits(database: Database): Promise<void> {
  const rows = Array.from({ length: COMMUNES }, (_, i) => `('2025', '${communeCode(i)}', '2025-07-01', 'Xã Thử ${i}', 'xa thu ${i}', 'Xã', 'commune', 'commune', 'rural', '90')`);
  await sql`${sql.raw(`insert into admin_unit (layout, code, valid_from, name, name_ascii, type, type_en, tier, area_type, province_code) values
    ('2025', '90', '2025-07-01', 'Tỉnh Thử', 'tinh thu', 'Tỉnh', 'province', 'province', null, '90'), ${rows.join(', ')}`)}`.execute(database.db);
}

async function pipelineSeconds(database: Database, files: { households: string; members: string }): Promise<{ seconds: number; stage: number; validate: number; commit: number; result: unknown }> {
  const job = await createJob(database.db, { kind: 'registry', fileName: 'bench', format: 'csv', referenceDate: REFERENCE_DATE, campaignId: null, scope: { level: 'national' }, actor: SYSTEM_ACTOR });
  const t0 = performance.now();
  let tValidated = 0;
  let validating = false;
  const v = await stageAndValidate(
    database,
    job.id,
    [
      { path: files.households, name: 'households.csv' },
      { path: files.members, name: 'members.csv' },
    ],
    {
      onProgress: (p) => {
        if (p.state === 'validating' && !validating) {
          validating = true;
          tValidated = performance.now();
        }
      },
    },
  );
  const t1 = performance.now();
  if (v.errorCount > 0) throw new Error(`bench file has ${v.errorCount} findings`);
  const c = await commitImport(database, job.id, 'all', { chunkSize: 20_000 });
  const t2 = performance.now();
  return { seconds: (t2 - t0) / 1000, stage: (tValidated - t0) / 1000, validate: (t1 - tValidated) / 1000, commit: (t2 - t1) / 1000, result: c.result };
}

/** Refuses a database whose public schema holds households or users (real data). */
async function assertBenchDatabase(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`select (select count(*) from information_schema.tables where table_schema = 'public' and table_name in ('household', 'app_user'))::int as n`);
    if (r.rows[0].n > 0) {
      const d = await c.query(`select (select count(*) from public.household)::int + (select count(*) from public.app_user)::int as n`).catch(() => ({ rows: [{ n: 1 }] }));
      if (d.rows[0].n > 0) throw new Error('Cơ sở dữ liệu BENCH_DATABASE_URL có hộ hoặc người dùng (dữ liệu thật): benchmark từ chối chạy.');
    }
    await c.query(`drop schema if exists ${SCHEMA} cascade`);
    await c.query(`create schema ${SCHEMA}`);
  } finally {
    await c.end();
  }
}

async function copyBaseline(url: string, files: { households: string; members: string }): Promise<number> {
  const database = await openDatabase({ kind: 'postgres', connectionString: withSchema(url), poolSize: 2 });
  try {
    const hCols = 11;
    await sql`${sql.raw(`create table base_household (${Array.from({ length: hCols }, (_, i) => `c${i} text`).join(', ')})`)}`.execute(database.db);
    await sql`${sql.raw(`create table base_member (${Array.from({ length: 12 }, (_, i) => `c${i} text`).join(', ')})`)}`.execute(database.db);
    const t0 = performance.now();
    await database.bulkCopy({ table: 'base_household', columns: Array.from({ length: hCols }, (_, i) => `c${i}`), header: true }, { file: files.households });
    await database.bulkCopy({ table: 'base_member', columns: Array.from({ length: 12 }, (_, i) => `c${i}`), header: true }, { file: files.members });
    return (performance.now() - t0) / 1000;
  } finally {
    await database.close();
  }
}

/** The registry tables whose committed rows the floor measurement loads again. */
const FLOOR_TABLES = ['household', 'member'] as const;

/**
 * The floor of any import into this registry: the rows the pipeline committed (households and members,
 * already in their final form) written to a file, then loaded with a plain COPY into empty tables shaped
 * like the registry's (`like … including all`: the same columns, defaults, constraints and indexes; no
 * triggers), the two tables side by side on two connections. No parsing of the survey file, no
 * normalisation, validation, audit, import record or classification: what is left is writing the rows
 * and their indexes. Its ratio to the baseline COPY bounds from below the ratio any pipeline that writes
 * this registry can reach on this machine (docs/benchmarks.md "## import").
 */
async function registryWriteSeconds(url: string, database: Database, dir: string): Promise<number> {
  const files: Record<string, { file: string; columns: string[] }> = {};
  for (const table of FLOOR_TABLES) {
    const cols = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_schema = ${SCHEMA} and table_name = ${table} order by ordinal_position`.execute(database.db);
    const file = path.join(dir, `floor-${table}.txt`);
    const client = new pg.Client({ connectionString: withSchema(url) });
    await client.connect();
    try {
      await pipeline(client.query(copyTo(`copy ${table} to stdout with (format text)`)), fs.createWriteStream(file));
    } finally {
      await client.end();
    }
    files[table] = { file, columns: cols.rows.map((r) => r.column_name) };
    await sql`${sql.raw(`create table floor_${table} (like ${table} including all)`)}`.execute(database.db);
  }
  const t0 = performance.now();
  await sideBySide(FLOOR_TABLES.map((table) => database.bulkCopy({ table: `floor_${table}`, columns: files[table]!.columns, format: 'text' }, { file: files[table]!.file })));
  const seconds = (performance.now() - t0) / 1000;
  for (const table of FLOOR_TABLES) {
    await fs.promises.rm(files[table]!.file, { force: true });
    await sql`${sql.raw(`drop table floor_${table}`)}`.execute(database.db);
  }
  return seconds;
}

function withSchema(url: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${SCHEMA}`);
  return u.toString();
}

async function xlsxParseSeconds(dir: string): Promise<number> {
  const file = path.join(dir, 'households.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet(HOUSEHOLD_SHEET.name);
  ws.addRow(HOUSEHOLD_SHEET.columns.map((c) => c.header)).commit();
  for (let i = 0; i < XLSX_ROWS; i++) {
    ws.addRow([`${communeCode(i)}${String(i).padStart(6, '0')}`, communeCode(i), '', `Thôn ${i % 20}`, '', '', 40, 'gỗ bền chắc', 'gạch, đá', 'tôn', 'giếng khoan', 'tự hoại', 'Có', 'Có', 'ti vi', 'Có', '', '']).commit();
  }
  ws.commit();
  await wb.commit();
  const t0 = performance.now();
  let n = 0;
  for await (const table of sourceTables(file, 'households.xlsx')) {
    let stage: RowStager | null = null;
    for await (const rows of table.batches) {
      for (const row of rows) {
        if (stage) {
          stage(row);
          n++;
        } else {
          const map = matchHeader(row.values);
          if (map) stage = rowStager(1, map);
        }
      }
    }
  }
  if (n !== XLSX_ROWS) throw new Error(`xlsx rows read ${n}`);
  return (performance.now() - t0) / 1000;
}

export async function run(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    line('Đặt BENCH_DATABASE_URL tới một cơ sở dữ liệu PostgreSQL riêng cho benchmark, ví dụ: pg_ctlcluster 15 main start; ' +
      'BENCH_DATABASE_URL="postgresql://bench_import:bench_import@localhost/giamngheo_bench_import" npm run bench -- import');
    process.exitCode = 2;
    return;
  }
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'giamngheo-bench-import-'));
  try {
    await assertBenchDatabase(url);
    line(`Tạo tệp CSV: ${HOUSEHOLDS.toLocaleString('en')} hộ; tải máy ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    const files = await generate(work, HOUSEHOLDS);
    const mb = ((await fs.promises.stat(files.households)).size + (await fs.promises.stat(files.members)).size) / 1e6;
    line(`  ${files.memberCount.toLocaleString('en')} thành viên, ${mb.toFixed(0)} MB`);

    const copySeconds = await copyBaseline(url, files);
    line(`COPY thuần vào bảng không chỉ mục: ${copySeconds.toFixed(1)} s`);

    const database = await openDatabase({ kind: 'postgres', connectionString: withSchema(url), poolSize: 4 });
    let pgRun: Awaited<ReturnType<typeof pipelineSeconds>>;
    let floorSeconds: number;
    try {
      await migrate(database.db);
      await insertUnits(database);
      pgRun = await pipelineSeconds(database, files);
      floorSeconds = await registryWriteSeconds(url, database, work);
    } finally {
      await database.close();
    }
    line(`Toàn bộ quy trình (PostgreSQL): ${pgRun.seconds.toFixed(1)} s (đọc+chép ${pgRun.stage.toFixed(1)} s, kiểm tra ${pgRun.validate.toFixed(1)} s, ghi ${pgRun.commit.toFixed(1)} s); ${JSON.stringify(pgRun.result)}`);
    line(`  tỉ lệ so với COPY: ${(pgRun.seconds / copySeconds).toFixed(2)}; tải máy ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    line(`Mức sàn: chỉ chép lại các dòng hộ và thành viên đã ghi vào bảng có chỉ mục như sổ hộ: ${floorSeconds.toFixed(1)} s (tỉ lệ so với COPY ${(floorSeconds / copySeconds).toFixed(2)})`);

    const smallDir = path.join(work, 'pglite-files');
    await fs.promises.mkdir(smallDir);
    const small = await generate(smallDir, PGLITE_HOUSEHOLDS);
    const lite = await openDatabase({ kind: 'pglite', dataDir: path.join(work, 'pglite') });
    let liteRun: Awaited<ReturnType<typeof pipelineSeconds>>;
    try {
      await migrate(lite.db);
      await insertUnits(lite);
      liteRun = await pipelineSeconds(lite, small);
    } finally {
      await lite.close();
    }
    line(`PGlite, ${PGLITE_HOUSEHOLDS.toLocaleString('en')} hộ: ${liteRun.seconds.toFixed(1)} s (đọc+chép ${liteRun.stage.toFixed(1)} s, kiểm tra ${liteRun.validate.toFixed(1)} s, ghi ${liteRun.commit.toFixed(1)} s)`);

    const xlsxSeconds = await xlsxParseSeconds(work);
    line(`Đọc tệp .xlsx ${XLSX_ROWS.toLocaleString('en')} dòng (luồng exceljs + chuẩn hoá ô): ${xlsxSeconds.toFixed(1)} s`);

    line(
      JSON.stringify({
        name: 'import',
        households: HOUSEHOLDS,
        members: files.memberCount,
        seconds: Number(pgRun.seconds.toFixed(1)),
        copyBaselineSeconds: Number(copySeconds.toFixed(1)),
        ratioToCopy: Number((pgRun.seconds / copySeconds).toFixed(2)),
        stageSeconds: Number(pgRun.stage.toFixed(1)),
        validateSeconds: Number(pgRun.validate.toFixed(1)),
        commitSeconds: Number(pgRun.commit.toFixed(1)),
        registryWriteSeconds: Number(floorSeconds.toFixed(1)),
        registryWriteRatio: Number((floorSeconds / copySeconds).toFixed(2)),
        pgliteHouseholds: PGLITE_HOUSEHOLDS,
        pgliteSeconds: Number(liteRun.seconds.toFixed(1)),
        xlsxRows: XLSX_ROWS,
        xlsxParseSeconds: Number(xlsxSeconds.toFixed(1)),
        loadAverage: os.loadavg().map((x) => Number(x.toFixed(1))),
      }),
    );
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}
