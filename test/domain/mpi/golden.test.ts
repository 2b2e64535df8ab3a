/**
 * Golden test: reproduces ../shared/peer/mpi-syn-cdta/expected.json (computed by the R package
 * mpitbR: nested equal weights over three dimensions, k = 33 %) from syn_cdta_t1.csv.
 */
import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import test from 'node:test';
import {
  createMpiCsvRowReader, MpiAccumulator, parseMpiCsv, parseMpiCsvChunks, type MpiCsvRowReader, type MpiResult,
} from '../../../src/domain/mpi/index.ts';
import {
  GOLDEN_CSV, goldenMissingReason, PEER_DISCREPANCIES, PEER_DISCREPANCY_TOLERANCE, GOLDEN_TOLERANCE, readExpected, SUBGROUP_TOLERANCE,
} from './golden-data.ts';

async function computeGolden(): Promise<MpiResult> {
  const expected = readExpected();
  const acc = new MpiAccumulator({ indicators: expected.indicators, k: expected.k_percent });
  let reader: MpiCsvRowReader | undefined;
  const chunks = createReadStream(GOLDEN_CSV, { encoding: 'utf8', highWaterMark: 4096 }) as AsyncIterable<string>;
  for await (const record of parseMpiCsvChunks(chunks)) {
    if (!reader) reader = createMpiCsvRowReader(record, { indicators: acc.spec.names, weightColumns: ['weight'], by: 'region' });
    else acc.add(reader(record));
  }
  return acc.result();
}

test('golden: mpitbR figures on syn_cdta (t = 1), k = 33 %', async (t) => {
  const missing = goldenMissingReason();
  if (missing) {
    t.skip(missing);
    return;
  }
  const expected = readExpected();
  const result = await computeGolden();
  assert.equal(result.rows, 7434);

  const figures: Array<[string, number, number]> = [];
  for (const m of ['H', 'A', 'M0'] as const) figures.push([m, result[m], expected.national[m]]);
  for (const [name, e] of Object.entries(expected.indicators_result)) {
    for (const f of ['uncensored', 'censored', 'contribution'] as const) {
      figures.push([`${name}.${f}`, result.indicators[name][f], e[f]]);
    }
  }
  for (const [label, ours, theirs] of figures) {
    const discrepancy = PEER_DISCREPANCIES[label];
    const tolerance = discrepancy ? PEER_DISCREPANCY_TOLERANCE : GOLDEN_TOLERANCE;
    await t.test(discrepancy ? `${label} (peer figure off the exact ratio: ${discrepancy})` : label, () => {
      assert.ok(
        Math.abs(ours - theirs) <= tolerance,
        `${label}: ours ${ours}, expected ${theirs}, |diff| ${Math.abs(ours - theirs).toExponential(3)}`,
      );
      // A discrepancy listed must still be one: if expected.json is corrected, the list must shrink.
      if (discrepancy) assert.ok(Math.abs(ours - theirs) > GOLDEN_TOLERANCE, `${label} now agrees within ${GOLDEN_TOLERANCE}`);
    });
  }
  for (const [region, m0] of Object.entries(expected.subgroups_by_region_M0_examples)) {
    await t.test(`region ${region} M0`, () => {
      assert.ok(Math.abs(result.subgroups[region].M0 - m0) <= SUBGROUP_TOLERANCE, `${result.subgroups[region].M0} vs ${m0}`);
    });
  }
});

test('golden: every figure equals the exact integer-count ratio (independent oracle)', async (t) => {
  const missing = goldenMissingReason();
  if (missing) {
    t.skip(missing);
    return;
  }
  const expected = readExpected();
  const result = await computeGolden();
  // Oracle: weights in 18ths (1/6 = 3/18, 1/18 = 1/18); poor iff C/18 ≥ 33/100 ⇔ 100·C ≥ 33·18.
  const records = parseMpiCsv(readFileSync(GOLDEN_CSV, 'utf8'));
  const header = records[0].fields;
  const names = Object.keys(expected.indicators);
  const units = names.map((n) => (expected.indicators[n] === '1/6' ? 3 : 1));
  const idx = names.map((n) => header.indexOf(n));
  let poor = 0;
  let poorScore = 0;
  const deprived = names.map(() => 0);
  const poorDeprived = names.map(() => 0);
  const rows = records.slice(1);
  for (const r of rows) {
    const g = idx.map((i) => r.fields[i] === '1');
    const c = g.reduce((s, d, j) => s + (d ? units[j] : 0), 0);
    const isPoor = 100 * c >= 33 * 18;
    if (isPoor) {
      poor++;
      poorScore += c;
    }
    g.forEach((d, j) => {
      if (d) deprived[j]++;
      if (d && isPoor) poorDeprived[j]++;
    });
  }
  const n = rows.length;
  assert.equal(result.H, poor / n);
  assert.ok(Math.abs(result.M0 - poorScore / 18 / n) <= 1e-15);
  assert.ok(Math.abs(result.A - poorScore / 18 / poor) <= 1e-15);
  names.forEach((name, j) => {
    assert.equal(result.indicators[name].uncensored, deprived[j] / n, name);
    assert.equal(result.indicators[name].censored, poorDeprived[j] / n, name);
  });
  // The figures listed in PEER_DISCREPANCIES are exactly these counts over 7,434 rows:
  assert.equal(poorDeprived[names.indexOf('d_cm')], 345);
  assert.equal(poorDeprived[names.indexOf('d_hsg')], 1282);
});
