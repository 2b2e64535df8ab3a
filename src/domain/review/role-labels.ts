/** Vietnamese role names used in refusal messages (same wording as the web interface). */
import type { Role } from '../access/roles.ts';

export const ROLE_LABELS_VI: Readonly<Record<Role, string>> = Object.freeze({
  national_admin: 'Quản trị quốc gia',
  province_officer: 'Cán bộ cấp tỉnh',
  commune_officer: 'Cán bộ cấp xã',
  village_reviewer: 'Rà soát viên',
  commune_chair: 'Chủ tịch UBND xã',
  steering_viewer: 'Ban chỉ đạo (xem)',
});

export const ROLE_LABELS_EN: Readonly<Record<Role, string>> = Object.freeze({
  national_admin: 'National administrator',
  province_officer: 'Province officer',
  commune_officer: 'Commune officer',
  village_reviewer: 'Village reviewer',
  commune_chair: 'Commune chair',
  steering_viewer: 'Steering committee (read-only)',
});

/** "A, B or C". */
export function listRolesEn(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_LABELS_EN[r]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** "A, B hoặc C". */
export function listRolesVi(roles: readonly Role[]): string {
  const names = roles.map((r) => ROLE_LABELS_VI[r]);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} hoặc ${names[names.length - 1]}`;
}
