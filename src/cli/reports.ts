/**
 * `giamngheo reports refresh [--province CODE] [--jobs N]`: rebuilds the report summary tables (docs/reports.md
 * "Summary tables") of every province with households, or of one province; N provinces at once on PostgreSQL (one connection each). Uses DATABASE_URL or the
 * embedded database (GIAMNGHEO_DATA_DIR) and applies migrations first. Exit codes: 0 ok, 2 invalid usage.
 */
import { parseArgs } from 'node:util';
import { databaseConfigFromEnv } from '../db/config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { rebuildAllSummaries } from '../db/reports/summary-refresh.ts';

export interface ReportsCliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: ReportsCliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), env: process.env };

const USAGE = `Cách dùng / usage:
  giamngheo reports refresh [--province MÃ_TỈNH] [--jobs N]
    --jobs N   số tỉnh tổng hợp cùng lúc trên PostgreSQL (mặc định 1; CSDL nhúng luôn 1)
               provinces rebuilt at once on PostgreSQL (default 1; always 1 on the embedded database)
`;

/** The options, or the Vietnamese reason they are refused. */
function parseRefreshArgs(argv: string[]): { province?: string; jobs: number } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { province: { type: 'string' }, jobs: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (err) {
    return { error: `Tham số không hợp lệ (invalid option): ${(err as Error).message}` };
  }
  const { province, jobs } = parsed.values;
  if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'refresh') return { error: '' };
  if (province !== undefined && !/^\d{2}$/.test(province)) return { error: 'Mã tỉnh phải gồm 2 chữ số (province code: 2 digits)' };
  const n = jobs === undefined ? 1 : Number(jobs);
  if (!Number.isInteger(n) || n < 1 || n > 64) return { error: 'Số tỉnh cùng lúc (--jobs) phải là số nguyên từ 1 đến 64 (--jobs: an integer 1–64)' };
  return { ...(province === undefined ? {} : { province }), jobs: n };
}

export async function run(argv: string[], io: ReportsCliIo = defaultIo): Promise<number> {
  const args = parseRefreshArgs(argv);
  if ('error' in args) {
    if (args.error) io.err(`${args.error}\n`);
    io.err(USAGE);
    return 2;
  }
  const { province, jobs } = args;
  const config = databaseConfigFromEnv(io.env);
  // Each province rebuilt at once holds a connection of its own.
  if (config.kind === 'postgres') config.poolSize = Math.max(config.poolSize, jobs + 1);
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    const started = performance.now();
    const done = await rebuildAllSummaries(database.db, {
      ...(province === undefined ? {} : { provinceCode: province }),
      concurrency: config.kind === 'postgres' ? jobs : 1,
      onProvince: (o) => io.out(`Tỉnh ${o.provinceCode}: đã tổng hợp các năm danh sách ${o.years.join(', ') || '(không có)'}\n`),
    });
    io.out(`Xong: ${done.length} tỉnh, ${((performance.now() - started) / 1000).toFixed(1)} giây (summary tables rebuilt)\n`);
    return 0;
  } finally {
    await database.close();
  }
}
