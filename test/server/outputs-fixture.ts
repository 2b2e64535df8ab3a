/**
 * Rows for the output tests, written with plain SQL: villages, households with members, two periodic
 * campaigns with decided reviews of Xã Mường Tè (list years 2025 and 2026), an older list-2024 row, a
 * monthly decision, a computed-but-unrecognised household, and households of the outsiders' communes.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

export interface MemberSpec {
  name: string;
  sex: 'male' | 'female';
  birthYear?: number;
  dateOfBirth?: string;
  relation: string;
  ethnicity?: string;
  citizenId?: string;
  ableToWork?: boolean;
  active?: boolean;
  leftDate?: string;
  leftReason?: string;
}

export interface OutputFixture {
  households: Record<string, number>;
  reviews: Record<'mt2024' | 'mt2025' | 'mtOpen' | 'dk2025' | 'mp2025', number>;
  /** Members per household key (as inserted). */
  members: Record<string, MemberSpec[]>;
}

const ascii = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

async function household(db: Kysely<DB>, p: string, commune: string, code: string, village: string | null, head: string, ethnicity: string, members: MemberSpec[], extra: { status?: string; statusDate?: string; citizenId?: string } = {}): Promise<number> {
  const h = await sql<{ id: number }>`
    insert into household (province_code, code, commune_code, village_code, address, head_name, head_name_ascii, head_citizen_id, ethnicity, status, status_date)
    values (${p}, ${code}, ${commune}, ${village}, ${`${village ? 'Bản ' : ''}${code}`}, ${head}, ${ascii(head)}, ${extra.citizenId ?? null}, ${ethnicity},
      ${extra.status ?? 'active'}, ${extra.statusDate ?? null})
    returning id`.execute(db);
  const id = h.rows[0]!.id;
  let line = 1;
  for (const m of members) {
    const facts = m.ableToWork === undefined ? {} : { ableToWork: m.ableToWork };
    await sql`
      insert into member (province_code, household_id, line_no, full_name, full_name_ascii, date_of_birth, birth_year, sex, ethnicity, citizen_id, relation, facts, active, left_date, left_reason)
      values (${p}, ${id}, ${line++}, ${m.name}, ${ascii(m.name)}, ${m.dateOfBirth ?? null}, ${m.birthYear ?? null}, ${m.sex}, ${m.ethnicity ?? ethnicity},
        ${m.citizenId ?? null}, ${m.relation}, ${JSON.stringify(facts)}::jsonb, ${m.active ?? true}, ${m.leftDate ?? null}, ${m.leftReason ?? null})`.execute(db);
  }
  return id;
}

/** A periodic campaign of `year` for the lists of `year + 1`; `shift` moves the campaign's own year back (one periodic campaign per province and year). */
async function campaign(db: Kysely<DB>, p: string, year: number, shift: number): Promise<number> {
  const own = year - shift;
  const r = await sql<{ id: number }>`
    insert into review_campaign (province_code, year, kind, standard_id, policy_year, reference_date, plan_start, plan_end, title)
    values (${p}, ${own}, 'periodic', 'nd07-2021', ${year + 1}, ${`${own}-09-01`}, ${`${own}-09-01`}, ${`${own}-12-14`}, ${`Rà soát hộ nghèo, hộ cận nghèo năm ${own}`})
    returning id`.execute(db);
  return r.rows[0]!.id;
}

async function review(db: Kysely<DB>, p: string, campaignId: number, commune: string, state: string, decision?: { number: string; date: string; signer: string }): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into commune_review (province_code, campaign_id, commune_code, state, decision_number, decision_date, decision_signer)
    values (${p}, ${campaignId}, ${commune}, ${state}, ${decision?.number ?? null}, ${decision?.date ?? null}, ${decision?.signer ?? null})
    returning id`.execute(db);
  return r.rows[0]!.id;
}

async function listRow(db: Kysely<DB>, p: string, householdId: number, listYear: number, status: string, d: { number: string; date: string; effectiveFrom: string; reviewId?: number | null; applicationId?: number | null }): Promise<void> {
  await sql`
    insert into list_status (province_code, household_id, list_year, status, standard_id, review_id, application_id, decision_number, decision_date, effective_from)
    values (${p}, ${householdId}, ${listYear}, ${status}, 'nd07-2021', ${d.reviewId ?? null}, ${d.applicationId ?? null}, ${d.number}, ${d.date}, ${d.effectiveFrom})`.execute(db);
}

export const MT = { province: '12', commune: '03445' };
export const DECISION_2025 = { number: '45/QĐ-UBND', date: '2024-12-10', signer: 'Lò Văn Hùng' };
export const DECISION_2026 = { number: '128/QĐ-UBND', date: '2025-12-12', signer: 'Lò Văn Hùng' };
export const MONTHLY_DECISION = { number: '15/QĐ-UBND', date: '2026-05-20' };

export const MEMBERS: Record<string, MemberSpec[]> = {
  H1: [
    { name: 'Lò Thị Ánh', sex: 'female', birthYear: 1980, relation: 'head', citizenId: '012180000111' },
    { name: 'Pờ Văn Dũng', sex: 'male', birthYear: 1978, relation: 'spouse', citizenId: '012078000222' },
    { name: 'Pờ Văn Đức', sex: 'male', dateOfBirth: '2010-03-04', relation: 'child' },
    { name: 'Pờ Thị Ngọc', sex: 'female', dateOfBirth: '2019-09-05', relation: 'child' },
    // Left before the 2026 decision: on no 2026 list.
    { name: 'Lò Văn Xuân', sex: 'male', birthYear: 1950, relation: 'parent', active: false, leftDate: '2025-06-01', leftReason: 'Đã mất' },
  ],
  H2: [
    { name: 'Pờ Xuân Hùng', sex: 'male', birthYear: 1975, relation: 'head' },
    { name: 'Chu Thị Nguyệt', sex: 'female', birthYear: 1979, relation: 'spouse' },
  ],
  H3: [{ name: 'Chu Thị Mai', sex: 'female', birthYear: 1968, relation: 'head' }],
  H4: [
    { name: 'Sần Văn Lâm', sex: 'male', birthYear: 1985, relation: 'head' },
    { name: 'Sần Thị Hằng', sex: 'female', birthYear: 2012, relation: 'child' },
  ],
  H5: [{ name: 'Lý Thị Hoa', sex: 'female', birthYear: 1990, relation: 'head' }],
  H6: [
    { name: 'Hờ A Sử', sex: 'male', birthYear: 1960, relation: 'head', ableToWork: false },
    { name: 'Lù Thị Dơ', sex: 'female', birthYear: 1962, relation: 'spouse', ableToWork: false },
  ],
  H7: [{ name: 'Vàng Thị Ơn', sex: 'female', birthYear: 1988, relation: 'head' }],
  H8: [{ name: 'Giàng A Tủa', sex: 'male', birthYear: 1970, relation: 'head' }],
  H9: [{ name: 'Đèo Văn Ước', sex: 'male', birthYear: 1982, relation: 'head' }],
  H10: [{ name: 'Tẩn Láo Tả', sex: 'male', birthYear: 1940, relation: 'head' }],
  DK1: [{ name: 'Nguyễn Văn Bí Mật', sex: 'male', birthYear: 1980, relation: 'head', citizenId: '012080009999' }],
  MP1: [{ name: 'Quàng Văn Ngoại', sex: 'male', birthYear: 1981, relation: 'head', citizenId: '011081008888' }],
};

/**
 * `campaignYearShift` moves the campaigns' own years back so the fixture can sit next to other
 * fixtures that open periodic campaigns for 2023–2025 (the list years and decisions stay the same).
 */
export async function insertOutputFixture(db: Kysely<DB>, opts: { campaignYearShift?: number } = {}): Promise<OutputFixture> {
  const shift = opts.campaignYearShift ?? 0;
  const p = MT.province;
  const c = MT.commune;
  await sql`
    insert into village (province_code, commune_code, code, name, name_ascii) values
      ('12', '03445', 'PM', 'Bản Pắc Ma', 'ban pac ma'), ('12', '03445', 'NC', 'Bản Nậm Củm', 'ban nam cum')`.execute(db);

  const hh: Record<string, number> = {};
  hh.H1 = await household(db, p, c, 'MT-001', 'PM', 'Lò Thị Ánh', 'Thái', MEMBERS.H1!, { citizenId: '012180000111' });
  hh.H2 = await household(db, p, c, 'MT-002', 'PM', 'Pờ Xuân Hùng', 'Hà Nhì', MEMBERS.H2!);
  hh.H3 = await household(db, p, c, 'MT-003', 'PM', 'Chu Thị Mai', 'Hà Nhì', MEMBERS.H3!);
  hh.H4 = await household(db, p, c, 'MT-004', 'NC', 'Sần Văn Lâm', 'Dao', MEMBERS.H4!);
  hh.H5 = await household(db, p, c, 'MT-005', 'NC', 'Lý Thị Hoa', 'Dao', MEMBERS.H5!);
  hh.H6 = await household(db, p, c, 'MT-006', 'NC', 'Hờ A Sử', 'Mông', MEMBERS.H6!);
  hh.H7 = await household(db, p, c, 'MT-007', 'NC', 'Vàng Thị Ơn', 'Mông', MEMBERS.H7!);
  hh.H8 = await household(db, p, c, 'MT-008', 'PM', 'Giàng A Tủa', 'Mông', MEMBERS.H8!);
  hh.H9 = await household(db, p, c, 'MT-009', 'PM', 'Đèo Văn Ước', 'Thái', MEMBERS.H9!);
  hh.H10 = await household(db, p, c, 'MT-010', 'NC', 'Tẩn Láo Tả', 'Dao', MEMBERS.H10!, { status: 'dissolved', statusDate: '2026-03-01' });
  hh.DK1 = await household(db, p, '03388', 'DK-001', null, 'Nguyễn Văn Bí Mật', 'Kinh', MEMBERS.DK1!);
  hh.MP1 = await household(db, '11', '03325', 'MP-001', null, 'Quàng Văn Ngoại', 'Thái', MEMBERS.MP1!);

  const c2024 = await campaign(db, p, 2024, shift);
  const c2025 = await campaign(db, p, 2025, shift);
  const cDb = await campaign(db, '11', 2025, shift);
  const reviews = {
    mt2024: await review(db, p, c2024, c, 'accepted', DECISION_2025),
    mt2025: await review(db, p, c2025, c, 'decided', DECISION_2026),
    mtOpen: 0,
    dk2025: await review(db, p, c2025, '03388', 'decided', { number: '77/QĐ-UBND', date: '2025-12-11', signer: 'Người Ký Đoàn Kết' }),
    mp2025: await review(db, '11', cDb, '03325', 'decided', { number: '99/QĐ-UBND', date: '2025-12-09', signer: 'Người Ký Mường Phăng' }),
  };
  // A review still in complaints (another campaign year, so the commune has two reviews).
  const c2023 = await campaign(db, p, 2023, shift);
  reviews.mtOpen = await review(db, p, c2023, c, 'complaints');

  const d25 = { number: DECISION_2025.number, date: DECISION_2025.date, effectiveFrom: '2025-01-01', reviewId: reviews.mt2024 };
  const d26 = { number: DECISION_2026.number, date: DECISION_2026.date, effectiveFrom: '2026-01-01', reviewId: reviews.mt2025 };
  // List year 2024 (an older decision outside the system's reviews).
  await listRow(db, p, hh.H6!, 2024, 'poor', { number: '30/QĐ-UBND', date: '2023-12-15', effectiveFrom: '2024-01-01' });
  // List year 2025.
  for (const [k, s] of [['H1', 'poor'], ['H2', 'poor'], ['H3', 'poor'], ['H4', 'near_poor'], ['H6', 'none'], ['H7', 'near_poor'], ['H8', 'poor'], ['H10', 'poor']] as const) {
    await listRow(db, p, hh[k]!, 2025, s, d25);
  }
  // List year 2026.
  for (const [k, s] of [['H1', 'poor'], ['H2', 'near_poor'], ['H3', 'none'], ['H4', 'none'], ['H5', 'poor'], ['H6', 'poor'], ['H7', 'near_poor'], ['H8', 'poor'], ['H10', 'poor']] as const) {
    await listRow(db, p, hh[k]!, 2026, s, d26);
  }
  // Monthly decision in 2026: H8 escapes poverty.
  await listRow(db, p, hh.H8!, 2026, 'none', { number: MONTHLY_DECISION.number, date: MONTHLY_DECISION.date, effectiveFrom: MONTHLY_DECISION.date, applicationId: 1 });
  // H9: classified poor by the engine and agreed by the meeting, but never recognised.
  await sql`insert into review_household (province_code, review_id, household_id, listing_reason, stage, proposed_class, final_class)
    values (${p}, ${reviews.mt2025}, ${hh.H9!}, 'applied', 'final', 'poor', 'poor')`.execute(db);
  // Survey needs for the F14/F15 support columns (H1) — one superseded survey that must be ignored.
  await sql`insert into survey (province_code, review_id, household_id, facts, needs, surveyed_on, superseded_by)
    values (${p}, ${reviews.mt2025}, ${hh.H1!}, '{}'::jsonb, array['housing'], '2025-09-20', 999),
           (${p}, ${reviews.mt2025}, ${hh.H1!}, '{}'::jsonb, array['health', 'credit'], '2025-10-02', null)`.execute(db);
  // Outsiders' decisions.
  await listRow(db, p, hh.DK1!, 2026, 'poor', { number: '77/QĐ-UBND', date: '2025-12-11', effectiveFrom: '2026-01-01', reviewId: reviews.dk2025 });
  await listRow(db, '11', hh.MP1!, 2026, 'poor', { number: '99/QĐ-UBND', date: '2025-12-09', effectiveFrom: '2026-01-01', reviewId: reviews.mp2025 });
  return { households: hh, reviews, members: MEMBERS };
}
