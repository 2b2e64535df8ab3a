/**
 * Refusals of the registry: a stable code (also a key of the server's message catalogue), parameters for
 * the message, and the HTTP status the server answers with. The repository never imports the server;
 * the server's catalogue holds the Vietnamese and English texts.
 */

export type RegistryErrorCode =
  | 'out_of_scope'
  | 'conflict'
  | 'field_required'
  | 'field_pattern'
  | 'field_enum'
  | 'field_type'
  | 'field_unknown'
  | 'commune_invalid'
  | 'commune_required'
  | 'village_not_found'
  | 'village_exists'
  | 'citizen_id_format'
  | 'citizen_id_sex_century'
  | 'citizen_id_birth_year'
  | 'citizen_id_duplicate'
  | 'citizen_id_repeated'
  | 'household_head_count'
  | 'household_head_remove'
  | 'household_inactive'
  | 'household_status_same'
  | 'household_status_date'
  | 'household_merge_target'
  | 'member_not_found'
  | 'member_birth_required'
  | 'review_locked'
  | 'review_other_commune'
  | 'score_a_mismatch'
  | 'survey_no_members'
  | 'classification_input'
  | 'standard_unknown'
  | 'area_unknown';

const STATUS: Partial<Record<RegistryErrorCode, number>> = {
  out_of_scope: 404,
  member_not_found: 404,
  conflict: 409,
  village_exists: 409,
  citizen_id_duplicate: 409,
  household_inactive: 409,
  review_locked: 409,
};

export class RegistryError extends Error {
  readonly status: number;
  constructor(
    readonly code: RegistryErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'RegistryError';
    this.status = STATUS[code] ?? 400;
  }
}

export function isRegistryError(e: unknown): e is RegistryError {
  return e instanceof RegistryError;
}
