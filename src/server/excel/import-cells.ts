/** Staged cell text back to what a user types: coded values as their Vietnamese labels, t/f as Có/Không. */
import type { ImportColumn } from '../../domain/import/column-types.ts';
import { CODE_LISTS } from '../../db/import/code-lists.ts';

export const YES = 'Có';
export const NO = 'Không';

export function displayCell(col: ImportColumn, v: string | null): string | null {
  if (v === null) return null;
  const t = col.type;
  if (t.kind === 'boolean') return v === 't' ? YES : v === 'f' ? NO : v;
  if (t.kind === 'code') return CODE_LISTS[t.list][v] ?? v;
  if (t.kind === 'codes') return v === '' ? 'Không có' : v.split(';').map((c) => CODE_LISTS[t.list][c] ?? c).join('; ');
  return v;
}

/** A short Vietnamese description of what a column takes (instructions sheet). */
export function describeType(col: ImportColumn): string {
  const t = col.type;
  switch (t.kind) {
    case 'text':
      return `Chữ, tối đa ${t.maxLength} ký tự`;
    case 'household_code':
      return 'Chữ, số và . _ / - (tối đa 30 ký tự)';
    case 'commune_code':
      return 'Mã xã/phường 5 chữ số (trang "Đơn vị")';
    case 'village_code':
      return 'Mã thôn/tổ dân phố của xã';
    case 'phone':
      return 'Số điện thoại, 8–15 chữ số';
    case 'date':
      return 'Ngày, dd/mm/yyyy';
    case 'integer':
      return `Số nguyên ${t.min} – ${t.max}`;
    case 'number':
      return `Số ${t.min} – ${t.max}`;
    case 'boolean':
      return `${YES} / ${NO}`;
    case 'code':
      return `Một giá trị: ${Object.values(CODE_LISTS[t.list]).join('; ')}`;
    case 'codes':
      return `Một hoặc nhiều giá trị (ngăn cách bằng ;): ${Object.values(CODE_LISTS[t.list]).join('; ')}`;
    case 'citizen_id':
      return 'Số định danh cá nhân, 12 chữ số';
  }
}
