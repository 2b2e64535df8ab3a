/**
 * CSV reader for unit files (a few MB at most, so read whole): UTF-8 with or without BOM (other
 * encodings are refused with a clear message), RFC 4180 quoting with "" escapes and line breaks inside
 * quotes, CRLF/LF/CR line ends, blank lines skipped. The delimiter is taken from the header line:
 * ';' or a tab when it has no comma (Excel's "CSV" in a Vietnamese locale uses ';').
 */
import fs from 'node:fs';
import type { TableRecord } from './table.ts';

export class CsvEncodingError extends Error {
  override name = 'CsvEncodingError';
}

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM: false → a leading BOM is consumed by the decoder.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvEncodingError('Tệp CSV không phải mã UTF-8; hãy lưu lại tệp với kiểu "CSV UTF-8".');
  }
}

function delimiterOf(text: string): string {
  const end = text.search(/[\r\n]/u);
  const header = end < 0 ? text : text.slice(0, end);
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  return header.includes('\t') ? '\t' : ',';
}

/** Parses CSV text into records (header first), each with the line it starts on. */
export function parseCsv(text: string): TableRecord[] {
  const d = delimiterOf(text);
  const out: TableRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let hadQuotes = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !hadQuotes)) out.push({ row: start, values: fields });
    fields = [];
    field = '';
    hadQuotes = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      hadQuotes = true;
    } else if (c === d) {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0 || hadQuotes) endRecord();
  return out;
}

export async function readCsv(file: string): Promise<TableRecord[]> {
  return parseCsv(decodeUtf8(await fs.promises.readFile(file)));
}
