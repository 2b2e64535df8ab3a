/**
 * Decree 30/2025/NĐ-CP low-income workers: members of a household that is neither poor nor near-poor
 * whose per-capita income is at or below the low-income line. Person-level status, kept apart from the
 * household class.
 */
import { CLASS_CODE } from './class-codes.ts';
import type { CompiledStandard } from './compiled-standard.ts';
import type { EvaluationContext } from './evaluation-context.ts';
import type { LowIncomeWorker } from './result.ts';

const COUNT_TEXT: readonly string[] = Array.from({ length: 32 }, (_, n) => `; ${n} thành viên là người lao động có thu nhập thấp (thu nhập `);

function countText(n: number): string {
  return n < COUNT_TEXT.length ? COUNT_TEXT[n] : `; ${n} thành viên là người lao động có thu nhập thấp (thu nhập `;
}

export interface LowIncomeWorkerOutcome {
  readonly workers: LowIncomeWorker[];
  /** Sentence appended to the explanation. */
  readonly note: string;
}

/** Whether the rule is in force at `refYmd` for this standard. */
export function lowIncomeWorkerRuleApplies(c: CompiledStandard, refYmd: number): boolean {
  const w = c.lowIncomeWorkerWindow;
  return w !== null && refYmd >= w.from && refYmd <= w.until;
}

/**
 * Low-income workers of a classified household, or undefined when the rule does not apply (not in the
 * standard, not in force at the reference date, no measured income, or the household is poor/near-poor).
 * `incomeText` is the formatted income ("2.000.000 đ").
 */
export function findLowIncomeWorkers(
  c: CompiledStandard,
  ctx: EvaluationContext,
  area: number,
  income: number,
  incomeText: string,
  code: number,
): LowIncomeWorkerOutcome | undefined {
  const w = c.lowIncomeWorkerWindow;
  if (w === null || Number.isNaN(income)) return undefined;
  if (code === CLASS_CODE.POOR || code === CLASS_CODE.NEAR_POOR || code === CLASS_CODE.POOR_INCOME || code === CLASS_CODE.POOR_MULTIDIMENSIONAL) return undefined;
  if (ctx.refYmd < w.from || ctx.refYmd > w.until) return undefined;
  if (!(income <= w.bound[area])) return undefined;
  const requiresWorkingAge = c.standard.parameters.lowIncomeWorkerRequiresWorkingAge;
  const workers: LowIncomeWorker[] = [];
  let names = '';
  for (let i = 0; i < ctx.count; i++) {
    if (requiresWorkingAge && ctx.workingAge[i] === 0) continue;
    const m = ctx.members[i];
    workers.push({ memberIndex: i, memberId: m.id, name: m.name });
    names += (names === '' ? '' : ', ') + ctx.label(i);
  }
  const basis = w.basisText[area];
  const note = workers.length === 0
    ? `; không có thành viên trong độ tuổi lao động để xác định người lao động có thu nhập thấp (thu nhập ${incomeText}${basis})`
    : `${countText(workers.length)}${incomeText}${basis}: ${names}`;
  return { workers, note };
}
