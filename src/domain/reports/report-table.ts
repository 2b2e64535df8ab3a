/**
 * The table model every report output shares (screen, Excel, PDF): a column tree (multi-level headers),
 * rows of values keyed by leaf column, a total row, the unit layout used and notes. `headerGrid` turns
 * the tree into header rows with column and row spans (merged cells).
 */
export type CellValue = number | string | null;

export interface ColumnNode {
  title: string;
  /** Leaf key (leaves only). */
  key?: string;
  /** 'count' columns are sums (totals = Σ rows); 'rate' columns are recomputed from the totals; 'text' cells are words. */
  kind?: 'count' | 'rate' | 'text';
  children?: ColumnNode[];
}

export interface ReportRow {
  /** Row number (STT); null for the total row and for the second row of a unit pair. */
  no: number | string | null;
  /** Unit name (or household / member text for the detailed lists). */
  label: string;
  /** Unit code ('' for the total row). */
  code: string;
  /** "Phân tổ" (Hộ / Nhân khẩu) for forms with two rows per unit. */
  breakdown?: string;
  total?: boolean;
  /** Subtotal of a higher unit (e.g. a district above its communes); not counted again in the total. */
  subtotal?: boolean;
  values: Record<string, CellValue>;
}

export interface ReportTable {
  formId: string;
  title: string;
  /** e.g. "Năm 2026 — Tỉnh Lai Châu". */
  subtitle: string;
  year: number;
  unit: { code: string; name: string; tier: 'nation' | 'province' | 'district' | 'commune' | 'village' };
  /** The People's Committee issuing the report (letterhead), null for the nation. */
  issuer: { name: string; type: string } | null;
  /** Unit layout of the rows ('2025' = two-tier, after 1 July 2025; '2024' = province – district – commune). */
  layout: '2024' | '2025';
  layoutNote: string;
  /** Title of the row-unit column (e.g. "Xã, phường"). */
  rowHeader: string;
  /** Whether rows carry a "Phân tổ" (Hộ / Nhân khẩu) column. */
  breakdown: boolean;
  columns: ColumnNode[];
  rows: ReportRow[];
  notes: string[];
}

export interface HeaderCell {
  title: string;
  /** First grid column (0-based, counting the fixed STT / unit / breakdown columns). */
  col: number;
  row: number;
  colSpan: number;
  rowSpan: number;
}

export function leafColumns(columns: readonly ColumnNode[]): ColumnNode[] {
  return columns.flatMap((c) => (c.children && c.children.length > 0 ? leafColumns(c.children) : [c]));
}

function depth(columns: readonly ColumnNode[]): number {
  return Math.max(1, ...columns.map((c) => (c.children && c.children.length > 0 ? 1 + depth(c.children) : 1)));
}

/** Titles of the fixed columns in front of the form's columns. */
export function fixedColumns(t: Pick<ReportTable, 'rowHeader' | 'breakdown'>): string[] {
  return t.breakdown ? ['STT', t.rowHeader, 'Phân tổ'] : ['STT', t.rowHeader];
}

/** Header rows as merged cells: fixed columns span every header row; each node spans its leaves. */
export function headerGrid(t: Pick<ReportTable, 'rowHeader' | 'breakdown' | 'columns'>): { rows: number; cols: number; cells: HeaderCell[] } {
  const rows = depth(t.columns);
  const fixed = fixedColumns(t);
  const cells: HeaderCell[] = fixed.map((title, i) => ({ title, col: i, row: 0, colSpan: 1, rowSpan: rows }));
  const walk = (nodes: readonly ColumnNode[], row: number, col: number): number => {
    let c = col;
    for (const n of nodes) {
      const leaves = n.children && n.children.length > 0 ? leafColumns(n.children).length : 1;
      const isLeaf = !(n.children && n.children.length > 0);
      cells.push({ title: n.title, col: c, row, colSpan: leaves, rowSpan: isLeaf ? rows - row : 1 });
      if (!isLeaf) walk(n.children!, row + 1, c);
      c += leaves;
    }
    return c;
  };
  const cols = walk(t.columns, 0, fixed.length);
  return { rows, cols, cells };
}

/** The values of a row in leaf order, after the fixed columns. */
export function rowCells(t: Pick<ReportTable, 'breakdown' | 'columns'>, r: ReportRow): CellValue[] {
  const fixed: CellValue[] = t.breakdown ? [r.no, r.label, r.breakdown ?? ''] : [r.no, r.label];
  return [...fixed, ...leafColumns(t.columns).map((c) => r.values[c.key!] ?? null)];
}
