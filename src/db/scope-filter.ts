/**
 * THE place where a user's Scope becomes SQL. Every repository that reads or writes unit-bound data
 * filters through these helpers; nothing else in the code base compares unit codes for access.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Scope } from '../domain/access/scope.ts';

export interface ScopeColumns {
  /** Column holding the record's 2025-layout province code. */
  province: string;
  /** Column holding the record's 2025-layout commune code (omit for province-level records). */
  commune?: string;
}

/** A boolean SQL expression that is true exactly for rows inside the scope. */
export function scopePredicate(scope: Scope, cols: ScopeColumns): Expression<SqlBool> {
  switch (scope.level) {
    case 'national':
      return sql<SqlBool>`true`;
    case 'province':
      return sql<SqlBool>`${sql.ref(cols.province)} = ${scope.provinceCode}`;
    case 'commune':
      if (!cols.commune) return sql<SqlBool>`false`;
      return sql<SqlBool>`(${sql.ref(cols.province)} = ${scope.provinceCode} and ${sql.ref(cols.commune)} = ${scope.communeCode})`;
  }
}
