/**
 * The household list: filters (commune, village, registry status, current list status, class in a
 * review), diacritic- and case-insensitive search over head and member names, household code and
 * citizen ID, offset paging with the total. One statement for the page and one for the count.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, HouseholdStatus } from '../schema.ts';
import type { HouseholdClass } from '../../domain/classification/result.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { scopePredicate } from '../scope-filter.ts';
import { HOUSEHOLD_SCOPE, REVIEW_SCOPE } from './scope-columns.ts';
import { codeQuery, containsPattern, escapeLike, todayInVietnam } from './text.ts';
import type { HouseholdListItem, ListStatusInfo, Page } from './types.ts';

export interface ListHouseholdsQuery {
  communeCode?: string;
  villageCode?: string;
  /** Registry status; default "active"; "all" for every status. */
  status?: HouseholdStatus | 'all';
  /** Current list status (latest decision in force on `asOf`); "unlisted" = no decision yet. */
  listStatus?: ListStatusInfo['status'] | 'unlisted';
  /** Date for the list status; default today. */
  asOf?: string;
  /** A commune review: adds each household's class in it; with `reviewClass` filters on it ("unclassified" = none yet). */
  reviewId?: number;
  reviewClass?: HouseholdClass | 'unclassified';
  /** Search text: head or member name (without diacritics, any case), household code prefix, citizen ID. */
  q?: string;
  page?: number;
  pageSize?: number;
}

/** The national standard of a review's campaign, if the review is inside the scope. */
async function reviewStandard(db: Kysely<DB>, scope: Scope, reviewId: number): Promise<string | null> {
  const r = await db
    .selectFrom('commune_review')
    .innerJoin('review_campaign', 'review_campaign.id', 'commune_review.campaign_id')
    .select('review_campaign.standard_id')
    .where('commune_review.id', '=', reviewId)
    .where(scopePredicate(scope, REVIEW_SCOPE))
    .executeTakeFirst();
  return r?.standard_id ?? null;
}

export async function listHouseholds(db: Kysely<DB>, scope: Scope, q: ListHouseholdsQuery = {}): Promise<Page<HouseholdListItem>> {
  const page = Math.max(1, q.page ?? 1);
  const pageSize = Math.min(500, Math.max(1, q.pageSize ?? 50));
  const asOf = q.asOf ?? todayInVietnam();
  const listStatusSql = sql<string | null>`(select ls.status from list_status ls
      where ls.province_code = household.province_code and ls.household_id = household.id and ls.effective_from <= ${asOf}::date
      order by ls.effective_from desc limit 1)`;
  const standard = q.reviewId !== undefined ? await reviewStandard(db, scope, q.reviewId) : null;
  const reviewClassSql =
    q.reviewId !== undefined && standard !== null
      ? sql<HouseholdClass | null>`(select c.class from classification c
          where c.province_code = household.province_code and c.household_id = household.id
            and c.review_id = ${q.reviewId} and c.standard_id = ${standard})`
      : sql<HouseholdClass | null>`null::text`;

  let base = db.selectFrom('household').where(scopePredicate(scope, HOUSEHOLD_SCOPE));
  if (q.communeCode) base = base.where('household.commune_code', '=', q.communeCode);
  if (q.villageCode) base = base.where('household.village_code', '=', q.villageCode);
  const status = q.status ?? 'active';
  if (status !== 'all') base = base.where('household.status', '=', status);
  if (q.listStatus === 'unlisted') base = base.where(sql<boolean>`${listStatusSql} is null`);
  else if (q.listStatus) base = base.where(sql<boolean>`${listStatusSql} = ${q.listStatus}`);
  if (q.reviewClass) {
    // A class filter on a review outside the scope matches nothing.
    if (standard === null) base = base.where(sql<boolean>`false`);
    else if (q.reviewClass === 'unclassified') base = base.where(sql<boolean>`${reviewClassSql} is null`);
    else base = base.where(sql<boolean>`${reviewClassSql} = ${q.reviewClass}`);
  }
  const text = q.q?.trim();
  if (text) {
    const like = containsPattern(text);
    const digits = text.replace(/[\s.]/g, '');
    const code = codeQuery(text);
    base = base.where((eb) =>
      eb.or([
        eb('household.head_name_ascii', 'like', like),
        sql<boolean>`exists (select 1 from member m where m.province_code = household.province_code and m.household_id = household.id
                       and m.active and m.full_name_ascii like ${like})`,
        ...(/^\d+$/.test(digits)
          ? [
              eb('household.code', 'like', `${digits}%`),
              sql<boolean>`exists (select 1 from member m where m.province_code = household.province_code and m.household_id = household.id
                             and m.active and m.citizen_id = ${digits})`,
            ]
          : []),
        // Codes with letters or separators (imported codes such as NHAPLIEU-0003), as typed or upper-cased.
        ...(code === null ? [] : [...new Set([code, code.toUpperCase()])].map((c) => eb('household.code', 'like', `${escapeLike(c)}%`))),
      ]),
    );
  }

  const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('village', (j) =>
      j.onRef('village.province_code', '=', 'household.province_code').onRef('village.commune_code', '=', 'household.commune_code').onRef('village.code', '=', 'household.village_code'),
    )
    .select([
      'household.id',
      'household.code',
      'household.commune_code',
      'household.village_code',
      'village.name as village_name',
      'household.head_name',
      'household.address',
      'household.status',
      'household.version',
      sql<number>`(select count(*)::int from member m where m.province_code = household.province_code and m.household_id = household.id and m.active)`.as('member_count'),
      listStatusSql.as('list_status'),
      reviewClassSql.as('review_class'),
    ])
    .orderBy('household.code')
    .orderBy('household.province_code')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      communeCode: r.commune_code,
      villageCode: r.village_code,
      villageName: r.village_name,
      headName: r.head_name,
      address: r.address,
      status: r.status,
      memberCount: r.member_count,
      listStatus: (r.list_status as ListStatusInfo['status'] | null) ?? null,
      reviewClass: r.review_class ?? null,
      version: r.version,
    })),
    total: total.n,
    page,
    pageSize,
  };
}
