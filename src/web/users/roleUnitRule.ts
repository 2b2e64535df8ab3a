/** Which level of unit a user of each role is bound to, as the user form needs it. */
import { ROLE_UNIT_LEVELS, type Role } from '../../domain/access/roles.ts';
import type { Tier } from '../api/types.ts';
import type { MessageKey } from '../i18n/catalogs.ts';

export interface RoleUnitRule {
  /** Tiers the unit may be chosen from; empty = the role carries no unit (national). */
  tiers: Tier[];
  required: boolean;
  hint: MessageKey;
}

export function roleUnitRule(role: Role | undefined): RoleUnitRule {
  if (!role) return { tiers: ['province', 'commune'], required: true, hint: 'users.hint.unitCommune' };
  const levels = ROLE_UNIT_LEVELS[role];
  const tiers: Tier[] = levels.flatMap((l) => (l === 'national' ? [] : [l]));
  const required = !levels.includes('national');
  if (tiers.length === 0) return { tiers, required: false, hint: 'users.hint.unitNational' };
  if (!required) return { tiers, required, hint: 'users.hint.unitSteering' };
  return { tiers, required, hint: tiers.includes('province') ? 'users.hint.unitProvince' : 'users.hint.unitCommune' };
}
