/**
 * A worker thread of parallel CSV staging: told a table's header and delimiter, it decodes the table's
 * segments of whole records (csv-segments.ts), parses them from their file line, turns every non-blank
 * row into its staging line (row-stager.ts) and answers with the lines to copy. A file-level refusal
 * (encoding, unclosed quote, field too long) is answered with its code, so the main thread throws it as
 * the one-thread reader would.
 */
import { parentPort } from 'node:worker_threads';
import { csvSegmentReader } from './csv-records.ts';
import { matchHeader } from './header-map.ts';
import { ImportFileError } from './import-file-error.ts';
import { rowStager, stageRows, type RowStager } from './row-stager.ts';
import type { SegmentRequest, SegmentResult, StageWorkerRequest, TableRequest } from './stage-worker-protocol.ts';

/** Characters of a segment read at a time. */
const PIECE_CHARS = 1 << 16;

let table: { init: TableRequest; stage: RowStager } | null = null;

function startTable(init: TableRequest): void {
  const map = matchHeader(init.header);
  if (!map) throw new Error('stage worker: the header matches no import sheet');
  table = { init, stage: rowStager(init.jobId, map, init.today) };
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function stageSegment(m: SegmentRequest): SegmentResult {
  try {
    if (!table) throw new Error('stage worker: a segment before its table');
    const { init, stage } = table;
    let text: string;
    try {
      text = decoder.decode(m.bytes);
    } catch {
      throw new ImportFileError('csv_encoding', {});
    }
    // Read a piece at a time, so that a piece's records die young (as the one-thread reader's 64 KB
    // reads); every segment ends with a record (the last one with the file): its end is read as final.
    const reader = csvSegmentReader(init.delimiter, m.startLine);
    // Each piece's lines are encoded at once: the strings they are built from die young (kept whole
    // until the segment is sent, they outlived minor GCs and the threads spent most of their time in GC).
    const parts: Buffer[] = [];
    let size = 0;
    let rows = 0;
    for (let at = 0; ; at += PIECE_CHARS) {
      const end = Math.min(text.length, at + PIECE_CHARS);
      const staged = stageRows(stage, reader.read(text.slice(at, end), end === text.length));
      rows += staged.rows;
      const bytes = Buffer.from(staged.text, 'utf8');
      parts.push(bytes);
      size += bytes.length;
      if (end === text.length) break;
    }
    // Its own memory (not the Buffer pool's), so it can be transferred to the main thread.
    const bytes = new Uint8Array(new ArrayBuffer(size));
    let k = 0;
    for (const p of parts) {
      bytes.set(p, k);
      k += p.length;
    }
    return { seq: m.seq, ok: true, bytes, rows };
  } catch (e) {
    const fileError = e instanceof ImportFileError ? { code: e.code, params: e.params } : null;
    return { seq: m.seq, ok: false, fileError, message: e instanceof Error ? e.message : String(e) };
  }
}

parentPort!.on('message', (m: StageWorkerRequest) => {
  if (m.type === 'table') {
    startTable(m);
    return;
  }
  const r = stageSegment(m);
  parentPort!.postMessage(r, r.ok ? [r.bytes.buffer as ArrayBuffer] : []);
});
