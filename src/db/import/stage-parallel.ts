/**
 * Parallel staging of a large CSV table. The JS that normalises and checks every cell is what bounds
 * staging (docs/benchmarks.md), so the file is cut into segments of whole records (csv-segments.ts) and
 * worker threads (stage-worker.ts) turn them into staging lines side by side; this thread only reads the
 * bytes, cuts them, and hands the results to the one COPY of the table in file order. The bytes go to a
 * thread without a copy (transferred) and come back as one string per segment: no rows are cloned.
 *
 * The first segment is read here: it holds the header (and the delimiter is taken from the first line,
 * as csv-records.ts does). A file this path cannot take as it is — small, unreadable at its start, with
 * old Mac line ends, without a header in its first segment — is left to the one-thread reader (null).
 */
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { csvSegmentRecords, delimiterOf } from './csv-records.ts';
import { CsvSegmenter, type CsvSegment } from './csv-segments.ts';
import type { HeaderMap } from './header-map.ts';
import { ImportFileError } from './import-file-error.ts';
import { findHeaderRow, rowStager, stageRows, type SourceRow } from './row-stager.ts';
import type { SegmentRequest, SegmentResult, TableRequest } from './stage-worker-protocol.ts';

export interface ParallelStaging {
  /** Worker threads (default: the machine's cores, at most 4); fewer than 2 turns the path off. */
  workers?: number;
  /** Files smaller than this are read on one thread (starting the threads costs more than it saves). */
  minBytes?: number;
  /** About this many bytes per segment. */
  segmentBytes?: number;
}

const DEFAULT_MIN_BYTES = 8 << 20;
const DEFAULT_SEGMENT_BYTES = 1 << 18;
const MAX_DEFAULT_WORKERS = 4;

/** A table ready to copy (by either reader): its sheet, and its staging text in file order. */
export interface StagingTable {
  map: HeaderMap;
  /** The pieces of staging text; `onRows` is told how many rows each piece holds. */
  chunks(onRows: (n: number) => void): AsyncGenerator<string | Uint8Array>;
}

function workerCount(opts: ParallelStaging): number {
  return opts.workers ?? Math.min(MAX_DEFAULT_WORKERS, os.availableParallelism());
}

/**
 * The worker threads of an upload, started with its first large CSV table and kept for the next ones
 * (starting a thread loads its modules: about a CPU second). Each segment goes to the thread with the
 * fewest waiting.
 */
export class StagePool {
  private workers: Array<{ worker: Worker; waiting: Map<number, (r: SegmentResult) => void> }> = [];
  private failure: Error | null = null;
  private seq = 0;

  constructor(readonly size: number) {}

  private start(): void {
    for (let k = 0; k < this.size; k++) {
      const worker = new Worker(new URL('./stage-worker-entry.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 48 } });
      const waiting = new Map<number, (r: SegmentResult) => void>();
      const fail = (e: Error) => {
        this.failure ??= e;
        for (const [seq, resolve] of waiting) resolve({ seq, ok: false, fileError: null, message: e.message });
        waiting.clear();
      };
      worker.on('message', (r: SegmentResult) => {
        const resolve = waiting.get(r.seq);
        waiting.delete(r.seq);
        resolve?.(r);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`stage worker exited (${code})`)));
      this.workers.push({ worker, waiting });
    }
  }

  /** The next segments belong to this table (every thread is told, in order before them). */
  table(t: Omit<TableRequest, 'type'>): void {
    if (this.workers.length === 0) this.start();
    for (const w of this.workers) w.worker.postMessage({ type: 'table', ...t } satisfies TableRequest);
  }

  submit(segment: CsvSegment): Promise<SegmentResult> {
    const seq = this.seq++;
    if (this.failure) return Promise.resolve({ seq, ok: false, fileError: null, message: this.failure.message });
    const w = this.workers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    return new Promise((resolve) => {
      w.waiting.set(seq, resolve);
      w.worker.postMessage({ type: 'segment', seq, bytes: segment.bytes, startLine: segment.startLine } satisfies SegmentRequest, [segment.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    for (const w of workers) w.worker.removeAllListeners('exit');
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}

/** The worker threads parallel staging would use (null: it is off). */
export function stagePool(opts: ParallelStaging = {}): StagePool | null {
  const n = workerCount(opts);
  return n >= 2 ? new StagePool(n) : null;
}

function resultBytes(r: SegmentResult): { bytes: Uint8Array; rows: number } {
  if (r.ok) return r;
  if (r.fileError) throw new ImportFileError(r.fileError.code, r.fileError.params);
  throw new Error(r.message);
}

/** The first line of the file (up to its first line end), or null when none is in `bytes` or it ends with a lone CR. */
function firstLine(bytes: Buffer): string | null {
  const lf = bytes.indexOf(10);
  const cr = bytes.indexOf(13);
  const eol = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  if (eol < 0 || (eol === cr && bytes[cr + 1] !== 10)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, eol));
  } catch {
    return null;
  }
}

/**
 * Opens `file` for parallel staging, or returns null when the one-thread reader is to read it. Nothing
 * is staged before `chunks` is pulled; a null leaves nothing open.
 */
export async function parallelCsvTable(pool: StagePool, file: string, jobId: number, today: string, opts: ParallelStaging = {}): Promise<StagingTable | null> {
  const segmentBytes = opts.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
  if ((await fs.promises.stat(file)).size < (opts.minBytes ?? DEFAULT_MIN_BYTES)) return null;
  const stream = fs.createReadStream(file, { highWaterMark: segmentBytes });
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let handedOver = false;
  try {
    // The first line, for the delimiter.
    let head: Buffer = Buffer.alloc(0);
    let line: string | null = null;
    let done = false;
    while (line === null && !done && head.length <= segmentBytes) {
      const c = await it.next();
      if (c.done) done = true;
      else head = head.length === 0 ? c.value : Buffer.concat([head, c.value]);
      line = firstLine(head);
    }
    if (line === null) return null;
    const delimiter = delimiterOf(line);
    const segmenter = new CsvSegmenter(delimiter, segmentBytes);
    const ready: CsvSegment[] = segmenter.push(head);
    while (ready.length === 0 && !done) {
      const c = await it.next();
      if (c.done) done = true;
      else ready.push(...segmenter.push(c.value));
    }
    if (done) ready.push(...segmenter.end());
    const first = ready.shift();
    if (!first) return null;

    let records: SourceRow[];
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(first.bytes);
      records = csvSegmentRecords(text, delimiter, 1, true).records;
    } catch {
      return null;
    }
    // The header is looked for in the first segment only (as the one-thread reader would find it there).
    const headerRow = findHeaderRow(records, 0);
    if (!('map' in headerRow)) return null;
    const found = headerRow.map;
    const header = records[headerRow.at]!.values as string[];
    const rest = records.slice(headerRow.at + 1);
    handedOver = true;

    return {
      map: found,
      async *chunks(onRows) {
        pool.table({ jobId, delimiter, header, today });
        // Segments handed out and not yet copied, in file order.
        const inFlight: Array<Promise<SegmentResult>> = [];
        const submit = (s: CsvSegment) => inFlight.push(pool.submit(s));
        const maxAhead = pool.size * 2;
        try {
          for (const s of ready) submit(s);
          const firstRows = stageRows(rowStager(jobId, found, today), rest);
          onRows(firstRows.rows);
          if (firstRows.text) yield firstRows.text;
          const next = async () => {
            const r = resultBytes(await inFlight.shift()!);
            onRows(r.rows);
            return r.bytes;
          };
          while (!done) {
            const c = await it.next();
            if (c.done) {
              done = true;
              for (const s of segmenter.end()) submit(s);
            } else for (const s of segmenter.push(c.value)) submit(s);
            while (inFlight.length >= maxAhead) {
              const t = await next();
              if (t.length > 0) yield t;
            }
          }
          while (inFlight.length > 0) {
            const t = await next();
            if (t.length > 0) yield t;
          }
        } finally {
          stream.destroy();
        }
      },
    };
  } finally {
    if (!handedOver) stream.destroy();
  }
}
