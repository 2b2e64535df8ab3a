/** Messages exchanged between the main thread and the PGlite worker thread. */

export type WorkerRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[] }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'copyFromFile'; sql: string; file: string }
  | { id: number; op: 'dumpToFile'; file: string }
  | { id: number; op: 'close' };

export interface QueryResultMessage {
  rows: Record<string, unknown>[];
  affectedRows?: number;
  command?: string;
}

export type WorkerResponse =
  | { id: number; ok: true; result: QueryResultMessage }
  | { id: number; ok: false; error: WorkerError };

export interface WorkerError {
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
}

export interface WorkerInit {
  dataDir: string | null;
  /** A tarball written by `dumpToFile` to start from (fast clone of a migrated database for tests). */
  loadFrom?: string;
}
