/**
 * The demo generator in its own worker thread: it generates, classifies and encodes CSV chunks while
 * the main thread hands each finished chunk to `bulkCopy` (and PGlite copies it in its own worker), so
 * generation and loading run side by side on two cores and no copy waits for the generator to yield.
 *
 * Messages to the parent: `{type: 'chunk', files}` for every finished chunk, `{type: 'phase', phase}`
 * after each review year, and `{type: 'done', stats, rows}` at the end. A failure ends the worker with
 * an error event.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DemoRun, type DemoRunOptions, type DemoStats, type DemoTable } from './demo-reviews.ts';
import { CsvChunkWriter, type ChunkFile, type TableLayout } from './demo-writer.ts';

export interface DemoWorkerData {
  options: Omit<DemoRunOptions, 'onPhase' | 'onChunk'>;
  dir: string;
  layout: TableLayout;
}

export type DemoWorkerMessage =
  | { type: 'chunk'; files: ChunkFile[] }
  | { type: 'phase'; phase: string }
  | { type: 'done'; stats: DemoStats; rows: Partial<Record<DemoTable, number>> };

const port = parentPort;
if (port) {
  const data = workerData as DemoWorkerData;
  const writer = new CsvChunkWriter(data.dir, data.layout);
  const post = (m: DemoWorkerMessage) => port.postMessage(m);
  try {
    const run = new DemoRun(
      {
        ...data.options,
        onPhase: (phase) => post({ type: 'phase', phase }),
        onChunk: async () => post({ type: 'chunk', files: writer.cut() }),
      },
      writer,
    );
    const stats = await run.run();
    post({ type: 'chunk', files: writer.cut() });
    post({ type: 'done', stats, rows: writer.rows });
  } catch (e) {
    writer.abandon();
    throw e;
  }
}
