/** The six roles of the system and the level of administrative unit each is bound to. */

export const ROLES = [
  'national_admin',
  'province_officer',
  'commune_officer',
  'village_reviewer',
  'commune_chair',
  'steering_viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** Level of unit a user of this role is bound to. Steering committees exist at every level. */
export const ROLE_UNIT_LEVELS: Record<Role, ReadonlyArray<'national' | 'province' | 'commune'>> = {
  national_admin: ['national'],
  province_officer: ['province'],
  commune_officer: ['commune'],
  village_reviewer: ['commune'],
  commune_chair: ['commune'],
  steering_viewer: ['national', 'province', 'commune'],
};

export function isRole(x: unknown): x is Role {
  return typeof x === 'string' && (ROLES as readonly string[]).includes(x);
}
