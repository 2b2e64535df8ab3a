/**
 * Starts the whole system: opens the database (PGlite in ./data/pgdata unless DATABASE_URL is set),
 * applies migrations, loads the bundled administrative units on first start, seeds the demo accounts,
 * and serves the API and the built web app.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../db/connect.ts';
import { databaseConfigFromEnv, type DatabaseConfig } from '../db/config.ts';
import { migrate } from '../db/migrate.ts';
import { loadBundledUnits } from '../db/units/index.ts';
import { SYSTEM_ACTOR } from '../db/audit.ts';
import { seedDemoUsers, type DemoAccount } from '../db/seed/demo-users.ts';
import { seedDemoHouseholds } from '../db/seed/demo-households.ts';
import { seedDemoProgram } from '../db/seed/demo-program.ts';
import { seedDemoBoundaries } from '../db/boundaries/demo.ts';
import { refreshDirtySummaries } from '../db/reports/summary-refresh.ts';
import { buildApp } from './app.ts';
import { hashPassword } from './auth/passwords.ts';
import { LoginLimiter } from './auth/login-limiter.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(REPO_ROOT, 'dist/web');

export interface StartOptions {
  port?: number;
  host?: string;
  database?: DatabaseConfig;
  seedDemo?: boolean;
  /** Demo households to seed on the first start (default: GIAMNGHEO_DEMO_HOUSEHOLDS, else 50,000; 0 = none). */
  demoHouseholds?: number;
  logger?: boolean;
  webDir?: string | null;
  onProgress?: (step: string) => void;
}

export interface RunningServer {
  url: string;
  database: Database;
  demoAccounts: DemoAccount[];
  close(): Promise<void>;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const progress = opts.onProgress ?? (() => {});
  const config = opts.database ?? databaseConfigFromEnv();
  progress(config.kind === 'pglite' ? `Mở cơ sở dữ liệu nhúng ${config.dataDir ?? '(bộ nhớ)'}` : 'Kết nối PostgreSQL');
  const database = await openDatabase(config);
  try {
    const m = await migrate(database.db);
    progress(`Migration: phiên bản ${m.version}${m.applied.length ? ` (vừa áp dụng ${m.applied.join(', ')})` : ''}`);
    const loaded = await loadBundledUnits(database, SYSTEM_ACTOR);
    progress(`Đơn vị hành chính: ${JSON.stringify(loaded)}`);
    const demoAccounts = opts.seedDemo === false ? [] : await seedDemoUsers(database.db, hashPassword);
    if (opts.seedDemo !== false) {
      await seedDemoHouseholds(database, { onProgress: progress, ...(opts.demoHouseholds === undefined ? {} : { households: opts.demoHouseholds }) });
    }
    if (opts.seedDemo !== false) await seedDemoProgram(database.db, { onProgress: progress });
    if (opts.seedDemo !== false) await seedDemoBoundaries(database.db, { onProgress: progress });
    // Report summaries left stale (the seed, an import run from the CLI) are rebuilt before the server listens.
    const refreshStarted = Date.now();
    const refreshed = await refreshDirtySummaries(database.db);
    if (refreshed.length > 0) progress(`Bảng tổng hợp báo cáo: cập nhật ${refreshed.length} tỉnh trong ${((Date.now() - refreshStarted) / 1000).toFixed(1)} giây`);
    const app = await buildApp(
      { database, loginLimiter: new LoginLimiter(), secureCookies: process.env.GIAMNGHEO_SECURE_COOKIES === '1', version: '0.1.0' },
      { webDir: opts.webDir === null ? undefined : (opts.webDir ?? WEB_DIST), logger: opts.logger },
    );
    const address = await app.listen({ port: opts.port ?? 3000, host: opts.host ?? '127.0.0.1' });
    return {
      url: address.replace('[::1]', 'localhost'),
      database,
      demoAccounts,
      async close() {
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
