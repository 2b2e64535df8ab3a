/**
 * The name search uses a GIN index; GIN queues bulk inserts in a pending list that every search then
 * scans until (auto)vacuum merges it — and embedded PGlite has no autovacuum. After a bulk load the
 * list is merged at once so searches stay fast.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

export async function mergeSearchIndex(db: Kysely<DB>): Promise<void> {
  await sql`select gin_clean_pending_list('admin_unit_search_idx'::regclass)`.execute(db);
}
