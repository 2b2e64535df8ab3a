/** Form B survey imports: surveys written with the registry snapshot, classified set-based, idempotent; locked reviews refused. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import { openRegistryDatabase, insertReview, setReviewState, MT } from '../registry/fixtures.ts';
import { count, errorsOf, household, members, upload, uploadAndCommit, writeCsv } from './import-fixtures.ts';

let database: Database;
before(async () => {
  database = await openRegistryDatabase();
});
after(() => database.close());

test('a form B file writes surveys and classifications; re-uploading it changes nothing', async () => {
  const { campaignId, reviewId } = await insertReview(database.db, { year: 2026, referenceDate: '2026-01-15' });
  const hh = [household('MT-SV-1'), household('MT-SV-2', { latrine: 'không có nhà tiêu', water_source: 'nước sông, suối, ao, hồ', uses_internet: 'Không', information_devices: 'Không có', hears_loudspeaker: 'Không', uses_telephone: 'Không' })];
  const mm = [...members('MT-SV-1', 'Lường Văn Một'), ...members('MT-SV-2', 'Lường Văn Hai')];
  const sv = [
    { household_code: 'MT-SV-1', surveyed_on: '10/01/2026', income: 5_000_000, causes: 'Thiếu vốn sản xuất, kinh doanh' },
    { household_code: 'MT-SV-2', surveyed_on: '10/01/2026', income: 900_000, needs: 'Y tế; Nhà ở' },
  ];
  const files = () => [writeCsv('households', hh), writeCsv('members', mm), writeCsv('surveys', sv)];
  const job = await uploadAndCommit(database, MT, 'survey', files(), { campaignId });
  assert.equal(job.state, 'committed', JSON.stringify(await errorsOf(database, job.id)));
  assert.equal(job.result!.surveys, 2);
  assert.equal(job.result!.classified, 2, JSON.stringify(job.result));
  assert.equal(job.result!.byClass.poor, 1, JSON.stringify(job.result));
  const c = await sql<{ code: string; class: string; explanation: string }>`
    select h.code, c.class, c.explanation from classification c join household h on h.id = c.household_id
    where c.review_id = ${reviewId} order by h.code`.execute(database.db);
  assert.deepEqual(c.rows.map((r) => [r.code, r.class]), [['MT-SV-1', 'none'], ['MT-SV-2', 'poor']]);
  const s = await sql<{ needs: string[]; facts: { id: string; members: Array<{ name: string }> } }>`
    select v.needs, v.facts from survey v join household h on h.id = v.household_id where h.code = 'MT-SV-2'`.execute(database.db);
  assert.deepEqual(s.rows[0]!.needs, ['health', 'housing']);
  assert.equal(s.rows[0]!.facts.id, 'MT-SV-2');
  assert.deepEqual(s.rows[0]!.facts.members.map((m) => m.name), ['Lường Văn Hai', 'Lường Văn Hai (vợ)']);
  assert.equal(await count(database, `review_household where review_id = ${reviewId} and proposed_class = 'poor'`), 1);

  const again = await uploadAndCommit(database, MT, 'survey', files(), { campaignId });
  assert.deepEqual([again.result!.unchanged, again.result!.surveys, again.result!.surveysUnchanged], [2, 0, 2]);
  assert.equal(await count(database, `survey where review_id = ${reviewId}`), 2);

  await setReviewState(database.db, reviewId, 'decided');
  const locked = await upload(database, MT, 'survey', files(), { campaignId });
  const codes = (await errorsOf(database, locked.id)).map((e) => `${e.sheet}:${e.line}:${e.code}:${e.value}`);
  assert.deepEqual(codes, ['surveys:2:review_locked:03445', 'surveys:3:review_locked:03445']);
});
