/** Villages / residential groups (thôn, bản, tổ dân phố) of a commune: scoped reads, audited writes. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, VillageTable } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import type { Actor } from '../audit.ts';
import { recordAudit } from '../audit.ts';
import { scopePredicate } from '../scope-filter.ts';
import { resolveCommune } from './commune.ts';
import { RegistryError } from './errors.ts';
import { VILLAGE_SCOPE } from './scope-columns.ts';
import { cleanName, searchFold } from './text.ts';
import type { Village } from './types.ts';

function toVillage(r: Selectable<VillageTable>): Village {
  return { provinceCode: r.province_code, communeCode: r.commune_code, code: r.code, name: r.name, validFrom: r.valid_from, validTo: r.valid_to };
}

export interface ListVillagesQuery {
  communeCode?: string;
  /** Also villages closed (valid_to set in the past). */
  includeClosed?: boolean;
}

export async function listVillages(db: Kysely<DB>, scope: Scope, q: ListVillagesQuery = {}): Promise<Village[]> {
  let query = db.selectFrom('village').selectAll().where(scopePredicate(scope, VILLAGE_SCOPE));
  if (q.communeCode) query = query.where('village.commune_code', '=', q.communeCode);
  if (!q.includeClosed) query = query.where(sql<boolean>`(village.valid_to is null or village.valid_to > current_date)`);
  const rows = await query.orderBy('village.province_code').orderBy('village.commune_code').orderBy('village.code').execute();
  return rows.map(toVillage);
}

export async function getVillage(db: Kysely<DB>, scope: Scope, communeCode: string, code: string): Promise<Village | undefined> {
  const r = await db
    .selectFrom('village')
    .selectAll()
    .where('village.commune_code', '=', communeCode)
    .where('village.code', '=', code)
    .where(scopePredicate(scope, VILLAGE_SCOPE))
    .executeTakeFirst();
  return r ? toVillage(r) : undefined;
}

export interface NewVillage {
  communeCode?: string;
  /** Omitted → the next free number of the commune, two digits ("01", "02", …). */
  code?: string;
  name: string;
  validFrom?: string;
}

export async function createVillage(db: Kysely<DB>, actor: Actor, scope: Scope, v: NewVillage): Promise<Village> {
  const commune = await resolveCommune(db, scope, v.communeCode);
  return db.transaction().execute(async (trx) => {
    // One writer per commune allocates codes at a time.
    await sql`select pg_advisory_xact_lock(hashtext(${`village:${commune.provinceCode}:${commune.communeCode}`}))`.execute(trx);
    let code = v.code?.trim();
    if (!code) {
      const r = await sql<{ n: number | null }>`
        select max(code::int)::int as n from village
        where province_code = ${commune.provinceCode} and commune_code = ${commune.communeCode} and code ~ '^[0-9]{1,6}$'`.execute(trx);
      code = String((r.rows[0]?.n ?? 0) + 1).padStart(2, '0');
    }
    const exists = await trx
      .selectFrom('village')
      .select('code')
      .where('province_code', '=', commune.provinceCode)
      .where('commune_code', '=', commune.communeCode)
      .where('code', '=', code)
      .executeTakeFirst();
    if (exists) throw new RegistryError('village_exists', { code, commune: commune.communeCode });
    const name = cleanName(v.name);
    const row = await trx
      .insertInto('village')
      .values({
        province_code: commune.provinceCode,
        commune_code: commune.communeCode,
        code,
        name,
        name_ascii: searchFold(name),
        ...(v.validFrom && { valid_from: v.validFrom }),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'village',
      entityId: `${row.commune_code}/${row.code}`,
      provinceCode: row.province_code,
      unitCode: row.commune_code,
      after: toVillage(row),
    });
    return toVillage(row);
  });
}

export interface VillageChanges {
  name?: string;
  /** Exclusive end of validity (village merged or dissolved); null reopens. */
  validTo?: string | null;
}

export async function updateVillage(db: Kysely<DB>, actor: Actor, scope: Scope, communeCode: string, code: string, c: VillageChanges): Promise<Village> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('village')
      .selectAll()
      .where('village.commune_code', '=', communeCode)
      .where('village.code', '=', code)
      .where(scopePredicate(scope, VILLAGE_SCOPE))
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new RegistryError('out_of_scope');
    const name = c.name === undefined ? undefined : cleanName(c.name);
    const after = await trx
      .updateTable('village')
      .set({
        name: name ?? before.name,
        name_ascii: searchFold(name ?? before.name),
        ...(c.validTo !== undefined && { valid_to: c.validTo }),
      })
      .where('province_code', '=', before.province_code)
      .where('commune_code', '=', before.commune_code)
      .where('code', '=', before.code)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'village',
      entityId: `${after.commune_code}/${after.code}`,
      provinceCode: after.province_code,
      unitCode: after.commune_code,
      before: toVillage(before),
      after: toVillage(after),
    });
    return toVillage(after);
  });
}
