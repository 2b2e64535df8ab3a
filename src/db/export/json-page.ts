/**
 * One page of rows fetched as a single JSON text (`json_agg`) and parsed here. With the embedded
 * database every row crosses a worker-thread boundary as its own object, which costs several times
 * more than the query for wide pages (measured: 2,000 households with their facts ≈ 280 ms row by row,
 * ≈ 60 ms as one JSON value); on PostgreSQL it is one value instead of 2,000 rows too. Dates come out
 * as 'YYYY-MM-DD', integers as numbers, arrays and jsonb as JSON — the same shapes the row parsers give.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.ts';

/** The rows of `query` ordered by `orderBy` (columns of the query, qualified with `p.`). */
export async function jsonPage<T>(db: Kysely<DB>, query: RawBuilder<unknown>, orderBy: RawBuilder<unknown>): Promise<T[]> {
  const r = await sql<{ rows: string }>`select coalesce(json_agg(p order by ${orderBy}), '[]')::text as rows from (${query}) p`.execute(db);
  return JSON.parse(r.rows[0]!.rows) as T[];
}
