/**
 * Registry test fixtures: the unit fixture of the server tests (Lai Châu 12 with Xã Mường Tè 03445 and
 * Phường Đoàn Kết 03388; Điện Biên 11 with Xã Mường Phăng 03325), scopes, complete household inputs
 * for ND07_2021, and review campaigns inserted directly (the review workflow is not under test here).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import type { DB } from '../../../src/db/schema.ts';
import type { Actor } from '../../../src/db/audit.ts';
import type { Scope } from '../../../src/domain/access/scope.ts';
import type { MemberFields, NewHousehold } from '../../../src/db/registry/index.ts';
import { openTestDatabase } from '../../helpers/database.ts';
import { insertUnitFixture } from '../../helpers/server.ts';

export const MT: Scope = { level: 'commune', provinceCode: '12', communeCode: '03445' };
export const DK: Scope = { level: 'commune', provinceCode: '12', communeCode: '03388' };
export const MP: Scope = { level: 'commune', provinceCode: '11', communeCode: '03325' };
export const LAI_CHAU: Scope = { level: 'province', provinceCode: '12' };
export const DIEN_BIEN: Scope = { level: 'province', provinceCode: '11' };
export const NATIONAL: Scope = { level: 'national' };

export const OFFICER: Actor = { id: null, username: 'mt.canbo', role: 'commune_officer' };

export async function openRegistryDatabase(): Promise<Database> {
  const database = await openTestDatabase();
  await insertUnitFixture(database);
  await sql`insert into village (province_code, commune_code, code, name, name_ascii) values
    ('12', '03445', '01', 'Bản Nậm Củm', 'ban nam cum'), ('12', '03445', '02', 'Bản Phìn Khò', 'ban phin kho'),
    ('12', '03388', '01', 'Tổ dân phố 1', 'to dan pho 1'), ('11', '03325', '01', 'Bản Co Củ', 'ban co cu')
    on conflict do nothing`.execute(database.db);
  return database;
}

/** Member facts that satisfy every ND07_2021 indicator for an adult in work with insurance. */
export const ADULT_FACTS = { healthInsurance: true, highestCompletedLevel: 'upper_secondary', employment: 'self_employed' } as const;

export const HOUSEHOLD_FACTS = {
  housing: { floorArea: 40, frame: 'durable_wood', walls: 'brick_stone', roof: 'metal_sheet' },
  waterSource: 'drilled_well',
  latrine: 'septic',
  usesInternet: true,
  informationDevices: ['smartphone'],
} as const;

export function head(name: string, extra: Partial<MemberFields> = {}): MemberFields {
  return { fullName: name, dateOfBirth: '1980-03-04', sex: 'male', relation: 'head', ethnicity: 'Thái', facts: { ...ADULT_FACTS }, ...extra };
}

export function spouse(name: string, extra: Partial<MemberFields> = {}): MemberFields {
  return { fullName: name, birthYear: 1984, sex: 'female', relation: 'spouse', ethnicity: 'Thái', facts: { ...ADULT_FACTS }, ...extra };
}

export function newHousehold(headName: string, extra: Partial<NewHousehold> = {}): NewHousehold {
  return { villageCode: '01', address: 'Bản Nậm Củm', facts: { ...HOUSEHOLD_FACTS }, residentSince: '2020-01-01', members: [head(headName), spouse(`${headName} (vợ)`)], ...extra };
}

let citizenSeq = 0;
/** A well-formed citizen ID for a man or woman born in `year` (unique within the test run). */
export function citizenId(sex: 'male' | 'female', year: number): string {
  citizenSeq++;
  const century = Math.floor((year - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
  return `012${century}${String(year % 100).padStart(2, '0')}${String(100000 + citizenSeq).slice(-6)}`;
}

export interface CampaignSpec {
  provinceCode?: string;
  communeCode?: string;
  year: number;
  standardId?: string;
  localStandardId?: string | null;
  referenceDate: string;
  state?: string;
}

/** Inserts a campaign and one commune review; returns the review id. */
export async function insertReview(db: Kysely<DB>, s: CampaignSpec): Promise<{ campaignId: number; reviewId: number }> {
  const province = s.provinceCode ?? '12';
  const c = await db
    .insertInto('review_campaign')
    .values({
      province_code: province,
      year: s.year,
      kind: 'monthly',
      standard_id: s.standardId ?? 'ND07_2021',
      local_standard_id: s.localStandardId ?? null,
      policy_year: s.year + 1,
      reference_date: s.referenceDate,
      plan_start: s.referenceDate,
      plan_end: s.referenceDate,
      title: `Rà soát ${s.year}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const r = await db
    .insertInto('commune_review')
    .values({ province_code: province, campaign_id: c.id, commune_code: s.communeCode ?? '03445', state: s.state ?? 'surveying' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { campaignId: c.id, reviewId: r.id };
}

export async function setReviewState(db: Kysely<DB>, reviewId: number, state: string): Promise<void> {
  await db.updateTable('commune_review').set({ state }).where('id', '=', reviewId).execute();
}

export async function auditOf(db: Kysely<DB>, entity: string, entityId: string | number) {
  return db.selectFrom('audit_log').selectAll().where('entity', '=', entity).where('entity_id', '=', String(entityId)).orderBy('id').execute();
}
