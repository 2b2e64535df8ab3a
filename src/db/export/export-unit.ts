/**
 * The unit an export is asked for: a province or commune code of the 2025 layout, checked to exist and
 * to lie inside the caller's scope. Without a code, the caller's own unit (a national user must name one).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { scopeCovers, type Scope } from '../../domain/access/scope.ts';
import { findOutputUnit, type OutputUnit } from '../outputs/unit-lookup.ts';

export interface ExportUnit extends OutputUnit {
  /** The commune code for a commune, undefined for a whole province. */
  communeCode: string | undefined;
}

export type ExportUnitResult =
  | { ok: true; unit: ExportUnit }
  | { ok: false; error: 'output_unit_required' | 'output_unit_invalid' | 'unit_out_of_scope'; code?: string };

/** The caller's own unit code: their commune, their province, or nothing for national users. */
export function ownUnitCode(scope: Scope): string | undefined {
  return scope.level === 'commune' ? scope.communeCode : scope.level === 'province' ? scope.provinceCode : undefined;
}

export async function resolveExportUnit(db: Kysely<DB>, scope: Scope, requested: string | undefined): Promise<ExportUnitResult> {
  const code = requested ?? ownUnitCode(scope);
  if (!code) return { ok: false, error: 'output_unit_required' };
  const unit = await findOutputUnit(db, code);
  if (!unit) return { ok: false, error: 'output_unit_invalid', code };
  const communeCode = unit.tier === 'commune' ? unit.code : undefined;
  if (!scopeCovers(scope, { provinceCode: unit.provinceCode, communeCode })) return { ok: false, error: 'unit_out_of_scope', code };
  return { ok: true, unit: { ...unit, communeCode } };
}
