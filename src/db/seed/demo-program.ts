/**
 * Demo program data for Lai Châu (province 12): a 2025 budget under the 2021–2025 program (fully
 * allocated, mostly disbursed), a 2026 budget under the 2026–2035 program (mostly allocated, part
 * disbursed, some communes behind the schedule), 2026 targets for the province and a few communes,
 * outputs and monitoring reports of 2025 and the first half of 2026 (some communes late). Written once,
 * only when the province has no budget yet; deterministic (no randomness). One audit entry.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit.ts';
import { syncProgramCatalog } from '../program/catalog.ts';
import { programDb, sharedView } from '../program/tables.ts';
import { communesOf } from '../program/units.ts';
import { PROGRAM_2021_2025, PROGRAM_2026_2035 } from '../../domain/program/program-structure.ts';

const P = '12';
const M = 1_000_000n;

/** [program, node, source, millions of đồng] */
const PLAN_2025: Array<[string, string, string, bigint]> = [
  [PROGRAM_2021_2025, 'DA1.TDA1', 'central_investment', 42_000n],
  [PROGRAM_2021_2025, 'DA2', 'central_recurrent', 9_500n],
  [PROGRAM_2021_2025, 'DA3.TDA1', 'central_recurrent', 12_000n],
  [PROGRAM_2021_2025, 'DA4.TDA1', 'central_recurrent', 6_500n],
  [PROGRAM_2021_2025, 'DA5', 'central_recurrent', 8_800n],
  [PROGRAM_2021_2025, 'DA6.TDA1', 'local', 1_200n],
  [PROGRAM_2021_2025, 'DA7.TDA2', 'local', 900n],
];
const PLAN_2026: Array<[string, string, string, bigint]> = [
  [PROGRAM_2026_2035, 'HP1', 'central_investment', 35_000n],
  [PROGRAM_2026_2035, 'HP2.ND1', 'central_recurrent', 14_000n],
  [PROGRAM_2026_2035, 'HP2.ND2', 'central_recurrent', 9_600n],
  [PROGRAM_2026_2035, 'HP2.ND3', 'local', 2_400n],
  [PROGRAM_2026_2035, 'HP3', 'central_investment', 28_000n],
];

/** Share (per mille) of a commune's allocation disbursed, by its position: a spread with some communes far behind. */
const disbursedShare = (i: number, year: number) => (year === 2025 ? 780 + ((i * 37) % 200) : [90, 180, 260, 340, 420, 510, 600][i % 7]!);

export interface SeedDemoProgramOptions {
  onProgress?: (step: string) => void;
}

export async function seedDemoProgram(db: Kysely<DB>, opts: SeedDemoProgramOptions = {}): Promise<boolean> {
  await syncProgramCatalog(db);
  const pdb = programDb(db);
  if (await pdb.selectFrom('budget_plan').select('year').where('province_code', '=', P).limit(1).executeTakeFirst()) return false;
  const communes = await communesOf(db, P, '2026-01-01');
  if (!communes.length) return false;
  opts.onProgress?.(`Dữ liệu mẫu chương trình: kế hoạch vốn 2025–2026, chỉ tiêu 2026, báo cáo của ${communes.length} xã`);
  await pdb.transaction().execute(async (trx) => {
    for (const [year, plan] of [[2025, PLAN_2025], [2026, PLAN_2026]] as const) {
      // 2025 fully allocated; 2026 allocated at 90 %, the rest kept in reserve for reallocation.
      const allocatedPerMille = year === 2025 ? 1000n : 900n;
      for (const [program, node, source, millions] of plan) {
        const amount = millions * M;
        const line = { province_code: P, year, program_code: program, node_code: node, fund_source: source };
        await trx.insertInto('budget_plan').values({ ...line, amount: amount.toString(), decision_ref: `${year === 2025 ? 45 : 12}/QĐ-UBND` }).execute();
        const pool = (amount * allocatedPerMille) / 1000n;
        // Weights 1..4 by position: remote communes get more.
        const weights = communes.map((_, i) => BigInt(1 + (i % 4)));
        const total = weights.reduce((s, w) => s + w, 0n);
        const shares = weights.map((w) => ((pool * w) / total / M) * M);
        await trx.insertInto('budget_allocation').values(communes.map((c, i) => ({ ...line, unit_code: c.code, amount: shares[i]!.toString(), decision_ref: `${year === 2025 ? 46 : 15}/QĐ-UBND` }))).execute();
        const payments = communes.flatMap((c, i) => {
          const paid = ((shares[i]! * BigInt(disbursedShare(i, year))) / 1000n / M) * M;
          if (paid <= 0n) return [];
          const half = ((paid / 2n) / M) * M;
          const dates = year === 2025 ? ['2025-05-20', '2025-10-15'] : ['2026-03-25', '2026-06-20'];
          return [half, paid - half].filter((a) => a > 0n).map((a, k) => ({ ...line, unit_code: c.code, paid_on: dates[k]!, amount: a.toString(), document_number: `UNC ${year}/${c.code}/${node}/${k + 1}` }));
        });
        if (payments.length) await trx.insertInto('budget_disbursement').values(payments).execute();
      }
    }
    const targets: Array<[string, string, number]> = [
      [P, 'poverty_rate', 13.0],
      [P, 'poverty_reduction', 2.0],
      [P, 'near_poor_rate', 9.0],
      [P, 'em_poverty_rate', 16.0],
      [P, 'jobs_created', 1500],
      [P, 'people_trained', 1200],
      [P, 'houses_supported', 320],
      [P, 'communes_leaving_difficulty', 3],
      ...communes.slice(0, 8).map((c, i): [string, string, number] => [c.code, 'poverty_rate', [8, 10, 12, 20, 25, 30, 35, 40][i]!]),
    ];
    await trx.insertInto('program_target').values(targets.map(([unit, indicator, target]) => ({ province_code: P, unit_code: unit, indicator_code: indicator, year: 2026, target, note: 'Nghị quyết HĐND tỉnh (dữ liệu mẫu)' }))).execute();
    const outputs = communes.flatMap((c, i) => [
      { province_code: P, unit_code: c.code, indicator_code: 'jobs_created', year: 2025, period: 'Y' as const, value: 40 + (i % 5) * 9 },
      { province_code: P, unit_code: c.code, indicator_code: 'people_trained', year: 2025, period: 'Y' as const, value: 30 + (i % 4) * 8 },
      { province_code: P, unit_code: c.code, indicator_code: 'houses_supported', year: 2025, period: 'Y' as const, value: 5 + (i % 3) * 3 },
      { province_code: P, unit_code: c.code, indicator_code: 'jobs_created', year: 2026, period: 'H1' as const, value: 12 + (i % 6) * 5 },
      { province_code: P, unit_code: c.code, indicator_code: 'people_trained', year: 2026, period: 'H1' as const, value: 10 + (i % 5) * 4 },
      { province_code: P, unit_code: c.code, indicator_code: 'houses_supported', year: 2026, period: 'H1' as const, value: 2 + (i % 4) },
    ]);
    await trx.insertInto('program_output').values(outputs).execute();
    // 2025 annual reports: all communes; 2026 six-month reports: three in four communes, some late.
    const reports = communes.flatMap((c, i) => [
      { province_code: P, unit_code: c.code, year: 2025, period: 'Y' as const, submitted_on: i % 9 === 0 ? '2025-11-26' : '2025-11-14', figures: JSON.stringify({ demo: true }) },
      ...(i % 4 === 3 ? [] : [{ province_code: P, unit_code: c.code, year: 2026, period: 'H1' as const, submitted_on: i % 6 === 0 ? '2026-05-27' : '2026-05-18', figures: JSON.stringify({ demo: true }) }]),
    ]);
    await trx.insertInto('program_report').values(reports).execute();
    await trx
      .insertInto('program_unit_status')
      .values(communes.filter((_, i) => i % 5 === 1).map((c) => ({ province_code: P, unit_code: c.code, kind: 'extremely_difficult_commune', valid_from: '2021-06-04', valid_to: '2026-01-01', decision_ref: '861/QĐ-TTg' })))
      .execute();
    await recordAudit(sharedView(trx), SYSTEM_ACTOR, { action: 'demo.seed_program', entity: 'budget_plan', entityId: P, provinceCode: P, after: { communes: communes.length, years: [2025, 2026] } });
  });
  return true;
}
