/** Which kind of file this is, from its header alone. */
import { CHANGE_LIST_REQUIRED } from './change-list.ts';
import type { Columns } from './table.ts';

export type UnitFileKind = 'units' | 'changes' | 'successions';

export const KIND_VI: Record<UnitFileKind, string> = {
  units: 'danh mục đơn vị',
  changes: 'danh sách thay đổi',
  successions: 'bảng kế thừa (mã cũ → mã mới)',
};

export function detectKind(cols: Columns): UnitFileKind | null {
  if (cols.has('field') && cols.has('value_after')) return 'changes';
  if (cols.has('old_code') && cols.has('new_code')) return 'successions';
  if (cols.has('code') && cols.has('name')) return 'units';
  return null;
}

/** Required columns missing from the header of a file of `kind`. */
export function missingColumns(kind: UnitFileKind, cols: Columns): string[] {
  const required: readonly string[] = kind === 'changes' ? CHANGE_LIST_REQUIRED : kind === 'successions' ? ['old_code', 'new_code'] : ['code', 'name'];
  return required.filter((c) => !cols.has(c));
}
