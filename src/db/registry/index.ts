/**
 * The household registry: villages, households (stable codes, residence history, members with citizen
 * IDs), surveys with their classification, the set-based reclassification job, history, and the live
 * preview. Every function takes the caller's Scope (filtered in SQL by src/db/scope-filter.ts) and every
 * write is audited in the same transaction. See docs/registry.md.
 */
export { HOUSEHOLD_STATUS_LABELS, type Village, type Member, type Household, type HouseholdDetail, type HouseholdListItem, type ListStatusInfo, type Residence, type Page } from './types.ts';
export { RegistryError, isRegistryError, type RegistryErrorCode } from './errors.ts';
export { searchFold, cleanName } from './text.ts';
export { checkCitizenId, normaliseCitizenId } from './citizen-id.ts';
export { RELATION_LABELS, DISABILITY_LABELS, MEMBER_FACT_FIELDS, HOUSEHOLD_FACT_FIELDS, factsJsonSchema, checkFacts, type FieldSpec } from './fact-fields.ts';
export { allocateHouseholdCodes, householdCode } from './household-code.ts';
export { listVillages, getVillage, createVillage, updateVillage, type ListVillagesQuery, type NewVillage, type VillageChanges } from './villages.ts';
export { createHousehold, updateHousehold, changeHouseholdStatus, type NewHousehold, type HouseholdChanges, type StatusChange } from './households.ts';
export { getHousehold, currentListStatus } from './household-read.ts';
export { listHouseholds, type ListHouseholdsQuery } from './household-list.ts';
export { addMember, updateMember, removeMember, MEMBER_LEFT_REASONS, type MemberLeftReason, type MemberRemoval, type MemberWriteResult, type HeadHandover } from './members.ts';
export type { MemberFields } from './member-rules.ts';
export { memberInputOf, householdInputOf } from './household-input.ts';
export { FORM_A_ITEMS, FORM_A_EXCLUSION_MIN_YES, POVERTY_CAUSES, SUPPORT_NEEDS, type FormA, type FormAItem } from './survey-codes.ts';
export { recordSurvey, readClassifications, toSurvey, type SurveyInput, type Survey, type SurveyResult, type Classification, type ScoreAItem } from './surveys.ts';
export { classifySurvey, type ClassificationRecord, type SurveyForClassification, type ClassifyTarget } from './classify-survey.ts';
export { upsertClassifications, setProposedClasses } from './classification-write.ts';
export { classifyReview, classifyCampaign, DEFAULT_CHUNK_SIZE, type ClassifyJobOptions, type ClassifyJobResult, type CampaignJobResult } from './classify-review.ts';
export { loadReviewContext, areaOfReview, areaOfCommune, assertUnlocked, isLocked, type ReviewContext } from './review-context.ts';
export { compiledStandardsOf } from './review-standards.ts';
export { householdHistory, getSurvey, type HouseholdHistory, type ReviewHistory, type SurveySummary } from './history.ts';
export { previewClassification, type PreviewInput, type PreviewResult } from './preview.ts';
