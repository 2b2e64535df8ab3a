/**
 * Small incremental CSV parser (RFC 4180 with the usual tolerances): quoted fields with "" escapes
 * and embedded line breaks, CRLF / LF / CR line endings, a leading UTF-8 BOM, blank lines skipped.
 * Feed it text chunks of any size with `push`, then call `end`; each record carries the file line
 * on which it starts, for error messages. Pure: no Node APIs.
 */
import { MpiInputError } from './errors.ts';

export interface MpiCsvRecord {
  readonly fields: string[];
  /** 1-based line number (in the file) where the record starts. */
  readonly line: number;
}

export interface MpiCsvOptions {
  /** Field delimiter, one character; default ",". */
  readonly delimiter?: string;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;

export class MpiCsvParser {
  private readonly delimiter: number;
  private state = FIELD_START;
  private field = '';
  private fields: string[] = [];
  private recordQuoted = false;
  private records: MpiCsvRecord[] = [];
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private lastWasCr = false;
  private started = false;

  constructor(options: MpiCsvOptions = {}) {
    const d = options.delimiter ?? ',';
    if (d.length !== 1 || d === '"' || d === '\r' || d === '\n') {
      throw new MpiInputError('csv-delimiter', `Ký tự phân cách "${d}" không hợp lệ (invalid CSV delimiter).`);
    }
    this.delimiter = d.charCodeAt(0);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  /** `nextLine` is the line on which the next record starts. */
  private endRecord(nextLine: number): void {
    const blank = this.fields.length === 1 && this.fields[0] === '' && !this.recordQuoted;
    if (!blank) this.records.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.recordQuoted = false;
    this.recordLine = nextLine;
  }

  private take(): MpiCsvRecord[] {
    const out = this.records;
    this.records = [];
    return out;
  }

  /** Parses a chunk and returns the records completed by it. */
  push(chunk: string): MpiCsvRecord[] {
    let i = 0;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    // Hot loop: state lives in locals and is written back at the end.
    const n = chunk.length;
    const delimiter = this.delimiter;
    let state = this.state;
    let line = this.line;
    let lastWasCr = this.lastWasCr;
    let run = i;
    for (; i < n; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch > QUOTE && ch !== delimiter) {
        // Ordinary character (fast path): only leaves FIELD_START or a closing quote state.
        lastWasCr = false;
        if (state === FIELD_START) {
          state = UNQUOTED;
          run = i;
        } else if (state === QUOTE_SEEN) {
          throw this.afterQuoteError(line, chunk[i]);
        }
        continue;
      }
      const afterCr = lastWasCr;
      lastWasCr = ch === CR;
      const newline = ch === CR || ch === LF;
      if (ch === CR || (ch === LF && !afterCr)) line++;

      if (state === QUOTED) {
        if (ch === QUOTE) {
          this.field += chunk.slice(run, i);
          state = QUOTE_SEEN;
        }
        continue;
      }
      if (state === QUOTE_SEEN) {
        if (ch === QUOTE) {
          this.field += '"';
          state = QUOTED;
          run = i + 1;
        } else if (ch === delimiter || newline) {
          this.endField();
          if (newline) this.endRecord(line);
          state = FIELD_START;
        } else {
          throw this.afterQuoteError(line, chunk[i]);
        }
        continue;
      }
      if (state === FIELD_START) {
        if (ch === LF && afterCr) continue;
        if (ch === QUOTE) {
          state = QUOTED;
          this.recordQuoted = true;
          this.quoteLine = line;
          run = i + 1;
          continue;
        }
        if (ch !== delimiter && !newline) {
          state = UNQUOTED;
          run = i;
          continue;
        }
        run = i;
      }
      // UNQUOTED, or an empty field ending right here (a quote inside an unquoted field is literal)
      if (ch === delimiter || newline) {
        const tail = chunk.slice(run, i);
        this.fields.push(this.field === '' ? tail : this.field + tail);
        this.field = '';
        if (newline) this.endRecord(line);
        state = FIELD_START;
      }
    }
    if (state === UNQUOTED || state === QUOTED) this.field += chunk.slice(run, n);
    this.state = state;
    this.line = line;
    this.lastWasCr = lastWasCr;
    return this.take();
  }

  private afterQuoteError(line: number, char: string): MpiInputError {
    return new MpiInputError(
      'csv-syntax',
      `Dòng ${line}: ký tự "${char}" không hợp lệ ngay sau dấu ngoặc kép đóng (CSV: unexpected character after closing quote).`,
    );
  }

  /** Signals the end of input and returns the last record, if any. */
  end(): MpiCsvRecord[] {
    if (this.state === QUOTED) {
      throw new MpiInputError(
        'csv-unterminated',
        `Dấu ngoặc kép mở ở dòng ${this.quoteLine} không được đóng trước khi hết tệp (CSV: unterminated quoted field).`,
      );
    }
    if (this.state !== FIELD_START || this.fields.length > 0) {
      this.endField();
      this.endRecord(this.line);
    }
    this.state = FIELD_START;
    return this.take();
  }
}

/** Parses a whole CSV text. */
export function parseMpiCsv(text: string, options?: MpiCsvOptions): MpiCsvRecord[] {
  const parser = new MpiCsvParser(options);
  return [...parser.push(text), ...parser.end()];
}

/** Parses a stream of text chunks (e.g. a file read as UTF-8) into records, lazily. */
export async function* parseMpiCsvChunks(
  chunks: AsyncIterable<string> | Iterable<string>,
  options?: MpiCsvOptions,
): AsyncGenerator<MpiCsvRecord> {
  const parser = new MpiCsvParser(options);
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}
