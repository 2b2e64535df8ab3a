/**
 * A household's history across reviews: for every review it took part in, the campaign and standard,
 * the classification per standard with its explanation and the survey that produced it, and every
 * survey record (superseded ones included); plus every list decision. Nothing here is ever overwritten.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { defaultStandardRegistry } from '../../domain/standards/registry.ts';
import { scopePredicate } from '../scope-filter.ts';
import { RegistryError } from './errors.ts';
import { HOUSEHOLD_SCOPE } from './scope-columns.ts';
import { toSurvey, type Classification, type Survey } from './surveys.ts';
import type { ListStatusInfo } from './types.ts';

export interface SurveySummary {
  id: number;
  surveyedOn: string;
  surveyedBy: number | null;
  excludedByFormA: boolean;
  scoreA: number | null;
  income: number | null;
  supersededBy: number | null;
}

export interface ReviewHistory {
  reviewId: number;
  communeCode: string;
  reviewState: string;
  campaignId: number;
  campaignTitle: string;
  year: number;
  kind: string;
  policyYear: number;
  referenceDate: string;
  standardId: string;
  localStandardId: string | null;
  classifications: Array<Classification & { standardName: string | null; computedAt: string }>;
  surveys: SurveySummary[];
  listing: { stage: string; proposedClass: string | null; finalClass: string | null } | null;
}

export interface HouseholdHistory {
  householdId: number;
  code: string;
  reviews: ReviewHistory[];
  listStatuses: Array<ListStatusInfo & { reviewId: number | null }>;
}

function standardName(id: string): string | null {
  return defaultStandardRegistry.has(id) ? defaultStandardRegistry.get(id).name : null;
}

export async function householdHistory(db: Kysely<DB>, scope: Scope, householdId: number): Promise<HouseholdHistory> {
  const h = await db
    .selectFrom('household')
    .select(['household.id', 'household.code', 'household.province_code'])
    .where('household.id', '=', householdId)
    .where(scopePredicate(scope, HOUSEHOLD_SCOPE))
    .executeTakeFirst();
  if (!h) throw new RegistryError('out_of_scope');
  const p = h.province_code;
  const [classes, surveys, listing, statuses] = [
    await db.selectFrom('classification').selectAll().where('province_code', '=', p).where('household_id', '=', h.id).orderBy('standard_id').execute(),
    await db
      .selectFrom('survey')
      .select(['id', 'review_id', 'surveyed_on', 'surveyed_by', 'excluded_by_form_a', 'score_a', 'income', 'superseded_by'])
      .where('province_code', '=', p)
      .where('household_id', '=', h.id)
      .orderBy('id')
      .execute(),
    await db.selectFrom('review_household').selectAll().where('province_code', '=', p).where('household_id', '=', h.id).execute(),
    await db.selectFrom('list_status').selectAll().where('province_code', '=', p).where('household_id', '=', h.id).orderBy('effective_from').execute(),
  ];
  const reviewIds = [...new Set([...classes.map((c) => c.review_id), ...surveys.map((s) => s.review_id), ...listing.map((l) => l.review_id)])];
  const reviews =
    reviewIds.length === 0
      ? []
      : await db
          .selectFrom('commune_review')
          .innerJoin('review_campaign', 'review_campaign.id', 'commune_review.campaign_id')
          .select([
            'commune_review.id',
            'commune_review.commune_code',
            'commune_review.state',
            'review_campaign.id as campaign_id',
            'review_campaign.title',
            'review_campaign.year',
            'review_campaign.kind',
            'review_campaign.policy_year',
            'review_campaign.reference_date',
            'review_campaign.standard_id',
            'review_campaign.local_standard_id',
          ])
          .where('commune_review.province_code', '=', p)
          .where('commune_review.id', 'in', reviewIds)
          .orderBy('review_campaign.reference_date', 'desc')
          .orderBy('commune_review.id', 'desc')
          .execute();
  return {
    householdId: h.id,
    code: h.code,
    reviews: reviews.map((r) => {
      const l = listing.find((x) => x.review_id === r.id);
      return {
        reviewId: r.id,
        communeCode: r.commune_code,
        reviewState: r.state,
        campaignId: r.campaign_id,
        campaignTitle: r.title,
        year: r.year,
        kind: r.kind,
        policyYear: r.policy_year,
        referenceDate: r.reference_date,
        standardId: r.standard_id,
        localStandardId: r.local_standard_id,
        classifications: classes
          .filter((c) => c.review_id === r.id)
          .map((c) => ({
            reviewId: c.review_id,
            householdId: c.household_id,
            standardId: c.standard_id,
            standardName: standardName(c.standard_id),
            surveyId: c.survey_id,
            areaType: c.area_type,
            class: c.class,
            subtype: c.subtype,
            deprivationCount: c.deprivation_count,
            deprivations: c.deprivations,
            explanation: c.explanation,
            computedAt: new Date(c.computed_at).toISOString(),
          })),
        surveys: surveys
          .filter((s) => s.review_id === r.id)
          .map((s) => ({
            id: s.id,
            surveyedOn: s.surveyed_on,
            surveyedBy: s.surveyed_by,
            excludedByFormA: s.excluded_by_form_a,
            scoreA: s.score_a,
            income: s.income,
            supersededBy: s.superseded_by,
          })),
        listing: l ? { stage: l.stage, proposedClass: l.proposed_class, finalClass: l.final_class } : null,
      };
    }),
    listStatuses: statuses.map((s) => ({
      status: s.status,
      listYear: s.list_year,
      standardId: s.standard_id,
      decisionNumber: s.decision_number,
      decisionDate: s.decision_date,
      effectiveFrom: s.effective_from,
      reviewId: s.review_id,
    })),
  };
}

/** One survey record in full (form A, score A items, the input snapshot), if its household is in scope. */
export async function getSurvey(db: Kysely<DB>, scope: Scope, householdId: number, surveyId: number): Promise<Survey | undefined> {
  const r = await db
    .selectFrom('survey')
    .innerJoin('household', (j) => j.onRef('household.province_code', '=', 'survey.province_code').onRef('household.id', '=', 'survey.household_id'))
    .selectAll('survey')
    .where('survey.id', '=', surveyId)
    .where('survey.household_id', '=', householdId)
    .where(scopePredicate(scope, HOUSEHOLD_SCOPE))
    .executeTakeFirst();
  return r ? toSurvey(r) : undefined;
}
