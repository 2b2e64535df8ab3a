/**
 * The review history of the demo province, simulated year by year over the population of
 * demo-generator.ts and emitted as rows:
 *
 * - list year 2024: the lists recognised by the communes in December 2023, loaded as a baseline
 *   (`list_status` rows without a review; no survey history before the system);
 * - the 2024 periodic review (policy year 2025, ND07_2021) and the 2025 review (policy year 2026,
 *   ND07_2021): every commune review accepted, with listing, surveys (forms A and B, the engine's full
 *   input snapshot), classifications by the real engine, village meetings and votes, posting,
 *   complaints (some upheld and re-surveyed), the commune decision, the recognised lists and the
 *   certificates;
 * - the 2026 review (policy year 2027, under the standard the standards module assigns to it:
 *   ND351_2025, classified from measured income) in progress on the demo date, the communes spread over
 *   the steps from listing to submitted.
 *
 * Listing follows Decision 24/2021 Art. 4: households on the current lists plus households that apply
 * (or that the village adds); the engine's class of the surveyed facts becomes the list status.
 */
import { createHash } from 'node:crypto';
import { classifyHouseholdCompiled } from '../../domain/classification/classify-household.ts';
import { compileStandard, type CompiledStandard } from '../../domain/classification/compiled-standard.ts';
import type { HouseholdInput } from '../../domain/classification/household-input.ts';
import type { HouseholdClassification } from '../../domain/classification/result.ts';
import { formatIsoDateVi } from '../../domain/calendar/iso-date.ts';
import { addWorkingDays, nextWorkingDayOnOrAfter } from '../../domain/calendar/working-days.ts';
import { createVietnamWorkingCalendar, type WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { addMovementRow, emptyMovementTally, type MovementTally } from '../../domain/movements/movement-tally.ts';
import type { ReviewState } from '../../domain/review/review-states.ts';
import { REVIEW_STATES } from '../../domain/review/review-states.ts';
import type { ReviewAction } from '../../domain/review/review-actions.ts';
import { getStandard } from '../../domain/standards/registry.ts';
import { defineReviewCampaign } from '../../domain/standards/review-campaign.ts';
import { allocateHouseholds, COMMUNE_PROFILE_BY_CODE, communeTargets, DEMO_PROVINCE_CODE, DYNAMICS, type CommuneProfile } from './demo-calibration.ts';
import {
  ageOn,
  createCommune,
  createHousehold,
  dayOf,
  evolveConditions,
  evolveIncome,
  evolveMembers,
  householdFacts,
  householdInput,
  isoOf,
  isWeakHouse,
  memberFacts,
  PopulationBuilder,
  searchFold,
  type DemoCommune,
  type DemoHousehold,
  type DemoMember,
} from './demo-generator.ts';
import { familyName, personName } from './demo-names.ts';
import { Random } from './demo-random.ts';
import { FORM_A_ITEMS, formAExplanation, POVERTY_CAUSES, SUPPORT_NEEDS, type FormAItem } from '../registry/survey-codes.ts';
import { minutesPdf } from './demo-minutes.ts';

// ---- run options, ids and output ----

export type DemoTable =
  | 'village'
  | 'household'
  | 'household_residence'
  | 'member'
  | 'review_campaign'
  | 'commune_review'
  | 'commune_review_event'
  | 'review_household'
  | 'survey'
  | 'classification'
  | 'village_meeting'
  | 'meeting_vote'
  | 'complaint'
  | 'list_status'
  | 'certificate'
  | 'review_file';

/** Receives every generated row (column name → value). */
export interface DemoSink {
  row(table: DemoTable, record: Record<string, unknown>): void;
}

/** First id to use per bigserial table (the writer reads them from the sequences). */
export type IdBases = Partial<Record<'household' | 'member' | 'review_campaign' | 'commune_review' | 'commune_review_event' | 'survey' | 'complaint' | 'certificate' | 'review_file', number>>;

export interface DemoCommuneUnit {
  code: string;
  name: string;
  areaType: 'rural' | 'urban';
}

export interface DemoActors {
  provinceOfficer: number | null;
  /** Demo accounts bound to a commune: officer, reviewer, chair. */
  communes: ReadonlyMap<string, { officer: number | null; reviewer: number | null; chair: number | null }>;
}

export interface DemoRunOptions {
  /** Household rows to create in total (all years, including households that later left). */
  households: number;
  /** Communes to populate (2025 layout, province 12), in any order. */
  communes: readonly DemoCommuneUnit[];
  seed: number;
  /** The demo's "today": the 2026 review is shown as it stands on this day. */
  asOf: string;
  ids?: IdBases;
  actors?: DemoActors;
  /** Also emit `review_file` rows with a short minutes text per village meeting (0005 schema). */
  minutesFiles?: boolean;
  /** Called after each review year (progress). */
  onPhase?: (phase: string) => Promise<void> | void;
  /**
   * Called every `chunkHouseholds` households of work: the rows emitted so far are complete and the
   * writer can copy them while the run goes on. Between communes the run also yields to the event loop.
   */
  onChunk?: () => Promise<void>;
  chunkHouseholds?: number;
}

export interface ListYearStats {
  listYear: number;
  households: number;
  poor: number;
  nearPoor: number;
  poorRate: number;
  nearPoorRate: number;
}

export interface DemoStats {
  households: number;
  activeHouseholds: number;
  members: number;
  villages: number;
  communes: number;
  surveys: number;
  classifications: number;
  listStatusRows: number;
  certificates: number;
  complaints: number;
  lists: ListYearStats[];
  /** Movements between the lists of 2025 and 2026 (F2/F3 columns), households. */
  movements2026: Record<string, number>;
  /** Communes per state of the in-progress 2026 review. */
  states2026: Partial<Record<ReviewState, number>>;
  /** Rates of the 2025 lists per commune (poor, near-poor). */
  communeRates2025: Record<string, { poor: number; nearPoor: number }>;
}

class Ids {
  private readonly next: Record<string, number> = {};
  constructor(bases: IdBases = {}) {
    for (const [k, v] of Object.entries(bases)) this.next[k] = v;
  }
  take(table: keyof IdBases): number {
    const v = this.next[table] ?? 1;
    this.next[table] = v + 1;
    return v;
  }
}

/**
 * Personal identification numbers, unique by construction: place code + sex/century digit + two digits
 * of the birth year + a per-prefix counter scrambled by an invertible multiplication modulo 10⁶.
 */
class CitizenIds {
  private readonly counters = new Map<string, number>();
  take(place: string, sex: 'male' | 'female', birthYear: number): string {
    const century = Math.floor(birthYear / 100) - 19;
    const digit = century * 2 + (sex === 'female' ? 1 : 0);
    const prefix = `${place}${digit}${String(birthYear % 100).padStart(2, '0')}`;
    const n = this.counters.get(prefix) ?? 0;
    this.counters.set(prefix, n + 1);
    const offset = (Number(prefix) * 7_919) % 1_000_000;
    return prefix + String((n * 104_729 + offset) % 1_000_000).padStart(6, '0');
  }
}

// ---- calendar of a review ----

interface YearSpec {
  year: number;
  policyYear: number;
  standardId: string;
  compiled: CompiledStandard;
  refIso: string;
  refDay: number;
  completed: boolean;
  campaignId: number;
  /** Score A lines and income lines per area (null score line = classify by income). */
  scoreLine: { rural: number; urban: number } | null;
  incomeLine: { rural: number; urban: number };
}

const STATE_INDEX = new Map(REVIEW_STATES.map((s, i) => [s, i]));

/** The action that leaves each state on the normal path. */
const FORWARD: Readonly<Partial<Record<ReviewState, ReviewAction>>> = {
  listing: 'complete_listing',
  surveying: 'complete_surveying',
  village_meetings: 'complete_village_meetings',
  public_posting: 'complete_posting',
  complaints: 'sign_decision',
  decided: 'submit_to_province',
  submitted: 'accept',
};

/**
 * Where the communes stand on the demo date, from the slowest to the most advanced (37 communes; the
 * walkthrough commune is in surveying besides). With the board's due dates (docs/review-api.md §5) the
 * communes before `complaints` are late on 20 November: six of the 38.
 */
const IN_PROGRESS_PATTERN: readonly ReviewState[] = [
  ...Array<ReviewState>(1).fill('listing'),
  ...Array<ReviewState>(1).fill('surveying'),
  ...Array<ReviewState>(1).fill('village_meetings'),
  ...Array<ReviewState>(2).fill('public_posting'),
  ...Array<ReviewState>(11).fill('complaints'),
  ...Array<ReviewState>(13).fill('decided'),
  ...Array<ReviewState>(8).fill('submitted'),
];

/** The commune of the demo accounts stays in surveying with a few households left, so a whole review can be finished in the browser. */
export const DEMO_WALKTHROUGH_COMMUNE = '03445';
export const WALKTHROUGH_UNSURVEYED = 5;

function inProgressStates(profiles: readonly CommuneProfile[]): Map<string, ReviewState> {
  const order = profiles.filter((p) => p.code !== DEMO_WALKTHROUGH_COMMUNE).toSorted((a, b) => b.remoteness - a.remoteness || a.code.localeCompare(b.code));
  const out = new Map<string, ReviewState>();
  order.forEach((p, i) => {
    const k = Math.min(IN_PROGRESS_PATTERN.length - 1, Math.floor(((i + 0.5) * IN_PROGRESS_PATTERN.length) / order.length));
    out.set(p.code, IN_PROGRESS_PATTERN[k]!);
  });
  if (profiles.some((p) => p.code === DEMO_WALKTHROUGH_COMMUNE)) out.set(DEMO_WALKTHROUGH_COMMUNE, 'surveying');
  return out;
}

function timestamp(day: number, rng: Random): string {
  // Office hours in Vietnam (UTC+7): 07:30–16:30 local.
  const minutes = rng.int(30, 570);
  return `${isoOf(day)}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00Z`;
}

// ---- the run ----

interface Listed {
  h: DemoHousehold;
  reason: 'on_poor_list' | 'on_near_poor_list' | 'applied' | 'added';
  input: HouseholdInput | null;
  result: HouseholdClassification | null;
  scoreA: number | null;
  income: number;
  excluded: boolean;
  /** Form A items answered "yes" (any one excludes the household from scoring). */
  formAYes: FormAItem[];
  surveyed: boolean;
  surveyDay: number;
  surveyId: number;
  vote: { agree: number; disagree: number; attendees: number } | null;
}

/** How often each cause of poverty (the registry's codes) is named on a poor or near-poor household's survey. */
const CAUSES: Readonly<Record<keyof typeof POVERTY_CAUSES, number>> = {
  no_capital: 60,
  no_production_knowledge: 35,
  no_vocational_skills: 30,
  no_production_land: 25,
  no_means_of_production: 20,
  no_labour: 18,
  illness_or_accident: 15,
  other: 5,
};

export class DemoRun {
  readonly stats: DemoStats;
  private readonly ids: Ids;
  private readonly citizenIds = new CitizenIds();
  private readonly calendar: WorkingCalendar = createVietnamWorkingCalendar();
  private readonly communes: DemoCommune[] = [];
  private readonly builders = new Map<number, PopulationBuilder>();
  private readonly asOfDay: number;
  private readonly states2026: Map<string, ReviewState>;
  private readonly years: YearSpec[] = [];
  private householdIndex = 0;
  private readonly factsYear = new WeakMap<DemoHousehold, number>();
  /** Deprivation counts of the calibration year (the baseline lists are drawn from them). */
  private readonly calibrationCounts = new Map<DemoHousehold, number>();
  private tally: MovementTally = emptyMovementTally();

  constructor(private readonly opts: DemoRunOptions, private readonly sink: DemoSink) {
    this.ids = new Ids(opts.ids);
    this.asOfDay = dayOf(opts.asOf);
    this.states2026 = inProgressStates(opts.communes.map(communeProfileFor));
    this.stats = {
      households: 0,
      activeHouseholds: 0,
      members: 0,
      villages: 0,
      communes: opts.communes.length,
      surveys: 0,
      classifications: 0,
      listStatusRows: 0,
      certificates: 0,
      complaints: 0,
      lists: [],
      movements2026: {},
      states2026: {},
      communeRates2025: {},
    };
  }

  private builder(refDay: number): PopulationBuilder {
    let b = this.builders.get(refDay);
    if (!b) {
      b = new PopulationBuilder(refDay);
      this.builders.set(refDay, b);
    }
    return b;
  }

  async run(): Promise<DemoStats> {
    const root = new Random(this.opts.seed, 'giamngheo-demo');
    const units = this.opts.communes.toSorted((a, b) => a.code.localeCompare(b.code));
    const profiles = units.map(communeProfileFor);
    const totals = allocateHouseholds(profiles, this.opts.households);

    this.defineYears();
    for (const y of this.years) this.emitCampaign(y);

    // Population as of the 2024 review, leaving room for the households that appear in 2025 and 2026.
    const first = this.years[0]!;
    units.forEach((u, i) => {
      const commune = createCommune(root.fork(u.code), profiles[i]!, u.areaType, totals[i]!);
      this.communes.push(commune);
      const total = totals[i]!;
      const base = Math.round(total / (1 + 2 * DYNAMICS.newShare));
      commune.plannedNew = [Math.round((total - base) / 2), total - base - Math.round((total - base) / 2)];
      for (let k = 0; k < base; k++) {
        const since = first.refDay - commune.rng.int(200, 9000);
        this.newHousehold(commune, first.refDay, Math.min(since, dayOf('2024-06-30')));
      }
    });

    for (const y of this.years) {
      const last = y === this.years.at(-1);
      for (const commune of this.communes) {
        if (y.year > first.year) this.evolve(commune, y);
        this.prepareYear(commune, y);
        if (y.year === first.year) {
          this.calibrate(commune, y);
          this.baseline(commune, y);
        }
        this.reviewCommune(commune, y);
        // After the last review a commune's registry is final: its villages, households and members go out.
        if (last) this.finish(commune);
        await this.pause(commune.households.length);
      }
      this.recordListStats(y);
      await this.opts.onPhase?.(`review ${y.year}`);
    }
    return this.stats;
  }

  private pending = 0;

  /** Lets the copies advance (event loop) and hands over a chunk every `chunkHouseholds` households. */
  private async pause(households: number): Promise<void> {
    this.pending += households;
    if (this.opts.onChunk && this.pending >= (this.opts.chunkHouseholds ?? 4000)) {
      this.pending = 0;
      await this.opts.onChunk();
    } else {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private defineYears(): void {
    for (const year of [2024, 2025, 2026]) {
      const c = defineReviewCampaign(year);
      const standard = getStandard(c.standardId);
      const p = standard.parameters;
      const refIso = `${year}-10-01`;
      this.years.push({
        year,
        policyYear: c.policyYear,
        standardId: c.standardId,
        compiled: compileStandard(standard),
        refIso,
        refDay: dayOf(refIso),
        completed: year < 2026,
        campaignId: this.ids.take('review_campaign'),
        scoreLine: p.scoreALine ? { rural: p.scoreALine.rural.value, urban: p.scoreALine.urban.value } : null,
        incomeLine: { rural: p.incomeLine.rural.value, urban: p.incomeLine.urban.value },
      });
    }
  }

  private emitCampaign(y: YearSpec): void {
    const rng = new Random(this.opts.seed, `campaign-${y.year}`);
    const created = dayOf(`${y.year}-08-25`) + rng.int(0, 5);
    this.sink.row('review_campaign', {
      id: y.campaignId,
      province_code: DEMO_PROVINCE_CODE,
      year: y.year,
      kind: 'periodic',
      standard_id: y.standardId,
      local_standard_id: null,
      policy_year: y.policyYear,
      reference_date: y.refIso,
      plan_start: `${y.year}-09-01`,
      plan_end: `${y.year}-12-14`,
      title: `Rà soát định kỳ năm ${y.year} — tỉnh Lai Châu, danh sách áp dụng năm ${y.policyYear}, chuẩn ${y.standardId}`,
      status: y.completed ? 'closed' : 'open',
      closed_at: y.completed ? timestamp(dayOf(`${y.year}-12-29`), rng) : null,
      created_by: this.opts.actors?.provinceOfficer ?? null,
      created_at: timestamp(created, rng),
      version: y.completed ? 2 : 1,
    });
  }

  private newHousehold(commune: DemoCommune, refDay: number, sinceDay: number, youngCouple = false): DemoHousehold {
    const h = createHousehold(commune, this.builder(refDay), this.householdIndex++, sinceDay, { youngCouple });
    h.id = this.ids.take('household');
    for (const m of h.members) this.identify(m);
    return h;
  }

  /** Row id and personal identification number of a new member. */
  private identify(m: DemoMember): void {
    m.id = this.ids.take('member');
    m.citizenId = this.citizenIds.take(m.birthProvince, m.sex, m.birthYear);
  }

  /** This year's noise of score A around income (facts are computed when a household is surveyed). */
  private prepareYear(commune: DemoCommune, y: YearSpec): void {
    const rng = commune.rng;
    for (const h of commune.households) if (h.status === 'active') h.scoreNoise = rng.normal(0, 0.045);
    void y;
  }

  /** The members' facts at the year's reference date, computed once per household and year. */
  private ensureFacts(commune: DemoCommune, h: DemoHousehold, y: YearSpec): void {
    if (this.factsYear.get(h) === y.year) return;
    this.factsYear.set(h, y.year);
    for (const m of h.members) if (m.active) m.facts = memberFacts(m, h.conditions, y.refDay, commune.rng);
  }

  /** Whether the household's measure is at or below the standard's line (poor or near-poor, by the engine's compiled bounds). */
  private belowLine(h: DemoHousehold, y: YearSpec): boolean {
    const area = h.area === 'urban' ? 1 : 0;
    const m = this.measure(h, y);
    return m.scoreA !== undefined ? m.scoreA <= y.compiled.rules.scoreLine[area]! : m.income <= y.compiled.rules.incomeLine[area]!;
  }

  private measure(h: DemoHousehold, y: YearSpec): { scoreA?: number; income: number; scoreValue: number | null } {
    if (y.scoreLine === null) return { income: h.income, scoreValue: null };
    const lineA = y.scoreLine[h.area];
    const lineI = y.incomeLine[h.area];
    const scoreA = Math.max(10, Math.round((lineA * h.income * Math.exp(h.scoreNoise)) / lineI));
    return { scoreA, income: h.income, scoreValue: scoreA };
  }

  private classify(h: DemoHousehold, y: YearSpec, override?: { scoreA?: number; income?: number }): { input: HouseholdInput; result: HouseholdClassification; scoreA: number | null; income: number } {
    const m = this.measure(h, y);
    const scoreA = override?.scoreA ?? m.scoreA;
    const income = override?.income ?? m.income;
    const measure = scoreA === undefined ? { income } : { scoreA, income };
    const input = householdInput(h, measure);
    return { input, result: classifyHouseholdCompiled(y.compiled, input, y.refIso), scoreA: scoreA ?? null, income };
  }

  /**
   * The 2024 calibration: within each commune the target shares of poor and near-poor households are
   * given score A values below the line — the most disadvantaged (latent propensity plus noise) among
   * households with three or more deprivations for "poor", among the others for "near-poor"; everybody
   * else lands above the line, those most at risk just above it. Incomes follow from score A.
   */
  private calibrate(commune: DemoCommune, y: YearSpec): void {
    const rng = commune.rng;
    const active = commune.households.filter((h) => h.status === 'active');
    const targets = communeTargets(commune.profile);
    const scored = active.map((h) => {
      this.ensureFacts(commune, h, y);
      h.income = 1_000_000;
      const d = this.classify(h, y, { scoreA: 1 }).result.deprivationCount;
      this.calibrationCounts.set(h, d);
      return { h, d, s: h.z + rng.normal(0, 0.7) };
    });
    const poorCount = Math.round(targets.poor * active.length);
    const nearCount = Math.round(targets.nearPoor * active.length);
    const deprived = scored.filter((x) => x.d >= 3).toSorted((a, b) => b.s - a.s);
    const others = scored.filter((x) => x.d < 3).toSorted((a, b) => b.s - a.s);
    const below = new Set<DemoHousehold>();
    // Poor households lie deeper below the line than near-poor ones.
    const place = (list: typeof scored, count: number, floor: number) => {
      const n = Math.min(count, list.length);
      for (let k = 0; k < n; k++) {
        const h = list[k]!.h;
        const v = 1 - (k + 0.5) / n;
        const line = y.scoreLine![h.area];
        const a = Math.min(line, Math.round(line * (floor + (1 - floor) * v)));
        this.setScore(h, y, a);
        below.add(h);
      }
    };
    place(deprived, poorCount, 0.45);
    place(others, nearCount, 0.68);
    const above = scored.filter((x) => !below.has(x.h)).toSorted((a, b) => b.s - a.s);
    above.forEach((x, k) => {
      const v = (k + 0.5) / above.length;
      const line = y.scoreLine![x.h.area];
      this.setScore(x.h, y, line + 1 + Math.round(line * 2.3 * Math.pow(v, 1.1)));
    });
  }

  /** Sets the income so that this year's score A is exactly `a`. */
  private setScore(h: DemoHousehold, y: YearSpec, a: number): void {
    const lineA = y.scoreLine![h.area];
    const lineI = y.incomeLine[h.area];
    // The rounding of the income to 1,000 đ must not move the score across the line: score from income below.
    h.income = Math.round((a * lineI) / lineA / Math.exp(h.scoreNoise) / 1000) * 1000;
    let guard = 0;
    while (this.measure(h, y).scoreA! !== a && guard++ < 20) h.income += this.measure(h, y).scoreA! < a ? 1000 : -1000;
  }

  /**
   * The lists of 2024 (recognised in December 2023), drawn from the 2024 situation: most poor households
   * were already poor, some near-poor households had been poor, and some households now above the line
   * were still on a list.
   */
  private baseline(commune: DemoCommune, y: YearSpec): void {
    const rng = commune.rng;
    const decision = this.decision(rng, dayOf('2023-12-04'), dayOf('2023-12-14'));
    for (const h of commune.households) {
      if (h.status !== 'active') continue;
      const scoreA = this.measure(h, y).scoreA!;
      const line = y.scoreLine![h.area];
      const ratio = scoreA / line;
      const below = this.belowLine(h, y);
      const deprived = (this.calibrationCounts.get(h) ?? 0) >= 3;
      const [pPoor, pNear] =
        below && deprived ? [0.87, 0.06]
          : below ? [0.35, 0.5]
            : ratio <= 1.3 ? [0.15, 0.17]
              : ratio <= 1.7 ? [0.05, 0.07]
                : [0.01, 0.02];
      const r = rng.next();
      const status = r < pPoor ? 'poor' : r < pPoor + pNear ? 'near_poor' : 'none';
      h.lists.set(y.year, status);
      if (status === 'none') continue;
      this.sink.row('list_status', {
        province_code: DEMO_PROVINCE_CODE,
        household_id: h.id,
        list_year: y.year,
        status,
        standard_id: y.standardId,
        review_id: null,
        application_id: null,
        decision_number: decision.number,
        decision_date: isoOf(decision.day),
        effective_from: isoOf(decision.day),
      });
      this.stats.listStatusRows++;
    }
  }

  private decision(rng: Random, fromDay: number, toDay: number): { number: string; day: number } {
    const day = dayOf(nextWorkingDayOnOrAfter(this.calendar, isoOf(rng.int(fromDay, toDay))));
    return { number: `${rng.int(95, 460)}/QĐ-UBND`, day };
  }

  /** From one reference date to the next: exits, new households, members, conditions, incomes. */
  private evolve(commune: DemoCommune, y: YearSpec): void {
    const prevDay = this.years[this.years.indexOf(y) - 1]!.refDay;
    const prevYear = y.year - 1;
    {
      const rng = commune.rng;
      const builder = this.builder(y.refDay);
      const existing = commune.households.filter((h) => h.status === 'active');
      for (const h of existing) {
        if (rng.chance(DYNAMICS.exitChance)) {
          const head = h.members.find((m) => m.relation === 'head')!;
          const alone = h.members.filter((m) => m.active).length === 1;
          const day = rng.int(prevDay + 10, y.refDay - 10);
          const kind = alone && ageOn(head.birthDay, day) >= 70 ? 'deceased' : rng.chance(0.65) ? 'moved_away' : 'dissolved';
          h.status = kind;
          h.statusDay = day;
          h.statusReason =
            kind === 'deceased' ? 'Chủ hộ sống một mình đã qua đời'
              : kind === 'moved_away' ? rng.pick(['Chuyển đến sinh sống tại tỉnh khác', 'Cả hộ đi làm ăn, chuyển hộ khẩu về Bình Dương', 'Chuyển về ở với con tại xã khác'])
                : 'Nhập vào hộ gia đình con trai';
          for (const m of h.members) {
            if (!m.active) continue;
            m.active = false;
            m.leftReason = `household_${kind}`;
            m.leftDay = day;
          }
          continue;
        }
        evolveMembers(commune, builder, h, prevDay, y.refDay);
        for (const m of h.members) if (m.id === 0) this.identify(m);
        evolveConditions(rng, commune, h, prevYear + 1);
        evolveIncome(rng, h, prevYear + 1);
      }
      const planned = commune.plannedNew[y.year - 2025] ?? 0;
      for (let k = 0; k < planned; k++) {
        const h = this.newHousehold(commune, y.refDay, rng.int(prevDay + 5, y.refDay - 5), true);
        // A young household starts near the income of the commune's households of the same propensity.
        const peers = existing.filter((e) => e.status === 'active');
        const peer = peers[rng.int(0, peers.length - 1)]!;
        h.income = Math.max(300_000, Math.round((peer.income * Math.exp(rng.normal(-0.1, 0.3))) / 10_000) * 10_000);
      }
    }
  }

  private reviewCommune(commune: DemoCommune, y: YearSpec): void {
    const rng = commune.rng;
    const code = commune.profile.code;
    const state: ReviewState = y.completed ? 'accepted' : (this.states2026.get(code) ?? 'listing');
    const reached = STATE_INDEX.get(state)!;
    const actors = this.opts.actors?.communes.get(code);
    const reviewId = this.ids.take('commune_review');

    // Dates of the transitions that happened.
    const transitions = this.schedule(rng, y, reached);
    const dayOfAction = (a: ReviewAction): number | undefined => transitions.find((t) => t.action === a)?.day;

    // Listing: the current lists, then applications and households the village adds.
    const listed: Listed[] = [];
    for (const h of commune.households) {
      if (h.status !== 'active') continue;
      const prev = h.lists.get(y.year) ?? 'none';
      let reason: Listed['reason'] | null = prev === 'poor' ? 'on_poor_list' : prev === 'near_poor' ? 'on_near_poor_list' : null;
      const qualifies = this.belowLine(h, y);
      if (reason === null && qualifies && rng.chance(DYNAMICS.applyWhenQualified)) reason = rng.chance(0.72) ? 'applied' : 'added';
      if (reason === null && !qualifies && rng.chance(DYNAMICS.applyOtherwise)) reason = 'applied';
      if (reason === null) {
        if (y.completed || reached >= STATE_INDEX.get('decided')!) h.lists.set(y.policyYear, 'none');
        continue;
      }
      const incomeLine = y.incomeLine[h.area];
      const excluded = reason === 'applied' && !qualifies && h.income > 1.6 * incomeLine && rng.chance(0.7);
      const formAYes: FormAItem[] = excluded ? formAAnswers(rng) : [];
      listed.push({ h, reason, input: null, result: null, scoreA: null, income: h.income, excluded, formAYes, surveyed: false, surveyDay: 0, surveyId: 0, vote: null });
    }

    // Surveys: all listed households once surveying is complete; part of them while it runs.
    const listingDone = dayOfAction('complete_listing');
    const surveyingDone = dayOfAction('complete_surveying');
    if (listingDone !== undefined) {
      const until = surveyingDone ?? this.asOfDay - 1;
      const share = surveyingDone !== undefined ? 1 : rng.uniform(0.45, 0.85);
      // The walkthrough commune has exactly a few households left to survey.
      const left = surveyingDone === undefined && code === DEMO_WALKTHROUGH_COMMUNE ? new Set(rng.shuffle([...listed]).slice(0, WALKTHROUGH_UNSURVEYED)) : null;
      for (const l of listed) {
        if (left ? left.has(l) : share < 1 && !rng.chance(share)) continue;
        l.surveyed = true;
        l.surveyDay = rng.int(Math.min(listingDone + 2, until), until);
        // The survey records the facts; the engine classifies them (form A exclusions are not scored).
        this.ensureFacts(commune, l.h, y);
        if (l.excluded) {
          // Not scored: the snapshot has the facts and the measured income only.
          l.input = householdInput(l.h, { income: l.h.income });
        } else {
          const c = this.classify(l.h, y);
          l.input = c.input;
          l.income = c.income;
          l.result = c.result;
          l.scoreA = c.scoreA;
        }
      }
    }

    // Complaints during posting; an upheld one is re-checked with a new survey.
    const postingStart = dayOfAction('complete_village_meetings');
    const postingInfo = postingStart !== undefined ? this.posting(rng, postingStart) : null;
    const complaints = postingInfo ? this.complaints(rng, commune, y, listed, postingInfo, dayOfAction('complete_posting'), dayOfAction('sign_decision')) : [];

    // Emit the review, its events and its households.
    const lastTransition = transitions.at(-1);
    const decisionDay = dayOfAction('sign_decision');
    const decision = decisionDay !== undefined ? { number: `${rng.int(95, 460)}/QĐ-UBND`, day: decisionDay } : null;
    this.sink.row('commune_review', {
      province_code: DEMO_PROVINCE_CODE,
      id: reviewId,
      campaign_id: y.campaignId,
      commune_code: code,
      state,
      state_changed_at: lastTransition ? lastTransition.at : timestamp(dayOf(`${y.year}-09-03`), rng),
      posting_start: postingInfo ? isoOf(postingInfo.start) : null,
      posting_end: postingInfo ? isoOf(postingInfo.end) : null,
      decision_number: decision?.number ?? null,
      decision_date: decision ? isoOf(decision.day) : null,
      decision_signer: decision ? commune.chair : null,
      submitted_at: transitions.find((t) => t.action === 'submit_to_province')?.at ?? null,
      accepted_at: transitions.find((t) => t.action === 'accept')?.at ?? null,
      accepted_by: transitions.some((t) => t.action === 'accept') ? (this.opts.actors?.provinceOfficer ?? null) : null,
      version: transitions.length + 1,
    });
    for (const t of transitions) {
      const actor = t.action === 'accept' ? (this.opts.actors?.provinceOfficer ?? null) : t.action === 'sign_decision' ? (actors?.chair ?? null) : (actors?.officer ?? null);
      this.sink.row('commune_review_event', {
        province_code: DEMO_PROVINCE_CODE,
        id: this.ids.take('commune_review_event'),
        review_id: reviewId,
        at: t.at,
        actor_id: actor,
        action: t.action,
        from_state: t.from,
        to_state: t.to,
        reason: null,
        payload: t.action === 'sign_decision' && decision
          ? { decision: { number: decision.number, date: isoOf(decision.day), signerName: commune.chair, signerTitle: 'Chủ tịch UBND xã' } }
          : t.action === 'complete_posting' && postingInfo
            ? { posting: { startDate: isoOf(postingInfo.start), endDate: isoOf(postingInfo.end) } }
            : null,
      });
    }

    // Surveys and classifications.
    for (const l of listed) {
      if (!l.surveyed) continue;
      const upheld = complaints.find((c) => c.listed === l && c.outcome === 'upheld');
      const first = this.ids.take('survey');
      // An upheld complaint's re-check is a new survey that supersedes the first one.
      const second = upheld ? this.ids.take('survey') : null;
      this.emitSurvey(rng, reviewId, l, first, l.surveyDay, actors?.reviewer ?? null, second);
      l.surveyId = first;
      if (upheld) {
        const redo = this.classify(l.h, y, y.scoreLine === null ? { income: Math.max(200_000, l.income + upheld.incomeShift) } : { scoreA: Math.max(10, (l.scoreA ?? 0) + upheld.scoreShift) });
        l.input = redo.input;
        l.result = redo.result;
        l.scoreA = redo.scoreA;
        l.income = redo.income;
        l.excluded = false;
        this.emitSurvey(rng, reviewId, l, second!, upheld.resolvedDay, actors?.reviewer ?? null, null);
        l.surveyId = second!;
      }
      l.input = null;
      // A household excluded by form A is "none" without scoring, as the registry classifies it.
      this.sink.row('classification', {
        province_code: DEMO_PROVINCE_CODE,
        review_id: reviewId,
        household_id: l.h.id,
        standard_id: y.standardId,
        survey_id: l.surveyId,
        area_type: l.h.area,
        class: l.result ? l.result.class : 'none',
        subtype: l.result?.subtype ?? null,
        deprivation_count: l.result ? l.result.deprivationCount : 0,
        deprivations: l.result ? l.result.deprivations : [],
        explanation: l.result ? l.result.explanation : formAExplanation(l.formAYes),
        computed_at: timestamp(upheld ? upheld.resolvedDay : l.surveyDay, rng),
      });
      this.stats.classifications++;
    }

    // Village meetings and votes.
    const meetingsDone = dayOfAction('complete_village_meetings');
    const meetingsFrom = surveyingDone;
    if (meetingsFrom !== undefined) {
      const byVillage = new Map<string, Listed[]>();
      for (const l of listed) {
        if (!l.surveyed) continue;
        const list = byVillage.get(l.h.villageCode) ?? [];
        list.push(l);
        byVillage.set(l.h.villageCode, list);
      }
      for (const v of commune.villages) {
        const members = byVillage.get(v.code);
        if (!members) continue;
        if (meetingsDone === undefined && !rng.chance(0.55)) continue;
        const held = dayOf(nextWorkingDayOnOrAfter(this.calendar, isoOf(rng.int(meetingsFrom + 1, Math.max(meetingsFrom + 1, (meetingsDone ?? this.asOfDay) - 1)))));
        const households = commune.households.filter((h) => h.villageCode === v.code && h.status === 'active').length;
        const attendees = Math.max(12, Math.round(households * rng.uniform(0.55, 0.9)));
        let fileRef: string | null = null;
        const minutesName = `Biên bản họp dân ${v.name} ${y.year}.pdf`;
        if (this.opts.minutesFiles) fileRef = this.emitMinutesFile(rng, commune, v, y, held, attendees, members.length, actors?.officer ?? null, minutesName);
        this.sink.row('village_meeting', {
          province_code: DEMO_PROVINCE_CODE,
          review_id: reviewId,
          village_code: v.code,
          held_on: isoOf(held),
          attendees,
          chair: v.head,
          secretary: personName(rng, 'Kinh', rng.chance(0.5) ? 'male' : 'female', rng.int(1980, 1998), familyName(rng, 'Kinh')),
          minutes_file: fileRef,
          minutes_name: fileRef ? minutesName : null,
          recorded_by: actors?.officer ?? null,
          meeting_no: 1,
        });
        for (const l of members) {
          const agree = Math.max(Math.ceil(attendees / 2), Math.round(attendees * rng.uniform(0.72, 1)));
          const disagree = Math.round((attendees - agree) * rng.uniform(0.1, 0.7));
          l.vote = { agree, disagree, attendees };
          this.sink.row('meeting_vote', {
            province_code: DEMO_PROVINCE_CODE,
            review_id: reviewId,
            household_id: l.h.id,
            village_code: v.code,
            agree,
            attendees,
            disagree,
            meeting_no: 1,
          });
        }
      }
    }

    for (const c of complaints) {
      this.sink.row('complaint', {
        province_code: DEMO_PROVINCE_CODE,
        id: this.ids.take('complaint'),
        review_id: reviewId,
        household_id: c.listed.h.id,
        received_on: isoOf(c.receivedDay),
        complainant: c.complainant,
        content: c.content,
        recheck_note: c.outcome ? c.note : null,
        outcome: c.outcome,
        resolved_on: c.outcome ? isoOf(c.resolvedDay) : null,
        recorded_by: actors?.officer ?? null,
      });
      this.stats.complaints++;
    }

    // Review households, and the decision's lists and certificates.
    const decided = decision !== null;
    let certificateSeq = 0;
    for (const l of listed) {
      // As the workflow stores them: agreed after the meeting vote; the decision adds the recognised status.
      const cls = l.excluded ? 'none' : (l.result?.class ?? null);
      const status = cls === 'poor' ? 'poor' : cls === 'near_poor' ? 'near_poor' : 'none';
      this.sink.row('review_household', {
        province_code: DEMO_PROVINCE_CODE,
        review_id: reviewId,
        household_id: l.h.id,
        listing_reason: l.reason,
        stage: l.vote ? 'agreed' : l.surveyed ? 'surveyed' : 'listed',
        meeting_agree: l.vote?.agree ?? null,
        meeting_attendees: l.vote?.attendees ?? null,
        proposed_class: l.surveyed ? cls : null,
        final_class: decided && l.vote ? status : null,
        returned_at: null,
      });
      if (!decided) continue;
      l.h.lists.set(y.policyYear, status);
      const prev = l.h.lists.get(y.year) ?? 'none';
      if (status === 'none' && prev === 'none') continue;
      this.sink.row('list_status', {
        province_code: DEMO_PROVINCE_CODE,
        household_id: l.h.id,
        list_year: y.policyYear,
        status,
        standard_id: y.standardId,
        review_id: reviewId,
        application_id: null,
        decision_number: decision.number,
        decision_date: isoOf(decision.day),
        effective_from: isoOf(decision.day),
      });
      this.stats.listStatusRows++;
      if (status === 'none') continue;
      certificateSeq++;
      const issued = Math.min(decision.day + rng.int(0, 6), this.asOfDay);
      this.sink.row('certificate', {
        province_code: DEMO_PROVINCE_CODE,
        id: this.ids.take('certificate'),
        household_id: l.h.id,
        number: `${certificateSeq}/${code}-${y.policyYear}/GCN-HN.HCN`,
        status,
        list_year: y.policyYear,
        issued_on: isoOf(issued),
        decision_number: decision.number,
      });
      this.stats.certificates++;
    }
    if (!y.completed) this.stats.states2026[state] = (this.stats.states2026[state] ?? 0) + 1;
  }

  private emitSurvey(rng: Random, reviewId: number, l: Listed, id: number, day: number, reviewer: number | null, supersededBy: number | null): void {
    const h = l.h;
    const answers: Partial<Record<FormAItem, boolean>> = {};
    for (const k of Object.keys(FORM_A_ITEMS) as FormAItem[]) answers[k] = l.formAYes.includes(k);
    const formA = { answers };
    const poorish = l.result !== null && (l.result.class === 'poor' || l.result.class === 'near_poor');
    this.sink.row('survey', {
      province_code: DEMO_PROVINCE_CODE,
      id,
      review_id: reviewId,
      household_id: h.id,
      form_a: formA,
      excluded_by_form_a: l.excluded,
      score_a: l.excluded ? null : l.scoreA,
      score_a_items: l.excluded || l.scoreA === null ? null : scoreItems(rng, l.scoreA, h.area),
      income: l.income,
      facts: l.input,
      causes: poorish ? pickCauses(rng, h) : [],
      needs: poorish ? pickNeeds(rng, h) : [],
      surveyed_by: reviewer,
      surveyed_on: isoOf(day),
      superseded_by: supersededBy,
      created_at: timestamp(day, rng),
    });
    this.stats.surveys++;
  }

  private posting(rng: Random, meetingsDone: number): { start: number; end: number } {
    const start = dayOf(nextWorkingDayOnOrAfter(this.calendar, isoOf(meetingsDone + rng.int(0, 1))));
    const end = dayOf(addWorkingDays(this.calendar, isoOf(start), rng.chance(0.7) ? 2 : rng.int(3, 4)));
    return { start, end };
  }

  private complaints(
    rng: Random,
    commune: DemoCommune,
    y: YearSpec,
    listed: Listed[],
    posting: { start: number; end: number },
    postingDone: number | undefined,
    decisionDay: number | undefined,
  ): Complaint[] {
    const out: Complaint[] = [];
    const candidates = listed.filter((l) => l.surveyed && !l.excluded && l.result);
    if (candidates.length === 0 || posting.start >= this.asOfDay) return out;
    const n = rng.chance(0.25) ? 0 : rng.int(1, 3);
    for (let k = 0; k < n; k++) {
      const l = rng.pick(candidates);
      if (out.some((c) => c.listed === l)) continue;
      const received = Math.min(rng.int(posting.start, posting.end), this.asOfDay - 1);
      const resolvedBy = decisionDay ?? (postingDone !== undefined ? this.asOfDay - 1 : undefined);
      const resolved = resolvedBy !== undefined && resolvedBy > received ? rng.int(received + 1, resolvedBy) : undefined;
      const self = l.result!.class !== 'poor' && rng.chance(0.6);
      const outcome: Complaint['outcome'] = resolved === undefined ? null : rng.chance(0.35) ? 'upheld' : rng.chance(0.85) ? 'rejected' : 'withdrawn';
      const head = l.h.members.find((m) => m.relation === 'head')!;
      const neighbour = personName(rng, l.h.ethnicity, rng.chance(0.6) ? 'male' : 'female', rng.int(1960, 1995), familyName(rng, l.h.ethnicity));
      out.push({
        listed: l,
        receivedDay: received,
        resolvedDay: resolved ?? 0,
        outcome,
        complainant: self ? head.fullName : neighbour,
        content: self
          ? rng.pick([
            'Gia đình có người ốm đau dài ngày, thu nhập giảm sút; đề nghị xem xét lại kết quả chấm điểm.',
            'Vụ mùa năm nay bị mất do sạt lở đất, gia đình không đủ ăn; đề nghị rà soát lại.',
            'Đề nghị kiểm tra lại số nhân khẩu và thu nhập của hộ khi chấm điểm A.',
          ])
          : rng.pick([
            `Phản ánh hộ ông/bà ${head.fullName} mới mua xe máy, xây nhà kiên cố; đề nghị kiểm tra lại kết quả rà soát.`,
            `Phản ánh hộ ${head.fullName} có con đi làm công nhân gửi tiền về đều đặn, chưa được tính vào thu nhập.`,
          ]),
        note: outcome === 'upheld'
          ? 'Tổ phúc tra đã kiểm tra thực tế tại hộ, nội dung phản ánh đúng; đã rà soát, chấm điểm lại.'
          : outcome === 'rejected'
            ? 'Tổ phúc tra đã kiểm tra thực tế tại hộ, kết quả rà soát ban đầu là đúng; giữ nguyên kết quả.'
            : 'Người phản ánh rút lại nội dung sau khi được giải thích.',
        // A complaint by the household finds a lower score; one by a neighbour a higher score.
        scoreShift: self ? -rng.int(12, 28) : rng.int(15, 35),
        incomeShift: self ? -rng.int(15, 35) * 10_000 : rng.int(20, 45) * 10_000,
      });
    }
    void commune;
    void y;
    return out;
  }

  private emitMinutesFile(rng: Random, commune: DemoCommune, v: { name: string; head: string; code: string }, y: YearSpec, held: number, attendees: number, households: number, officer: number | null, name: string): string {
    const id = this.ids.take('review_file');
    const content = minutesPdf('BIÊN BẢN HỌP DÂN THỐNG NHẤT KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO', [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc',
      `Rà soát định kỳ năm ${y.year} (danh sách áp dụng năm ${y.policyYear}).`,
      `Thời gian: ngày ${formatIsoDateVi(isoOf(held))}. Địa điểm: nhà văn hóa ${v.name}, ${commune.profile.name}, tỉnh Lai Châu.`,
      `Chủ trì: ${v.head}, trưởng thôn/bản. Số người tham dự: ${attendees}.`,
      `Nội dung: thống nhất kết quả rà soát của ${households} hộ gia đình trong danh sách rà soát.`,
      'Kết quả: các hộ đều được từ 50% số người tham dự trở lên đồng ý.',
      '',
      'DỮ LIỆU MẪU: biên bản tổng hợp để trình diễn hệ thống, không phải văn bản thật.',
    ]);
    this.sink.row('review_file', {
      province_code: DEMO_PROVINCE_CODE,
      id,
      commune_code: commune.profile.code,
      name,
      content_type: 'application/pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploaded_by: officer,
      uploaded_at: timestamp(held + rng.int(0, 2), rng),
    });
    return `review_file:${id}`;
  }

  /**
   * Days of the transitions a review went through: the normal path from listing to `reached`, spread
   * over the periodic window (completed years) or squeezed before the demo date (the year in progress).
   */
  private schedule(rng: Random, y: YearSpec, reached: number): { action: ReviewAction; from: ReviewState; to: ReviewState; day: number; at: string }[] {
    // Planned day (after 1 September) of each transition, its jitter, and the least gap to the one before
    // (surveys take weeks; posting needs three working days between the meetings and its close).
    // On plan, each step ends before the board's due date (docs/review-api.md §5: 10 %, 45 %, 60 %, 70 %,
    // 80 % and 100 % of the 1 September – 14 December period).
    const template = [9, 42, 58, 68, 86, 89, 100];
    const jitter = [2, 5, 4, 2, 5, 2, 5];
    const minGap = [0, 14, 6, 7, 3, 1, 3];
    const start = dayOf(`${y.year}-09-01`);
    const raw: number[] = [];
    if (y.completed) {
      // The completed years took the whole window: decisions signed in the first half of December.
      const finished = [...template.slice(0, 4), 95, 98, 108];
      for (let i = 0; i < reached; i++) raw.push(start + finished[i]! + rng.int(-jitter[i]!, jitter[i]!));
      raw[4] = Math.max(dayOf(`${y.year}-12-01`), Math.min(raw[4]!, dayOf(`${y.year}-12-14`) - rng.int(0, 4)));
    } else if (reached > 0) {
      // A pace (1 = on plan) such that the last step happened before the demo date and the next one did not.
      const elapsed = this.asOfDay - 1 - start;
      const fastest = elapsed / template[reached - 1]!;
      const slowest = reached < template.length ? (elapsed + 1) / template[reached]! : 0;
      const pace = Math.min(fastest, Math.max(slowest, 0.8) + rng.next() * Math.max(0, Math.min(fastest, slowest + 0.6) - Math.max(slowest, 0.8)));
      for (let i = 0; i < reached; i++) raw.push(start + Math.round(template[i]! * pace) + (i < reached - 1 ? rng.int(-2, 2) : 0));
    }
    const days: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      let d = Math.max(raw[i]!, i === 0 ? start + 10 : days[i - 1]! + minGap[i]!);
      d = dayOf(nextWorkingDayOnOrAfter(this.calendar, isoOf(d)));
      days.push(d);
    }
    if (!y.completed && days.length > 0) {
      // Keep every step before the demo date.
      const overflow = days.at(-1)! - (this.asOfDay - 1);
      if (overflow > 0) for (let i = 0; i < days.length; i++) days[i] = days[i]! - overflow;
    }
    const out: { action: ReviewAction; from: ReviewState; to: ReviewState; day: number; at: string }[] = [];
    for (let i = 0; i < days.length; i++) {
      const from = REVIEW_STATES[i]!;
      out.push({ action: FORWARD[from]!, from, to: REVIEW_STATES[i + 1]!, day: days[i]!, at: timestamp(days[i]!, rng) });
    }
    return out;
  }

  private recordListStats(y: YearSpec): void {
    const active = this.communes.flatMap((c) => c.households.filter((h) => h.status === 'active'));
    const decidedCommunes = new Set(this.communes.filter((c) => y.completed || STATE_INDEX.get(this.states2026.get(c.profile.code) ?? 'listing')! >= STATE_INDEX.get('decided')!).map((c) => c.profile.code));
    const add = (listYear: number, households: DemoHousehold[]) => {
      if (households.length === 0) return;
      let poor = 0;
      let near = 0;
      for (const h of households) {
        const s = h.lists.get(listYear);
        if (s === 'poor') poor++;
        else if (s === 'near_poor') near++;
      }
      this.stats.lists.push({ listYear, households: households.length, poor, nearPoor: near, poorRate: poor / households.length, nearPoorRate: near / households.length });
    };
    if (y.year === this.years[0]!.year) add(y.year, active);
    add(y.policyYear, y.completed ? active : active.filter((h) => decidedCommunes.has(h.communeCode)));
    if (y.year === 2024) {
      for (const c of this.communes) {
        const hs = c.households.filter((h) => h.status === 'active');
        const poor = hs.filter((h) => h.lists.get(2025) === 'poor').length;
        const near = hs.filter((h) => h.lists.get(2025) === 'near_poor').length;
        this.stats.communeRates2025[c.profile.code] = { poor: poor / Math.max(1, hs.length), nearPoor: near / Math.max(1, hs.length) };
      }
    }
    if (y.year === 2025) {
      // Movements between the 2025 and 2026 lists (F2/F3), with the 2024 lists as "earlier lists".
      for (const c of this.communes) {
        for (const h of c.households) {
          const exited = h.status !== 'active' && h.statusDay !== null && h.statusDay <= y.refDay;
          const entered = h.sinceDay > this.years[0]!.refDay;
          const previous = entered ? 'none' : (h.lists.get(2025) ?? 'none');
          if (h.status !== 'active' && !exited) continue;
          this.tally = addMovementRow(this.tally, {
            previous,
            current: exited ? 'none' : (h.lists.get(2026) ?? 'none'),
            exitReason: exited ? (h.status === 'deceased' ? 'deceased' : h.status === 'dissolved' ? 'dissolved' : 'moved_away') : null,
            entryReason: entered ? 'split' : null,
            wasPoorBefore: h.lists.get(2024) === 'poor',
            wasNearPoorBefore: h.lists.get(2024) === 'near_poor',
          });
        }
      }
      this.stats.movements2026 = { ...this.tally.households.movements };
    }
  }

  /** Villages, households, residences and members in their final state (the demo date). */
  private finish(commune: DemoCommune): void {
    {
      for (const v of commune.villages) {
        this.sink.row('village', {
          province_code: DEMO_PROVINCE_CODE,
          commune_code: v.communeCode,
          code: v.code,
          name: v.name,
          name_ascii: searchFold(v.name),
          valid_from: '2025-07-01',
          valid_to: null,
        });
        this.stats.villages++;
      }
      const last = this.years.at(-1)!;
      for (const h of commune.households) {
        if (h.status === 'active') this.ensureFacts(commune, h, last);
        const head = h.members.find((m) => m.relation === 'head')!;
        const created = timestamp(Math.max(h.sinceDay, dayOf('2024-08-15')), commune.rng);
        this.sink.row('household', {
          province_code: DEMO_PROVINCE_CODE,
          id: h.id,
          code: h.code,
          commune_code: h.communeCode,
          village_code: h.villageCode,
          address: h.address,
          head_name: head.fullName,
          head_name_ascii: searchFold(head.fullName),
          head_citizen_id: head.citizenId,
          ethnicity: h.ethnicity,
          phone: h.phone,
          status: h.status,
          status_date: h.statusDay === null ? null : isoOf(h.statusDay),
          status_reason: h.statusReason,
          facts: householdFacts(h),
          version: 1,
          created_at: created,
          updated_at: created,
        });
        this.stats.households++;
        if (h.status === 'active') this.stats.activeHouseholds++;
        this.sink.row('household_residence', {
          province_code: DEMO_PROVINCE_CODE,
          household_id: h.id,
          commune_code: h.communeCode,
          village_code: h.villageCode,
          valid_from: isoOf(h.sinceDay),
          valid_to: h.statusDay === null ? null : isoOf(h.statusDay),
        });
        for (const m of h.members) {
          this.sink.row('member', {
            province_code: DEMO_PROVINCE_CODE,
            id: m.id,
            household_id: h.id,
            line_no: m.lineNo,
            full_name: m.fullName,
            full_name_ascii: searchFold(m.fullName),
            date_of_birth: m.yearOnly ? null : isoOf(m.birthDay),
            birth_year: m.birthYear,
            sex: m.sex,
            ethnicity: m.ethnicity,
            citizen_id: m.citizenId,
            relation: m.relation,
            facts: m.facts,
            active: m.active,
            left_reason: m.leftReason,
            left_date: m.leftDay === null ? null : isoOf(m.leftDay),
          });
          this.stats.members++;
        }
      }
    }
  }
}

interface Complaint {
  listed: Listed;
  receivedDay: number;
  resolvedDay: number;
  outcome: 'upheld' | 'rejected' | 'withdrawn' | null;
  complainant: string;
  content: string;
  note: string;
  scoreShift: number;
  incomeShift: number;
}

function communeProfileFor(u: DemoCommuneUnit): CommuneProfile {
  const p = COMMUNE_PROFILE_BY_CODE.get(u.code);
  if (p) return p;
  // A commune not in the calibration table (another layout): an average rural profile.
  return { code: u.code, name: u.name, size: 2, remoteness: 0.6, poor: 25, nearPoor: 11, ethnic: { Thái: 40, Mông: 40, Kinh: 20 }, villageStyle: 'tai', villages: [7, 10], roots: [] };
}

/** Item groups of form B1 (score A). Illustrative: the official region tables (Phụ lục III) are UNCONFIRMED. */
export const DEMO_SCORE_ITEMS: readonly { code: string; label: string }[] = [
  { code: 'b1_household_size', label: 'Số nhân khẩu, số lao động của hộ' },
  { code: 'b1_education', label: 'Trình độ học vấn của chủ hộ và các thành viên' },
  { code: 'b1_occupation', label: 'Nghề nghiệp, việc làm, nguồn thu nhập chính' },
  { code: 'b1_housing', label: 'Nhà ở, điện sinh hoạt, nước sinh hoạt' },
  { code: 'b1_assets', label: 'Tài sản, phương tiện sinh hoạt' },
  { code: 'b1_land_livestock', label: 'Đất sản xuất, cây trồng, vật nuôi' },
];

/** A split of score A over the B1 item groups, as the registry stores it ({code, points}, summing to score A; labels in docs/demo-data.md). */
function scoreItems(rng: Random, score: number, area: 'rural' | 'urban'): { code: string; points: number }[] {
  const items = area === 'urban' ? DEMO_SCORE_ITEMS.filter((it) => it.code !== 'b1_land_livestock') : DEMO_SCORE_ITEMS;
  const weights = items.map(() => rng.uniform(0.5, 1.5));
  const total = weights.reduce((s, w) => s + w, 0);
  let left = score;
  return items.map((it, i) => {
    const points = i === items.length - 1 ? left : Math.round((score * weights[i]!) / total);
    left -= points;
    return { code: it.code, points };
  });
}

/** Form A answers of a household excluded from scoring: one or two obvious signs of a good living. */
function formAAnswers(rng: Random): FormAItem[] {
  const first = rng.weighted<FormAItem>({ salaried_member: 40, durable_large_house: 25, business_with_employees: 15, car: 12, high_value_assets: 8 });
  const second = rng.chance(0.3) ? rng.weighted<FormAItem>({ car: 40, durable_large_house: 40, high_value_assets: 20 }) : first;
  return (Object.keys(FORM_A_ITEMS) as FormAItem[]).filter((k) => k === first || k === second);
}

function pickCauses(rng: Random, h: DemoHousehold): string[] {
  const out = new Set<string>();
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) out.add(rng.weighted(CAUSES));
  const active = h.members.filter((m) => m.active);
  if (active.length >= 5 && active.filter((m) => m.facts.employment && m.facts.employment !== 'not_in_labour_force').length <= 2) out.add('no_labour');
  return (Object.keys(POVERTY_CAUSES) as string[]).filter((k) => out.has(k));
}

function pickNeeds(rng: Random, h: DemoHousehold): string[] {
  const out = new Set<string>();
  if (rng.chance(0.6)) out.add('production');
  if (rng.chance(0.5)) out.add('credit');
  if (isWeakHouse(h.conditions)) out.add('housing');
  if (h.conditions.insuranceGap) out.add('health');
  if (h.members.some((m) => m.active && m.facts.attendingSchool === true)) out.add('education');
  if (out.size === 0) out.add('other');
  return (Object.keys(SUPPORT_NEEDS) as string[]).filter((k) => out.has(k));
}
