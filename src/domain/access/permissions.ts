/**
 * What each role may do, as one table (OpenCRVS style: one permission test per action).
 * Whether the target lies inside the user's unit is decided separately by scope.ts.
 */
import type { Role } from './roles.ts';

export const ACTIONS = [
  'unit.read',
  'unit.import',
  'settings.read',
  'settings.write',
  'user.read',
  'user.manage',
  'audit.read',
  'token.manage_own',
  'household.read',
  'household.write',
  'village.write',
  'survey.write',
  'campaign.manage',
  'review.read',
  'review.transition',
  'review.record',
  'monthly.manage',
  'decision_list.read',
  'certificate.issue',
  'beneficiary_list.read',
  'import.run',
  'export.read',
  'report.read',
  'boundary.import',
  'program.read',
  'program.plan',
  'program.disburse',
  'program.report',
] as const;
export type Action = (typeof ACTIONS)[number];

const ALL: readonly Action[] = ACTIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Action[]> = {
  national_admin: ALL,
  province_officer: ['unit.read', 'settings.read', 'user.read', 'user.manage', 'audit.read', 'token.manage_own', 'household.read',
    'campaign.manage', 'review.read', 'review.transition',
    'decision_list.read', 'beneficiary_list.read',
    'import.run', 'export.read', 'report.read', 'program.read', 'program.plan', 'program.disburse', 'program.report'],
  commune_officer: ['unit.read', 'settings.read', 'user.read', 'audit.read', 'token.manage_own', 'household.read', 'household.write', 'village.write', 'survey.write',
    'review.read', 'review.transition', 'review.record', 'monthly.manage',
    'decision_list.read', 'certificate.issue', 'beneficiary_list.read',
    'import.run', 'export.read', 'report.read', 'program.read', 'program.report'],
  village_reviewer: ['unit.read', 'token.manage_own', 'household.read', 'household.write', 'survey.write', 'review.read'],
  commune_chair: ['unit.read', 'settings.read', 'user.read', 'audit.read', 'token.manage_own', 'household.read', 'review.read', 'review.transition', 'monthly.manage',
    'decision_list.read', 'certificate.issue', 'beneficiary_list.read',
    'export.read', 'report.read', 'program.read'],
  steering_viewer: ['unit.read', 'settings.read', 'token.manage_own', 'review.read', 'report.read', 'program.read'],
};

export function can(role: Role, action: Action): boolean {
  return ROLE_PERMISSIONS[role].includes(action);
}

/** Roles a manager may create or edit (never above their own). */
export function assignableRoles(manager: Role): Role[] {
  switch (manager) {
    case 'national_admin':
      return ['national_admin', 'province_officer', 'commune_officer', 'village_reviewer', 'commune_chair', 'steering_viewer'];
    case 'province_officer':
      return ['province_officer', 'commune_officer', 'village_reviewer', 'commune_chair', 'steering_viewer'];
    default:
      return [];
  }
}
