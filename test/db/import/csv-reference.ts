/**
 * The CSV reference for the import reader tests (not a test file): a character-by-character RFC 4180
 * reader with the import reader's rules, and a generator of awkward CSV texts.
 */
import fc from 'fast-check';
import type { CsvRecord } from '../../../src/db/import/csv-records.ts';

export type Outcome = CsvRecord[] | { error: string; line: number };

/** The reference reader: one character at a time over the whole (decoded) text. */
export function referenceRecords(text: string): Outcome {
  const eol = text.search(/[\r\n]/u);
  const header = eol < 0 ? text : text.slice(0, eol);
  const d = header.includes(',') ? ',' : header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let any = false;
  let atStart = true;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (any || fields.length > 1 || field !== '') out.push({ line: start, values: fields });
    fields = [];
    field = '';
    any = false;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '"' && atStart) {
      any = true;
      atStart = false;
      for (i++; ; ) {
        if (i >= text.length) return { error: 'csv_unclosed_quote', line: start };
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          field += '"';
          i += 2;
        } else {
          if (text[i] === '\n') line++;
          field += text[i++];
        }
      }
      i++;
      continue;
    }
    atStart = c === d || c === '\n' || c === '\r';
    if (c === d) {
      fields.push(field);
      field = '';
      any = true;
      i++;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      start = ++line;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || any) endRecord();
  return out;
}

/** Short CSV-like texts: letters, multi-byte characters, the three delimiters, quotes and every line end. */
export const csvText = fc
  .array(fc.constantFrom('a', 'b', 'ễ', 'Đ', '😀', ' ', ',', ',', ';', '\t', '"', '"', '""', '\n', '\n', '\r', '\r\n', 'xyzxyzxyzxyzxyz'), { maxLength: 120 })
  .map((parts) => parts.join(''));
