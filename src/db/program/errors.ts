/**
 * Refusals of the program services: a stable code (a key of the server's message catalogue, Vietnamese
 * text in src/server/message-areas/program.ts), its parameters and the HTTP status.
 */
export type ProgramErrorCode =
  | 'out_of_scope'
  | 'conflict'
  | 'allocation_exceeds_plan'
  | 'disbursement_exceeds_allocation'
  | 'plan_below_allocated'
  | 'allocation_below_disbursed'
  | 'program_unit_invalid'
  | 'program_unit_level'
  | 'program_node_unknown'
  | 'program_not_editable'
  | 'program_unknown'
  | 'program_indicator_unknown'
  | 'program_indicator_exists'
  | 'program_plan_missing'
  | 'program_allocation_missing'
  | 'program_reallocation_room'
  | 'program_amount_invalid'
  | 'program_year_outside'
  | 'program_settings_invalid'
  | 'program_report_exists'
  | 'disbursement_below_zero'
  | 'program_disbursement_unknown'
  | 'program_disbursement_reversed'
  | 'program_disbursement_is_reversal'
  | 'program_correction_reason_required';

const STATUS: Partial<Record<ProgramErrorCode, number>> = {
  out_of_scope: 404,
  conflict: 409,
  allocation_exceeds_plan: 409,
  disbursement_exceeds_allocation: 409,
  plan_below_allocated: 409,
  allocation_below_disbursed: 409,
  program_reallocation_room: 409,
  program_report_exists: 409,
  disbursement_below_zero: 409,
  program_disbursement_unknown: 404,
  program_disbursement_reversed: 409,
  program_disbursement_is_reversal: 409,
  program_not_editable: 403,
  program_unit_level: 403,
};

export class ProgramError extends Error {
  override name = 'ProgramError';
  readonly status: number;
  constructor(
    readonly code: ProgramErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.status = STATUS[code] ?? 400;
  }
}

export function isProgramError(e: unknown): e is ProgramError {
  return e instanceof ProgramError;
}
