/**
 * `giamngheo reports refresh [--province CODE]`: rebuilds the report summary tables (docs/reports.md
 * "Summary tables") of every province with households, or of one province. Uses DATABASE_URL or the
 * embedded database (GIAMNGHEO_DATA_DIR) and applies migrations first. Exit codes: 0 ok, 2 invalid usage.
 */
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
  giamngheo reports refresh [--province MÃ_TỈNH]
`;

export async function run(argv: string[], io: ReportsCliIo = defaultIo): Promise<number> {
  const [sub, ...rest] = argv;
  const i = rest.indexOf('--province');
  const province = i >= 0 ? rest[i + 1] : undefined;
  const known = i >= 0 ? rest.length === 2 && province !== undefined && /^\d{2}$/.test(province) : rest.length === 0;
  if (sub !== 'refresh' || !known) {
    if (i >= 0 && !(province && /^\d{2}$/.test(province))) io.err('Mã tỉnh phải gồm 2 chữ số (province code: 2 digits)\n');
    io.err(USAGE);
    return 2;
  }
  const database = await openDatabase(databaseConfigFromEnv(io.env));
  try {
    await migrate(database.db);
    const started = performance.now();
    const done = await rebuildAllSummaries(database.db, {
      ...(province === undefined ? {} : { provinceCode: province }),
      onProvince: (o) => io.out(`Tỉnh ${o.provinceCode}: đã tổng hợp các năm danh sách ${o.years.join(', ') || '(không có)'}\n`),
    });
    io.out(`Xong: ${done.length} tỉnh, ${((performance.now() - started) / 1000).toFixed(1)} giây (summary tables rebuilt)\n`);
    return 0;
  } finally {
    await database.close();
  }
}
