/**
 * Running weighted sums for one population (the whole sample or one subgroup), with Neumaier
 * compensation so that millions of fractional sampling weights add up without drift.
 * Internal to the MPI module.
 */
const POPULATION = 0;
const POOR_POPULATION = 1;
const POOR_SCORE = 2;
const FIXED = 3;

export class GroupSums {
  rows = 0;
  poorRows = 0;
  private readonly sums: Float64Array;
  private readonly compensation: Float64Array;
  private readonly indicatorCount: number;

  constructor(indicatorCount: number) {
    this.indicatorCount = indicatorCount;
    this.sums = new Float64Array(FIXED + 2 * indicatorCount);
    this.compensation = new Float64Array(FIXED + 2 * indicatorCount);
  }

  private addAt(i: number, x: number): void {
    const s = this.sums[i];
    const t = s + x;
    this.compensation[i] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    this.sums[i] = t;
  }

  private valueAt(i: number): number {
    return this.sums[i] + this.compensation[i];
  }

  /**
   * Adds one row: its weight, whether it is poor, its score (already multiplied by the weight, in the
   * caller's score unit) and its deprivation flags.
   */
  add(weight: number, poor: boolean, weightedScore: number, deprived: ReadonlyArray<boolean>): void {
    this.rows++;
    this.addAt(POPULATION, weight);
    if (poor) {
      this.poorRows++;
      this.addAt(POOR_POPULATION, weight);
      this.addAt(POOR_SCORE, weightedScore);
    }
    const m = this.indicatorCount;
    for (let j = 0; j < m; j++) {
      if (!deprived[j]) continue;
      this.addAt(FIXED + j, weight);
      if (poor) this.addAt(FIXED + m + j, weight);
    }
  }

  get population(): number {
    return this.valueAt(POPULATION);
  }

  get poorPopulation(): number {
    return this.valueAt(POOR_POPULATION);
  }

  get poorScore(): number {
    return this.valueAt(POOR_SCORE);
  }

  deprivedPopulation(j: number): number {
    return this.valueAt(FIXED + j);
  }

  poorDeprivedPopulation(j: number): number {
    return this.valueAt(FIXED + this.indicatorCount + j);
  }
}
