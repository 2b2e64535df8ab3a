/**
 * Review campaigns: opened by a province (one commune_review per commune of the province on the
 * reference date, created set-based), listed and read inside the caller's scope, closed only when the
 * domain allows it (every commune accepted, no open monthly application), reopened with a reason.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, ReviewCampaignTable } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import {
  closeReviewCampaign,
  openReviewCampaign,
  reopenReviewCampaign,
  type CampaignKind,
  type ReviewCampaignPlan,
} from '../../domain/review/review-campaign-plan.ts';
import type { ReviewState } from '../../domain/review/review-states.ts';
import { scopePredicate } from '../scope-filter.ts';
import { recordAudit } from '../audit.ts';
import { reviewActorOf, type Caller } from './caller.ts';
import { vietnamToday } from './dates.ts';
import { refusalError, ReviewError } from './errors.ts';
import { CAMPAIGN_SCOPE, REVIEW_SCOPE } from './scope-columns.ts';
import { communeCodesOfProvince, communesOfProvince, unitNameExpr } from './units.ts';

type CampaignRow = Selectable<ReviewCampaignTable>;

export interface CampaignView {
  id: number;
  provinceCode: string;
  year: number;
  kind: CampaignKind;
  month: number | null;
  standardId: string;
  localStandardId: string | null;
  policyYear: number;
  referenceDate: string;
  planStart: string;
  planEnd: string;
  title: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  createdAt: string;
  version: number;
  /** Commune reviews of the campaign visible to the caller, and how many of them are accepted. */
  communes: number;
  accepted: number;
}

export interface OpenCampaignRequest {
  provinceCode?: string;
  kind: CampaignKind;
  year: number;
  month?: number;
  standardId?: string;
  localStandardId?: string | null;
  planStart?: string;
  planEnd?: string;
  referenceDate?: string;
  title?: string;
}

/** Campaigns the scope may read: its province's, or (commune users) those holding its commune's review. */
function readable(scope: Scope) {
  return sql<boolean>`(${scopePredicate(scope, CAMPAIGN_SCOPE)} or exists (
    select 1 from commune_review r where r.campaign_id = c.id and ${scopePredicate(scope, REVIEW_SCOPE)}))`;
}

function viewQuery(db: Kysely<DB> | Transaction<DB>, scope: Scope) {
  return db
    .selectFrom('review_campaign as c')
    .selectAll('c')
    .select([
      sql<number>`(select count(*) from commune_review r where r.campaign_id = c.id and ${scopePredicate(scope, REVIEW_SCOPE)})`.as('communes'),
      sql<number>`(select count(*) from commune_review r where r.campaign_id = c.id and r.state = 'accepted'
        and ${scopePredicate(scope, REVIEW_SCOPE)})`.as('accepted'),
    ])
    .where(readable(scope));
}

function toView(c: CampaignRow & { communes: number; accepted: number }): CampaignView {
  return {
    id: c.id,
    provinceCode: c.province_code,
    year: c.year,
    kind: c.kind,
    month: c.month,
    standardId: c.standard_id,
    localStandardId: c.local_standard_id,
    policyYear: c.policy_year,
    referenceDate: c.reference_date,
    planStart: c.plan_start,
    planEnd: c.plan_end,
    title: c.title,
    status: c.status,
    closedAt: c.closed_at === null ? null : new Date(c.closed_at).toISOString(),
    createdAt: new Date(c.created_at).toISOString(),
    version: c.version,
    communes: Number(c.communes),
    accepted: Number(c.accepted),
  };
}

/** The domain's view of a stored campaign. */
export function campaignPlan(c: CampaignRow): ReviewCampaignPlan {
  return {
    campaignId: String(c.id),
    provinceCode: c.province_code,
    kind: c.kind,
    year: c.year,
    ...(c.month === null ? {} : { month: c.month }),
    policyYear: c.policy_year,
    standardId: c.standard_id,
    planStart: c.plan_start,
    planEnd: c.plan_end,
    status: c.status,
    nameVi: c.title,
  };
}

function auditView(c: CampaignRow) {
  const { created_at: _c, closed_at: _x, ...rest } = c;
  return rest;
}

export async function getCampaign(db: Kysely<DB>, scope: Scope, id: number): Promise<CampaignView | undefined> {
  const row = await viewQuery(db, scope).where('c.id', '=', id).executeTakeFirst();
  return row && toView(row);
}

export interface ListCampaignsQuery {
  year?: number;
  kind?: CampaignKind;
  status?: 'open' | 'closed';
}

export async function listCampaigns(db: Kysely<DB>, scope: Scope, q: ListCampaignsQuery = {}): Promise<CampaignView[]> {
  let query = viewQuery(db, scope);
  if (q.year !== undefined) query = query.where('c.year', '=', q.year);
  if (q.kind !== undefined) query = query.where('c.kind', '=', q.kind);
  if (q.status !== undefined) query = query.where('c.status', '=', q.status);
  const rows = await query.orderBy('c.year', 'desc').orderBy('c.plan_start', 'desc').orderBy('c.id', 'desc').execute();
  return rows.map(toView);
}

async function assertNoTwin(trx: Transaction<DB>, plan: ReviewCampaignPlan): Promise<void> {
  let q = trx
    .selectFrom('review_campaign')
    .select('id')
    .where('province_code', '=', plan.provinceCode)
    .where('kind', '=', plan.kind)
    .where('year', '=', plan.year);
  if (plan.kind === 'monthly') q = q.where('month', '=', plan.month ?? null);
  const twin = await q.executeTakeFirst();
  if (twin) throw new ReviewError('campaign_exists', { id: twin.id });
}

/** Opens a campaign and its commune reviews in one transaction (audited); refusals come from the domain. */
export async function openCampaign(db: Kysely<DB>, caller: Caller, input: OpenCampaignRequest): Promise<CampaignView> {
  const provinceCode = input.provinceCode ?? (caller.scope.level === 'national' ? undefined : caller.scope.provinceCode);
  if (provinceCode === undefined) throw new ReviewError('province_required');
  const province = await sql<{ name: string | null }>`select ${unitNameExpr('p.code', vietnamToday())} as name from (select ${provinceCode}::text as code) p`.execute(db);
  const provinceName = province.rows[0]?.name ?? undefined;
  const opened = openReviewCampaign(
    {
      campaignId: 'new',
      provinceCode,
      ...(provinceName ? { provinceName } : {}),
      kind: input.kind,
      year: input.year,
      ...(input.month === undefined ? {} : { month: input.month }),
      ...(input.standardId === undefined ? {} : { standardId: input.standardId }),
      ...(input.planStart === undefined ? {} : { planStart: input.planStart }),
      ...(input.planEnd === undefined ? {} : { planEnd: input.planEnd }),
      today: vietnamToday(),
    },
    reviewActorOf(caller),
  );
  if (!opened.ok) {
    if (opened.code === 'out_of_scope') throw new ReviewError('unit_out_of_scope', { code: provinceCode });
    throw refusalError(opened);
  }
  const plan = opened.campaign;
  const referenceDate = input.referenceDate ?? plan.planStart;
  return db.transaction().execute(async (trx) => {
    await assertNoTwin(trx, plan);
    const row = await trx
      .insertInto('review_campaign')
      .values({
        province_code: provinceCode,
        year: plan.year,
        kind: plan.kind,
        month: plan.month ?? null,
        standard_id: plan.standardId,
        local_standard_id: input.localStandardId ?? null,
        policy_year: plan.policyYear,
        reference_date: referenceDate,
        plan_start: plan.planStart,
        plan_end: plan.planEnd,
        title: input.title?.trim() || plan.nameVi,
        created_by: caller.actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const inserted = await sql`
      insert into commune_review (province_code, campaign_id, commune_code)
      select u.province_code, ${row.id}, u.code from (${communesOfProvince(provinceCode, referenceDate)}) u`.execute(trx);
    const communes = Number(inserted.numAffectedRows ?? 0);
    if (communes === 0) throw new ReviewError('campaign_no_communes', { code: provinceCode, date: referenceDate });
    await sql`
      insert into commune_review_event (province_code, review_id, actor_id, action, from_state, to_state, payload)
      select r.province_code, r.id, ${caller.actor.id}, 'created', null, r.state, ${JSON.stringify({ campaignId: row.id })}::jsonb
      from commune_review r where r.campaign_id = ${row.id}`.execute(trx);
    await recordAudit(trx, caller.actor, {
      action: 'campaign.open',
      entity: 'review_campaign',
      entityId: row.id,
      provinceCode,
      unitCode: provinceCode,
      after: { ...auditView(row), communes },
    });
    return toView({ ...row, communes, accepted: 0 });
  });
}

async function lockCampaign(trx: Transaction<DB>, scope: Scope, id: number, version: number): Promise<CampaignRow> {
  const row = await trx.selectFrom('review_campaign as c').selectAll('c').where('c.id', '=', id).where(readable(scope)).forUpdate().executeTakeFirst();
  if (!row) throw new ReviewError('out_of_scope');
  if (row.version !== version) throw new ReviewError('conflict');
  return row;
}

async function saveStatus(trx: Transaction<DB>, caller: Caller, before: CampaignRow, status: 'open' | 'closed', reason?: string): Promise<CampaignView> {
  const after = await trx
    .updateTable('review_campaign')
    .set({ status, closed_at: status === 'closed' ? sql<Date>`now()` : null, version: sql<number>`version + 1` })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, caller.actor, {
    action: status === 'closed' ? 'campaign.close' : 'campaign.reopen',
    entity: 'review_campaign',
    entityId: before.id,
    provinceCode: before.province_code,
    unitCode: before.province_code,
    before: auditView(before),
    after: auditView(after),
    reason: reason ?? null,
  });
  const view = await viewQuery(trx, caller.scope).where('c.id', '=', before.id).executeTakeFirstOrThrow();
  return toView(view);
}

/** Closes a campaign when every commune review is accepted (and, for a monthly round, every application answered). */
export async function closeCampaign(db: Kysely<DB>, caller: Caller, id: number, version: number): Promise<CampaignView> {
  return db.transaction().execute(async (trx) => {
    const c = await lockCampaign(trx, caller.scope, id, version);
    const reviews = await trx.selectFrom('commune_review').select(['commune_code', 'state']).where('campaign_id', '=', id).execute();
    const communeCodes = await communeCodesOfProvince(trx, c.province_code, c.reference_date);
    const open =
      c.kind === 'monthly'
        ? await trx
            .selectFrom('monthly_application')
            .select('id')
            .where('province_code', '=', c.province_code)
            .where('state', 'not in', ['decided', 'refused'])
            .where('round_start', '>=', c.plan_start)
            .where('round_start', '<=', c.plan_end)
            .orderBy('id')
            .execute()
        : [];
    const result = closeReviewCampaign(
      campaignPlan(c),
      reviews.map((r) => ({ communeCode: r.commune_code, state: r.state as ReviewState })),
      communeCodes,
      reviewActorOf(caller),
      vietnamToday(),
      open.map((a) => String(a.id)),
    );
    if (!result.ok) throw refusalError(result);
    return saveStatus(trx, caller, c, 'closed');
  });
}

/** Reopens a closed campaign; the reason is mandatory and audited. */
export async function reopenCampaign(db: Kysely<DB>, caller: Caller, id: number, version: number, reason: string | undefined): Promise<CampaignView> {
  return db.transaction().execute(async (trx) => {
    const c = await lockCampaign(trx, caller.scope, id, version);
    const result = reopenReviewCampaign(campaignPlan(c), reviewActorOf(caller), reason, vietnamToday());
    if (!result.ok) throw refusalError(result);
    return saveStatus(trx, caller, c, 'open', result.events[0]?.type === 'campaign_reopened' ? result.events[0].reason : reason);
  });
}
