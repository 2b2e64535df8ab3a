/**
 * Writes an official-looking sheet top to bottom: letterhead (issuing People's Committee, national name
 * and motto), title lines, a two-level bordered header with the column-number row, body rows, totals,
 * notes and the signature block. Rows are only ever appended, so the same code drives a normal
 * Worksheet and a streaming WorksheetWriter (`streaming` commits each row as soon as it is written).
 */
import type { AddWorksheetOptions, Alignment, Borders, Font, Row, Style as ExcelStyle, Worksheet } from 'exceljs';
import { NATIONAL_MOTTO, NATIONAL_NAME } from '../documents/labels.ts';
import { hasSubHeadings, leafColumns, type Cell, type Heading, type LeafColumn } from '../documents/table-layout.ts';

export const SHEET_FONT = 'Times New Roman';

const THIN: Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
  diagonal: {},
};

type Style = { bold?: boolean; italic?: boolean; size?: number; align?: Alignment['horizontal']; wrap?: boolean; border?: boolean; height?: number };

export class SheetWriter {
  /** Next row number to write. */
  row = 1;
  readonly columns: LeafColumn[];

  constructor(
    readonly ws: Worksheet,
    headings: readonly Heading[],
    private readonly streaming = false,
  ) {
    this.columns = leafColumns(headings);
    ws.columns = this.columns.map((c) => ({ width: c.width }));
  }

  get width(): number {
    return this.columns.length;
  }

  /**
   * One shared style object per distinct look: exceljs recognises a style it has seen by object
   * identity, so reusing the object keeps writing a large sheet fast (no per-cell style hashing).
   */
  private readonly styles = new Map<string, Partial<ExcelStyle>>();

  private style(r: Row, col: number, s: Style): void {
    const key = `${s.bold ? 'b' : ''}${s.italic ? 'i' : ''}|${s.size ?? 12}|${s.align ?? 'left'}|${s.wrap ? 'w' : ''}|${s.border ? 'B' : ''}`;
    let style = this.styles.get(key);
    if (!style) {
      const font: Partial<Font> = { name: SHEET_FONT, size: s.size ?? 12, bold: s.bold, italic: s.italic };
      style = { font, alignment: { horizontal: s.align ?? 'left', vertical: 'middle', wrapText: s.wrap ?? false }, ...(s.border && { border: THIN }) };
      this.styles.set(key, style);
    }
    r.getCell(col).style = style;
  }

  private done(r: Row): void {
    if (this.streaming) r.commit();
    this.row++;
  }

  /** A line of text in columns from..to (merged), e.g. the title. */
  line(text: string, s: Style = {}, from = 1, to = this.width): void {
    const r = this.ws.getRow(this.row);
    r.getCell(from).value = text;
    this.style(r, from, { align: 'center', ...s });
    if (to > from) this.ws.mergeCells(this.row, from, this.row, to);
    if (s.height) r.height = s.height;
    this.done(r);
  }

  /** Two texts side by side on one row: left block and right block (each merged). */
  private pair(left: string | null, right: string | null, ls: Style, rs: Style, split: number): void {
    const r = this.ws.getRow(this.row);
    if (left !== null) {
      r.getCell(1).value = left;
      this.style(r, 1, { align: 'center', ...ls });
      if (split > 1) this.ws.mergeCells(this.row, 1, this.row, split);
    }
    if (right !== null) {
      r.getCell(split + 1).value = right;
      this.style(r, split + 1, { align: 'center', ...rs });
      if (this.width > split + 1) this.ws.mergeCells(this.row, split + 1, this.row, this.width);
    }
    this.done(r);
  }

  private split(): number {
    return Math.max(1, Math.min(this.width - 1, Math.round(this.width * 0.35)));
  }

  /** "UỶ BAN NHÂN DÂN / XÃ …" left, national name and motto right, then the place-and-date line. */
  letterhead(issuerUpper: string, dateLine: string | null, number?: string): void {
    const split = this.split();
    this.pair('UỶ BAN NHÂN DÂN', NATIONAL_NAME, {}, { bold: true }, split);
    this.pair(issuerUpper, NATIONAL_MOTTO, { bold: true }, { bold: true }, split);
    this.pair(number ? `Số: ${number}` : null, dateLine, {}, { italic: true }, split);
  }

  blank(): void {
    this.done(this.ws.getRow(this.row));
  }

  /** The table header: headings (merged over sub-columns or down two rows), sub-headings, column numbers. */
  header(headings: readonly Heading[]): { first: number; last: number } {
    const first = this.row;
    const two = hasSubHeadings(headings);
    const top = this.ws.getRow(first);
    const sub = two ? this.ws.getRow(first + 1) : undefined;
    const head: Style = { bold: true, align: 'center', wrap: true, border: true };
    let col = 1;
    for (const h of headings) {
      if (h.children) {
        top.getCell(col).value = h.title;
        for (let i = 0; i < h.children.length; i++) {
          this.style(top, col + i, head);
          sub!.getCell(col + i).value = h.children[i]!.title;
          this.style(sub!, col + i, head);
        }
        if (h.children.length > 1) this.ws.mergeCells(first, col, first, col + h.children.length - 1);
        col += h.children.length;
      } else {
        top.getCell(col).value = h.title;
        this.style(top, col, head);
        if (sub) {
          this.style(sub, col, head);
          this.ws.mergeCells(first, col, first + 1, col);
        }
        col++;
      }
    }
    top.height = two ? 45 : 60;
    this.done(top);
    if (sub) {
      sub.height = 45;
      this.done(sub);
    }
    const numbers = this.ws.getRow(this.row);
    for (let i = 1; i <= this.width; i++) {
      numbers.getCell(i).value = `(${i})`;
      this.style(numbers, i, { italic: true, align: 'center', border: true, size: 10 });
    }
    this.done(numbers);
    return { first, last: this.row - 1 };
  }

  /** A bordered data row. */
  data(cells: readonly Cell[], s: Style = {}): void {
    const r = this.ws.getRow(this.row);
    for (let i = 0; i < this.width; i++) {
      const v = cells[i];
      r.getCell(i + 1).value = v ?? null;
      this.style(r, i + 1, { align: this.columns[i]!.align ?? 'left', border: true, wrap: true, ...s });
    }
    this.done(r);
  }

  /** A bordered row spanning the table (village group). */
  group(text: string): void {
    const r = this.ws.getRow(this.row);
    r.getCell(1).value = text;
    for (let i = 1; i <= this.width; i++) this.style(r, i, { bold: true, italic: true, border: true });
    this.ws.mergeCells(this.row, 1, this.row, this.width);
    this.done(r);
  }

  /** Totals: a merged label over the first `span` columns, then per-column values. */
  totals(label: string, span: number, cells: readonly Cell[]): void {
    const r = this.ws.getRow(this.row);
    r.getCell(1).value = label;
    for (let i = 1; i <= this.width; i++) {
      const v = i > span ? cells[i - span - 1] : undefined;
      if (v !== undefined) r.getCell(i).value = v;
      this.style(r, i, { bold: true, border: true, align: i > span ? 'center' : 'left' });
    }
    if (span > 1) this.ws.mergeCells(this.row, 1, this.row, span);
    this.done(r);
  }

  /** Signature block on the right (and an optional left title such as "NGƯỜI LẬP DANH SÁCH"). */
  signature(title: string, signer: string | null, left?: { title: string; name: string | null }): void {
    const split = this.split();
    const from = Math.max(split + 1, this.width - Math.max(4, Math.round(this.width * 0.4)) + 1);
    const leftTo = Math.max(1, Math.min(split, from - 1));
    const rows: Array<[string | null, string | null, Style]> = [
      [left?.title ?? null, title, { bold: true }],
      [left ? '(Ký, ghi rõ họ tên)' : null, '(Ký, ghi rõ họ tên và đóng dấu)', { italic: true, size: 11 }],
      [null, null, {}],
      [null, null, {}],
      [null, null, {}],
      [left?.name ?? null, signer, { bold: true }],
    ];
    for (const [l, rText, s] of rows) {
      const r = this.ws.getRow(this.row);
      if (l !== null) {
        r.getCell(1).value = l;
        this.style(r, 1, { align: 'center', ...s });
        if (leftTo > 1) this.ws.mergeCells(this.row, 1, this.row, leftTo);
      }
      if (rText !== null) {
        r.getCell(from).value = rText;
        this.style(r, from, { align: 'center', ...s });
        if (this.width > from) this.ws.mergeCells(this.row, from, this.row, this.width);
      }
      this.done(r);
    }
  }

  /** Notes under the table, one per line, merged across. */
  notes(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.line('Ghi chú:', { bold: true, italic: true, align: 'left', size: 11 });
    for (const l of lines) this.line(`- ${l}`, { italic: true, align: 'left', size: 11 });
  }
}

/** Rows before the table header: letterhead (3), blank, the title lines, blank. */
export function preambleRows(titleLines: number): number {
  return 3 + 1 + titleLines + 1;
}

/** Last header row of a table whose header starts after the preamble. */
export function headerLastRow(titleLines: number, headings: readonly Heading[]): number {
  return preambleRows(titleLines) + (hasSubHeadings(headings) ? 3 : 2);
}

/**
 * Worksheet options: landscape A4 fitted to the page width, header rows frozen and repeated on every
 * printed page. Given at creation because a streaming sheet writes its views first.
 */
export function sheetOptions(headerFirst: number, headerLast: number): Partial<AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerFirst}:${headerLast}`,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    views: [{ state: 'frozen', ySplit: headerLast, xSplit: 0 }],
  };
}
