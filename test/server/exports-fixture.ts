/**
 * Rows for the export tests, written with plain SQL and codes of their own (EX-…) so they sit beside the
 * other fixtures of the cross-scope test: households with members and facts in Xã Mường Tè, Phường Đoàn
 * Kết (Lai Châu) and Xã Mường Phăng (Điện Biên); a monthly campaign per province with a commune review
 * each (listed households, a classification with deprivations, a village meeting vote); recognised list
 * rows so the beneficiary lists have people.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

export interface ExportFixture {
  households: Record<'MT1' | 'MT2' | 'MT3' | 'DK1' | 'MP1', number>;
  reviews: Record<'mt' | 'dk' | 'mp', number>;
  campaigns: Record<'lc' | 'db', number>;
}

/** Strings that only Mường Tè's rows hold. */
export const MT_TRACES = ['EX-MT-', 'Lò Văn Xuất', 'Lò Thị "Khuê", Bản', 'Pờ Văn Mới'];
export const DK_HEAD = 'Nguyễn Thị Đoàn';
export const MP_HEAD = 'Quàng Thị Phăng';

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

interface M {
  name: string;
  sex: 'male' | 'female';
  birthYear?: number;
  dateOfBirth?: string;
  relation: string;
  citizenId?: string;
  facts?: Record<string, unknown>;
}

async function household(db: Kysely<DB>, p: string, commune: string, code: string, village: string | null, status: string, facts: Record<string, unknown>, members: M[]): Promise<number> {
  const head = members[0]!.name;
  const h = await sql<{ id: number }>`
    insert into household (province_code, code, commune_code, village_code, address, head_name, head_name_ascii, head_citizen_id, ethnicity, phone, status, status_date, facts)
    values (${p}, ${code}, ${commune}, ${village}, ${`Số 1, ${code}`}, ${head}, ${ascii(head)}, ${members[0]!.citizenId ?? null}, 'Thái', '0912 345 678',
      ${status}, ${status === 'active' ? null : '2026-02-01'}, ${JSON.stringify(facts)}::jsonb)
    returning id`.execute(db);
  const id = h.rows[0]!.id;
  let line = 1;
  for (const m of members) {
    await sql`
      insert into member (province_code, household_id, line_no, full_name, full_name_ascii, date_of_birth, birth_year, sex, ethnicity, citizen_id, relation, facts)
      values (${p}, ${id}, ${line++}, ${m.name}, ${ascii(m.name)}, ${m.dateOfBirth ?? null}, ${m.birthYear ?? null}, ${m.sex}, 'Thái', ${m.citizenId ?? null}, ${m.relation},
        ${JSON.stringify(m.facts ?? {})}::jsonb)`.execute(db);
  }
  await sql`insert into household_residence (province_code, household_id, commune_code, village_code, valid_from) values (${p}, ${id}, ${commune}, ${village}, '2020-05-01')`.execute(db);
  return id;
}

async function monthlyCampaign(db: Kysely<DB>, p: string): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into review_campaign (province_code, year, kind, month, standard_id, policy_year, reference_date, plan_start, plan_end, title)
    values (${p}, 2026, 'monthly', 2, 'ND07_2021', 2026, '2026-02-01', '2026-02-01', '2026-02-28', ${`Rà soát thường xuyên tháng 02/2026 (${p})`})
    returning id`.execute(db);
  return r.rows[0]!.id;
}

async function review(db: Kysely<DB>, p: string, campaignId: number, commune: string): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into commune_review (province_code, campaign_id, commune_code, state) values (${p}, ${campaignId}, ${commune}, 'village_meetings') returning id`.execute(db);
  return r.rows[0]!.id;
}

async function listed(db: Kysely<DB>, p: string, reviewId: number, householdId: number, stage: string, proposed: string | null): Promise<void> {
  await sql`insert into review_household (province_code, review_id, household_id, listing_reason, stage, proposed_class)
    values (${p}, ${reviewId}, ${householdId}, 'applied', ${stage}, ${proposed})`.execute(db);
}

async function recognised(db: Kysely<DB>, p: string, householdId: number, status: string): Promise<void> {
  await sql`insert into list_status (province_code, household_id, list_year, status, standard_id, decision_number, decision_date, effective_from)
    values (${p}, ${householdId}, 2026, ${status}, 'ND07_2021', '501/QĐ-UBND', '2026-01-20', '2026-01-20')`.execute(db);
}

export async function insertExportFixture(db: Kysely<DB>): Promise<ExportFixture> {
  await sql`insert into village (province_code, commune_code, code, name, name_ascii) values ('12', '03445', 'EXV', 'Bản Xuất Khẩu', 'ban xuat khau')`.execute(db);
  const facts = {
    housing: { floorArea: 24.5, frame: 'durable', walls: 'non_durable', roof: 'durable' },
    usesInternet: false,
    informationDevices: ['tv', 'radio'],
  };
  const households = {
    MT1: await household(db, '12', '03445', 'EX-MT-1', 'EXV', 'active', facts, [
      { name: 'Lò Văn Xuất', sex: 'male', birthYear: 1979, relation: 'head', citizenId: '012079123451' },
      { name: 'Lò Thị "Khuê", Bản', sex: 'female', dateOfBirth: '1983-04-05', relation: 'spouse', facts: { healthInsurance: true, disability: 'severe' } },
      { name: '=Pờ Văn Mới', sex: 'male', dateOfBirth: '2012-09-30', relation: 'child', facts: { attendingSchool: true } },
    ]),
    MT2: await household(db, '12', '03445', 'EX-MT-2', null, 'active', {}, [{ name: 'Chu Văn Hai', sex: 'male', birthYear: 1960, relation: 'head' }]),
    MT3: await household(db, '12', '03445', 'EX-MT-3', null, 'moved_away', {}, [{ name: 'Chu Văn Đi', sex: 'male', birthYear: 1965, relation: 'head' }]),
    DK1: await household(db, '12', '03388', 'EX-DK-1', null, 'active', {}, [{ name: DK_HEAD, sex: 'female', birthYear: 1970, relation: 'head' }]),
    MP1: await household(db, '11', '03325', 'EX-MP-1', null, 'active', {}, [{ name: MP_HEAD, sex: 'female', birthYear: 1972, relation: 'head' }]),
  };
  const campaigns = { lc: await monthlyCampaign(db, '12'), db: await monthlyCampaign(db, '11') };
  const reviews = {
    mt: await review(db, '12', campaigns.lc, '03445'),
    dk: await review(db, '12', campaigns.lc, '03388'),
    mp: await review(db, '11', campaigns.db, '03325'),
  };
  await listed(db, '12', reviews.mt, households.MT1, 'agreed', 'poor');
  await listed(db, '12', reviews.mt, households.MT2, 'listed', null);
  await listed(db, '12', reviews.dk, households.DK1, 'surveyed', 'near_poor');
  await listed(db, '11', reviews.mp, households.MP1, 'surveyed', 'poor');
  const survey = await sql<{ id: number }>`
    insert into survey (province_code, review_id, household_id, facts, score_a, income, surveyed_on)
    values ('12', ${reviews.mt}, ${households.MT1}, '{}'::jsonb, 42, 1200000, '2026-02-10') returning id`.execute(db);
  await sql`insert into classification (province_code, review_id, household_id, standard_id, survey_id, area_type, class, subtype, deprivation_count, deprivations, explanation)
    values ('12', ${reviews.mt}, ${households.MT1}, 'ND07_2021', ${survey.rows[0]!.id}, 'rural', 'poor', 'income', 2, array['employment', 'housing_area'],
      'Thu nhập 1.200.000 đồng/người/tháng ≤ 1.500.000 (chuẩn nghèo nông thôn); thiếu hụt 2 chỉ số.')`.execute(db);
  await sql`insert into village_meeting (province_code, review_id, village_code, held_on, attendees, chair, secretary) values ('12', ${reviews.mt}, 'EXV', '2026-02-15', 40, 'Trưởng bản', 'Thư ký')`.execute(db);
  await sql`insert into meeting_vote (province_code, review_id, household_id, village_code, agree, disagree, attendees) values ('12', ${reviews.mt}, ${households.MT1}, 'EXV', 30, 6, 40)`.execute(db);
  await recognised(db, '12', households.MT1, 'poor');
  await recognised(db, '12', households.DK1, 'near_poor');
  await recognised(db, '11', households.MP1, 'poor');
  return { households, reviews, campaigns };
}
