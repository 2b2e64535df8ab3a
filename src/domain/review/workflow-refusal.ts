/** The refusal shape shared by every workflow in this module, and the reason check. */
import { problem, problemEn, problemVi, type Problem, type ProblemLike } from './problem.ts';

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
  /** The same in English. */
  readonly reasonEn: string;
  readonly problemsEn: readonly string[];
}

export function workflowRefusal(code: WorkflowRefusalCode, problems: readonly ProblemLike[]): WorkflowRefusal {
  const vi = problems.map(problemVi);
  const en = problems.map(problemEn);
  return Object.freeze({ ok: false, code, reason: vi.join('; '), problems: Object.freeze(vi), reasonEn: en.join('; '), problemsEn: Object.freeze(en) });
}

/** Problems with a mandatory written reason (empty when it is acceptable). */
export function reasonProblems(reason: string | undefined, minimumLength: number): Problem[] {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text === '') return [problem('Phải nêu lý do', 'A reason is required')];
  if (text.length < minimumLength) return [problem(`Lý do quá ngắn (cần ít nhất ${minimumLength} ký tự)`, `The reason is too short (at least ${minimumLength} characters)`)];
  return [];
}
