/** Field-by-field comparison of an audit entry's before and after records (nested fields as a.b.c). */
import { formatDate, formatDateTime } from '../format/format.ts';

export type DiffKind = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  path: string;
  before: unknown;
  after: unknown;
  kind: DiffKind;
}

const MISSING = Symbol('missing');

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix || '(giá trị)', value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  if (before != null) flatten(before, '', b);
  if (after != null) flatten(after, '', a);
  const paths = Array.from(new Set([...b.keys(), ...a.keys()]));
  return paths.map((path) => {
    const bv = b.has(path) ? b.get(path) : MISSING;
    const av = a.has(path) ? a.get(path) : MISSING;
    const kind: DiffKind = bv === MISSING ? 'added' : av === MISSING ? 'removed' : same(bv, av) ? 'same' : 'changed';
    return { path, before: bv === MISSING ? undefined : bv, after: av === MISSING ? undefined : av, kind };
  });
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A value as an officer reads it: dates dd/mm/yyyy, timestamps with the time, null as ∅. */
export function formatDiffValue(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '∅';
  if (typeof v === 'string') {
    if (ISO_TIMESTAMP.test(v)) return formatDateTime(v);
    if (ISO_DATE_ONLY.test(v)) return formatDate(v);
    return v;
  }
  return JSON.stringify(v);
}
