/**
 * The old (2024-layout) commune of each village of a 2025 commune (table village_origin, migration 0012),
 * read and recorded by the commune: what places a village's households in their old commune in the
 * 2024-layout reports (report-layout-2024.ts). A village may only be linked to a predecessor of its
 * commune (admin_unit_succession); with a single predecessor the link is implied and need not be recorded.
 * Every change is audited (before / after of the commune's links).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { scopeCovers, type Scope } from '../../domain/access/scope.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { predecessors } from '../units/queries.ts';
import { ReportError } from './report-unit.ts';

export interface VillageOriginsView {
  communeCode: string;
  /** The 2024-layout communes the commune was formed from. */
  predecessors: Array<{ code: string; name: string | null }>;
  villages: Array<{
    code: string;
    name: string;
    /** The recorded old commune, else the single predecessor, else null (undetermined). */
    oldCommuneCode: string | null;
    recorded: boolean;
  }>;
}

export interface VillageOriginChange {
  villageCode: string;
  /** null removes the recorded link. */
  oldCommuneCode: string | null;
}

async function communeProvince(db: Kysely<DB>, scope: Scope, communeCode: string): Promise<string> {
  const u = (
    await sql<{ province_code: string }>`
      select province_code from admin_unit where layout = '2025' and code = ${communeCode} and tier = 'commune'
      order by (valid_to is null) desc, valid_from desc limit 1`.execute(db)
  ).rows[0];
  if (!u) throw new ReportError('report_unit_invalid', { code: communeCode });
  if (!scopeCovers(scope, { provinceCode: u.province_code, communeCode })) throw new ReportError('report_unit_out_of_scope', { code: communeCode });
  return u.province_code;
}

export async function readVillageOrigins(db: Kysely<DB>, scope: Scope, communeCode: string): Promise<VillageOriginsView> {
  const province = await communeProvince(db, scope, communeCode);
  const preds = (await predecessors(db, '2025', communeCode)).filter((p) => p.layout === '2024');
  const single = preds.length === 1 ? preds[0]!.code : null;
  const rows = (
    await sql<{ code: string; name: string; old_commune_code: string | null }>`
      select v.code, v.name, o.old_commune_code from village v
      left join village_origin o on o.province_code = v.province_code and o.commune_code = v.commune_code and o.village_code = v.code
      where v.province_code = ${province} and v.commune_code = ${communeCode} and v.valid_to is null
      order by v.code`.execute(db)
  ).rows;
  return {
    communeCode,
    predecessors: preds.map((p) => ({ code: p.code, name: p.name })),
    villages: rows.map((r) => ({ code: r.code, name: r.name, oldCommuneCode: r.old_commune_code ?? single, recorded: r.old_commune_code !== null })),
  };
}

/** Records (or removes) the old commune of some villages of a commune, all or nothing. */
export async function setVillageOrigins(db: Kysely<DB>, actor: Actor, scope: Scope, communeCode: string, changes: readonly VillageOriginChange[]): Promise<VillageOriginsView> {
  const province = await communeProvince(db, scope, communeCode);
  const before = await readVillageOrigins(db, scope, communeCode);
  const allowed = new Set(before.predecessors.map((p) => p.code));
  const known = new Set(before.villages.map((v) => v.code));
  for (const c of changes) {
    if (!known.has(c.villageCode)) throw new ReportError('report_origin_village_invalid', { village: c.villageCode, commune: communeCode });
    if (c.oldCommuneCode !== null && !allowed.has(c.oldCommuneCode)) {
      throw new ReportError('report_origin_invalid', { village: c.villageCode, code: c.oldCommuneCode, allowed: [...allowed].join(', ') || '—' });
    }
  }
  if (changes.length === 0) return before;
  await db.transaction().execute(async (trx) => {
    await sql`delete from village_origin where province_code = ${province} and commune_code = ${communeCode}
      and village_code in (${sql.join(changes.map((c) => c.villageCode))})`.execute(trx);
    const set = changes.filter((c) => c.oldCommuneCode !== null);
    if (set.length > 0) {
      await sql`insert into village_origin (province_code, commune_code, village_code, old_commune_code, source)
        values ${sql.join(set.map((c) => sql`(${province}, ${communeCode}, ${c.villageCode}, ${c.oldCommuneCode}, ${`user:${actor.username}`})`))}`.execute(trx);
    }
    const pick = (v: VillageOriginsView['villages']) => Object.fromEntries(v.filter((x) => changes.some((c) => c.villageCode === x.code)).map((x) => [x.code, x.recorded ? x.oldCommuneCode : null]));
    await recordAudit(trx, actor, {
      provinceCode: province,
      action: 'update',
      entity: 'village_origin',
      entityId: communeCode,
      unitCode: communeCode,
      before: pick(before.villages),
      after: Object.fromEntries(changes.map((c) => [c.villageCode, c.oldCommuneCode])),
    });
  });
  return readVillageOrigins(db, scope, communeCode);
}
