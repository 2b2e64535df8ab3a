/**
 * The values beneficiary lists depend on that the law leaves open or that change by decision
 * (policies.md §8): when an annual list takes effect, the "newly escaped" window of each policy, support
 * rates, loan terms and the electricity amount. Defaults carry their verification tag; a deployment
 * overrides them in the `setting` row `outputs.beneficiaryRules` (a partial object merged over the
 * defaults) through setBeneficiaryRules(), which validates and audits the change.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { NEWLY_ESCAPED_WINDOWS } from '../../domain/movements/newly-escaped.ts';
import type { ValueStatus } from '../../domain/standards/types.ts';

export const BENEFICIARY_RULES_KEY = 'outputs.beneficiaryRules';

export const BENEFICIARY_POLICY_IDS = ['health_insurance', 'tuition', 'credit', 'electricity'] as const;
export type BeneficiaryPolicyId = (typeof BENEFICIARY_POLICY_IDS)[number];

/** When a row of an annual (periodic-review) decision starts to count: 1 January of its list year, the decision date, or the stored effective date. */
export type AnnualListStart = 'january_1' | 'decision_date' | 'effective_from';

export interface LoanTerms {
  ratePercentPerYear: number;
  maxLoanVnd: number;
  maxTermYears: number;
}

export interface BeneficiaryRules {
  annualListStart: AnnualListStart;
  /** Months a "newly escaped" household stays eligible, per policy; null = the policy has no such group. */
  newlyEscapedWindowMonths: Record<BeneficiaryPolicyId, number | null>;
  healthInsurance: {
    nearPoorSupportPercent: number;
    /** Communes on the PM's poor-commune list: near-poor residents get 100 %. */
    poorCommuneCodes: string[];
    newlyEscapedSupportPercent: number;
  };
  tuition: { minAge: number; maxAge: number; includeNearPoor: boolean };
  credit: { poor: LoanTerms; nearPoor: LoanTerms; newlyEscaped: LoanTerms };
  electricity: { monthlyAmountVnd: number; kwhPerMonth: number };
}

export const DEFAULT_BENEFICIARY_RULES: BeneficiaryRules = {
  annualListStart: 'january_1',
  newlyEscapedWindowMonths: {
    health_insurance: null,
    tuition: null,
    credit: NEWLY_ESCAPED_WINDOWS.vbsp_newly_escaped_loan.months,
    electricity: null,
  },
  healthInsurance: { nearPoorSupportPercent: 70, poorCommuneCodes: [], newlyEscapedSupportPercent: 70 },
  tuition: { minAge: 3, maxAge: 22, includeNearPoor: true },
  credit: {
    poor: { ratePercentPerYear: 6.6, maxLoanVnd: 100_000_000, maxTermYears: 10 },
    nearPoor: { ratePercentPerYear: 7.92, maxLoanVnd: 100_000_000, maxTermYears: 10 },
    newlyEscaped: { ratePercentPerYear: 8.25, maxLoanVnd: 100_000_000, maxTermYears: 5 },
  },
  electricity: { monthlyAmountVnd: 49_000, kwhPerMonth: 30 },
};

/** Verification tag and source of each default (shown in docs/outputs.md and on the sheets' notes). */
export const BENEFICIARY_RULE_INFO: Readonly<Record<string, { status: ValueStatus | 'system'; sourceVi: string }>> = {
  annualListStart: { status: 'UNCONFIRMED', sourceVi: 'Danh sách hằng năm có hiệu lực từ 01/01 năm sau hay từ ngày quyết định: chưa xác nhận (policies.md §8.2)' },
  'newlyEscapedWindowMonths.credit': { status: 'S', sourceVi: 'NHCSXH: hộ nghèo, cận nghèo ra khỏi danh sách không quá 3 năm (policies.md §3)' },
  'newlyEscapedWindowMonths.health_insurance': { status: 'UNCONFIRMED', sourceVi: 'Nghị định 188/2025/NĐ-CP không có nhóm hộ mới thoát nghèo trên toàn quốc (policies.md §1)' },
  'newlyEscapedWindowMonths.tuition': { status: 'UNCONFIRMED', sourceVi: 'Không có căn cứ hộ mới thoát nghèo cho học phí (policies.md §2)' },
  'newlyEscapedWindowMonths.electricity': { status: 'C', sourceVi: 'Chỉ hộ nghèo được hỗ trợ tiền điện (QĐ 28/2014/QĐ-TTg; policies.md §5)' },
  'healthInsurance.nearPoorSupportPercent': { status: 'C', sourceVi: 'Hộ cận nghèo: ngân sách hỗ trợ tối thiểu 70% (policies.md §1)' },
  'healthInsurance.poorCommuneCodes': { status: 'C', sourceVi: 'Hộ cận nghèo ở xã nghèo theo quyết định của Thủ tướng: hỗ trợ 100% (policies.md §1)' },
  'tuition.minAge': { status: 'system', sourceVi: 'Độ tuổi đi học (mầm non đến đại học): quy ước hệ thống' },
  'tuition.maxAge': { status: 'system', sourceVi: 'Độ tuổi đi học (mầm non đến đại học): quy ước hệ thống' },
  'credit.poor': { status: 'S', sourceVi: 'NHCSXH 2025: 100 triệu, 10 năm, 6,6%/năm (policies.md §3)' },
  'credit.nearPoor': { status: 'S', sourceVi: 'NHCSXH 2025: 100 triệu, 10 năm, 7,92%/năm (policies.md §3)' },
  'credit.newlyEscaped': { status: 'S', sourceVi: 'NHCSXH 2025: 100 triệu, 5 năm, 8,25%/năm (policies.md §3)' },
  'electricity.monthlyAmountVnd': { status: 'C', sourceVi: '30 kWh theo giá bậc 1 (49.000 đồng/tháng); tính lại khi giá bậc 1 thay đổi (policies.md §5)' },
};

export class BeneficiaryRulesError extends Error {
  override name = 'BeneficiaryRulesError';
}

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge of a stored partial over the defaults (arrays and scalars replace). */
function merge<T>(base: T, patch: unknown): T {
  if (!isPlain(base) || !isPlain(patch)) return (patch === undefined ? base : patch) as T;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = k in base ? merge((base as Plain)[k], v) : v;
  return out as T;
}

function nonNegative(v: unknown): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

/** Problems with a complete rule set, in Vietnamese (empty when valid). */
export function beneficiaryRulesProblems(r: BeneficiaryRules): string[] {
  const p: string[] = [];
  if (!['january_1', 'decision_date', 'effective_from'].includes(r.annualListStart)) p.push('annualListStart phải là january_1, decision_date hoặc effective_from');
  for (const id of BENEFICIARY_POLICY_IDS) {
    const m = r.newlyEscapedWindowMonths?.[id];
    if (m !== null && !(Number.isInteger(m) && m >= 0 && m <= 240)) p.push(`Thời hạn hộ mới thoát nghèo của chính sách ${id} phải là số tháng nguyên từ 0 đến 240, hoặc null`);
  }
  const h = r.healthInsurance;
  for (const k of ['nearPoorSupportPercent', 'newlyEscapedSupportPercent'] as const) {
    if (!(nonNegative(h?.[k]) && h[k] <= 100)) p.push(`healthInsurance.${k} phải từ 0 đến 100`);
  }
  if (!Array.isArray(h?.poorCommuneCodes) || !h.poorCommuneCodes.every((c) => typeof c === 'string' && /^\d{5}$/.test(c))) {
    p.push('healthInsurance.poorCommuneCodes phải là danh sách mã xã 5 chữ số');
  }
  const t = r.tuition;
  if (!(Number.isInteger(t?.minAge) && Number.isInteger(t?.maxAge) && t.minAge >= 0 && t.maxAge >= t.minAge && t.maxAge <= 120)) p.push('tuition.minAge / maxAge không hợp lệ');
  if (typeof t?.includeNearPoor !== 'boolean') p.push('tuition.includeNearPoor phải là true hoặc false');
  for (const k of ['poor', 'nearPoor', 'newlyEscaped'] as const) {
    const l = r.credit?.[k];
    if (!(nonNegative(l?.ratePercentPerYear) && nonNegative(l?.maxLoanVnd) && nonNegative(l?.maxTermYears))) p.push(`credit.${k} phải có lãi suất, mức vay và thời hạn không âm`);
  }
  if (!(nonNegative(r.electricity?.monthlyAmountVnd) && nonNegative(r.electricity?.kwhPerMonth))) p.push('electricity.monthlyAmountVnd / kwhPerMonth phải không âm');
  return p;
}

async function storedPatch(db: Kysely<DB>): Promise<unknown> {
  const r = await sql<{ value: unknown }>`select value from setting where key = ${BENEFICIARY_RULES_KEY}`.execute(db);
  return r.rows[0]?.value;
}

/** The rules in force: the defaults with the stored overrides. An invalid stored value is refused loudly. */
export async function getBeneficiaryRules(db: Kysely<DB>): Promise<BeneficiaryRules> {
  const rules = merge(structuredClone(DEFAULT_BENEFICIARY_RULES), await storedPatch(db));
  const problems = beneficiaryRulesProblems(rules);
  if (problems.length) throw new BeneficiaryRulesError(`Thiết lập ${BENEFICIARY_RULES_KEY} không hợp lệ: ${problems.join('; ')}`);
  return rules;
}

/** Stores a partial override (merged over what is stored), after validation; audited with before and after. */
export async function setBeneficiaryRules(db: Kysely<DB>, actor: Actor, patch: Plain, reason: string): Promise<BeneficiaryRules> {
  return db.transaction().execute(async (trx) => {
    const before = (await sql<{ value: unknown }>`select value from setting where key = ${BENEFICIARY_RULES_KEY} for update`.execute(trx)).rows[0]?.value;
    const stored = merge(isPlain(before) ? before : {}, patch);
    const rules = merge(structuredClone(DEFAULT_BENEFICIARY_RULES), stored);
    const problems = beneficiaryRulesProblems(rules);
    if (problems.length) throw new BeneficiaryRulesError(problems.join('; '));
    await sql`
      insert into setting (key, value, updated_at, updated_by) values (${BENEFICIARY_RULES_KEY}, ${JSON.stringify(stored)}::jsonb, now(), ${actor.id})
      on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`.execute(trx);
    await recordAudit(trx, actor, { action: 'setting.update', entity: 'setting', entityId: BENEFICIARY_RULES_KEY, before: before ?? null, after: stored, reason });
    return rules;
  });
}
