/**
 * A printed table described once and drawn twice (HTML for PDF, exceljs for Excel): two header levels
 * (a heading may span several sub-columns, as "Năm sinh" over "Nam" / "Nữ"), the column numbers row
 * of Vietnamese forms ("(1) (2) …"), body rows (village group rows spanning the table, data rows) and
 * a totals row.
 */

export type Cell = string | number | null;

export interface LeafColumn {
  title: string;
  /** Excel width in characters; HTML uses it as a relative width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A top-level heading: either one column, or a heading over several sub-columns. */
export type Heading = (LeafColumn & { children?: undefined }) | { title: string; children: LeafColumn[] };

export type BodyRow = { kind: 'group'; text: string } | { kind: 'data'; cells: Cell[]; firstOfHousehold?: boolean };

export interface TableLayout {
  headings: Heading[];
  rows: BodyRow[];
  /** Text of the totals row (first cells), and per-column totals after it (null = empty). */
  totals: { label: string; labelSpan: number; cells: Cell[] };
}

/** The leaf columns in order. */
export function leafColumns(headings: readonly Heading[]): LeafColumn[] {
  return headings.flatMap((h) => (h.children ? h.children : [h]));
}

/** Whether any heading has sub-columns (then the header takes two rows). */
export function hasSubHeadings(headings: readonly Heading[]): boolean {
  return headings.some((h) => h.children !== undefined);
}
