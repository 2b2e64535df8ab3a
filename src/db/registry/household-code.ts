/**
 * Stable household codes: the 5-digit commune code + a 6-digit sequence unique in the commune
 * ("03445000123"). The next number is read from the existing codes under a per-commune advisory lock,
 * so households loaded in bulk by other paths never collide with codes handed out here.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';

const SEQUENCE_DIGITS = 6;
const MAX_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;

export function householdCode(communeCode: string, sequence: number): string {
  return `${communeCode}${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/**
 * Reserves `count` consecutive codes of a commune inside the caller's transaction (held until commit).
 * Throws when the commune's 999,999 codes are exhausted.
 */
export async function allocateHouseholdCodes(trx: Transaction<DB>, provinceCode: string, communeCode: string, count = 1): Promise<string[]> {
  await sql`select pg_advisory_xact_lock(hashtext(${`household-code:${provinceCode}:${communeCode}`}))`.execute(trx);
  const r = await sql<{ code: string }>`
    select code from household
    where province_code = ${provinceCode} and code >= ${householdCode(communeCode, 0)} and code <= ${householdCode(communeCode, MAX_SEQUENCE)}
      and length(code) = ${communeCode.length + SEQUENCE_DIGITS} and code ~ '^[0-9]+$'
    order by code desc limit 1`.execute(trx);
  const last = r.rows[0] ? Number(r.rows[0].code.slice(communeCode.length)) : 0;
  if (last + count > MAX_SEQUENCE) throw new RangeError(`Xã ${communeCode} đã hết mã hộ (tối đa ${MAX_SEQUENCE} hộ)`);
  return Array.from({ length: count }, (_, i) => householdCode(communeCode, last + 1 + i));
}
