/**
 * Demo seed benchmark (`npm run bench -- seed`).
 *
 * 1. The full demo seed as `npm start` runs it: 50,000 households of Lai Châu with two completed
 *    reviews and one in progress, into a fresh PGlite database in a temporary directory (migrations and
 *    the bundled unit load happen first and are not timed).
 * 2. The baseline: the same CSV rows copied with bare `bulkCopy` into another fresh database (secondary
 *    indexes dropped and rebuilt the same way), without generating or classifying anything.
 *
 * The machine is shared, so the load average (start and end) and the process CPU time (all threads:
 * generator, PGlite, main) are printed with the timings. BENCH_SEED_HOUSEHOLDS changes the size. Last
 * line: one JSON object {"name":"seed",…}.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadBundledUnits } from '../src/db/units/index.ts';
import { SYSTEM_ACTOR } from '../src/db/audit.ts';
import { seedDemoHouseholds } from '../src/db/seed/demo-households.ts';
import { DEMO_TABLES, dropIndexes, restoreIndexes, secondaryIndexes, tableColumns } from '../src/db/seed/demo-writer.ts';
import type { BulkCopySpec } from '../src/db/bulk-copy.ts';

const HOUSEHOLDS = Number(process.env.BENCH_SEED_HOUSEHOLDS ?? 50_000);

function line(text: string): void {
  process.stdout.write(`${text}\n`);
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

async function freshDatabase(dir: string): Promise<Database> {
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  await migrate(database.db);
  return database;
}

export async function run(): Promise<void> {
  const work = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'giamngheo-bench-seed-'));
  const kept: { spec: BulkCopySpec; file: string; bytes: number }[] = [];
  try {
    const loadStart = os.loadavg()[0]!;
    line(`Tạo dữ liệu mẫu: ${HOUSEHOLDS.toLocaleString('en')} hộ, PGlite trong thư mục tạm; tải máy ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    const database = await freshDatabase(path.join(work, 'seed'));
    let seed: Awaited<ReturnType<typeof seedDemoHouseholds>>;
    let seedCpu: number;
    try {
      await loadBundledUnits(database, SYSTEM_ACTOR);
      // Keep every CSV chunk for the baseline: a hard link costs nothing (a copy when linking fails).
      const bulkCopy = database.bulkCopy;
      database.bulkCopy = async (spec, source) => {
        if ('file' in source && typeof source.file === 'string') {
          const file = path.join(work, `${kept.length}-${spec.table}.csv`);
          await fs.promises.link(source.file, file).catch(() => fs.promises.copyFile(source.file, file));
          kept.push({ spec, file, bytes: (await fs.promises.stat(file)).size });
        }
        return bulkCopy(spec, source);
      };
      const cpu = process.cpuUsage();
      seed = await seedDemoHouseholds(database, { households: HOUSEHOLDS });
      seedCpu = cpuSeconds(cpu);
      if (!seed.seeded) throw new Error(`seed skipped: ${seed.skipped}`);
    } finally {
      await database.close();
    }
    const stats = seed.stats!;
    const perSecond = HOUSEHOLDS / seed.seconds;
    line(`  seed: ${seed.seconds.toFixed(1)} s (${Math.round(perSecond).toLocaleString('en')} hộ/s); sinh dữ liệu + phân loại ${seed.generateSeconds!.toFixed(1)} s, COPY ${seed.copySeconds!.toFixed(1)} s (chồng lên nhau), dựng chỉ mục ${seed.indexSeconds!.toFixed(1)} s, ANALYZE ${seed.analyzeSeconds!.toFixed(1)} s; CPU của tiến trình (mọi luồng) ${seedCpu.toFixed(1)} s`);
    line(`  ${stats.households.toLocaleString('en')} hộ, ${stats.members.toLocaleString('en')} nhân khẩu, ${stats.surveys.toLocaleString('en')} phiếu, ${stats.classifications.toLocaleString('en')} kết quả phân loại, ${stats.listStatusRows.toLocaleString('en')} dòng danh sách, ${stats.certificates.toLocaleString('en')} giấy chứng nhận`);
    for (const l of stats.lists) line(`  danh sách ${l.listYear}: nghèo ${(l.poorRate * 100).toFixed(1)} %, cận nghèo ${(l.nearPoorRate * 100).toFixed(1)} % của ${l.households.toLocaleString('en')} hộ`);

    // Baseline: the same rows, bare COPY into a fresh database.
    const csvBytes = kept.reduce((s, k) => s + k.bytes, 0);
    const baseline = await freshDatabase(path.join(work, 'baseline'));
    let copySeconds = 0;
    let indexSeconds = 0;
    try {
      const tables = await tableColumns(baseline);
      const indexes = await secondaryIndexes(baseline, DEMO_TABLES.filter((t) => tables.has(t)));
      await dropIndexes(baseline, indexes);
      const t0 = performance.now();
      for (const k of kept) await baseline.bulkCopy(k.spec, { file: k.file });
      copySeconds = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      await restoreIndexes(baseline, indexes);
      indexSeconds = (performance.now() - t1) / 1000;
    } finally {
      await baseline.close();
    }
    const baselineSeconds = copySeconds + indexSeconds;
    line(`  đường cơ sở (chỉ bulkCopy cùng ${(csvBytes / 1e6).toFixed(0)} MB CSV, ${kept.length} lần COPY): ${copySeconds.toFixed(1)} s + dựng chỉ mục ${indexSeconds.toFixed(1)} s = ${baselineSeconds.toFixed(1)} s`);
    line(`  tải máy sau khi chạy: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    const l2025 = stats.lists.find((l) => l.listYear === 2025);
    line(JSON.stringify({
      name: 'seed',
      households: HOUSEHOLDS,
      seconds: Math.round(seed.seconds * 10) / 10,
      householdsPerSecond: Math.round(perSecond),
      generateSeconds: Math.round(seed.generateSeconds! * 10) / 10,
      copySeconds: Math.round(seed.copySeconds! * 10) / 10,
      indexSeconds: Math.round(seed.indexSeconds! * 10) / 10,
      analyzeSeconds: Math.round(seed.analyzeSeconds! * 10) / 10,
      cpuSeconds: Math.round(seedCpu * 10) / 10,
      baselineSeconds: Math.round(baselineSeconds * 10) / 10,
      baselineCopySeconds: Math.round(copySeconds * 10) / 10,
      ratioToBaseline: Math.round((seed.seconds / baselineSeconds) * 100) / 100,
      csvMegabytes: Math.round(csvBytes / 1e6),
      poorRate2025: l2025 ? Math.round(l2025.poorRate * 1000) / 1000 : null,
      nearPoorRate2025: l2025 ? Math.round(l2025.nearPoorRate * 1000) / 1000 : null,
      loadAverageStart: Math.round(loadStart * 10) / 10,
      loadAverage: Math.round(os.loadavg()[0]! * 10) / 10,
    }));
  } finally {
    await fs.promises.rm(work, { recursive: true, force: true });
  }
}
