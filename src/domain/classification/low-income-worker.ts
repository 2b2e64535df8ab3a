/**
 * Decree 30/2025/NĐ-CP low-income workers: members of a household that is neither poor nor near-poor
 * whose per-capita income is at or below the low-income line. Person-level status, kept apart from the
 * household class.
 */
import { operatorSymbol, satisfies } from '../standards/operators.ts';
import { CLASS_CODE } from './class-codes.ts';
import type { CompiledStandard } from './compiled-standard.ts';
import { parseIsoDate } from './dates.ts';
import type { EvaluationContext } from './evaluation-context.ts';
import { formatVnd } from './format-vi.ts';
import type { LowIncomeWorker } from './result.ts';

export interface LowIncomeWorkerOutcome {
  readonly workers: LowIncomeWorker[];
  /** Sentence appended to the explanation. */
  readonly note: string;
}

/** Whether the rule is in force at `refYmd` for this standard. */
export function lowIncomeWorkerRuleApplies(c: CompiledStandard, refYmd: number): boolean {
  const p = c.standard.parameters;
  if (p.lowIncomeWorkerIncomeLine === null) return false;
  const from = p.lowIncomeWorkerEffectiveFrom === null ? -1 : parseIsoDate(p.lowIncomeWorkerEffectiveFrom);
  const until = p.lowIncomeWorkerEffectiveUntil === null ? Infinity : parseIsoDate(p.lowIncomeWorkerEffectiveUntil);
  return refYmd >= from && refYmd <= until;
}

/**
 * Low-income workers of a classified household, or undefined when the rule does not apply (not in the
 * standard, not in force at the reference date, no measured income, or the household is poor/near-poor).
 */
export function findLowIncomeWorkers(
  c: CompiledStandard,
  ctx: EvaluationContext,
  area: 'rural' | 'urban',
  income: number,
  code: number,
): LowIncomeWorkerOutcome | undefined {
  const p = c.standard.parameters;
  const lines = p.lowIncomeWorkerIncomeLine;
  if (lines === null || Number.isNaN(income)) return undefined;
  if (code === CLASS_CODE.POOR || code === CLASS_CODE.NEAR_POOR || code === CLASS_CODE.POOR_INCOME || code === CLASS_CODE.POOR_MULTIDIMENSIONAL) return undefined;
  if (!lowIncomeWorkerRuleApplies(c, ctx.refYmd)) return undefined;
  const line = lines[area];
  if (!satisfies(income, line)) return undefined;
  const workers: LowIncomeWorker[] = [];
  let names = '';
  for (let i = 0; i < ctx.count; i++) {
    if (p.lowIncomeWorkerRequiresWorkingAge && ctx.workingAge[i] === 0) continue;
    const m = ctx.members[i];
    const w: { memberIndex: number; memberId?: string; name?: string } = { memberIndex: i };
    if (m.id !== undefined) w.memberId = m.id;
    if (m.name !== undefined) w.name = m.name;
    workers.push(w);
    names += (names === '' ? '' : ', ') + ctx.label(i);
  }
  const basis = `thu nhập ${formatVnd(income)} ${operatorSymbol(line.operator)} ${formatVnd(line.value)}, Nghị định 30/2025/NĐ-CP`;
  const note = workers.length === 0
    ? `; không có thành viên trong độ tuổi lao động để xác định người lao động có thu nhập thấp (${basis})`
    : `; ${workers.length} thành viên là người lao động có thu nhập thấp (${basis}): ${names}`;
  return { workers, note };
}
