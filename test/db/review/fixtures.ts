/**
 * Fixtures of the review storage tests (not a test file): households, members, surveys and
 * classifications inserted directly with SQL (the registry's own writers are another module), list
 * rows, and callers per role in Lai Châu (12) / Xã Mường Tè (03445).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../src/db/schema.ts';
import type { Role } from '../../../src/domain/access/roles.ts';
import type { Scope } from '../../../src/domain/access/scope.ts';
import type { Caller } from '../../../src/db/review/caller.ts';
import { addCalendarDays } from '../../../src/domain/calendar/iso-date.ts';
import { vietnamToday } from '../../../src/db/review/dates.ts';

export const PROVINCE = '12';
export const COMMUNE = '03445';
export const OTHER_COMMUNE = '03388';

export function scopeFor(role: Role, communeCode = COMMUNE, provinceCode = PROVINCE): Scope {
  if (role === 'national_admin') return { level: 'national' };
  if (role === 'province_officer') return { level: 'province', provinceCode };
  return { level: 'commune', provinceCode, communeCode };
}

export function callerFor(role: Role, id: number | null = null, communeCode = COMMUNE, provinceCode = PROVINCE): Caller {
  return { actor: { id, username: `test.${role}`, role }, role, scope: scopeFor(role, communeCode, provinceCode) };
}

/** A date `days` from today in Vietnam (negative: in the past). */
export function daysFromToday(days: number): string {
  return addCalendarDays(vietnamToday(), days);
}

export interface HouseholdSpec {
  code: string;
  commune?: string;
  village?: string | null;
  status?: 'active' | 'moved_away' | 'dissolved' | 'deceased' | 'merged';
  statusDate?: string | null;
  members?: number;
}

/** Inserts households (with `members` active members each, default 3) and returns their ids by code. */
export async function insertHouseholds(db: Kysely<DB>, specs: HouseholdSpec[], province = PROVINCE): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const s of specs) {
    const row = await db
      .insertInto('household')
      .values({
        province_code: province,
        code: s.code,
        commune_code: s.commune ?? COMMUNE,
        village_code: s.village === undefined ? 'V1' : s.village,
        head_name: `Chủ hộ ${s.code}`,
        head_name_ascii: `chu ho ${s.code.toLowerCase()}`,
        status: s.status ?? 'active',
        status_date: s.statusDate ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[s.code] = row.id;
    for (let i = 1; i <= (s.members ?? 3); i++) {
      await db
        .insertInto('member')
        .values({
          province_code: province,
          household_id: row.id,
          line_no: i,
          full_name: `Thành viên ${i}`,
          full_name_ascii: `thanh vien ${i}`,
          birth_year: 1980 + i,
          sex: i % 2 === 0 ? 'female' : 'male',
          relation: i === 1 ? 'head' : 'child',
        })
        .execute();
    }
  }
  return ids;
}

export async function insertVillages(db: Kysely<DB>, codes: string[], commune = COMMUNE, province = PROVINCE): Promise<void> {
  for (const code of codes) {
    await db
      .insertInto('village')
      .values({ province_code: province, commune_code: commune, code, name: `Bản ${code}`, name_ascii: `ban ${code.toLowerCase()}` })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export type Class = 'poor' | 'near_poor' | 'average' | 'none';

/** A new current survey (superseding the previous one) and the classification under `standardId`. */
export async function surveyAndClassify(db: Kysely<DB>, reviewId: number, classes: Record<number, Class>, standardId: string, province = PROVINCE): Promise<void> {
  for (const [id, cls] of Object.entries(classes)) {
    const householdId = Number(id);
    const next = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('survey', 'id'))::bigint as id`.execute(db);
    const surveyId = next.rows[0]!.id;
    await sql`update survey set superseded_by = ${surveyId} where province_code = ${province} and review_id = ${reviewId}
      and household_id = ${householdId} and superseded_by is null`.execute(db);
    await db
      .insertInto('survey')
      .values({ province_code: province, id: surveyId, review_id: reviewId, household_id: householdId, facts: '{}', surveyed_on: vietnamToday() })
      .execute();
    await sql`
      insert into classification (province_code, review_id, household_id, standard_id, survey_id, area_type, class, deprivation_count, deprivations, explanation)
      values (${province}, ${reviewId}, ${householdId}, ${standardId}, ${surveyId}, 'rural', ${cls}, 0, '{}', 'kiểm thử')
      on conflict (province_code, review_id, household_id, standard_id) do update set survey_id = excluded.survey_id, class = excluded.class,
        computed_at = now()`.execute(db);
  }
}

export interface ListRow {
  householdId: number;
  year: number;
  status: 'poor' | 'near_poor' | 'none';
  date?: string;
  number?: string;
}

export async function insertListRows(db: Kysely<DB>, rows: ListRow[], province = PROVINCE): Promise<void> {
  for (const r of rows) {
    const date = r.date ?? `${r.year - 1}-12-10`;
    await db
      .insertInto('list_status')
      .values({
        province_code: province,
        household_id: r.householdId,
        list_year: r.year,
        status: r.status,
        standard_id: 'ND07_2021',
        decision_number: r.number ?? `${r.year - 1}/QĐ-UBND`,
        decision_date: date,
        effective_from: date,
      })
      .execute();
  }
}
