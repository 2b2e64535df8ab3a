/**
 * The lists attached to a commune recognition decision (review-procedure.md §4 Step 5): poor,
 * near-poor, escaped poverty, escaped near-poverty. Membership comes only from the recognised lists
 * (`list_status` rows the decision wrote, `review_id` = the review), never from a computed
 * classification; "escaped" compares each row with the household's recognised status just before it.
 * The new / relapsed / continuing flags (F14/F15 columns 8–10) come from the domain's movement rules.
 * Three statements per review, whatever its size.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { classifyHouseholdMovements } from '../../domain/movements/classify-movement.ts';
import { priorListMembership, type ListHistoryEntry } from '../../domain/movements/prior-list-membership.ts';
import type { PovertyListStatus } from '../../domain/movements/list-status.ts';
import type { MovementCode } from '../../domain/movements/movement-codes.ts';
import type { ListMembershipFlag } from '../../domain/movements/movement-rules.ts';
import type { DecisionReview } from './decision-review.ts';

export const DECISION_LIST_KINDS = ['poor', 'near_poor', 'escaped_poor', 'escaped_near_poor'] as const;
export type DecisionListKind = (typeof DECISION_LIST_KINDS)[number];

export interface DecisionListMember {
  lineNo: number;
  fullName: string;
  birthYear: number | null;
  sex: 'male' | 'female';
  ethnicity: string | null;
  relation: string;
}

export interface DecisionListHousehold {
  householdId: number;
  code: string;
  headName: string;
  ethnicity: string | null;
  villageCode: string | null;
  villageName: string | null;
  address: string | null;
  /** Status the decision recognised. */
  status: PovertyListStatus;
  /** Recognised status just before the decision ('none' when never listed). */
  previousStatus: PovertyListStatus;
  /** Flag on the list the household is on (new / relapsed / continuing), else null. */
  flag: ListMembershipFlag | null;
  poorMovement: MovementCode | null;
  nearPoorMovement: MovementCode | null;
  /** Every member present at the decision date is unable to work (F14/F15 column 13). */
  noWorkingCapacity: boolean;
  /** Support needs from the review's current survey (F14/F15 columns 14–19). */
  needs: string[];
  members: DecisionListMember[];
}

export interface DecisionLists {
  listYear: number;
  lists: Record<DecisionListKind, DecisionListHousehold[]>;
}

interface HouseholdRow {
  household_id: number;
  status: PovertyListStatus;
  list_year: number;
  code: string;
  head_name: string;
  ethnicity: string | null;
  village_code: string | null;
  village_name: string | null;
  address: string | null;
  history: ListHistoryEntry[] | string;
  needs: string[] | null;
}

interface MemberRow {
  household_id: number;
  line_no: number;
  full_name: string;
  birth_year: number | null;
  sex: 'male' | 'female';
  ethnicity: string | null;
  relation: string;
  able_to_work: string | null;
}

function parseHistory(h: HouseholdRow['history']): ListHistoryEntry[] {
  return typeof h === 'string' ? (JSON.parse(h) as ListHistoryEntry[]) : h;
}

/** One household's place on the four lists, from its recognised history. */
function placeOnLists(status: PovertyListStatus, history: readonly ListHistoryEntry[], listYear: number) {
  const last = history.at(-1);
  const previousStatus: PovertyListStatus = last?.status ?? 'none';
  const prior = priorListMembership(history, last?.year ?? listYear);
  const m = classifyHouseholdMovements({ previous: previousStatus, current: status, ...prior });
  const kinds: DecisionListKind[] = [];
  if (status === 'poor') kinds.push('poor');
  if (status === 'near_poor') kinds.push('near_poor');
  if (m.poor.movement === 'poor_out_to_near_poor' || m.poor.movement === 'poor_out_above_near_poor') kinds.push('escaped_poor');
  if (m.nearPoor.movement === 'near_poor_out_above') kinds.push('escaped_near_poor');
  const flag = status === 'poor' ? m.poor.flag : status === 'near_poor' ? m.nearPoor.flag : null;
  return { previousStatus, flag, poorMovement: m.poor.movement, nearPoorMovement: m.nearPoor.movement, kinds };
}

export async function readDecisionLists(db: Kysely<DB>, review: DecisionReview): Promise<DecisionLists> {
  const p = review.provinceCode;
  const r = review.reviewId;
  const cutoff = review.decisionDate ?? '9999-12-31';
  // The decision's row per household (the latest, should the decision have been re-recorded).
  const households = await sql<HouseholdRow>`
    with d as (
      select distinct on (ls.household_id) ls.household_id, ls.status, ls.list_year, ls.effective_from
      from list_status ls
      where ls.province_code = ${p} and ls.review_id = ${r}
      order by ls.household_id, ls.effective_from desc, ls.decision_date desc
    )
    select d.household_id, d.status, d.list_year, h.code, h.head_name, h.ethnicity, h.village_code, h.address,
      v.name as village_name,
      coalesce((
        select json_agg(json_build_object('year', e.list_year, 'status', e.status) order by e.effective_from, e.decision_date)
        from list_status e
        where e.province_code = ${p} and e.household_id = d.household_id and e.effective_from < d.effective_from
      ), '[]'::json) as history,
      s.needs
    from d
    join household h on h.province_code = ${p} and h.id = d.household_id
    left join village v on v.province_code = h.province_code and v.commune_code = h.commune_code and v.code = h.village_code
    left join lateral (
      select sv.needs from survey sv
      where sv.province_code = ${p} and sv.review_id = ${r} and sv.household_id = d.household_id and sv.superseded_by is null
      order by sv.surveyed_on desc, sv.id desc
      limit 1
    ) s on true
    order by h.village_code nulls last, h.code`.execute(db);

  // Members present on the decision date: not yet left, and born by then.
  const members = await sql<MemberRow>`
    select m.household_id, m.line_no, m.full_name, m.sex, m.ethnicity, m.relation,
      coalesce(m.birth_year, extract(year from m.date_of_birth)::int) as birth_year,
      m.facts->>'ableToWork' as able_to_work
    from member m
    where m.province_code = ${p}
      and m.household_id in (select ls.household_id from list_status ls where ls.province_code = ${p} and ls.review_id = ${r})
      and (m.active or m.left_date > ${cutoff}::date)
      and coalesce(m.date_of_birth, make_date(m.birth_year, 1, 1)) <= ${cutoff}::date
    order by m.household_id, m.line_no, m.id`.execute(db);

  const byHousehold = new Map<number, MemberRow[]>();
  for (const m of members.rows) {
    const list = byHousehold.get(m.household_id);
    if (list) list.push(m);
    else byHousehold.set(m.household_id, [m]);
  }

  const listYear = households.rows.reduce((y, h) => Math.max(y, h.list_year), 0) || review.listYear;
  const lists: Record<DecisionListKind, DecisionListHousehold[]> = { poor: [], near_poor: [], escaped_poor: [], escaped_near_poor: [] };
  for (const h of households.rows) {
    const place = placeOnLists(h.status, parseHistory(h.history), h.list_year);
    const ms = byHousehold.get(h.household_id) ?? [];
    const household: DecisionListHousehold = {
      householdId: h.household_id,
      code: h.code,
      headName: h.head_name,
      ethnicity: h.ethnicity,
      villageCode: h.village_code,
      villageName: h.village_name,
      address: h.address,
      status: h.status,
      previousStatus: place.previousStatus,
      flag: place.flag,
      poorMovement: place.poorMovement,
      nearPoorMovement: place.nearPoorMovement,
      noWorkingCapacity: ms.length > 0 && ms.every((m) => m.able_to_work === 'false'),
      needs: h.needs ?? [],
      members: ms.map((m) => ({
        lineNo: m.line_no,
        fullName: m.full_name,
        birthYear: m.birth_year,
        sex: m.sex,
        ethnicity: m.ethnicity,
        relation: m.relation,
      })),
    };
    for (const kind of place.kinds) lists[kind].push(household);
  }
  return { listYear, lists };
}
