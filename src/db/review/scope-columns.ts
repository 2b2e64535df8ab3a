/** Scope columns of the review tables, as handed to scopePredicate (src/db/scope-filter.ts). */
import type { ScopeColumns } from '../scope-filter.ts';

export const REVIEW_SCOPE: ScopeColumns = { province: 'r.province_code', commune: 'r.commune_code' };
export const CAMPAIGN_SCOPE: ScopeColumns = { province: 'c.province_code' };
export const APPLICATION_SCOPE: ScopeColumns = { province: 'a.province_code', commune: 'a.commune_code' };
export const HOUSEHOLD_SCOPE: ScopeColumns = { province: 'h.province_code', commune: 'h.commune_code' };
/** An administrative unit seen as a place: a province row has no commune, so commune users never reach it. */
export const UNIT_SCOPE: ScopeColumns = { province: 'u.province_code', commune: 'u.code' };
