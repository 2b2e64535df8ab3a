/** Which columns carry the province and commune of each registry table, for scopePredicate(). */
import type { ScopeColumns } from '../scope-filter.ts';

export const HOUSEHOLD_SCOPE: ScopeColumns = { province: 'household.province_code', commune: 'household.commune_code' };
export const VILLAGE_SCOPE: ScopeColumns = { province: 'village.province_code', commune: 'village.commune_code' };
export const REVIEW_SCOPE: ScopeColumns = { province: 'commune_review.province_code', commune: 'commune_review.commune_code' };
