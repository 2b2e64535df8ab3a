/**
 * Worker thread that owns the embedded PGlite instance. PGlite runs on the thread that calls it and
 * blocks that thread while it executes a query; hosting it here keeps the HTTP server responsive.
 */
import { parentPort, workerData } from 'node:worker_threads';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { WorkerError, WorkerInit, WorkerRequest, WorkerResponse } from './protocol.ts';
import { OID_DATE, OID_INT8, parseDate, parseInt8 } from './type-parsers.ts';

const init = workerData as WorkerInit;
if (init.dataDir) fs.mkdirSync(init.dataDir, { recursive: true });
const parsers = { [OID_INT8]: parseInt8, [OID_DATE]: parseDate };
const loadDataDir = init.loadFrom ? await fs.openAsBlob(init.loadFrom) : undefined;
const db = await PGlite.create(init.dataDir ?? undefined, { parsers, loadDataDir });

function describeError(err: unknown): WorkerError {
  const e = err as { message?: string; code?: string; detail?: string; constraint?: string };
  return { message: e?.message ?? String(err), code: e?.code, detail: e?.detail, constraint: e?.constraint };
}

async function handle(req: WorkerRequest): Promise<WorkerResponse> {
  try {
    switch (req.op) {
      case 'query': {
        const r = await db.query<Record<string, unknown>>(req.sql, req.params);
        return { id: req.id, ok: true, result: { rows: r.rows, affectedRows: r.affectedRows } };
      }
      case 'exec': {
        const results = await db.exec(req.sql);
        const last = results[results.length - 1];
        return { id: req.id, ok: true, result: { rows: (last?.rows ?? []) as Record<string, unknown>[], affectedRows: last?.affectedRows } };
      }
      case 'copyFromFile': {
        const blob = await fs.openAsBlob(req.file);
        const r = await db.query(req.sql, [], { blob });
        return { id: req.id, ok: true, result: { rows: [], affectedRows: r.affectedRows } };
      }
      case 'dumpToFile': {
        const dump = await db.dumpDataDir('gzip');
        await fs.promises.writeFile(req.file, Buffer.from(await dump.arrayBuffer()));
        return { id: req.id, ok: true, result: { rows: [] } };
      }
      case 'close': {
        await db.close();
        return { id: req.id, ok: true, result: { rows: [] } };
      }
    }
  } catch (err) {
    return { id: req.id, ok: false, error: describeError(err) };
  }
}

parentPort!.on('message', (req: WorkerRequest) => {
  void handle(req).then((res) => parentPort!.postMessage(res));
});
parentPort!.postMessage({ ready: true });
