/** Messages between the staging of an upload and its worker threads (stage-parallel.ts, stage-worker.ts). */
import type { FileErrorCode } from '../../domain/import/file-messages.ts';

/** A table's segments follow: how to read and stage them. */
export interface TableRequest {
  type: 'table';
  jobId: number;
  delimiter: string;
  /** The table's header row (the worker matches it to its sheet as the main thread did). */
  header: string[];
  /** yyyy-mm-dd bounding dates, the same for every thread of the upload. */
  today: string;
}

export interface SegmentRequest {
  type: 'segment';
  seq: number;
  bytes: Uint8Array;
  startLine: number;
}

export type StageWorkerRequest = TableRequest | SegmentRequest;

export type SegmentResult =
  /** The segment's staging lines, UTF-8 encoded. */
  | { seq: number; ok: true; bytes: Uint8Array; rows: number }
  | { seq: number; ok: false; fileError: { code: FileErrorCode; params: Record<string, string | number> } | null; message: string };
