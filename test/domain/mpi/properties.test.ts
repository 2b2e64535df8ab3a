/** Property-based checks of the Alkire-Foster measures (fast-check). */
import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { MpiAccumulator, type MpiResult, type MpiRow } from '../../../src/domain/mpi/index.ts';

interface Case {
  readonly units: number[]; // weight of indicator j = units[j] / Σ units
  readonly rows: Array<{ flags: boolean[]; weight: number; group: string }>;
}

const caseArb: fc.Arbitrary<Case> = fc.integer({ min: 1, max: 6 }).chain((m) => fc.record({
  units: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: m, maxLength: m }),
  rows: fc.array(fc.record({
    flags: fc.array(fc.boolean(), { minLength: m, maxLength: m }),
    weight: fc.oneof(
      fc.integer({ min: 0, max: 6 }),
      fc.double({ min: 0.01, max: 1000, noNaN: true, noDefaultInfinity: true }),
    ),
    group: fc.constantFrom('a', 'b', 'c'),
  }), { minLength: 1, maxLength: 40 }),
}));

/** Cutoff as an exact fraction p/q of a percent. */
const kArb = fc.record({ p: fc.integer({ min: 1, max: 100 * 7 }), q: fc.integer({ min: 1, max: 7 }) })
  .filter(({ p, q }) => p <= 100 * q);

function indicators(units: number[]): Record<string, string> {
  const total = units.reduce((s, u) => s + u, 0);
  return Object.fromEntries(units.map((u, j) => [`i${j}`, `${u}/${total}`]));
}

function toRows(c: Case): MpiRow[] {
  return c.rows.map((r) => ({ deprivations: r.flags, weight: r.weight, group: r.group }));
}

function compute(c: Case, k: string): MpiResult {
  return new MpiAccumulator({ indicators: indicators(c.units), k }).addAll(toRows(c)).result();
}

const EPS = 1e-12;
const near = (a: number, b: number, scale = 1) => Math.abs(a - b) <= EPS * Math.max(1, scale);

test('identification agrees with an independent BigInt cross-multiplication oracle', () => {
  fc.assert(fc.property(caseArb, kArb, (c, { p, q }) => {
    const acc = new MpiAccumulator({ indicators: indicators(c.units), k: `${p}/${q}` });
    const total = BigInt(c.units.reduce((s, u) => s + u, 0));
    for (const r of c.rows) {
      const score = BigInt(r.flags.reduce((s, f, j) => s + (f ? c.units[j] : 0), 0));
      // c = score/total ≥ (p/q)/100  ⇔  100·q·score ≥ p·total
      const oracle = 100n * BigInt(q) * score >= BigInt(p) * total;
      assert.equal(acc.add({ deprivations: r.flags, weight: r.weight }), oracle);
    }
  }));
});

test('raising k never increases H (nor M0)', () => {
  fc.assert(fc.property(caseArb, kArb, kArb, (c, k1, k2) => {
    const [lo, hi] = k1.p * k2.q <= k2.p * k1.q ? [k1, k2] : [k2, k1];
    const a = compute(c, `${lo.p}/${lo.q}`);
    const b = compute(c, `${hi.p}/${hi.q}`);
    assert.ok(b.H <= a.H + EPS, `H(${hi.p}/${hi.q}) = ${b.H} > H(${lo.p}/${lo.q}) = ${a.H}`);
    assert.ok(b.M0 <= a.M0 + EPS);
  }));
});

test('M0 = H × A, censored ≤ uncensored, contributions sum to 100 % (overall and per subgroup)', () => {
  fc.assert(fc.property(caseArb, kArb, (c, { p, q }) => {
    const r = compute(c, `${p}/${q}`);
    for (const m of [r, ...Object.values(r.subgroups)]) {
      assert.ok(near(m.M0, m.H * m.A), `M0 ${m.M0} ≠ H·A ${m.H * m.A}`);
      assert.ok(m.A >= 0 && m.A <= 1 + EPS && m.H >= 0 && m.H <= 1 + EPS);
      const ind = Object.values(m.indicators);
      for (const i of ind) assert.ok(i.censored <= i.uncensored + EPS, `${i.censored} > ${i.uncensored}`);
      const percent = ind.reduce((s, i) => s + i.contributionPercent, 0);
      if (m.M0 > 0) assert.ok(Math.abs(percent - 100) <= 1e-9, `Σ contributions = ${percent}`);
      else assert.equal(percent, 0);
      assert.ok(near(ind.reduce((s, i) => s + i.contributionAbsolute, 0), m.M0));
    }
  }));
});

test('subgroup decomposition: population-share-weighted subgroup figures sum back to the total', () => {
  fc.assert(fc.property(caseArb, kArb, (c, { p, q }) => {
    const r = compute(c, `${p}/${q}`);
    if (!(r.population > 0)) return;
    const groups = Object.values(r.subgroups);
    const sum = (f: (g: (typeof groups)[number]) => number) => groups.reduce((s, g) => s + g.populationShare * f(g), 0);
    assert.ok(near(groups.reduce((s, g) => s + g.populationShare, 0), 1));
    assert.ok(near(sum((g) => g.H), r.H), 'H');
    assert.ok(near(sum((g) => g.M0), r.M0), 'M0');
    for (const name of Object.keys(r.indicators)) {
      assert.ok(near(sum((g) => g.indicators[name].uncensored), r.indicators[name].uncensored), name);
      assert.ok(near(sum((g) => g.indicators[name].censored), r.indicators[name].censored), name);
    }
    if (r.M0 > 0) assert.ok(near(groups.reduce((s, g) => s + g.contributionToM0, 0), 1));
    assert.equal(groups.reduce((s, g) => s + g.rows, 0), r.rows);
  }));
});
