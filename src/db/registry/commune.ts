/** The commune a registry write targets: an in-force 2025-layout commune inside the caller's scope. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { scopePredicate } from '../scope-filter.ts';
import { RegistryError } from './errors.ts';

export interface CommuneRef {
  provinceCode: string;
  communeCode: string;
}

/**
 * A commune user's own commune when `communeCode` is omitted; otherwise the named commune, which must
 * exist today (2025 layout, commune tier) — `commune_invalid` — and lie inside the scope — `out_of_scope`.
 */
export async function resolveCommune(db: Kysely<DB>, scope: Scope, communeCode: string | null | undefined, field = 'communeCode'): Promise<CommuneRef> {
  const code = communeCode ?? (scope.level === 'commune' ? scope.communeCode : null);
  if (!code) throw new RegistryError('commune_required', { field });
  const r = await sql<{ province_code: string; inside: boolean }>`
    select u.province_code, ${scopePredicate(scope, { province: 'u.province_code', commune: 'u.code' })} as inside
    from admin_unit u
    where u.layout = '2025' and u.code = ${code} and u.tier = 'commune'
      and u.valid_from <= current_date and (u.valid_to is null or u.valid_to > current_date)`.execute(db);
  const row = r.rows[0];
  if (!row) throw new RegistryError('commune_invalid', { field, code });
  if (!row.inside) throw new RegistryError('out_of_scope');
  return { provinceCode: row.province_code, communeCode: code };
}
