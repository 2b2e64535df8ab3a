import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase } from '../../helpers/database.ts';
import { insertUnitFixture } from '../../helpers/server.ts';
import { seedDemoProgram } from '../../../src/db/seed/demo-program.ts';
import { readBudget } from '../../../src/db/program/budget-read.ts';
import { readReportStatus } from '../../../src/db/program/reports.ts';
import { readTargets } from '../../../src/db/program/targets.ts';

test('the demo program seed: once, within the invariants, with lagging and late communes', async () => {
  const d = await openTestDatabase();
  try {
    await insertUnitFixture(d);
    assert.equal(await seedDemoProgram(d.db), true);
    assert.equal(await seedDemoProgram(d.db), false);
    const scope = { level: 'province' as const, provinceCode: '12' };
    const province = { code: '12', name: 'Tỉnh Lai Châu', tier: 'province' as const, provinceCode: '12' };
    const b = await readBudget(d.db, scope, province, 2026, '2026-07-15');
    assert.equal(b.lines.length, 5);
    assert.equal(b.totals.allocatedPercent, 90);
    assert.ok(BigInt(b.totals.disbursed) > 0n);
    assert.ok(b.units.some((u) => u.lagging));
    for (const l of b.lines) assert.ok(BigInt(l.allocated) <= BigInt(l.planned));
    const t = await readTargets(d.db, scope, province, 2026, '2026-07-15');
    assert.ok(t.rows.length >= 8);
    const r = await readReportStatus(d.db, scope, province, 2026, 'H1', '2026-07-15');
    assert.equal(r.rows.length, 2);
  } finally {
    await d.close();
  }
});
