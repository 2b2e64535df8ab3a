/** Database configuration read from the environment (documented in README "Cấu hình"). */
import path from 'node:path';

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null; loadFrom?: string }
  | { kind: 'postgres'; connectionString: string; poolSize: number };

/**
 * `DATABASE_URL` selects a PostgreSQL server; otherwise the embedded PGlite database lives in
 * `GIAMNGHEO_DATA_DIR` (default `./data/pgdata`). `dataDir: null` means in-memory (tests).
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) {
    return { kind: 'postgres', connectionString: env.DATABASE_URL, poolSize: Number(env.DATABASE_POOL_SIZE ?? 10) };
  }
  return { kind: 'pglite', dataDir: path.resolve(env.GIAMNGHEO_DATA_DIR ?? './data/pgdata') };
}
