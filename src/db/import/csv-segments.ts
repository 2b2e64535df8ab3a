/**
 * Cuts the bytes of a CSV file into segments of whole records, so that threads can parse and stage them
 * side by side (stage-parallel.ts). A segment ends just after a line feed that ends a record, read as
 * the record scanner (csv-records.ts) reads it: a quote opens a quoted field only at the start of a field
 * (after a delimiter or a line end), `""` inside a quoted field is a quote, and what follows the closing
 * quote up to the next delimiter is plain text. UTF-8 never uses the bytes of a quote, delimiter, CR or LF
 * inside a multi-byte character, so the cut is made on bytes, without decoding.
 *
 * Each segment carries the file line it starts on: the line feeds of the segments before it, or, when a
 * CR stands alone in one (old Mac line ends), that segment's lines as the scanner counts them.
 */
import { csvSegmentRecords, MAX_FIELD } from './csv-records.ts';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * A quoted field this many bytes long holds more than MAX_FIELD characters (a character or an escaped
 * quote takes at most 3 bytes per UTF-16 unit), so the scanner refuses it: a segment is cut there
 * rather than waiting for a closing quote that may never come.
 */
const RUNAWAY_QUOTED_BYTES = 3 * MAX_FIELD + 3;

export interface CsvSegment {
  /** Its own memory (not a view of the file's chunks), so it can be handed to a thread. */
  bytes: Uint8Array;
  /** The file line the segment's first record starts on. */
  startLine: number;
}

/**
 * The lines a segment of whole records spans (the next segment starts that many lines later);
 * `fileStart`: the segment opens the file (a BOM there is no character of the text).
 */
export function segmentLines(bytes: Uint8Array, delimiter: string, fileStart: boolean): number {
  let lfs = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) lfs++;
  for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1)) {
    if (bytes[i + 1] === LF) continue;
    // A lone CR ends a line outside quotes but not inside them: let the scanner count.
    try {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: !fileStart }).decode(bytes);
      return csvSegmentRecords(text, delimiter, 1, true).nextLine - 1;
    } catch {
      // A malformed segment: the thread that reads it refuses the file, so the lines after it are never used.
      return lfs;
    }
  }
  return lfs;
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Push the file's bytes in order, take the segments of about `size` bytes (or more: a segment ends at a
 * record's end), and at the end the last one. The first segment starts at line 1 (with the BOM, if any).
 */
export class CsvSegmenter {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of `pending` already scanned. */
  private scanned = 0;
  /** End of the last whole record in `pending` (0: none yet). */
  private boundary = 0;
  private quoted = false;
  /** Where the open quoted field started in `pending`. */
  private quotedFrom = 0;
  private line = 1;
  /** `pending` starts at the beginning of the file. */
  private atFileStart = true;
  /** A runaway quoted field was cut off: the segments end there. */
  private stopped = false;
  private readonly d: number;

  constructor(
    private readonly delimiter: string,
    private readonly size: number,
  ) {
    this.d = delimiter.charCodeAt(0);
  }

  private fieldStart(q: number): boolean {
    if (q === 0) return true;
    const prev = this.pending[q - 1];
    if (prev === LF || prev === CR || prev === this.d) return true;
    return this.atFileStart && q === 3 && BOM.every((b, i) => this.pending[i] === b);
  }

  private scan(): void {
    const buf = this.pending;
    const n = buf.length;
    let i = this.scanned;
    while (i < n) {
      if (this.quoted) {
        const q = buf.indexOf(QUOTE, i);
        if (q < 0) {
          i = n;
          break;
        }
        if (q + 1 >= n) {
          // A closing quote or the first of a doubled one: the next byte tells.
          i = q;
          break;
        }
        if (buf[q + 1] === QUOTE) i = q + 2;
        else {
          this.quoted = false;
          i = q + 1;
        }
        continue;
      }
      const q = buf.indexOf(QUOTE, i);
      const end = q < 0 ? n : q;
      if (end > i) {
        const lf = buf.lastIndexOf(LF, end - 1);
        if (lf >= i) this.boundary = lf + 1;
      }
      if (q < 0) {
        i = n;
        break;
      }
      if (this.fieldStart(q)) {
        this.quoted = true;
        this.quotedFrom = q;
      }
      i = q + 1;
    }
    this.scanned = i;
  }

  private take(end: number): CsvSegment {
    const bytes = Buffer.allocUnsafeSlow(end);
    this.pending.copy(bytes, 0, 0, end);
    const segment = { bytes, startLine: this.line };
    this.line += segmentLines(bytes, this.delimiter, this.atFileStart);
    this.pending = this.pending.subarray(end);
    this.scanned -= end;
    this.quotedFrom -= end;
    this.boundary = 0;
    this.atFileStart = false;
    return segment;
  }

  /** The next bytes of the file; returns the segments they complete. */
  push(chunk: Buffer): CsvSegment[] {
    if (this.stopped) return [];
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    this.scan();
    if (this.quoted && this.pending.length - this.quotedFrom > RUNAWAY_QUOTED_BYTES) {
      // The scanner refuses this field as too long; the segment that holds it is the last one read.
      this.stopped = true;
      return [this.take(this.pending.length)];
    }
    return this.boundary >= this.size ? [this.take(this.boundary)] : [];
  }

  /** The rest of the file, once every byte was pushed (none when it was empty or cut off). */
  end(): CsvSegment[] {
    if (this.stopped || this.pending.length === 0) return [];
    return [this.take(this.pending.length)];
  }
}
