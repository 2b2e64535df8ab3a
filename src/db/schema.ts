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
  admin_unit_stage: AdminUnitStageTable;
  admin_unit_change_stage: AdminUnitChangeStageTable;
  admin_unit_succession_stage: AdminUnitSuccessionStageTable;
}
