/** A village named on a household must belong to the household's commune and be in force. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import { RegistryError } from './errors.ts';

export async function assertVillageOfCommune(db: Kysely<DB> | Transaction<DB>, provinceCode: string, communeCode: string, villageCode: string, field = 'villageCode'): Promise<void> {
  const r = await db
    .selectFrom('village')
    .select('code')
    .where('province_code', '=', provinceCode)
    .where('commune_code', '=', communeCode)
    .where('code', '=', villageCode)
    .where(sql<boolean>`(valid_to is null or valid_to > current_date)`)
    .executeTakeFirst();
  if (!r) throw new RegistryError('village_not_found', { field, code: villageCode, commune: communeCode });
}
