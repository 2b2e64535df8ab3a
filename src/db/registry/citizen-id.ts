/**
 * Personal identification number (số định danh cá nhân, printed on the citizen ID card): 12 digits —
 * 3 for the place of birth registration, 1 for sex and century of birth, 2 for the last digits of the
 * birth year, 6 random (Decree 137/2015/NĐ-CP as amended; Circular 59/2021/TT-BCA Art. 7). The sex/century
 * digit is 0/1 for men/women born 1900–1999, 2/3 for 2000–2099, 4/5 for 2100–2199, and so on.
 */
import { RegistryError } from './errors.ts';

export interface CitizenIdContext {
  sex: 'male' | 'female';
  /** Birth year, from the date of birth or the year alone; unknown → not checked. */
  birthYear?: number | null;
}

/** Removes spaces and dots people type inside the number; empty → null. */
export function normaliseCitizenId(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const s = raw.replace(/[\s.]/g, '');
  return s === '' ? null : s;
}

/** Throws a RegistryError naming `field` when the number is not 12 digits or contradicts sex / birth year. */
export function checkCitizenId(id: string, ctx: CitizenIdContext, field = 'citizenId'): void {
  if (!/^\d{12}$/.test(id)) throw new RegistryError('citizen_id_format', { field, citizenId: id });
  const code = Number(id[3]);
  const female = code % 2 === 1;
  if (female !== (ctx.sex === 'female')) {
    throw new RegistryError('citizen_id_sex_century', { field, citizenId: id, sex: ctx.sex === 'female' ? 'nữ' : 'nam' });
  }
  if (ctx.birthYear != null) {
    const century = 1900 + Math.floor(code / 2) * 100;
    const year = century + Number(id.slice(4, 6));
    if (year !== ctx.birthYear) throw new RegistryError('citizen_id_birth_year', { field, citizenId: id, year: ctx.birthYear, encoded: year });
  }
}
