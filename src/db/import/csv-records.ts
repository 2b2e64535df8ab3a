/**
 * Streaming CSV reader for import files: UTF-8 with or without BOM (anything else is refused with a
 * Vietnamese message), RFC 4180 quoting ("" escapes, line breaks inside quotes), CRLF/LF/CR line ends,
 * blank lines skipped, the delimiter taken from the header line (',' or, as Excel writes in a
 * Vietnamese locale, ';' or a tab). Records come a chunk's batch at a time; the file is never held whole.
 */
import { ImportFileError } from './import-file-error.ts';

export interface CsvRecord {
  /** 1-based line of the file the record starts on. */
  line: number;
  values: string[];
}

function delimiterOf(header: string): string {
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  return header.includes('\t') ? '\t' : ',';
}

/** At most this many characters in one field (a runaway quote must not eat the memory). */
const MAX_FIELD = 100_000;

/**
 * The records of a CSV stream, one array per input chunk (a 1 MB chunk holds thousands of records: the
 * consumer pays one await per chunk, not one per record).
 */
export async function* csvBatches(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<CsvRecord[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let delimiter: string | null = null;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let hadContent = false;
  let line = 1;
  let start = 1;
  let pendingCr = false;
  let buffered = '';

  const decode = (c: Uint8Array | string, last: boolean): string => {
    if (typeof c === 'string') return c;
    try {
      return decoder.decode(c, { stream: !last });
    } catch {
      throw new ImportFileError('csv_encoding', {});
    }
  };

  function feed(text: string, out: CsvRecord[]): void {
    const d = delimiter!;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text[i]!;
      if (pendingCr) {
        pendingCr = false;
        if (c === '\n') {
          i++;
          continue;
        }
      }
      if (quoted) {
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        const part = text.slice(i, end);
        for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) line++;
        field += part;
        if (field.length > MAX_FIELD) throw new ImportFileError('csv_field_too_long', { line: start });
        if (q < 0) return;
        if (q + 1 >= n) {
          // A quote at the end of a chunk: decide with the next chunk.
          i = n;
          quoted = false;
          afterQuote = true;
          return;
        }
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          quoted = false;
          afterQuote = true;
          i = q + 1;
        }
        continue;
      }
      if (afterQuote && c === '"') {
        // "" split across two chunks.
        afterQuote = false;
        quoted = true;
        field += '"';
        i++;
        continue;
      }
      afterQuote = false;
      if (c === d) {
        fields.push(field);
        field = '';
        hadContent = true;
        i++;
      } else if (c === '\n' || c === '\r') {
        fields.push(field);
        if (hadContent || fields.length > 1 || fields[0] !== '') out.push({ line: start, values: fields });
        fields = [];
        field = '';
        hadContent = false;
        line++;
        start = line;
        pendingCr = c === '\r';
        i++;
      } else if (c === '"' && field === '') {
        quoted = true;
        hadContent = true;
        i++;
      } else {
        // Plain run up to the next delimiter, quote or line end.
        let j = i + 1;
        while (j < n) {
          const x = text[j]!;
          if (x === d || x === '\n' || x === '\r' || x === '"') break;
          j++;
        }
        field += text.slice(i, j);
        if (field.length > MAX_FIELD) throw new ImportFileError('csv_field_too_long', { line: start });
        i = j;
      }
    }
  }

  const it = chunks[Symbol.asyncIterator]();
  for (;;) {
    const r = await it.next();
    const text = r.done ? decode(new Uint8Array(0), true) : decode(r.value, false);
    const out: CsvRecord[] = [];
    if (delimiter === null) {
      buffered += text;
      const eol = buffered.search(/[\r\n]/u);
      if (eol < 0 && !r.done) continue;
      delimiter = delimiterOf(eol < 0 ? buffered : buffered.slice(0, eol));
      feed(buffered, out);
      buffered = '';
    } else if (text) feed(text, out);
    if (r.done) {
      if (quoted) throw new ImportFileError('csv_unclosed_quote', { line: start });
      if (field !== '' || fields.length > 0 || hadContent) {
        fields.push(field);
        out.push({ line: start, values: fields });
      }
    }
    if (out.length > 0) yield out;
    if (r.done) break;
  }
}

/** The records of a CSV stream one by one. */
export async function* csvRecords(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<CsvRecord> {
  for await (const batch of csvBatches(chunks)) yield* batch;
}
