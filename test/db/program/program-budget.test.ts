import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import fc from 'fast-check';
import { openTestDatabase } from '../../helpers/database.ts';
import { insertUnitFixture } from '../../helpers/server.ts';
import type { Database } from '../../../src/db/connect.ts';
import type { Actor } from '../../../src/db/audit.ts';
import { syncProgramCatalog, readPrograms } from '../../../src/db/program/catalog.ts';
import { correctDisbursement, disburse, reallocate, setAllocation, setPlanLine } from '../../../src/db/program/budget.ts';
import { readBudget } from '../../../src/db/program/budget-read.ts';
import { ProgramError } from '../../../src/db/program/errors.ts';
import type { ProgramUnit } from '../../../src/db/program/units.ts';
import { PROGRAM_2026_2035 } from '../../../src/domain/program/program-structure.ts';

let d: Database;
const actor: Actor = { id: null, username: 'lc.tinh', role: 'province_officer' };
const province: ProgramUnit = { code: '12', name: 'Tỉnh Lai Châu', tier: 'province', provinceCode: '12' };
const commune: ProgramUnit = { code: '03445', name: 'Xã Mường Tè', tier: 'commune', provinceCode: '12' };
const communes = new Set(['03445', '03388']);
const line = { year: 2026, programCode: PROGRAM_2026_2035, nodeCode: 'HP2.ND2', fundSource: 'central_recurrent' as const };
const scope = { level: 'province' as const, provinceCode: '12' };

async function refusal(p: Promise<unknown>, code: string): Promise<ProgramError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ProgramError, String(e));
    assert.equal(e.code, code);
    return e;
  }
  assert.fail(`expected ${code}`);
}

const auditCount = async (action: string) =>
  Number((await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${action}`.execute(d.db)).rows[0]!.n);

before(async () => {
  d = await openTestDatabase();
  await insertUnitFixture(d);
  await syncProgramCatalog(d.db);
  await syncProgramCatalog(d.db); // idempotent
});
after(() => d.close());

test('the catalogue holds both programs; the 2021–2025 tree has 7 projects', async () => {
  const programs = await readPrograms(d.db);
  assert.deepEqual(programs.map((p) => p.code), ['MTQG_GNBV_2021_2025', 'MTQG_2026_2035']);
  assert.equal(programs[0]!.nodes.filter((n) => n.level === 'project').length, 7);
  assert.equal(programs[0]!.editable, false);
});

test('plan → allocation: never beyond the plan, every change audited', async () => {
  await setPlanLine(d.db, actor, province, { ...line, amount: 1_000_000_000n, decisionRef: '15/QĐ-UBND' });
  await setAllocation(d.db, actor, province, communes, { ...line, unitCode: '03445', amount: 600_000_000n });
  const e = await refusal(setAllocation(d.db, actor, province, communes, { ...line, unitCode: '03388', amount: 500_000_000n }), 'allocation_exceeds_plan');
  assert.equal(e.params.room, '400.000.000');
  await setAllocation(d.db, actor, province, communes, { ...line, unitCode: '03388', amount: 400_000_000n });
  await refusal(setPlanLine(d.db, actor, province, { ...line, amount: 900_000_000n }), 'plan_below_allocated');
  await refusal(setAllocation(d.db, actor, province, communes, { ...line, unitCode: '03325', amount: 1n }), 'program_unit_invalid');
  assert.equal(await auditCount('program.plan_set'), 1);
  assert.equal(await auditCount('program.allocation_set'), 2);
});

test('the database refuses over-allocation by itself, in Vietnamese', async () => {
  await assert.rejects(
    sql`update budget_allocation set amount = 700000000 where unit_code = '03388' and node_code = 'HP2.ND2'`.execute(d.db),
    (err: Error) => /vượt kế hoạch vốn/.test(err.message),
  );
  await assert.rejects(sql`insert into budget_allocation (province_code, year, program_code, node_code, fund_source, unit_code, amount)
    values ('12', 2026, 'MTQG_2026_2035', 'HP2.ND2', 'local', '03445', 1)`.execute(d.db));
});

test('disbursement: never beyond the allocation; audited; progress and lag', async () => {
  const id = await disburse(d.db, actor, commune, { ...line, unitCode: '03445', paidOn: '2026-03-10', amount: 200_000_000n, documentNumber: 'UNC-001' });
  assert.ok(id > 0);
  const e = await refusal(disburse(d.db, actor, commune, { ...line, unitCode: '03445', paidOn: '2026-03-11', amount: 400_000_001n, documentNumber: 'UNC-002' }), 'disbursement_exceeds_allocation');
  assert.equal(e.params.room, '400.000.000');
  await refusal(setAllocation(d.db, actor, province, communes, { ...line, unitCode: '03445', amount: 100_000_000n }), 'allocation_below_disbursed');
  await assert.rejects(
    sql`insert into budget_disbursement (province_code, year, program_code, node_code, fund_source, unit_code, paid_on, amount, document_number)
      values ('12', 2026, 'MTQG_2026_2035', 'HP2.ND2', 'central_recurrent', '03445', '2026-03-12', 500000000, 'X')`.execute(d.db),
    (err: Error) => /vượt số vốn đã phân bổ/.test(err.message),
  );
  assert.equal(await auditCount('program.disburse'), 1);

  const b = await readBudget(d.db, scope, province, 2026, '2026-07-15');
  assert.deepEqual(b.totals, { planned: '1000000000', allocated: '1000000000', disbursed: '200000000', disbursedPercent: 20, allocatedPercent: 100 });
  const mt = b.units.find((u) => u.unitCode === '03445')!;
  assert.equal(mt.sharePercent, 33.33);
  assert.equal(mt.requiredPercent, 40);
  assert.equal(mt.lagging, true);
  assert.equal(b.lines[0]!.nodeName, 'Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo');
  // The commune sees only its own allocation, no plan lines.
  const own = await readBudget(d.db, { level: 'commune', provinceCode: '12', communeCode: '03445' }, commune, 2026, '2026-07-15');
  assert.equal(own.lines.length, 0);
  assert.deepEqual(own.allocations.map((a) => a.unitCode), ['03445']);
});

test('reallocation moves money with a reason; the giver keeps what it has disbursed', async () => {
  await reallocate(d.db, actor, province, communes, { ...line, fromUnit: '03388', toUnit: '03445', amount: 100_000_000n, reason: 'Xã Đoàn Kết chậm triển khai' });
  await refusal(reallocate(d.db, actor, province, communes, { ...line, fromUnit: '03445', toUnit: '03388', amount: 600_000_000n, reason: 'thử' }), 'program_reallocation_room');
  const b = await readBudget(d.db, scope, province, 2026, '2026-07-15');
  assert.deepEqual(b.allocations.map((a) => [a.unitCode, a.amount]), [['03388', '300000000'], ['03445', '700000000']]);
  assert.equal(b.reallocations[0]!.reason, 'Xã Đoàn Kết chậm triển khai');
  const audit = await sql<{ reason: string }>`select reason from audit_log where action = 'program.reallocate'`.execute(d.db);
  assert.deepEqual(audit.rows.map((r) => r.reason), ['Xã Đoàn Kết chậm triển khai']);
});

test('a node outside the program or a year outside its period is refused', async () => {
  await refusal(setPlanLine(d.db, actor, province, { ...line, nodeCode: 'DA9', amount: 1n }), 'program_node_unknown');
  await refusal(setPlanLine(d.db, actor, province, { ...line, programCode: 'MTQG_GNBV_2021_2025', nodeCode: 'DA5', amount: 1n }), 'program_year_outside');
});

test('a wrong disbursement is corrected by a reversing entry, never edited or deleted; the total stays between 0 and the allocation', async () => {
  const mtLine = { ...line, unitCode: '03445' };
  const disbursedNow = async (asOf = '2026-12-31') => (await readBudget(d.db, scope, province, 2026, asOf)).allocations.find((a) => a.unitCode === '03445' && a.nodeCode === line.nodeCode)!.disbursed;
  const start = BigInt(await disbursedNow()); // 200.000.000 of an allocation of 700.000.000
  // 50.000.000 typed as 500.000.000.
  const wrong = await disburse(d.db, actor, commune, { ...mtLine, paidOn: '2026-05-04', amount: 500_000_000n, documentNumber: 'UNC-009' });
  assert.equal(await disbursedNow(), String(start + 500_000_000n));
  // The rows cannot be changed or removed, even directly.
  await assert.rejects(sql`update budget_disbursement set amount = 50000000 where id = ${wrong}`.execute(d.db), (err: Error) => /bút toán điều chỉnh/.test(err.message));
  await assert.rejects(sql`delete from budget_disbursement where id = ${wrong}`.execute(d.db), (err: Error) => /bút toán điều chỉnh/.test(err.message));
  await refusal(correctDisbursement(d.db, actor, scope, province, { entryId: wrong, reason: '  ' }), 'program_correction_reason_required');
  // A replacement that would pass the allocation is refused, and nothing is written.
  await refusal(correctDisbursement(d.db, actor, scope, province, { entryId: wrong, reason: 'Nhập nhầm', replacement: { paidOn: '2026-05-04', amount: 500_000_001n, documentNumber: 'UNC-009' } }), 'disbursement_exceeds_allocation');
  assert.equal(await disbursedNow(), String(start + 500_000_000n));
  const r = await correctDisbursement(d.db, actor, scope, province, { entryId: wrong, reason: 'Nhập nhầm số tiền (50 triệu)', replacement: { paidOn: '2026-05-04', amount: 50_000_000n, documentNumber: 'UNC-009' } });
  assert.ok(r.reversalId > wrong && r.replacementId! > r.reversalId);
  assert.equal(await disbursedNow(), String(start + 50_000_000n));
  // The reversal is dated on the wrong entry's payment date: the figures on every date are corrected.
  assert.equal(await disbursedNow('2026-05-04'), String(start + 50_000_000n));
  const b = await readBudget(d.db, scope, province, 2026, '2026-12-31');
  const byId = new Map(b.disbursements.map((e) => [e.id, e]));
  assert.deepEqual([byId.get(wrong)!.amount, byId.get(wrong)!.reversedBy], ['500000000', r.reversalId]);
  assert.deepEqual([byId.get(r.reversalId)!.amount, byId.get(r.reversalId)!.reversesId, byId.get(r.reversalId)!.reason], ['-500000000', wrong, 'Nhập nhầm số tiền (50 triệu)']);
  // Corrected once; a reversal is never corrected.
  await refusal(correctDisbursement(d.db, actor, scope, province, { entryId: wrong, reason: 'lần nữa' }), 'program_disbursement_reversed');
  await refusal(correctDisbursement(d.db, actor, scope, province, { entryId: r.reversalId, reason: 'huỷ bút toán' }), 'program_disbursement_is_reversal');
  // Another province's officer does not find the entry.
  const other: ProgramUnit = { code: '11', name: 'Tỉnh Điện Biên', tier: 'province', provinceCode: '11' };
  await refusal(correctDisbursement(d.db, actor, { level: 'province', provinceCode: '11' }, other, { entryId: r.replacementId!, reason: 'x' }), 'program_disbursement_unknown');
  // The database refuses a reversal that does not mirror its entry, a second one, and a negative total.
  const insertReversal = (of: number, amount: string, paidOn = '2026-05-04') =>
    sql`insert into budget_disbursement (province_code, year, program_code, node_code, fund_source, unit_code, paid_on, amount, document_number, reverses_id, reason)
      values ('12', 2026, 'MTQG_2026_2035', 'HP2.ND2', 'central_recurrent', '03445', ${paidOn}, ${amount}, 'X', ${of}, 'thử')`.execute(d.db);
  await assert.rejects(insertReversal(r.replacementId!, '-40000000'), (err: Error) => /phải huỷ đúng khoản giải ngân/.test(err.message));
  await assert.rejects(insertReversal(wrong, '-500000000'));
  await assert.rejects(
    sql`insert into budget_disbursement (province_code, year, program_code, node_code, fund_source, unit_code, paid_on, amount, document_number)
      values ('12', 2026, 'MTQG_2026_2035', 'HP2.ND2', 'central_recurrent', '03445', '2026-05-05', -1, 'X')`.execute(d.db),
  );
  // Only a cancellation: the reversal alone; the entry, the reversal and the replacement all audited with the reason.
  const only = await correctDisbursement(d.db, actor, scope, province, { entryId: r.replacementId!, reason: 'Chứng từ bị huỷ' });
  assert.equal(only.replacementId, null);
  assert.equal(await disbursedNow(), String(start));
  const audit = await sql<{ reason: string; entity_id: string }>`select reason, entity_id from audit_log where action = 'program.disbursement_correct' order by id`.execute(d.db);
  assert.deepEqual(audit.rows.map((x) => [x.reason, String(x.entity_id)]), [['Nhập nhầm số tiền (50 triệu)', String(wrong)], ['Chứng từ bị huỷ', String(r.replacementId)]]);
});

test('property: any sequence of entries and corrections keeps the disbursed total between 0 and the allocation', async () => {
  const l2 = { ...line, nodeCode: 'HP2.ND1', fundSource: 'local' as const };
  await setPlanLine(d.db, actor, province, { ...l2, amount: 1_000n });
  await setAllocation(d.db, actor, province, communes, { ...l2, unitCode: '03388', amount: 1_000n });
  const dk: ProgramUnit = { code: '03388', name: 'Phường Đoàn Kết', tier: 'commune', provinceCode: '12' };
  const ids: number[] = [];
  await fc.assert(
    fc.asyncProperty(fc.array(fc.oneof(fc.record({ pay: fc.integer({ min: 1, max: 700 }) }), fc.record({ fix: fc.nat(20), to: fc.option(fc.integer({ min: 1, max: 700 })) })), { maxLength: 6 }), async (ops) => {
      for (const op of ops) {
        try {
          if ('pay' in op) ids.push(await disburse(d.db, actor, dk, { ...l2, unitCode: '03388', paidOn: '2026-06-01', amount: BigInt(op.pay), documentNumber: 'P' }));
          else if (ids.length) {
            const res = await correctDisbursement(d.db, actor, scope, province, { entryId: ids[op.fix % ids.length]!, reason: 'sửa', replacement: op.to === null ? null : { paidOn: '2026-06-02', amount: BigInt(op.to), documentNumber: 'P2' } });
            if (res.replacementId) ids.push(res.replacementId);
          }
        } catch (e) {
          assert.ok(e instanceof ProgramError, String(e));
        }
        const s = (await readBudget(d.db, scope, province, 2026, '2026-12-31')).allocations.find((a) => a.unitCode === '03388' && a.nodeCode === 'HP2.ND1')!;
        assert.ok(BigInt(s.disbursed) >= 0n && BigInt(s.disbursed) <= 1_000n, s.disbursed);
      }
    }),
    { numRuns: 12 },
  );
});
