/**
 * Known errors of the bundled packages, corrected at load time. Each applies only while the package
 * still has the wrong record, so a fixed package release makes it a no-op. Evidence: docs/admin-units.md.
 */

export interface CodeCorrection {
  layout: '2025';
  /** Code and name as the package has them. */
  packageCode: string;
  name: string;
  /** Correct code. */
  code: string;
  /** Succession links the package lacks for the corrected unit (old 2024 code → corrected code). */
  predecessors: string[];
  reason: string;
}

export const CODE_CORRECTIONS: readonly CodeCorrection[] = [
  {
    layout: '2025',
    packageCode: '23737',
    name: 'Xã Ia Mơ',
    code: '23938',
    predecessors: ['23938'],
    reason:
      'Công văn 1027/CTK-CSCL in nhầm 23737 (mã cũ của Xã Ia Mơ Nông, đã nhập vào Xã Ia Ly); ' +
      'QĐ 19/2025/QĐ-TTg dùng 23938, mã của Xã Ia Mơ (huyện Chư Prông) cũ mà xã mới kế thừa.',
  },
];
