/**
 * Maps CSV records (header + data rows) to MPI rows: indicator columns must hold 0 or 1, the
 * optional weight columns non-negative numbers (several are multiplied, e.g. household size ×
 * sampling weight), the optional subgroup column a non-empty value. Every error names the file
 * line and the column.
 */
import type { MpiRow } from './accumulator.ts';
import type { MpiCsvRecord } from './csv.ts';
import { MpiInputError } from './errors.ts';

export interface MpiCsvColumns {
  /** Indicator column names, in indicator order. */
  readonly indicators: readonly string[];
  /** Weight columns; their values are multiplied. Empty = every row weighs 1. */
  readonly weightColumns?: readonly string[];
  /** Subgroup column for decomposition. */
  readonly by?: string;
}

export type MpiCsvRowReader = (record: MpiCsvRecord) => MpiRow;

const NUMBER = /^[+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function columnIndex(header: readonly string[], name: string, role: string): number {
  const first = header.indexOf(name);
  if (first < 0) {
    const shown = header.slice(0, 30).map((h) => `"${h}"`).join(', ') + (header.length > 30 ? ', …' : '');
    throw new MpiInputError(
      'missing-column',
      `Không tìm thấy cột ${role} "${name}" trong dòng tiêu đề; các cột hiện có: ${shown} (missing column).`,
    );
  }
  if (header.indexOf(name, first + 1) >= 0) {
    throw new MpiInputError('duplicate-column', `Cột "${name}" xuất hiện nhiều lần trong dòng tiêu đề (duplicate column).`);
  }
  return first;
}

function cellError(record: MpiCsvRecord, column: string, problem: string): MpiInputError {
  return new MpiInputError('invalid-cell', `Dòng ${record.line}, cột "${column}": ${problem}`);
}

/** Builds a reader from the header record. The returned row object is reused: consume each before reading the next. */
export function createMpiCsvRowReader(header: MpiCsvRecord, columns: MpiCsvColumns): MpiCsvRowReader {
  const names = header.fields.map((h) => h.trim());
  const indicatorIdx = columns.indicators.map((c) => columnIndex(names, c, 'chỉ số'));
  const weightNames = columns.weightColumns ?? [];
  const weightIdx = weightNames.map((c) => columnIndex(names, c, 'trọng số'));
  const byIdx = columns.by === undefined ? -1 : columnIndex(names, columns.by, 'nhóm');
  const deprivations: Array<0 | 1> = indicatorIdx.map(() => 0);
  const row: { deprivations: Array<0 | 1>; weight: number; group: string | undefined } = {
    deprivations, weight: 1, group: undefined,
  };

  return (record) => {
    const f = record.fields;
    if (f.length !== names.length) {
      throw new MpiInputError(
        'field-count',
        `Dòng ${record.line}: có ${f.length} cột nhưng dòng tiêu đề có ${names.length} cột (wrong number of fields).`,
      );
    }
    for (let j = 0; j < indicatorIdx.length; j++) {
      const raw = f[indicatorIdx[j]];
      const cell = raw.length === 1 ? raw : raw.trim();
      if (cell === '1') deprivations[j] = 1;
      else if (cell === '0') deprivations[j] = 0;
      else {
        throw cellError(record, columns.indicators[j], cell === ''
          ? 'thiếu giá trị — chỉ số thiếu hụt phải là 0 hoặc 1 (missing value).'
          : `giá trị "${cell}" không hợp lệ — chỉ số thiếu hụt phải là 0 hoặc 1 (invalid value).`);
      }
    }
    let weight = 1;
    for (let j = 0; j < weightIdx.length; j++) {
      const cell = f[weightIdx[j]].trim();
      const value = NUMBER.test(cell) ? Number(cell) : Number.NaN;
      if (!Number.isFinite(value)) {
        throw cellError(record, weightNames[j], cell === ''
          ? 'thiếu trọng số (missing weight).'
          : `trọng số "${cell}" không hợp lệ — phải là số không âm (invalid weight).`);
      }
      weight *= value;
    }
    let group: string | undefined;
    if (byIdx >= 0) {
      group = f[byIdx].trim();
      if (group === '') throw cellError(record, columns.by as string, 'thiếu giá trị nhóm (missing subgroup value).');
    }
    row.weight = weight;
    row.group = group;
    return row;
  };
}
