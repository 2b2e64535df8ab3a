/**
 * The set-based reclassification job on a few thousand generated households gives exactly what the
 * engine gives household by household; only current surveys count; bad inputs are reported, not fatal.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import { classifyHousehold } from '../../../src/domain/classification/classify-household.ts';
import type { HouseholdInput } from '../../../src/domain/classification/household-input.ts';
import { ClassificationInputError } from '../../../src/domain/classification/input-error.ts';
import { getStandard } from '../../../src/domain/standards/registry.ts';
import { classifyCampaign, classifyReview, RegistryError } from '../../../src/db/registry/index.ts';
import { DK, insertReview, LAI_CHAU, MP, MT, openRegistryDatabase, setReviewState } from './fixtures.ts';

const N = 3_000;
let database: Database;
let reviewId: number;
let campaignId: number;
const snapshots = new Map<number, HouseholdInput>();
const REFERENCE_DATE = '2024-10-01';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(i: number, r: () => number): HouseholdInput {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const size = 1 + Math.floor(r() * 6);
  const members = Array.from({ length: size }, (_, k) => {
    const year = k === 0 ? 1950 + Math.floor(r() * 50) : 1950 + Math.floor(r() * 73);
    const age = 2024 - year;
    const child = age < 16;
    return {
      id: `${i}-${k}`,
      name: `Thành viên ${k + 1}`,
      birthYear: year,
      sex: pick(['male', 'female'] as const),
      relation: k === 0 ? ('head' as const) : pick(['spouse', 'child', 'parent', 'grandchild'] as const),
      healthInsurance: r() < 0.85,
      ...(child
        ? { attendingSchool: r() < 0.9, attendingLevel: age < 6 ? 'preschool' : age < 11 ? 'primary' : 'lower_secondary', stunted: r() < 0.1 }
        : {
            highestCompletedLevel: pick(['primary', 'lower_secondary', 'upper_secondary'] as const),
            employment: pick(['self_employed', 'wage_employed', 'unemployed', 'not_in_labour_force'] as const),
            hasLabourContract: r() < 0.5,
            monthlySocialAllowance: age >= 60 && r() < 0.3,
          }),
    };
  });
  const byIncome = r() < 0.3;
  const input = {
    id: `H${i}`,
    area: 'rural' as const,
    ...(byIncome ? { income: Math.round(800_000 + r() * 2_000_000) } : { scoreA: Math.round(60 + r() * 160) }),
    members,
    housing: { floorArea: 10 + Math.floor(r() * 80), frame: pick(['durable_wood', 'bamboo'] as const), walls: pick(['brick_stone', 'bamboo', 'earth'] as const), roof: pick(['metal_sheet', 'leaves_straw'] as const) },
    waterSource: pick(['piped', 'drilled_well', 'surface_water', 'unprotected_spring'] as const),
    latrine: pick(['septic', 'simple_pit', 'none'] as const),
    usesInternet: r() < 0.7,
    informationDevices: r() < 0.8 ? ['smartphone'] : [],
  };
  // Every 250th household lacks its water source: the standard cannot classify it.
  if (i % 250 === 7) delete (input as { waterSource?: string }).waterSource;
  return input as unknown as HouseholdInput;
}

before(async () => {
  database = await openRegistryDatabase();
  const db = database.db;
  ({ reviewId, campaignId } = await insertReview(db, { year: 2024, referenceDate: REFERENCE_DATE, localStandardId: 'BAC_NINH_2022_2025' }));
  const r = rng(20241001);
  // Households in one statement.
  const households = Array.from({ length: N }, (_, i) => ({ code: `03445${String(i + 1).padStart(6, '0')}`, head: `Chủ hộ ${i + 1}` }));
  const ids = await sql<{ id: number; code: string }>`
    insert into household (province_code, code, commune_code, village_code, head_name, head_name_ascii)
    select '12', x.code, '03445', '01', x.head, lower(x.head) from jsonb_to_recordset(${JSON.stringify(households)}::jsonb) as x(code text, head text)
    returning id, code`.execute(db);
  const surveys: Array<{ household_id: number; facts: HouseholdInput; score_a: number | null; income: number | null; excluded: boolean; superseded: boolean }> = [];
  ids.rows.forEach((row, i) => {
    const input = generate(i, r);
    const excluded = i % 97 === 3;
    // Every 10th household also has an older, superseded survey that must be ignored.
    if (i % 10 === 0) surveys.push({ household_id: row.id, facts: { ...input, scoreA: 999 } as HouseholdInput, score_a: 999, income: null, excluded: false, superseded: true });
    surveys.push({ household_id: row.id, facts: input, score_a: input.scoreA ?? null, income: input.income ?? null, excluded, superseded: false });
    if (!excluded) snapshots.set(row.id, input);
  });
  // Surveys in one statement; superseded ones point at a later id (any non-null value marks them).
  await sql`
    insert into survey (province_code, review_id, household_id, form_a, excluded_by_form_a, score_a, income, facts, surveyed_on, superseded_by)
    select '12', ${reviewId}, x.household_id, case when x.excluded then '{"answers":{"car":true}}'::jsonb end, x.excluded, x.score_a, x.income, x.facts,
           ${REFERENCE_DATE}::date, case when x.superseded then 0 end
    from jsonb_to_recordset(${JSON.stringify(surveys)}::jsonb)
      as x(household_id bigint, facts jsonb, score_a integer, income bigint, excluded boolean, superseded boolean)`.execute(db);
});
after(() => database.close());

test(`classifyReview on ${N} households equals one-by-one classification, in chunks by keyset`, async () => {
  const result = await classifyReview(database, MT, reviewId, { chunkSize: 1_000 });
  assert.equal(result.surveys, N, 'only current surveys are read');
  assert.equal(result.chunks, 3);
  // The engine, household by household, is the reference: the same households must fail.
  const failing = [...snapshots.entries()]
    .filter(([, input]) => {
      try {
        classifyHousehold(input, getStandard('ND07_2021'), { referenceDate: REFERENCE_DATE });
        return false;
      } catch (e) {
        assert.ok(e instanceof ClassificationInputError);
        return true;
      }
    })
    .map(([id]) => id);
  assert.ok(failing.length >= 12, 'every 250th household lacks its water source');
  assert.equal(result.failed, failing.length);
  assert.deepEqual(
    result.failures.map((f) => f.householdId).toSorted((a, b) => a - b),
    failing.toSorted((a, b) => a - b),
  );
  assert.ok(result.failures.some((f) => /nguồn nước|waterSource/.test(f.message)));

  const rows = await database.db.selectFrom('classification').selectAll().where('review_id', '=', reviewId).execute();
  const national = getStandard('ND07_2021');
  const local = getStandard('BAC_NINH_2022_2025');
  const byKey = new Map(rows.map((row) => [`${row.household_id}/${row.standard_id}`, row]));
  let compared = 0;
  let localCompared = 0;
  const counts: Record<string, number> = { poor: 0, near_poor: 0, average: 0, none: 0 };
  for (const [id, input] of snapshots) {
    let expected;
    try {
      expected = classifyHousehold(input, national, { referenceDate: REFERENCE_DATE });
    } catch (e) {
      assert.ok(e instanceof ClassificationInputError);
      assert.equal(byKey.get(`${id}/ND07_2021`), undefined);
      continue;
    }
    const got = byKey.get(`${id}/ND07_2021`)!;
    assert.ok(got, `household ${id} classified`);
    assert.equal(got.class, expected.class, `household ${id}`);
    assert.deepEqual(got.deprivations, [...expected.deprivations]);
    assert.equal(got.deprivation_count, expected.deprivationCount);
    assert.equal(got.explanation, expected.explanation);
    assert.equal(got.area_type, 'rural');
    counts[got.class]!++;
    compared++;
    const gotLocal = byKey.get(`${id}/BAC_NINH_2022_2025`);
    if (input.scoreA !== undefined) {
      assert.equal(gotLocal, undefined, 'the local standard has no score-A calibration');
    } else {
      const exp = classifyHousehold(input, local, { referenceDate: REFERENCE_DATE });
      assert.equal(gotLocal!.class, exp.class);
      assert.equal(gotLocal!.explanation, exp.explanation);
      localCompared++;
    }
  }
  assert.ok(compared > N * 0.9);
  assert.ok(localCompared > N * 0.2);
  // Households excluded by form A are "none", without scoring.
  const excluded = rows.filter((row) => row.standard_id === 'ND07_2021' && !snapshots.has(row.household_id));
  assert.ok(excluded.length >= 30);
  assert.ok(excluded.every((row) => row.class === 'none' && /phiếu A/.test(row.explanation)));
  counts.none! += excluded.length;
  assert.deepEqual(result.byClass, counts);
  assert.equal(result.classified, compared + excluded.length);
  for (const c of ['poor', 'near_poor', 'none'] as const) assert.ok(counts[c]! > 50, `variety: ${c} ${counts[c]}`);
  // Every classification references the current survey.
  const stale = await sql<{ n: number }>`
    select count(*)::int as n from classification c join survey s on s.province_code = c.province_code and s.id = c.survey_id
    where c.review_id = ${reviewId} and s.superseded_by is not null`.execute(database.db);
  assert.equal(stale.rows[0]!.n, 0);
  // The review list carries the proposed class; one audit entry per chunk.
  const listed = await database.db.selectFrom('review_household').select(['proposed_class']).where('review_id', '=', reviewId).execute();
  assert.equal(listed.length, result.classified);
  const audits = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'reclassify').where('entity_id', '=', String(reviewId)).execute();
  assert.equal(audits.length, 3);
  assert.equal(audits.reduce((s, a) => s + (a.after as { classes: unknown[] }).classes.length, 0), result.changed);
});

test('a second run changes nothing; a changed fact changes exactly that household', async () => {
  const again = await classifyReview(database, MT, reviewId);
  assert.equal(again.chunks, 1);
  assert.equal(again.changed, 0);
  const [id, input] = [...snapshots.entries()].find(([, s]) => s.scoreA !== undefined && s.scoreA <= 140 && (s as { waterSource?: string }).waterSource !== undefined)!;
  const previous = await database.db.selectFrom('classification').select('class').where('household_id', '=', id).where('standard_id', '=', 'ND07_2021').executeTakeFirstOrThrow();
  await sql`update survey set facts = jsonb_set(facts, '{scoreA}', '500') where household_id = ${id} and superseded_by is null`.execute(database.db);
  const third = await classifyReview(database, MT, reviewId);
  assert.equal(third.changed, previous.class === 'none' ? 0 : 1);
  assert.equal(input.scoreA! <= 140, true);
  const now = await database.db.selectFrom('classification').select('class').where('household_id', '=', id).where('standard_id', '=', 'ND07_2021').executeTakeFirstOrThrow();
  assert.equal(now.class, 'none');
});

test('scope and lock: other communes and provinces cannot run it; locked reviews are refused or skipped', async () => {
  for (const scope of [DK, MP]) {
    await assert.rejects(classifyReview(database, scope, reviewId), (e: unknown) => e instanceof RegistryError && e.code === 'out_of_scope');
  }
  const other = await classifyCampaign(database, DK, campaignId);
  assert.deepEqual(other.reviews, []);
  await setReviewState(database.db, reviewId, 'submitted');
  const campaign = await classifyCampaign(database, LAI_CHAU, campaignId);
  assert.deepEqual(campaign.reviews, []);
  assert.deepEqual(campaign.locked, [{ reviewId, communeCode: '03445', state: 'submitted' }]);
  await setReviewState(database.db, reviewId, 'surveying');
  const open = await classifyCampaign(database, LAI_CHAU, campaignId, { communeCode: '03445' });
  assert.equal(open.reviews.length, 1);
  assert.equal(open.reviews[0]!.surveys, N);
});
