/**
 * Main-thread handle on the PGlite worker: request/response RPC plus a lock, because PGlite is a
 * single connection — a transaction must own it from BEGIN to COMMIT.
 */
import { Worker } from 'node:worker_threads';
import type { QueryResultMessage, WorkerError, WorkerInit, WorkerRequest, WorkerResponse } from './protocol.ts';

type Pending = { resolve: (r: QueryResultMessage) => void; reject: (e: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class DatabaseError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  constructor(e: WorkerError) {
    super(e.message);
    this.name = 'DatabaseError';
    this.code = e.code;
    this.detail = e.detail;
    this.constraint = e.constraint;
  }
}

export class PgliteWorkerClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private lockQueue: Array<() => void> = [];
  private locked = false;
  private ready: Promise<void>;

  constructor(init: WorkerInit) {
    this.worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: init });
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (msg: unknown) => {
        if ((msg as { ready?: boolean }).ready) {
          this.worker.off('message', onMessage);
          this.worker.on('message', (res: WorkerResponse) => this.settle(res));
          resolve();
        }
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
    });
    this.worker.on('error', (err) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  waitReady(): Promise<void> {
    return this.ready;
  }

  private settle(res: WorkerResponse): void {
    const p = this.pending.get(res.id);
    if (!p) return;
    this.pending.delete(res.id);
    if (res.ok) p.resolve(res.result);
    else p.reject(new DatabaseError(res.error));
  }

  send(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<QueryResultMessage> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id } as WorkerRequest);
    });
  }

  /** Waits until no one else holds the single connection, then holds it. */
  async acquire(): Promise<void> {
    await this.ready;
    if (!this.locked) {
      this.locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.lockQueue.push(resolve));
  }

  release(): void {
    const next = this.lockQueue.shift();
    if (next) next();
    else this.locked = false;
  }

  private closed?: Promise<void>;

  /** Stops PGlite and the worker; safe to call more than once. */
  close(): Promise<void> {
    this.closed ??= this.shutdown();
    return this.closed;
  }

  private async shutdown(): Promise<void> {
    await this.acquire();
    try {
      await this.send({ op: 'close' });
    } finally {
      await this.worker.terminate();
    }
  }
}
