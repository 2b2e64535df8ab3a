/**
 * A user's reach over the country: everything (national), one province, or one commune.
 * Pure logic; the data layer turns a Scope into SQL filters in exactly one place (src/db/scope-filter.ts).
 */

export type Scope =
  | { level: 'national' }
  | { level: 'province'; provinceCode: string }
  | { level: 'commune'; provinceCode: string; communeCode: string };

/** Where a record lives: its province and, for commune-level records, its commune (2025 layout codes). */
export interface UnitRef {
  provinceCode: string | null;
  communeCode?: string | null;
}

export function scopeCovers(scope: Scope, target: UnitRef): boolean {
  switch (scope.level) {
    case 'national':
      return true;
    case 'province':
      return target.provinceCode === scope.provinceCode;
    case 'commune':
      return target.provinceCode === scope.provinceCode && target.communeCode === scope.communeCode;
  }
}

/** Whether scope `inner` lies wholly inside scope `outer` (a manager can only grant what it holds). */
export function scopeContains(outer: Scope, inner: Scope): boolean {
  if (outer.level === 'national') return true;
  if (inner.level === 'national') return false;
  if (outer.level === 'province') return inner.provinceCode === outer.provinceCode;
  return inner.level === 'commune' && inner.communeCode === outer.communeCode;
}

export function describeScope(scope: Scope): string {
  switch (scope.level) {
    case 'national':
      return 'toàn quốc';
    case 'province':
      return `tỉnh/thành phố ${scope.provinceCode}`;
    case 'commune':
      return `xã/phường ${scope.communeCode} (tỉnh ${scope.provinceCode})`;
  }
}
