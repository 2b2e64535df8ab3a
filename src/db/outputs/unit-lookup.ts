/** Names of the units printed on outputs, and the unit a beneficiary list is asked for (2025 layout). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

export interface OutputUnit {
  code: string;
  name: string;
  type: string;
  tier: 'province' | 'commune';
  provinceCode: string;
}

/** The unit's latest 2025-layout version (its current name), or undefined. Provinces and communes only. */
export async function findOutputUnit(db: Kysely<DB>, code: string): Promise<OutputUnit | undefined> {
  const r = await sql<{ code: string; name: string; type: string; tier: string; province_code: string }>`
    select code, name, type, tier, province_code from admin_unit
    where layout = '2025' and code = ${code} and tier in ('province', 'commune')
    order by (valid_to is null) desc, valid_from desc
    limit 1`.execute(db);
  const u = r.rows[0];
  return u && { code: u.code, name: u.name, type: u.type, tier: u.tier as OutputUnit['tier'], provinceCode: u.province_code };
}

/** Like findOutputUnit, with a stand-in when the catalogue lacks the code (the document still prints). */
export async function outputUnitOrCode(db: Kysely<DB>, code: string, tier: OutputUnit['tier'], provinceCode: string): Promise<OutputUnit> {
  return (await findOutputUnit(db, code)) ?? { code, name: `${tier === 'province' ? 'Tỉnh' : 'Xã'} ${code}`, type: tier === 'province' ? 'Tỉnh' : 'Xã', tier, provinceCode };
}
