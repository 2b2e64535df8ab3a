/** Surveys, classification, supersession, the review lock, history and the live preview. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from '../../../src/db/connect.ts';
import {
  classifyReview,
  createHousehold,
  getSurvey,
  householdHistory,
  previewClassification,
  recordSurvey,
  RegistryError,
  updateMember,
  type HouseholdDetail,
} from '../../../src/db/registry/index.ts';
import { auditOf, DK, HOUSEHOLD_FACTS, LAI_CHAU, MT, newHousehold, OFFICER, openRegistryDatabase, insertReview, setReviewState } from './fixtures.ts';

let database: Database;
let review2025: number;
let h: HouseholdDetail;

before(async () => {
  database = await openRegistryDatabase();
  review2025 = (await insertReview(database.db, { year: 2025, referenceDate: '2025-10-01' })).reviewId;
  h = await createHousehold(database.db, OFFICER, MT, newHousehold('Lò Văn Pánh'));
});
after(() => database.close());

function refusal(code: string) {
  return (e: unknown) => {
    assert.ok(e instanceof RegistryError, `expected ${code}, got ${String(e)}`);
    assert.equal(e.code, code);
    return true;
  };
}

test('a survey snapshots the household input, classifies it and puts the household on the review list', async () => {
  const db = database.db;
  const r = await recordSurvey(db, OFFICER, MT, h.id, { reviewId: review2025, surveyedOn: '2025-10-05', scoreA: 120, causes: ['no_capital', 'no_capital'], needs: ['credit'] });
  assert.equal(r.supersedes, null);
  assert.equal(r.survey.scoreA, 120);
  assert.deepEqual(r.survey.causes, ['no_capital']);
  const snap = r.survey.facts as { id: string; area: string; scoreA: number; members: Array<{ name: string; healthInsurance: boolean }>; waterSource: string };
  assert.equal(snap.id, h.code);
  assert.equal(snap.area, 'rural');
  assert.equal(snap.members.length, 2);
  assert.equal(snap.members[0]!.name, 'Lò Văn Pánh');
  assert.equal(snap.members[0]!.healthInsurance, true);
  assert.equal(snap.waterSource, 'drilled_well');
  assert.equal(r.classifications.length, 1);
  const c = r.classifications[0]!;
  assert.equal(c.standardId, 'ND07_2021');
  assert.equal(c.class, 'near_poor', 'score A ≤ 140 with no deprivation');
  assert.equal(c.surveyId, r.survey.id);
  assert.equal(c.areaType, 'rural');
  assert.match(c.explanation, /cận nghèo/);
  const rh = await db.selectFrom('review_household').selectAll().where('household_id', '=', h.id).executeTakeFirstOrThrow();
  assert.equal(rh.stage, 'surveyed');
  assert.equal(rh.listing_reason, 'added');
  assert.equal(rh.proposed_class, 'near_poor');
  const audit = await auditOf(db, 'classification', `${review2025}/${h.id}`);
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.before, null);
  assert.equal((audit[0]!.after as Array<{ class: string }>)[0]!.class, 'near_poor');
});

test('a resurvey supersedes the previous survey (never overwrites it) and reclassifies', async () => {
  const db = database.db;
  const first = await db.selectFrom('survey').selectAll().where('household_id', '=', h.id).executeTakeFirstOrThrow();
  // The member lost health insurance: the new survey sees it from the registry.
  const wife = h.members.find((m) => m.relation === 'spouse')!;
  const current = (await db.selectFrom('household').select('version').where('id', '=', h.id).executeTakeFirstOrThrow()).version;
  await updateMember(db, OFFICER, MT, h.id, wife.id, current, { facts: { healthInsurance: false, highestCompletedLevel: 'upper_secondary', employment: 'unemployed' } });
  const r = await recordSurvey(db, OFFICER, MT, h.id, { reviewId: review2025, scoreA: 100, facts: { ...HOUSEHOLD_FACTS, latrine: 'simple_pit' } });
  assert.equal(r.supersedes, first.id);
  assert.equal(r.classifications[0]!.class, 'poor');
  assert.deepEqual(r.classifications[0]!.deprivations, ['employment', 'health_insurance', 'latrine']);
  const old = await db.selectFrom('survey').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
  assert.equal(old.superseded_by, r.survey.id);
  assert.equal(old.score_a, 120, 'the old survey is unchanged');
  const currents = await db.selectFrom('survey').select('id').where('household_id', '=', h.id).where('superseded_by', 'is', null).execute();
  assert.deepEqual(
    currents.map((x) => x.id),
    [r.survey.id],
  );
  const audit = await auditOf(db, 'classification', `${review2025}/${h.id}`);
  assert.equal((audit[1]!.before as Array<{ class: string }>)[0]!.class, 'near_poor');
  assert.equal((audit[1]!.after as Array<{ class: string }>)[0]!.class, 'poor');
  const full = await getSurvey(db, MT, h.id, first.id);
  assert.equal(full?.supersededBy, r.survey.id);
  assert.equal(await getSurvey(db, DK, h.id, first.id), undefined);
});

test('form A exclusion, score A items and validation', async () => {
  const db = database.db;
  const x = await createHousehold(db, OFFICER, MT, newHousehold('Có Ô Tô'));
  const ex = await recordSurvey(db, OFFICER, MT, x.id, { reviewId: review2025, formA: { answers: { car: true, salaried_member: false } } });
  assert.equal(ex.survey.excludedByFormA, true);
  assert.equal(ex.classifications[0]!.class, 'none');
  assert.match(ex.classifications[0]!.explanation, /phiếu A.*có ô tô/);
  const items = await recordSurvey(db, OFFICER, MT, x.id, { reviewId: review2025, formA: { answers: { car: false } }, scoreAItems: [{ code: 'house', points: 60 }, { code: 'assets', points: 100 }] });
  assert.equal(items.survey.scoreA, 160);
  assert.equal(items.classifications[0]!.class, 'none');
  await assert.rejects(recordSurvey(db, OFFICER, MT, x.id, { reviewId: review2025, scoreA: 150, scoreAItems: [{ code: 'house', points: 60 }] }), refusal('score_a_mismatch'));
  await assert.rejects(recordSurvey(db, OFFICER, MT, x.id, { reviewId: review2025, scoreA: 100, causes: ['laziness'] }), refusal('field_enum'));
  await assert.rejects(recordSurvey(db, OFFICER, MT, x.id, { reviewId: review2025, formA: { answers: { yacht: true } as never } }), refusal('field_unknown'));
  // Missing facts the standard needs: refused with the engine's Vietnamese message; nothing recorded.
  const surveysBefore = await db.selectFrom('survey').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await assert.rejects(recordSurvey(db, OFFICER, MT, x.id, { reviewId: review2025, scoreA: 100, facts: {} }), (e: unknown) => {
    assert.ok(refusal('classification_input')(e));
    assert.match(String((e as RegistryError).params.message), /[À-ỹ]/);
    return true;
  });
  const surveysAfter = await db.selectFrom('survey').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(surveysAfter.n), Number(surveysBefore.n));
});

test('the area type of the commune decides the line: score A 150 is poor-range in a ward, above the line in a rural commune', async () => {
  const db = database.db;
  const ward = (await insertReview(db, { year: 2025, communeCode: '03388', referenceDate: '2025-10-01' })).reviewId;
  const w = await createHousehold(db, OFFICER, DK, newHousehold('Phường', { villageCode: '01' }));
  const r = await recordSurvey(db, OFFICER, DK, w.id, { reviewId: ward, scoreA: 150 });
  assert.equal(r.classifications[0]!.areaType, 'urban');
  assert.equal(r.classifications[0]!.class, 'near_poor');
  const x = await createHousehold(db, OFFICER, MT, newHousehold('Nông Thôn'));
  const rr = await recordSurvey(db, OFFICER, MT, x.id, { reviewId: review2025, scoreA: 150 });
  assert.equal(rr.classifications[0]!.class, 'none');
  await assert.rejects(recordSurvey(db, OFFICER, MT, x.id, { reviewId: ward, scoreA: 150 }), refusal('out_of_scope'));
  await assert.rejects(recordSurvey(db, OFFICER, LAI_CHAU, x.id, { reviewId: ward, scoreA: 150 }), refusal('review_other_commune'));
});

test('a campaign with a local standard stores both classifications (local skipped when it cannot score A)', async () => {
  const db = database.db;
  const local = (await insertReview(db, { year: 2024, referenceDate: '2024-10-01', localStandardId: 'BAC_NINH_2022_2025' })).reviewId;
  const x = await createHousehold(db, OFFICER, MT, newHousehold('Chuẩn Địa Phương'));
  const withIncome = await recordSurvey(db, OFFICER, MT, x.id, { reviewId: local, income: 1_600_000 });
  assert.deepEqual(
    withIncome.classifications.map((c) => [c.standardId, c.class]),
    [
      ['ND07_2021', 'average'],
      ['BAC_NINH_2022_2025', 'near_poor'],
    ],
  );
  const byScore = await recordSurvey(db, OFFICER, MT, x.id, { reviewId: local, scoreA: 100 });
  assert.deepEqual(
    byScore.classifications.map((c) => c.standardId),
    ['ND07_2021'],
  );
  assert.equal(byScore.skipped[0]!.standardId, 'BAC_NINH_2022_2025');
  // A 2024 reference date precedes the 2025-layout commune: its first version's area type applies.
  assert.equal(withIncome.classifications[0]!.areaType, 'rural');
});

test('lock: once the review is decided, submitted or accepted, surveys and classification are refused and nothing changes', async () => {
  const db = database.db;
  const { reviewId } = await insertReview(db, { year: 2025, referenceDate: '2025-10-01' });
  const x = await createHousehold(db, OFFICER, MT, newHousehold('Đã Khoá'));
  const ok = await recordSurvey(db, OFFICER, MT, x.id, { reviewId, scoreA: 100 });
  for (const state of ['decided', 'submitted', 'accepted']) {
    await setReviewState(db, reviewId, state);
    await assert.rejects(recordSurvey(db, OFFICER, MT, x.id, { reviewId, scoreA: 200 }), refusal('review_locked'));
    await assert.rejects(classifyReview(database, MT, reviewId), refusal('review_locked'));
  }
  const surveys = await db.selectFrom('survey').selectAll().where('review_id', '=', reviewId).execute();
  assert.deepEqual(
    surveys.map((s) => s.id),
    [ok.survey.id],
  );
  const c = await db.selectFrom('classification').selectAll().where('review_id', '=', reviewId).executeTakeFirstOrThrow();
  assert.equal(c.class, ok.classifications[0]!.class);
  // Reopened (by the workflow): allowed again.
  await setReviewState(db, reviewId, 'surveying');
  assert.equal((await recordSurvey(db, OFFICER, MT, x.id, { reviewId, scoreA: 200 })).classifications[0]!.class, 'none');
});

test('history: the class in every past review with its standard, explanation and survey survives a resurvey', async () => {
  const db = database.db;
  const x = await createHousehold(db, OFFICER, MT, newHousehold('Có Lịch Sử'));
  const y2023 = (await insertReview(db, { year: 2023, referenceDate: '2023-10-01' })).reviewId;
  const y2024 = (await insertReview(db, { year: 2024, referenceDate: '2024-10-01' })).reviewId;
  const s2023 = await recordSurvey(db, OFFICER, MT, x.id, { reviewId: y2023, scoreA: 90, facts: { ...HOUSEHOLD_FACTS, latrine: 'none', waterSource: 'surface_water', usesInternet: false } });
  assert.equal(s2023.classifications[0]!.class, 'poor');
  await setReviewState(db, y2023, 'accepted');
  const s2024a = await recordSurvey(db, OFFICER, MT, x.id, { reviewId: y2024, scoreA: 130 });
  const s2024b = await recordSurvey(db, OFFICER, MT, x.id, { reviewId: y2024, scoreA: 160 });
  const hist = await householdHistory(db, MT, x.id);
  assert.deepEqual(
    hist.reviews.map((r) => [r.year, r.classifications[0]!.class, r.classifications[0]!.surveyId]),
    [
      [2024, 'none', s2024b.survey.id],
      [2023, 'poor', s2023.survey.id],
    ],
  );
  const r2023 = hist.reviews[1]!;
  assert.equal(r2023.standardId, 'ND07_2021');
  assert.match(r2023.classifications[0]!.standardName!, /07\/2021/);
  assert.match(r2023.classifications[0]!.explanation, /hộ nghèo/);
  assert.equal(r2023.reviewState, 'accepted');
  assert.deepEqual(
    hist.reviews[0]!.surveys.map((s) => [s.id, s.supersededBy]),
    [
      [s2024a.survey.id, s2024b.survey.id],
      [s2024b.survey.id, null],
    ],
  );
  await assert.rejects(householdHistory(db, DK, x.id), refusal('out_of_scope'));
});

test('preview classifies an unsaved input for a year and area (or a commune) and stores nothing', async () => {
  const db = database.db;
  const countBefore = await db.selectFrom('classification').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const household = { ...HOUSEHOLD_FACTS, scoreA: 100, latrine: 'simple_pit', members: [{ name: 'A', birthYear: 1980, sex: 'male', healthInsurance: false, employment: 'unemployed' }] };
  const p = await previewClassification(db, { year: 2025, communeCode: '03445', referenceDate: '2025-10-01', household });
  assert.equal(p.standard, 'ND07_2021');
  assert.equal(p.area, 'rural');
  assert.equal(p.class, 'poor');
  assert.equal(p.indicators!.length, 12);
  const urban = await previewClassification(db, { standardId: 'ND07_2021', area: 'urban', household: { ...household, scoreA: 160 } });
  assert.equal(urban.class, 'poor');
  await assert.rejects(previewClassification(db, { year: 2025, area: 'rural', household: { ...household, members: [] } }), refusal('classification_input'));
  await assert.rejects(previewClassification(db, { standardId: 'NOPE', area: 'rural', household }), refusal('standard_unknown'));
  const countAfter = await db.selectFrom('classification').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(countAfter.n), Number(countBefore.n));
});
