/**
 * Streams an export table as CSV (UTF-8, optionally with the byte order mark Excel needs): the header
 * line, then every row, in chunks of about 64 KiB; after each chunk the writer waits while the
 * destination is full, so memory stays flat however many rows the table has.
 */
import type { Writable } from 'node:stream';
import type { ExportSheet } from '../excel/export-table.ts';
import { csvLine, UTF8_BOM } from './csv-format.ts';
import { whenWritable } from './stream-drain.ts';

const CHUNK = 64 * 1024;

export async function writeCsv(out: Writable, sheet: ExportSheet, opts: { bom: boolean }): Promise<{ rows: number }> {
  let rows = 0;
  let chunk = (opts.bom ? UTF8_BOM : '') + csvLine(sheet.headers);
  for await (const page of sheet.pages) {
    for (const cells of page) {
      chunk += csvLine(cells);
      rows++;
      if (chunk.length >= CHUNK) {
        out.write(chunk);
        chunk = '';
        await whenWritable(out);
      }
    }
    await whenWritable(out);
  }
  if (chunk) out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { rows };
}
