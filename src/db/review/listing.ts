/**
 * Step 1 of the review (review-procedure.md §4): the households to review. Listing from the current
 * lists and the form-01 applications is one set-based insert…select; officers may add households by
 * hand and remove the ones they added. Only while the review is in the listing step.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { recordAudit } from '../audit.ts';
import type { Caller } from './caller.ts';
import { ReviewError } from './errors.ts';
import { CLASS, classificationJoins, SURVEYED } from './household-sql.ts';
import { assertRecordable, loadReview } from './review-load.ts';
import { containsPattern } from '../registry/text.ts';
import { problem } from '../../domain/review/problem.ts';

const WHAT = problem('danh sách hộ cần rà soát', 'The list of households to review');

export interface ListingResult {
  onPoorList: number;
  onNearPoorList: number;
  applied: number;
  total: number;
}

/**
 * Lists (a) every active household of the commune whose latest list row before this campaign's policy
 * lists (list_year ≤ campaign year, other reviews' rows only) is poor or near-poor, and (b) every
 * household of the commune with a form-01 application received in the campaign year. Idempotent.
 */
export async function listFromCurrentLists(db: Kysely<DB>, caller: Caller, reviewId: number): Promise<ListingResult> {
  return db.transaction().execute(async (trx) => {
    const { review, campaign } = await loadReview(trx, caller.scope, reviewId, true);
    assertRecordable(review, ['listing'], WHAT);
    const r = await sql<{ listing_reason: string; n: number }>`
      with fromLists as (
        insert into review_household (province_code, review_id, household_id, listing_reason)
        select h.province_code, ${review.id}, h.id, case cur.status when 'poor' then 'on_poor_list' else 'on_near_poor_list' end
        from household h
        cross join lateral (
          select ls.status from list_status ls
          where ls.province_code = h.province_code and ls.household_id = h.id and ls.list_year <= ${campaign.year}
            and (ls.review_id is null or ls.review_id <> ${review.id})
          order by ls.effective_from desc limit 1) cur
        where h.province_code = ${review.province_code} and h.commune_code = ${review.commune_code} and h.status = 'active'
          and cur.status in ('poor', 'near_poor')
        on conflict do nothing
        returning listing_reason, household_id),
      applied as (
        insert into review_household (province_code, review_id, household_id, listing_reason)
        select distinct a.province_code, ${review.id}::bigint, a.household_id, 'applied'
        from monthly_application a join household h on h.province_code = a.province_code and h.id = a.household_id
        where a.province_code = ${review.province_code} and a.commune_code = ${review.commune_code} and a.form = '01'
          and a.received_on >= ${`${campaign.year}-01-01`}::date and h.status = 'active'
          and not exists (select 1 from fromLists f where f.household_id = a.household_id)
        on conflict do nothing
        returning listing_reason)
      select listing_reason, count(*)::int as n from (select listing_reason from fromLists union all select listing_reason from applied) x
      group by listing_reason`.execute(trx);
    const n = (reason: string) => r.rows.find((x) => x.listing_reason === reason)?.n ?? 0;
    const result = { onPoorList: n('on_poor_list'), onNearPoorList: n('on_near_poor_list'), applied: n('applied'), total: 0 };
    result.total = result.onPoorList + result.onNearPoorList + result.applied;
    await recordAudit(trx, caller.actor, {
      action: 'review.list_households',
      entity: 'commune_review',
      entityId: review.id,
      provinceCode: review.province_code,
      unitCode: review.commune_code,
      after: result,
    });
    return result;
  });
}

/** Adds households of the review's commune by hand ('added') or because they applied ('applied'). */
export async function addHouseholds(
  db: Kysely<DB>,
  caller: Caller,
  reviewId: number,
  householdIds: number[],
  reason: 'added' | 'applied',
): Promise<{ added: number }> {
  return db.transaction().execute(async (trx) => {
    const { review } = await loadReview(trx, caller.scope, reviewId, true);
    assertRecordable(review, ['listing'], WHAT);
    const ids = [...new Set(householdIds)];
    const found = await trx
      .selectFrom('household')
      .select('id')
      .where('province_code', '=', review.province_code)
      .where('commune_code', '=', review.commune_code)
      .where('status', '=', 'active')
      .where('id', 'in', ids)
      .execute();
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) throw new ReviewError('household_not_in_commune', { ids: missing.join(', ') });
    const inserted = await trx
      .insertInto('review_household')
      .columns(['province_code', 'review_id', 'household_id', 'listing_reason'])
      .expression(
        trx
          .selectFrom('household')
          .select([sql.lit(review.province_code).as('p'), sql.lit(review.id).as('r'), 'id', sql.lit(reason).as('reason')])
          .where('province_code', '=', review.province_code)
          .where('id', 'in', ids),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('household_id')
      .execute();
    await recordAudit(trx, caller.actor, {
      action: 'review.add_households',
      entity: 'commune_review',
      entityId: review.id,
      provinceCode: review.province_code,
      unitCode: review.commune_code,
      after: { reason, householdIds: inserted.map((x) => x.household_id) },
    });
    return { added: inserted.length };
  });
}

/** Removes a household that was added by hand or on application (never one listed from the lists). */
export async function removeHousehold(db: Kysely<DB>, caller: Caller, reviewId: number, householdId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { review } = await loadReview(trx, caller.scope, reviewId, true);
    assertRecordable(review, ['listing'], WHAT);
    const row = await trx
      .selectFrom('review_household as rh')
      .innerJoin('household as h', (j) => j.onRef('h.province_code', '=', 'rh.province_code').onRef('h.id', '=', 'rh.household_id'))
      .select(['rh.listing_reason', 'h.code'])
      .where('rh.province_code', '=', review.province_code)
      .where('rh.review_id', '=', review.id)
      .where('rh.household_id', '=', householdId)
      .executeTakeFirst();
    if (!row) throw new ReviewError('household_not_listed', { id: householdId });
    if (row.listing_reason !== 'added' && row.listing_reason !== 'applied') throw new ReviewError('listing_reason_fixed', { id: row.code });
    await trx
      .deleteFrom('review_household')
      .where('province_code', '=', review.province_code)
      .where('review_id', '=', review.id)
      .where('household_id', '=', householdId)
      .execute();
    await recordAudit(trx, caller.actor, {
      action: 'review.remove_household',
      entity: 'commune_review',
      entityId: review.id,
      provinceCode: review.province_code,
      unitCode: review.commune_code,
      before: row,
    });
  });
}

export interface ListedHouseholdView {
  householdId: number;
  code: string;
  headName: string;
  villageCode: string;
  listingReason: string;
  stage: string;
  surveyed: boolean;
  class: string | null;
  finalClass: string | null;
  vote: { meetingNo: number; agree: number; disagree: number; attendees: number } | null;
}

/** Classes a listed household can have in the filters; `unclassified` = not classified yet (no class / no final class). */
export const LISTED_CLASS_FILTERS = ['poor', 'near_poor', 'average', 'none', 'unclassified'] as const;
export type ListedClassFilter = (typeof LISTED_CLASS_FILTERS)[number];

export interface ListedHouseholdsQuery {
  village?: string;
  stage?: string;
  /** Why the household is on the list: on_poor_list, on_near_poor_list, applied, added. */
  reason?: string;
  /** The class proposed by the classification of its survey (national standard). */
  proposedClass?: ListedClassFilter;
  /** The class the commune decision recognised. */
  finalClass?: ListedClassFilter;
  /** Head's name (diacritics and case ignored: "nguyen van a" finds "Nguyễn Văn A") or the start of the household code. */
  q?: string;
  page: number;
  pageSize: number;
}

function classFilter(column: RawBuilder<unknown>, value: ListedClassFilter | undefined): RawBuilder<unknown>[] {
  if (value === undefined) return [];
  return value === 'unclassified' ? [sql`${column} is null`] : [sql`${column} = ${value}`];
}

/** Head's folded name contains the query, or the household code starts with it (digits without spaces or dots). */
function searchFilter(query: string | undefined): RawBuilder<unknown>[] {
  const text = query?.trim();
  if (!text) return [];
  const digits = text.replace(/[\s.]/g, '');
  const byName = sql`h.head_name_ascii like ${containsPattern(text)}`;
  return [/^\d+$/.test(digits) ? sql`(${byName} or h.code like ${`${digits}%`})` : byName];
}

export async function listReviewHouseholds(
  db: Kysely<DB>,
  scope: Scope,
  reviewId: number,
  q: ListedHouseholdsQuery,
): Promise<{ items: ListedHouseholdView[]; total: number }> {
  const { review, campaign } = await loadReview(db, scope, reviewId);
  const filters = sql.join(
    [
      sql`rh.province_code = ${review.province_code}`,
      sql`rh.review_id = ${review.id}`,
      ...(q.village === undefined ? [] : [sql`coalesce(h.village_code, '') = ${q.village}`]),
      ...(q.stage === undefined ? [] : [sql`rh.stage = ${q.stage}`]),
      ...(q.reason === undefined ? [] : [sql`rh.listing_reason = ${q.reason}`]),
      ...classFilter(CLASS, q.proposedClass),
      ...classFilter(sql`rh.final_class`, q.finalClass),
      ...searchFilter(q.q),
    ],
    sql` and `,
  );
  const from = sql`from review_household rh join household h on h.province_code = rh.province_code and h.id = rh.household_id
    ${classificationJoins(campaign.standard_id)} where ${filters}`;
  const total = await sql<{ n: number }>`select count(*)::int as n ${from}`.execute(db);
  const rows = await sql<{
    household_id: number;
    code: string;
    head_name: string;
    village_code: string;
    listing_reason: string;
    stage: string;
    surveyed: boolean;
    class: string | null;
    final_class: string | null;
    vote: { meeting_no: number; agree: number; disagree: number; attendees: number } | null;
  }>`
    select rh.household_id, h.code, h.head_name, coalesce(h.village_code, '') as village_code, rh.listing_reason, rh.stage,
      ${SURVEYED} as surveyed, ${CLASS} as class, rh.final_class,
      (select json_build_object('meeting_no', v.meeting_no, 'agree', v.agree, 'disagree', v.disagree, 'attendees', v.attendees)
        from meeting_vote v join village_meeting m on m.province_code = v.province_code and m.review_id = v.review_id
          and m.village_code = v.village_code and m.meeting_no = v.meeting_no
        where v.province_code = rh.province_code and v.review_id = rh.review_id and v.household_id = rh.household_id
        order by m.held_on desc, v.meeting_no desc limit 1) as vote
    ${from}
    order by 4, h.code limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
  return {
    total: total.rows[0]?.n ?? 0,
    items: rows.rows.map((r) => ({
      householdId: r.household_id,
      code: r.code,
      headName: r.head_name,
      villageCode: r.village_code,
      listingReason: r.listing_reason,
      stage: r.stage,
      surveyed: r.surveyed,
      class: r.class,
      finalClass: r.final_class,
      vote: r.vote && { meetingNo: r.vote.meeting_no, agree: r.vote.agree, disagree: r.vote.disagree, attendees: r.vote.attendees },
    })),
  };
}
