/** The refusal shape shared by every workflow in this module, and the reason check. */

export type WorkflowRefusalCode =
  | 'action_not_available'
  | 'role_not_allowed'
  | 'out_of_scope'
  | 'campaign_closed'
  | 'reason_required'
  | 'invalid_target'
  | 'guard_failed';

export interface WorkflowRefusal {
  readonly ok: false;
  readonly code: WorkflowRefusalCode;
  /** All problems in one Vietnamese sentence, for a message box. */
  readonly reason: string;
  /** The problems one by one, for a list. */
  readonly problems: readonly string[];
}

export function workflowRefusal(code: WorkflowRefusalCode, problems: readonly string[]): WorkflowRefusal {
  return Object.freeze({ ok: false, code, reason: problems.join('; '), problems: Object.freeze([...problems]) });
}

/** Problems with a mandatory written reason (empty when it is acceptable). */
export function reasonProblems(reason: string | undefined, minimumLength: number): string[] {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text === '') return ['Phải nêu lý do'];
  if (text.length < minimumLength) return [`Lý do quá ngắn (cần ít nhất ${minimumLength} ký tự)`];
  return [];
}
