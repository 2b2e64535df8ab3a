/**
 * Streaming CSV reader for import files: UTF-8 with or without BOM (anything else is refused with a
 * Vietnamese message), RFC 4180 quoting ("" escapes, line breaks inside quotes), CRLF/LF/CR line ends,
 * blank lines skipped, the delimiter taken from the header line (',' or, as Excel writes in a
 * Vietnamese locale, ';' or a tab). Records come a chunk's batch at a time; the file is never held whole.
 *
 * Speed: the scanner works on whole runs, not characters. A record (or the rest of one) with no quote
 * before its line end is cut with one native `split`; the fields before a record's first quote likewise;
 * a quoted field is read with `indexOf('"')`. A field cut by the end of a chunk is read again from its
 * start with the next chunk (at most one field is carried, so a huge record stays linear).
 */
import { ImportFileError } from './import-file-error.ts';

export interface CsvRecord {
  /** 1-based line of the file the record starts on. */
  line: number;
  values: string[];
}

/** The delimiter of a file, from its first line. */
export function delimiterOf(header: string): string {
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  return header.includes('\t') ? '\t' : ',';
}

/** At most this many characters in one field (a runaway quote must not eat the memory). */
export const MAX_FIELD = 100_000;

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** The index of `s` in `text` at or after `from`, or the text's length. */
function find(text: string, s: string, from: number): number {
  const at = text.indexOf(s, from);
  return at < 0 ? text.length : at;
}

/** The end of a plain run from `from` (nextLf and nextCr at or after it): the next delimiter or line end. */
function plainEnd(text: string, d: string, from: number, nextLf: number, nextCr: number): number {
  let end = text.indexOf(d, from);
  if (end < 0 || end > nextLf) end = nextLf;
  return end < nextCr ? end : nextCr;
}

/**
 * The record scanner: text in (chunk by chunk), records out. Between two chunks it keeps the completed
 * fields of the record under way and the raw text of its last, unfinished field.
 */
class RecordScanner {
  private fields: string[] = [];
  /** A delimiter or a quote was seen in the record under way (a line of one empty field is blank). */
  private hadContent = false;
  /** The line being read, and the line the record under way started on. */
  private line = 1;
  private start = 1;
  /** The previous text ended with CR: a LF opening the next one belongs to that line end. */
  private pendingCr = false;
  /** Raw text of the field cut by the end of the previous chunk (read again with the next). */
  private carry = '';
  private readonly d: string;
  private readonly dCode: number;

  /** `firstLine`: the file line the text starts on (a segment of a file read in parts: csv-segments.ts). */
  constructor(delimiter: string, firstLine = 1) {
    this.d = delimiter;
    this.dCode = delimiter.charCodeAt(0);
    this.line = firstLine;
    this.start = firstLine;
  }

  /** The line the reader is on (after a text that ends with a line end: the next record's). */
  get currentLine(): number {
    return this.line;
  }

  private tooLong(): ImportFileError {
    return new ImportFileError('csv_field_too_long', { line: this.start });
  }

  private checkLengths(values: string[]): void {
    for (const v of values) if (v.length > MAX_FIELD) throw this.tooLong();
  }

  /** Emits the record under way unless it is a blank line; the next record starts on the next line. */
  private endRecord(out: CsvRecord[]): void {
    const f = this.fields;
    if (this.hadContent || f.length > 1 || f[0] !== '') out.push({ line: this.start, values: f });
    this.fields = [];
    this.hadContent = false;
    this.line++;
    this.start = this.line;
  }

  /** After a line end at `at`: the position of the next record (a CRLF is one line end). */
  private afterLineEnd(text: string, at: number): number {
    if (text.charCodeAt(at) !== CR) return at + 1;
    if (at + 1 >= text.length) {
      this.pendingCr = true;
      return at + 1;
    }
    return text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  }

  /** Reads `chunk` (after the carried field); `final` when no text follows. */
  feed(chunk: string, final: boolean, out: CsvRecord[]): void {
    if (!final && chunk.length * 4 < this.carry.length) {
      // Small chunks after a long unfinished field: gather them first (reading it again each time would be quadratic).
      this.carry += chunk;
      return;
    }
    const text = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    const n = text.length;
    const d = this.d;
    const dCode = this.dCode;
    let pos = 0;
    if (this.pendingCr && n > 0) {
      this.pendingCr = false;
      if (text.charCodeAt(0) === LF) pos = 1;
    }
    // Next LF, CR and quote at or after pos (n when none), found again only once passed.
    let nextLf = -1;
    let nextCr = -1;
    let nextQ = -1;

    while (pos < n) {
      if (nextLf < pos) nextLf = find(text, '\n', pos);
      if (nextCr < pos) nextCr = find(text, '\r', pos);
      if (nextQ < pos) nextQ = find(text, '"', pos);
      const eol = nextLf < nextCr ? nextLf : nextCr;

      if (nextQ > eol && eol < n) {
        // No quote before the line end: the rest of the record in one split.
        if (this.fields.length === 0 && eol === pos) {
          // A blank line.
          this.line++;
          this.start = this.line;
          pos = this.afterLineEnd(text, eol);
          continue;
        }
        const rest = text.slice(pos, eol).split(d);
        if (eol - pos > MAX_FIELD) this.checkLengths(rest);
        if (this.fields.length === 0) this.fields = rest;
        else for (const v of rest) this.fields.push(v);
        this.endRecord(out);
        pos = this.afterLineEnd(text, eol);
        continue;
      }

      if (nextQ > pos && nextQ < eol) {
        // The whole fields before the one holding the next quote, in one split.
        const cut = text.charCodeAt(nextQ - 1) === dCode ? nextQ - 1 : text.lastIndexOf(d, nextQ - 1);
        if (cut >= pos) {
          const before = text.slice(pos, cut).split(d);
          if (cut - pos > MAX_FIELD) this.checkLengths(before);
          if (this.fields.length === 0) this.fields = before;
          else for (const v of before) this.fields.push(v);
          this.hadContent = true;
          pos = cut + 1;
        }
      }

      // One field from pos: quoted when it opens with a quote, else plain up to the delimiter or line end.
      let value: string;
      let end: number;
      if (text.charCodeAt(pos) === QUOTE) {
        let k = pos + 1;
        value = '';
        for (;;) {
          const q = text.indexOf('"', k);
          value += text.slice(k, q < 0 ? n : q);
          if (value.length > MAX_FIELD) throw this.tooLong();
          if (q < 0) {
            if (final) throw new ImportFileError('csv_unclosed_quote', { line: this.start });
            this.carry = text.slice(pos);
            return;
          }
          if (q + 1 >= n) {
            // A quote ending the text: closing, unless the next chunk starts with a second quote.
            if (!final) {
              this.carry = text.slice(pos);
              return;
            }
            k = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            k = q + 2;
          } else {
            k = q + 1;
            break;
          }
        }
        // Line breaks inside the quotes are lines of the file (counted once the field is whole).
        let lines = 0;
        while (nextLf < k) {
          lines++;
          nextLf = find(text, '\n', nextLf + 1);
        }
        if (nextCr < k) nextCr = find(text, '\r', k);
        // Text after the closing quote is kept as typed (usually the delimiter or line end follows at once).
        const after = text.charCodeAt(k);
        end = after === dCode || after === LF || after === CR ? k : plainEnd(text, d, k, nextLf, nextCr);
        if (end === n && !final) {
          this.carry = text.slice(pos);
          return;
        }
        if (end > k) {
          value += text.slice(k, end);
          if (value.length > MAX_FIELD) throw this.tooLong();
        }
        this.line += lines;
        this.hadContent = true;
      } else {
        end = plainEnd(text, d, pos, nextLf, nextCr);
        if (end - pos > MAX_FIELD) throw this.tooLong();
        if (end === n && !final) {
          this.carry = text.slice(pos);
          return;
        }
        value = text.slice(pos, end);
      }
      this.fields.push(value);
      if (end === n) {
        // The end of the file ends the record.
        this.endRecord(out);
        return;
      }
      if (text.charCodeAt(end) === dCode) {
        this.hadContent = true;
        pos = end + 1;
      } else {
        this.endRecord(out);
        pos = this.afterLineEnd(text, end);
      }
    }
    // The text ended just after a delimiter: at the end of the file, that is a last empty field.
    if (final && this.fields.length > 0) {
      this.fields.push('');
      this.endRecord(out);
    }
  }
}

/**
 * The records of a CSV stream, one array per input chunk (a 64 KB chunk holds hundreds of records: the
 * consumer pays one await per chunk, not one per record).
 */
export async function* csvBatches(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<CsvRecord[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let scanner: RecordScanner | null = null;
  let buffered = '';

  const decode = (c: Uint8Array | string, last: boolean): string => {
    if (typeof c === 'string') return c;
    try {
      return decoder.decode(c, { stream: !last });
    } catch {
      throw new ImportFileError('csv_encoding', {});
    }
  };

  const it = chunks[Symbol.asyncIterator]();
  for (;;) {
    const r = await it.next();
    const text = r.done ? decode(new Uint8Array(0), true) : decode(r.value, false);
    const out: CsvRecord[] = [];
    if (scanner === null) {
      buffered += text;
      const eol = buffered.search(/[\r\n]/u);
      if (eol < 0 && !r.done) continue;
      scanner = new RecordScanner(delimiterOf(eol < 0 ? buffered : buffered.slice(0, eol)));
      scanner.feed(buffered, r.done === true, out);
      buffered = '';
    } else scanner.feed(text, r.done === true, out);
    if (out.length > 0) yield out;
    if (r.done) break;
  }
}

/** The records of a CSV stream one by one. */
export async function* csvRecords(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<CsvRecord> {
  for await (const batch of csvBatches(chunks)) yield* batch;
}

/**
 * A reader of the records of a segment of a CSV file that starts at a record's start, on file line
 * `firstLine`: feed it the segment's text piece by piece (its last piece as `final`); `line` is the line
 * it has reached.
 */
export function csvSegmentReader(delimiter: string, firstLine: number): { read(text: string, final: boolean): CsvRecord[]; readonly line: number } {
  const scanner = new RecordScanner(delimiter, firstLine);
  return {
    read(text, final) {
      const out: CsvRecord[] = [];
      scanner.feed(text, final, out);
      return out;
    },
    get line() {
      return scanner.currentLine;
    },
  };
}

/**
 * The records of a whole segment of a CSV file (text that starts at a record's start, on file line
 * `firstLine`); `final` when it runs to the end of the file. Returns them with the line after the segment.
 */
export function csvSegmentRecords(text: string, delimiter: string, firstLine: number, final: boolean): { records: CsvRecord[]; nextLine: number } {
  const reader = csvSegmentReader(delimiter, firstLine);
  const records = reader.read(text, final);
  return { records, nextLine: reader.line };
}
