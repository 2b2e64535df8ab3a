/**
 * Demo registry and review history for the demo province (Lai Châu, code 12): by default 50,000
 * synthetic households over its 38 communes (2025 layout), two completed periodic reviews (2024 and
 * 2025, ND07_2021), the 2026 review in progress, recognised lists and certificates. See
 * docs/demo-data.md for what is generated and how it is calibrated.
 *
 * Runs once: only when the setting `demo.households` says it has not run and the database holds no
 * household at all, no village and no review campaign of the demo province (real data is never
 * touched). A run interrupted half-way (marker "running") is removed and redone on the next start.
 * Deterministic: the same options give the same rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../connect.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit.ts';
import { DEMO_ACCOUNTS } from './demo-users.ts';
import { DEMO_PROVINCE_CODE } from './demo-calibration.ts';
import type { DemoActors, DemoCommuneUnit, DemoStats, DemoTable, IdBases } from './demo-reviews.ts';
import type { DemoWorkerData, DemoWorkerMessage } from './demo-worker.ts';
import {
  CopyQueue,
  DEMO_TABLES,
  dropIndexes,
  idBases,
  restoreIndexes,
  secondaryIndexes,
  SERIAL_TABLES,
  syncSequences,
  tableColumns,
  tableLayout,
  makeChunkDir,
  type IndexDefinition,
} from './demo-writer.ts';

export const DEMO_SEED_SETTING_KEY = 'demo.households';
export const DEFAULT_DEMO_HOUSEHOLDS = 50_000;
export const DEFAULT_DEMO_SEED = 20_241_201;
/** The demo's "today": the 2026 review is shown as it stands on this day. */
export const DEFAULT_DEMO_AS_OF = '2026-11-20';

export interface SeedDemoHouseholdsOptions {
  /** Household rows in total (default 50,000, or GIAMNGHEO_DEMO_HOUSEHOLDS). 0 skips the seed. */
  households?: number;
  /** Commune codes (2025 layout, province 12) to populate; default all of them. */
  communes?: readonly string[];
  seed?: number;
  asOf?: string;
  onProgress?: (line: string) => void;
}

export interface SeedDemoHouseholdsResult {
  seeded: boolean;
  /** Why nothing was done: already seeded, data present, no units, or switched off. */
  skipped?: 'already_seeded' | 'database_not_empty' | 'no_units' | 'disabled';
  seconds: number;
  /** Seconds spent generating (including classification) and inside COPY. */
  generateSeconds?: number;
  copySeconds?: number;
  /** Seconds rebuilding the secondary indexes after the load. */
  indexSeconds?: number;
  /** Seconds of ANALYZE on the large tables. */
  analyzeSeconds?: number;
  /** CPU seconds of the whole process during the seed (all threads: generator, PGlite, main). */
  cpuSeconds?: number;
  rows?: Partial<Record<string, number>>;
  stats?: DemoStats;
}

interface Marker {
  status: 'running' | 'done';
  ids?: IdBases;
  /** Secondary indexes dropped for the load (rebuilt after it, or on the next start if it was interrupted). */
  indexes?: IndexDefinition[];
  households?: number;
  seed?: number;
  asOf?: string;
  finishedAt?: string;
  stats?: Omit<DemoStats, 'communeRates2025'>;
}

function householdsFromEnv(): number {
  const raw = process.env.GIAMNGHEO_DEMO_HOUSEHOLDS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_DEMO_HOUSEHOLDS;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_DEMO_HOUSEHOLDS;
}

async function readMarker(database: Database): Promise<Marker | null> {
  const r = await sql<{ value: Marker }>`select value from setting where key = ${DEMO_SEED_SETTING_KEY}`.execute(database.db);
  return r.rows[0]?.value ?? null;
}

async function writeMarker(database: Database, m: Marker): Promise<void> {
  await sql`
    insert into setting (key, value, updated_at) values (${DEMO_SEED_SETTING_KEY}, ${JSON.stringify(m)}::jsonb, now())
    on conflict (key) do update set value = excluded.value, updated_at = now()`.execute(database.db);
}

async function count(database: Database, query: RawBuilder<{ n: string | number }>): Promise<number> {
  const r = await query.execute(database.db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Removes the rows of an interrupted run (everything it wrote has ids from its recorded bases on). */
async function removeInterrupted(database: Database, ids: IdBases, tables: ReadonlyMap<string, unknown>): Promise<void> {
  const p = DEMO_PROVINCE_CODE;
  const h = ids.household ?? 1;
  const r = ids.commune_review ?? 1;
  const db = database.db;
  const byReview = ['meeting_vote', 'village_meeting', 'complaint', 'classification', 'survey', 'review_household', 'commune_review_event'];
  await sql`delete from certificate where province_code = ${p} and household_id >= ${h}`.execute(db);
  await sql`delete from list_status where province_code = ${p} and household_id >= ${h}`.execute(db);
  for (const t of byReview) await sql`delete from ${sql.table(t)} where province_code = ${p} and review_id >= ${r}`.execute(db);
  await sql`delete from commune_review where province_code = ${p} and id >= ${r}`.execute(db);
  await sql`delete from review_campaign where province_code = ${p} and id >= ${ids.review_campaign ?? 1}`.execute(db);
  if (tables.has('review_file')) await sql`delete from review_file where province_code = ${p} and id >= ${ids.review_file ?? 1}`.execute(db);
  await sql`delete from member where province_code = ${p} and household_id >= ${h}`.execute(db);
  await sql`delete from household_residence where province_code = ${p} and household_id >= ${h}`.execute(db);
  await sql`delete from household where province_code = ${p} and id >= ${h}`.execute(db);
  await sql`delete from village where province_code = ${p}`.execute(db);
}

async function demoCommunes(database: Database, asOf: string, only?: readonly string[]): Promise<DemoCommuneUnit[]> {
  const r = await sql<{ code: string; name: string; area_type: string | null }>`
    select u.code, u.name, u.area_type from admin_unit u
    where u.layout = '2025' and u.province_code = ${DEMO_PROVINCE_CODE} and u.tier = 'commune'
      and u.valid_from <= ${asOf}::date and (u.valid_to is null or u.valid_to > ${asOf}::date)
    order by u.code`.execute(database.db);
  return r.rows
    .filter((u) => !only || only.includes(u.code))
    .map((u) => ({ code: u.code, name: u.name, areaType: u.area_type === 'urban' ? 'urban' : 'rural' }));
}

async function demoActors(database: Database): Promise<DemoActors> {
  const names = DEMO_ACCOUNTS.map((a) => a.username);
  const rows = await database.db.selectFrom('app_user').select(['id', 'username']).where('username', 'in', names).execute();
  const id = (u: string) => rows.find((r) => r.username === u)?.id ?? null;
  const communes = new Map<string, { officer: number | null; reviewer: number | null; chair: number | null }>();
  for (const a of DEMO_ACCOUNTS) {
    if (!a.unitCode || a.unitCode === DEMO_PROVINCE_CODE) continue;
    const c = communes.get(a.unitCode) ?? { officer: null, reviewer: null, chair: null };
    if (a.role === 'commune_officer') c.officer = id(a.username);
    if (a.role === 'village_reviewer') c.reviewer = id(a.username);
    if (a.role === 'commune_chair') c.chair = id(a.username);
    communes.set(a.unitCode, c);
  }
  const province = DEMO_ACCOUNTS.find((a) => a.role === 'province_officer');
  return { provinceOfficer: province ? id(province.username) : null, communes };
}

/** Seeds the demo households and review history once; see the module comment. */
export async function seedDemoHouseholds(database: Database, opts: SeedDemoHouseholdsOptions = {}): Promise<SeedDemoHouseholdsResult> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const progress = opts.onProgress ?? (() => {});
  const elapsed = () => (performance.now() - started) / 1000;
  const households = opts.households ?? householdsFromEnv();
  const asOf = opts.asOf ?? DEFAULT_DEMO_AS_OF;
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  if (households <= 0) return { seeded: false, skipped: 'disabled', seconds: elapsed() };

  const marker = await readMarker(database);
  if (marker?.status === 'done') {
    progress('Dữ liệu mẫu: đã tạo ở lần khởi động trước, bỏ qua');
    return { seeded: false, skipped: 'already_seeded', seconds: elapsed() };
  }
  const tables = await tableColumns(database);
  if (marker?.status === 'running') {
    progress('Dữ liệu mẫu: lần tạo trước bị gián đoạn, xóa phần đã ghi và tạo lại');
    if (marker.ids) await removeInterrupted(database, marker.ids, tables);
    if (marker.indexes) await restoreIndexes(database, marker.indexes);
  }
  const present =
    (await count(database, sql`select count(*) as n from (select 1 from household limit 1) x`)) +
    (await count(database, sql`select count(*) as n from (select 1 from village where province_code = ${DEMO_PROVINCE_CODE} limit 1) x`)) +
    (await count(database, sql`select count(*) as n from (select 1 from review_campaign where province_code = ${DEMO_PROVINCE_CODE} limit 1) x`));
  if (present > 0) {
    progress('Dữ liệu mẫu: cơ sở dữ liệu đã có hộ gia đình hoặc đợt rà soát của tỉnh Lai Châu, không tạo hộ mẫu');
    return { seeded: false, skipped: 'database_not_empty', seconds: elapsed() };
  }
  const communes = await demoCommunes(database, asOf, opts.communes);
  if (communes.length === 0) return { seeded: false, skipped: 'no_units', seconds: elapsed() };

  progress(`Dữ liệu mẫu: tạo ${households.toLocaleString('vi-VN')} hộ tổng hợp tại ${communes.length} xã/phường tỉnh Lai Châu (một lần)`);
  const ids = await idBases(database, SERIAL_TABLES.filter((t) => tables.has(t)));
  const indexes = await secondaryIndexes(database, DEMO_TABLES.filter((t) => tables.has(t)));
  await writeMarker(database, { status: 'running', ids, indexes, households, seed, asOf });
  await dropIndexes(database, indexes);
  const layout = tableLayout(tables);
  const dir = await makeChunkDir();
  const queue = new CopyQueue(database);
  let generated: Generated;
  try {
    const options: DemoWorkerData['options'] = { households, communes, seed, asOf, ids, actors: await demoActors(database), minutesFiles: layout.review_file !== undefined };
    generated = await generateInWorker({ options, dir, layout }, queue, (phase) => progress(`Dữ liệu mẫu: ${phase} xong (${elapsed().toFixed(1)} s)`));
    await queue.settle();
  } catch (e) {
    // Leave the database as it was: no partial demo, every index back, no marker.
    await queue.settle().catch(() => {});
    await removeInterrupted(database, ids, tables);
    await restoreIndexes(database, indexes);
    await sql`delete from setting where key = ${DEMO_SEED_SETTING_KEY}`.execute(database.db);
    throw e;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
  const { stats, rows, generateSeconds } = generated;
  const indexStart = performance.now();
  await restoreIndexes(database, indexes);
  const indexSeconds = (performance.now() - indexStart) / 1000;
  await syncSequences(database, SERIAL_TABLES.filter((t) => tables.has(t)));
  // Planner statistics for the large tables (key columns only: sampling the facts documents is slow).
  const analyzeStart = performance.now();
  for (const [t, cols] of ANALYZE_COLUMNS) {
    await sql`analyze ${sql.table(t)} (${sql.join(cols.map((c) => sql.id(c)))})`.execute(database.db);
  }
  const analyzeSeconds = (performance.now() - analyzeStart) / 1000;
  const { communeRates2025: _rates, ...summary } = stats;
  await writeMarker(database, { status: 'done', ids, indexes, households, seed, asOf, finishedAt: new Date().toISOString(), stats: summary });
  await recordAudit(database.db, SYSTEM_ACTOR, {
    action: 'demo.seed_households',
    entity: 'setting',
    entityId: DEMO_SEED_SETTING_KEY,
    provinceCode: DEMO_PROVINCE_CODE,
    after: { households: stats.households, members: stats.members, seed, asOf, lists: stats.lists },
  });
  const seconds = elapsed();
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const l2025 = stats.lists.find((l) => l.listYear === 2025);
  progress(
    `Dữ liệu mẫu: ${stats.households.toLocaleString('vi-VN')} hộ, ${stats.members.toLocaleString('vi-VN')} nhân khẩu, ${communes.length} xã/phường` +
      (l2025 ? `; hộ nghèo 2025 ${(l2025.poorRate * 100).toFixed(1)}%, cận nghèo ${(l2025.nearPoorRate * 100).toFixed(1)}%` : ''),
  );
  progress(
    `Dữ liệu mẫu: tạo xong trong ${seconds.toFixed(1)} s / seeded in ${seconds.toFixed(1)} s ` +
      `(sinh dữ liệu ${generateSeconds.toFixed(1)} s song song với COPY ${queue.seconds.toFixed(1)} s, chỉ mục ${indexSeconds.toFixed(1)} s, ANALYZE ${analyzeSeconds.toFixed(1)} s; ` +
      `CPU ${cpuSeconds.toFixed(1)} s; tải máy ${os.loadavg()[0]!.toFixed(1)})`,
  );
  return { seeded: true, seconds, generateSeconds, copySeconds: queue.seconds, indexSeconds, analyzeSeconds, cpuSeconds, rows: { ...rows }, stats };
}

interface Generated {
  stats: DemoStats;
  rows: Partial<Record<DemoTable, number>>;
  generateSeconds: number;
}

const ANALYZE_COLUMNS: ReadonlyArray<[string, readonly string[]]> = [
  ['household', ['province_code', 'commune_code', 'village_code', 'status', 'head_name_ascii']],
  ['member', ['province_code', 'household_id', 'active', 'full_name_ascii']],
  ['survey', ['province_code', 'review_id', 'household_id', 'superseded_by']],
  ['classification', ['province_code', 'review_id', 'household_id', 'standard_id', 'class']],
  ['list_status', ['province_code', 'household_id', 'list_year', 'status', 'review_id']],
  ['review_household', ['province_code', 'review_id', 'household_id', 'stage']],
];

/** Runs the generator in its worker thread; every chunk it finishes is queued for copying at once. */
function generateInWorker(data: DemoWorkerData, queue: CopyQueue, onPhase: (phase: string) => void): Promise<Generated> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // A larger young generation: the generator makes many short-lived strings (fewer scavenges).
    const worker = new Worker(new URL('./demo-worker-entry.mjs', import.meta.url), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 48 } });
    let done = false;
    worker.on('message', (m: DemoWorkerMessage) => {
      if (m.type === 'chunk') queue.enqueue(m.files);
      else if (m.type === 'phase') onPhase(m.phase);
      else {
        done = true;
        resolve({ stats: m.stats, rows: m.rows, generateSeconds: (performance.now() - started) / 1000 });
      }
    });
    worker.once('error', (e) => {
      done = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`Tiến trình tạo dữ liệu mẫu dừng bất thường (mã ${code})`));
    });
  });
}
