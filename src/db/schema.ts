/**
 * Kysely table types. Each migration that adds tables adds their interfaces here.
 * Dates are 'YYYY-MM-DD' strings; timestamptz columns are Date; jsonb is unknown until narrowed.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SettingTable {
  key: string;
  value: unknown;
  updated_at: Timestamp;
  updated_by: number | null;
}

export type Layout = '2024' | '2025';
export type Tier = 'province' | 'district' | 'commune';
export type AreaType = 'urban' | 'rural' | 'special_zone';

export interface AdminUnitTable {
  layout: Layout;
  code: string;
  valid_from: string;
  valid_to: string | null;
  name: string;
  name_ascii: string;
  type: string;
  type_en: string;
  tier: Tier;
  area_type: AreaType | null;
  province_code: string;
  source: string | null;
}

export interface AdminUnitParentTable {
  layout: Layout;
  code: string;
  parent_code: string;
  valid_from: string;
  valid_to: string | null;
}

export interface AdminUnitSuccessionTable {
  old_layout: Layout;
  old_code: string;
  new_layout: Layout;
  new_code: string;
  relation: 'full' | 'partial';
  effective_date: string;
  source: string | null;
}

export interface AdminUnitChangeTable {
  layout: Layout;
  code: string;
  effective_date: string;
  field: string;
  value_before: string | null;
  value_after: string;
  legal_basis: string | null;
  source: string | null;
  applied_at: Timestamp;
  applied_by: number | null;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  role: string;
  unit_layout: Generated<Layout>;
  unit_code: string | null;
  province_code: string | null;
  locale: Generated<'vi' | 'en'>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  province_code: Generated<string>;
  at: Timestamp;
  actor_id: number | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_code: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
  request_id: string | null;
}

/** Staging rows of a unit-list import or the bundled load (0002); one batch per file, deleted after apply. */
export interface AdminUnitStageTable {
  batch: string;
  line: number;
  layout: Layout;
  code: string;
  name: string;
  name_ascii: string;
  type: string;
  type_en: string;
  tier: Tier;
  area_type: AreaType | null;
  province_code: string;
  parent_code: string | null;
  valid_from: string;
  valid_to: string | null;
  source: string | null;
}

/** Staging rows of a change-list import (0002). */
export interface AdminUnitChangeStageTable {
  batch: string;
  line: number;
  layout: Layout;
  code: string;
  level: number;
  effective_date: string;
  field: string;
  value_before: string;
  value_after: string;
  name_ascii: string | null;
  type_en: string | null;
  legal_basis: string | null;
  source: string | null;
}

/** Staging rows of a succession-list import or the bundled mapping (0002). */
export interface AdminUnitSuccessionStageTable {
  batch: string;
  line: number;
  old_layout: Layout;
  old_code: string;
  new_layout: Layout;
  new_code: string;
  relation: 'full' | 'partial' | null;
  effective_date: string;
  source: string | null;
}

// ---- 0003 registry and review workflow ----

export interface VillageTable {
  province_code: string;
  commune_code: string;
  code: string;
  name: string;
  name_ascii: string;
  valid_from: ColumnType<string, string | undefined, string>;
  valid_to: string | null;
}

export type HouseholdStatus = 'active' | 'moved_away' | 'dissolved' | 'deceased' | 'merged';

export interface HouseholdTable {
  province_code: string;
  id: Generated<number>;
  code: string;
  commune_code: string;
  village_code: string | null;
  address: string | null;
  head_name: string;
  head_name_ascii: string;
  head_citizen_id: string | null;
  ethnicity: string | null;
  phone: string | null;
  status: Generated<HouseholdStatus>;
  status_date: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 0004: household-level facts of the classification input model (housing, water, …). */
  facts: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** 0004: why the household left the active registry; the household it merged into. */
  status_reason: string | null;
  merged_into_id: number | null;
  /** 0022: the import job that created the household (its creation is in that job's import record). */
  import_job: Generated<number | null>;
}

export interface HouseholdResidenceTable {
  province_code: string;
  household_id: number;
  commune_code: string;
  village_code: string | null;
  valid_from: string;
  valid_to: string | null;
}

export interface MemberTable {
  province_code: string;
  id: Generated<number>;
  household_id: number;
  line_no: number;
  full_name: string;
  full_name_ascii: string;
  date_of_birth: string | null;
  birth_year: number | null;
  sex: 'male' | 'female';
  ethnicity: string | null;
  citizen_id: string | null;
  relation: string;
  facts: ColumnType<Record<string, unknown>, string | undefined, string>;
  active: Generated<boolean>;
  left_reason: string | null;
  left_date: string | null;
}

export interface ReviewCampaignTable {
  id: Generated<number>;
  province_code: string;
  year: number;
  kind: 'periodic' | 'monthly';
  standard_id: string;
  local_standard_id: string | null;
  policy_year: number;
  reference_date: string;
  plan_start: string;
  plan_end: string;
  title: string;
  status: Generated<'open' | 'closed'>;
  closed_at: Timestamp | null;
  created_by: number | null;
  created_at: Timestamp;
  version: Generated<number>;
  /** 0005: month of a monthly round. */
  month: number | null;
}

export interface CommuneReviewTable {
  province_code: string;
  id: Generated<number>;
  campaign_id: number;
  commune_code: string;
  state: Generated<string>;
  state_changed_at: Timestamp;
  posting_start: string | null;
  posting_end: string | null;
  decision_number: string | null;
  decision_date: string | null;
  decision_signer: string | null;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  accepted_by: number | null;
  version: Generated<number>;
}

export interface CommuneReviewEventTable {
  province_code: string;
  id: Generated<number>;
  review_id: number;
  at: Timestamp;
  actor_id: number | null;
  action: string;
  from_state: string | null;
  to_state: string;
  reason: string | null;
  payload: unknown;
}

export interface ReviewHouseholdTable {
  province_code: string;
  review_id: number;
  household_id: number;
  listing_reason: 'on_poor_list' | 'on_near_poor_list' | 'applied' | 'added';
  stage: Generated<'listed' | 'surveyed' | 'agreed' | 'rejected' | 'final'>;
  meeting_agree: number | null;
  meeting_attendees: number | null;
  proposed_class: string | null;
  final_class: string | null;
  /** 0005: when a village meeting sent the household back to surveying. */
  returned_at: Timestamp | null;
}

export interface SurveyTable {
  province_code: string;
  id: Generated<number>;
  review_id: number;
  household_id: number;
  form_a: unknown;
  excluded_by_form_a: Generated<boolean>;
  score_a: number | null;
  score_a_items: unknown;
  income: number | null;
  facts: ColumnType<Record<string, unknown>, string, string>;
  causes: ColumnType<string[], string[] | undefined, string[]>;
  needs: ColumnType<string[], string[] | undefined, string[]>;
  surveyed_by: number | null;
  surveyed_on: string;
  superseded_by: number | null;
  created_at: Timestamp;
}

export type HouseholdClass = 'poor' | 'near_poor' | 'average' | 'none';

export interface ClassificationTable {
  province_code: string;
  review_id: number;
  household_id: number;
  standard_id: string;
  survey_id: number;
  area_type: string;
  class: HouseholdClass;
  subtype: string | null;
  deprivation_count: number;
  deprivations: string[];
  explanation: string;
  computed_at: Timestamp;
}

export interface VillageMeetingTable {
  province_code: string;
  review_id: number;
  village_code: string;
  held_on: string;
  attendees: number;
  chair: string;
  secretary: string;
  minutes_file: string | null;
  minutes_name: string | null;
  recorded_by: number | null;
  /** 0005: meetings are numbered per village (1 by default). */
  meeting_no: Generated<number>;
}

export interface MeetingVoteTable {
  province_code: string;
  review_id: number;
  household_id: number;
  village_code: string;
  agree: number;
  attendees: number;
  /** 0005 */
  meeting_no: Generated<number>;
  disagree: Generated<number>;
}

export interface ComplaintTable {
  province_code: string;
  id: Generated<number>;
  /** 0005: null for a complaint about a monthly application. */
  review_id: number | null;
  application_id: number | null;
  household_id: number | null;
  received_on: string;
  complainant: string;
  content: string;
  recheck_note: string | null;
  outcome: 'upheld' | 'rejected' | 'withdrawn' | null;
  resolved_on: string | null;
  recorded_by: number | null;
}

export interface ListStatusTable {
  province_code: string;
  household_id: number;
  list_year: number;
  status: 'poor' | 'near_poor' | 'none';
  standard_id: string;
  review_id: number | null;
  application_id: number | null;
  decision_number: string;
  decision_date: string;
  effective_from: string;
}

export interface MonthlyApplicationTable {
  province_code: string;
  id: Generated<number>;
  commune_code: string;
  household_id: number;
  form: '01' | '04';
  received_on: string;
  round_start: string;
  deadline: string;
  state: Generated<string>;
  requested_status: string | null;
  outcome_status: string | null;
  decision_number: string | null;
  decision_date: string | null;
  refusal_reason: string | null;
  survey_id: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  // 0005: the application's own survey mark, village meeting, posting and answer.
  village_code: string | null;
  surveyed_on: string | null;
  meeting_held_on: string | null;
  meeting_attendees: number | null;
  meeting_agree: number | null;
  meeting_disagree: number | null;
  meeting_chair: string | null;
  meeting_secretary: string | null;
  minutes_file: string | null;
  minutes_name: string | null;
  posting_start: string | null;
  posting_end: string | null;
  decision_signer: string | null;
  list_status: 'poor' | 'near_poor' | 'none' | null;
  closed_on: string | null;
  updated_at: Timestamp;
}

/** 0005: uploaded workflow files (meeting minutes). */
export interface ReviewFileTable {
  province_code: string;
  id: Generated<number>;
  commune_code: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
}

export interface CertificateTable {
  province_code: string;
  id: Generated<number>;
  household_id: number;
  number: string;
  status: 'poor' | 'near_poor';
  list_year: number;
  issued_on: string;
  decision_number: string;
}

export interface DB {
  setting: SettingTable;
  admin_unit: AdminUnitTable;
  admin_unit_parent: AdminUnitParentTable;
  admin_unit_succession: AdminUnitSuccessionTable;
  admin_unit_change: AdminUnitChangeTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_log: AuditLogTable;
  village: VillageTable;
  household: HouseholdTable;
  household_residence: HouseholdResidenceTable;
  member: MemberTable;
  review_campaign: ReviewCampaignTable;
  commune_review: CommuneReviewTable;
  commune_review_event: CommuneReviewEventTable;
  review_household: ReviewHouseholdTable;
  survey: SurveyTable;
  classification: ClassificationTable;
  village_meeting: VillageMeetingTable;
  meeting_vote: MeetingVoteTable;
  complaint: ComplaintTable;
  list_status: ListStatusTable;
  monthly_application: MonthlyApplicationTable;
  certificate: CertificateTable;
  review_file: ReviewFileTable;
  admin_unit_stage: AdminUnitStageTable;
  admin_unit_change_stage: AdminUnitChangeStageTable;
  admin_unit_succession_stage: AdminUnitSuccessionStageTable;
}
