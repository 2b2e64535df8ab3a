/**
 * The unit a program request is about (a province or one of its communes, 2025 layout), checked
 * against the caller's scope, and the communes of a province on a date.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { scopeCovers, type Scope } from '../../domain/access/scope.ts';
import { findOutputUnit } from '../outputs/unit-lookup.ts';
import { ProgramError } from './errors.ts';

export interface ProgramUnit {
  code: string;
  name: string;
  tier: 'province' | 'commune';
  provinceCode: string;
}

/**
 * The unit named by `code` (default: the caller's own unit). A unit outside the scope is refused the same
 * way as one that does not exist, so nothing is learnt about other units.
 */
export async function resolveProgramUnit(db: Kysely<DB>, scope: Scope, code: string | undefined): Promise<ProgramUnit> {
  const wanted = code ?? (scope.level === 'commune' ? scope.communeCode : scope.level === 'province' ? scope.provinceCode : undefined);
  if (!wanted) throw new ProgramError('program_unit_invalid', { code: '' });
  const u = await findOutputUnit(db, wanted);
  if (!u) throw new ProgramError('program_unit_invalid', { code: wanted });
  const ref = u.tier === 'province' ? { provinceCode: u.provinceCode, communeCode: null } : { provinceCode: u.provinceCode, communeCode: u.code };
  if (!scopeCovers(scope, ref)) throw new ProgramError('out_of_scope');
  return { code: u.code, name: u.name, tier: u.tier, provinceCode: u.provinceCode };
}

/** A province-level unit (plans, allocations and the province's reports are made there). */
export function requireProvince(u: ProgramUnit): ProgramUnit {
  if (u.tier !== 'province') throw new ProgramError('program_unit_level', { code: u.code });
  return u;
}

export interface CommuneRow {
  code: string;
  name: string;
}

/** Communes of a province valid on the date (2025 layout), in code order. */
export async function communesOf(db: Kysely<DB>, provinceCode: string, date: string): Promise<CommuneRow[]> {
  const r = await sql<CommuneRow>`
    select code, name from admin_unit
    where layout = '2025' and province_code = ${provinceCode} and tier = 'commune'
      and valid_from <= ${date}::date and (valid_to is null or valid_to > ${date}::date)
    order by code`.execute(db);
  return r.rows;
}

/** Today in Vietnam (UTC+7), as YYYY-MM-DD. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}
