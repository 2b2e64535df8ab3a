/**
 * The demo population: villages, households and members of one commune, their living conditions in
 * each review year, and how they change from one year to the next (ageing, births, deaths, marriages,
 * houses rebuilt, latrines, internet, insurance gaps, income growth and shocks, households leaving and
 * new ones). Raw facts only: the classification engine decides every class from them.
 *
 * A household carries a latent deprivation propensity `z` (commune level + ethnic shift + noise): the
 * higher it is, the likelier each deprivation. Members carry schooling and work traits that fix their
 * school career, so a child's level advances consistently from year to year.
 */
import type { HouseholdInput, MemberInput } from '../../domain/classification/household-input.ts';
import type {
  AttendingLevel,
  Disability,
  EducationLevel,
  FarmOccupation,
  InformationDevice,
  LatrineType,
  Relation,
  StructuralMaterial,
  WasteTreatment,
  WaterSource,
} from '../../domain/standards/fact-codes.ts';
import { toAscii } from '../units/text.ts';
import { DYNAMICS, type CommuneProfile } from './demo-calibration.ts';
import { BIRTH_PROVINCE_CODES, birthProvinceWeights, ETHNIC_PROFILES } from './demo-ethnic-profiles.ts';
import { familyName, personName, villageNames, type EthnicGroup } from './demo-names.ts';
import { clamp, sigmoid, type Random } from './demo-random.ts';

// ---- dates as day numbers ----

const MS_PER_DAY = 86_400_000;

/** Day numbers of 1 January 1880 and 1 January 2100: the cache range of the date helpers. */
const FIRST_DAY = Date.UTC(1880, 0, 1) / MS_PER_DAY;
const LAST_DAY = Date.UTC(2100, 0, 1) / MS_PER_DAY;
const ISO_CACHE: string[] = Array.from({ length: LAST_DAY - FIRST_DAY }, () => '');
const YMD_CACHE = new Int32Array(LAST_DAY - FIRST_DAY);

export function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

export function isoOf(day: number): string {
  const k = day - FIRST_DAY;
  if (k < 0 || day >= LAST_DAY) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  let s = ISO_CACHE[k]!;
  if (s === '') {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    ISO_CACHE[k] = s;
  }
  return s;
}

/** yyyymmdd of a day number. */
function ymdOf(day: number): number {
  const k = day - FIRST_DAY;
  if (k < 0 || day >= LAST_DAY) {
    const d = new Date(day * MS_PER_DAY);
    return d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
  }
  let v = YMD_CACHE[k]!;
  if (v === 0) {
    const d = new Date(day * MS_PER_DAY);
    v = d.getUTCFullYear() * 10_000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
    YMD_CACHE[k] = v;
  }
  return v;
}

/** Completed years between a birth day and a reference day. */
export function ageOn(birthDay: number, refDay: number): number {
  return Math.floor((ymdOf(refDay) - ymdOf(birthDay)) / 10_000);
}

const FOLDS = new Map<string, string>();

/** The search fold of every `*_ascii` column: no diacritics, lower case (cached: names repeat). */
export function searchFold(s: string): string {
  let f = FOLDS.get(s);
  if (f === undefined) {
    f = toAscii(s).toLowerCase();
    if (FOLDS.size < 200_000) FOLDS.set(s, f);
  }
  return f;
}

// ---- model ----

export type Occupation = 'farmer' | 'family' | 'wage_contract' | 'wage_casual' | 'unemployed' | 'business';

export interface DemoMember {
  /** Row id (also the member id in survey snapshots, as the registry writes them). */
  id: number;
  lineNo: number;
  fullName: string;
  sex: 'male' | 'female';
  /** Day number of the date of birth (1 January when only the year is known). */
  birthDay: number;
  /** Only the birth year is recorded. */
  yearOnly: boolean;
  birthYear: number;
  relation: Relation;
  ethnicity: EthnicGroup;
  birthProvince: string;
  citizenId: string;
  /** Age at which schooling stops (0 = never attended). */
  leaveAge: number;
  /** School years behind the age-appropriate level. */
  lag: number;
  preschool: boolean;
  /** Age at which an elementary vocational certificate was obtained, or 0. */
  vocationalAge: number;
  occupation: Occupation;
  disability: Disability;
  active: boolean;
  leftReason: string | null;
  leftDay: number | null;
  /** Current raw facts (member.facts), refreshed at every review. */
  facts: Record<string, unknown>;
}

export interface HouseholdConditions {
  floorArea: number;
  frame: StructuralMaterial;
  walls: StructuralMaterial;
  roof: StructuralMaterial;
  waterSource: WaterSource;
  latrine: LatrineType;
  usesInternet: boolean;
  usesTelephone: boolean;
  informationDevices: InformationDevice[];
  hearsLoudspeaker: boolean;
  wasteTreatment: WasteTreatment;
  farmOccupations: FarmOccupation[];
  /** This year's gap in health-insurance cover (some members without a valid card). */
  insuranceGap: boolean;
  /** This year a child is stunted or underweight. */
  malnourished: boolean;
}

export interface DemoHousehold {
  /** Position in the run (ids are assigned from it). */
  index: number;
  id: number;
  code: string;
  communeCode: string;
  villageCode: string;
  area: 'rural' | 'urban';
  address: string;
  ethnicity: EthnicGroup;
  phone: string | null;
  members: DemoMember[];
  /** Registered in the commune on this day. */
  sinceDay: number;
  status: 'active' | 'moved_away' | 'dissolved' | 'deceased';
  statusDay: number | null;
  statusReason: string | null;
  /** Latent deprivation propensity. */
  z: number;
  /** Per-capita monthly income (VND), current. */
  income: number;
  /** Noise of score A around the income it stands for, redrawn each review. */
  scoreNoise: number;
  conditions: HouseholdConditions;
  /** Recognised status per list year. */
  lists: Map<number, 'poor' | 'near_poor' | 'none'>;
}

export interface DemoVillage {
  communeCode: string;
  code: string;
  name: string;
  /** Village head (chairs the village meeting). */
  head: string;
  weight: number;
}

export interface DemoCommune {
  profile: CommuneProfile;
  area: 'rural' | 'urban';
  rng: Random;
  villages: DemoVillage[];
  households: DemoHousehold[];
  /** Next household sequence number (codes). */
  nextSeq: number;
  chair: string;
  officer: string;
  /** Mean deprivation propensity. */
  mu: number;
  villageWeights: number[];
  /** New households planned in 2025 and 2026. */
  plannedNew: [number, number];
  /** How rural households of the commune treat their waste. */
  wasteWeights: Readonly<Partial<Record<WasteTreatment, number>>>;
}

// ---- materials and facilities ----

const DURABLE_ROOF: readonly StructuralMaterial[] = ['metal_sheet', 'fibre_cement', 'tile', 'reinforced_concrete'];
const WEAK: readonly StructuralMaterial[] = ['bamboo', 'non_durable_wood', 'earth', 'leaves_straw', 'tarpaulin_plastic'];
const SAFE_RURAL_WATER: Readonly<Partial<Record<WaterSource, number>>> = { protected_spring: 50, piped: 25, drilled_well: 8, protected_dug_well: 10, rainwater: 7 };
const UNSAFE_WATER: Readonly<Partial<Record<WaterSource, number>>> = { unprotected_spring: 55, surface_water: 30, unprotected_dug_well: 15 };
const GOOD_LATRINE: Readonly<Partial<Record<LatrineType, number>>> = { septic: 40, semi_septic: 25, pour_flush: 20, double_vault: 15 };
const BAD_LATRINE: Readonly<Partial<Record<LatrineType, number>>> = { simple_pit: 60, none: 25, hanging: 15 };

function durableHouse(rng: Random, traditional: number, urban: boolean): Pick<HouseholdConditions, 'frame' | 'walls' | 'roof'> {
  if (!urban && rng.chance(traditional * 0.6)) {
    // Stilt house or rammed-earth house on a durable wood frame: at most one weak part.
    const earthWalls = rng.chance(0.25);
    return { frame: 'durable_wood', walls: earthWalls ? 'earth' : 'durable_wood', roof: rng.pick(['tile', 'fibre_cement', 'metal_sheet'] as const) };
  }
  return { frame: rng.chance(0.75) ? 'reinforced_concrete' : 'steel', walls: 'brick_stone', roof: rng.pick(DURABLE_ROOF) };
}

function weakHouse(rng: Random): Pick<HouseholdConditions, 'frame' | 'walls' | 'roof'> {
  const frame: StructuralMaterial = rng.chance(0.6) ? 'non_durable_wood' : 'bamboo';
  const walls: StructuralMaterial = rng.pick(['bamboo', 'earth', 'non_durable_wood', 'tarpaulin_plastic'] as const);
  const roof: StructuralMaterial = rng.chance(0.55) ? rng.pick(['leaves_straw', 'tarpaulin_plastic'] as const) : rng.pick(['fibre_cement', 'metal_sheet'] as const);
  return { frame, walls, roof };
}

export function isWeakHouse(c: Pick<HouseholdConditions, 'frame' | 'walls' | 'roof'>): boolean {
  let n = 0;
  if (WEAK.includes(c.frame)) n++;
  if (WEAK.includes(c.walls)) n++;
  if (WEAK.includes(c.roof)) n++;
  return n >= 2;
}

function isSafeWater(w: WaterSource): boolean {
  return w !== 'unprotected_spring' && w !== 'surface_water' && w !== 'unprotected_dug_well' && w !== 'other';
}

function isGoodLatrine(l: LatrineType): boolean {
  return l === 'septic' || l === 'semi_septic' || l === 'pour_flush' || l === 'double_vault' || l === 'ventilated_pit';
}

// ---- schooling ----

function attendingLevelAt(schoolAge: number): AttendingLevel {
  if (schoolAge < 6) return 'preschool';
  if (schoolAge < 11) return 'primary';
  if (schoolAge < 15) return 'lower_secondary';
  if (schoolAge < 18) return 'upper_secondary';
  return 'tertiary';
}

function completedLevel(leaveAge: number, lag: number): EducationLevel {
  const s = leaveAge - lag;
  if (leaveAge >= 22) return 'tertiary';
  if (s >= 18) return 'upper_secondary';
  if (s >= 15) return 'lower_secondary';
  if (s >= 11) return 'primary';
  return 'none';
}

function drawLeaveAge(rng: Random, group: EthnicGroup, z: number, birthYear: number, sex: 'male' | 'female'): number {
  const cohort = birthYear < 1960 ? -1.6 : birthYear < 1980 ? -0.8 : birthYear < 1995 ? -0.2 : birthYear < 2005 ? 0.35 : 0.9;
  const gender = sex === 'female' && birthYear < 1990 ? -0.5 : 0;
  const s = ETHNIC_PROFILES[group].schooling * 0.8 - 0.45 * z + cohort + gender + rng.normal(0, 1);
  if (s < -2.2) return 0;
  if (s < -1.3) return rng.int(9, 11);
  if (s < -0.5) return rng.int(12, 14);
  if (s < 0.55) return rng.int(15, 17);
  if (s < 1.9) return rng.int(18, 19);
  return 22;
}

// ---- members ----

interface NewMember {
  sex: 'male' | 'female';
  birthDay: number;
  relation: Relation;
  family: string;
  group: EthnicGroup;
}

function randomBirthDay(rng: Random, year: number): number {
  return dayOf(`${year}-01-01`) + rng.int(0, 364);
}

export class PopulationBuilder {
  constructor(private readonly refDay: number) {}

  member(rng: Random, h: { z: number; ethnicity: EthnicGroup }, m: NewMember, taken: Set<string>, lineNo: number): DemoMember {
    const birthYear = new Date(m.birthDay * MS_PER_DAY).getUTCFullYear();
    const profile = ETHNIC_PROFILES[m.group];
    const yearOnly = birthYear < 1975 && rng.chance(profile.yearOnlyShare);
    const birthDay = yearOnly ? dayOf(`${birthYear}-01-01`) : m.birthDay;
    const leaveAge = drawLeaveAge(rng, m.group, h.z, birthYear, m.sex);
    const lag = leaveAge > 0 && rng.chance(clamp(0.04 + 0.05 * h.z, 0.01, 0.2)) ? (rng.chance(0.45) ? 2 : 1) : 0;
    const vocationalAge = leaveAge >= 12 && leaveAge < 18 && birthYear >= 1985 && rng.chance(0.22) ? rng.int(18, 24) : 0;
    const occ = rng.next();
    const casual = sigmoid(-2.2 + 0.8 * h.z);
    const occupation: Occupation =
      occ < casual ? 'wage_casual'
        : occ < casual + 0.012 ? 'unemployed'
          : occ < casual + 0.012 + (h.z < -0.8 ? 0.28 : 0.07) ? 'wage_contract'
            : occ < casual + 0.012 + (h.z < -0.8 ? 0.4 : 0.1) ? 'business'
              : occ < 0.88 ? 'farmer'
                : 'family';
    const d = rng.next();
    const disability: Disability = d < 0.012 ? 'severe' : d < 0.016 ? 'very_severe' : d < 0.035 ? 'mild' : 'none';
    const place = rng.weighted(birthProvinceWeights(m.group, birthYear));
    return {
      id: 0,
      lineNo,
      fullName: personName(rng, m.group, m.sex, birthYear, m.family, taken),
      sex: m.sex,
      birthDay,
      yearOnly,
      birthYear,
      relation: m.relation,
      ethnicity: m.group,
      birthProvince: BIRTH_PROVINCE_CODES[place] ? place : '012',
      citizenId: '',
      leaveAge,
      lag,
      preschool: rng.chance(0.93),
      vocationalAge,
      occupation,
      disability,
      active: true,
      leftReason: null,
      leftDay: null,
      facts: {},
    };
  }

  /** Members of a new household: head, spouse, children, sometimes a parent or a married son's family. */
  members(rng: Random, h: { z: number; ethnicity: EthnicGroup }, opts: { youngCouple?: boolean } = {}): DemoMember[] {
    const group = h.ethnicity;
    const profile = ETHNIC_PROFILES[group];
    const refYear = new Date(this.refDay * MS_PER_DAY).getUTCFullYear();
    const taken = new Set<string>();
    const out: DemoMember[] = [];
    const family = familyName(rng, group);
    const add = (m: Omit<NewMember, 'family' | 'group'> & { family?: string; group?: EthnicGroup }) => {
      // Nobody is born after the reference date.
      const birthDay = Math.min(m.birthDay, this.refDay - rng.int(15, 120));
      out.push(this.member(rng, h, { family: m.family ?? family, group: m.group ?? group, ...m, birthDay }, taken, out.length + 1));
    };
    const headAge = opts.youngCouple ? rng.int(19, 30) : clamp(Math.round(rng.normal(43, 13)), 19, 86);
    const femaleHead = !opts.youngCouple && rng.chance(profile.femaleHeadShare + (headAge > 65 ? 0.15 : 0));
    const headSex = femaleHead ? 'female' : 'male';
    add({ sex: headSex, birthDay: randomBirthDay(rng, refYear - headAge - 1), relation: 'head', family: femaleHead ? familyName(rng, group) : family });
    const married = !femaleHead && (headAge < 65 ? rng.chance(0.95) : rng.chance(0.7));
    const motherAge = married ? clamp(headAge - Math.round(Math.abs(rng.normal(3, 3))), 17, 90) : femaleHead ? headAge : 0;
    if (married) {
      const spouseGroup = rng.chance(0.08) ? rng.pick(['Thái', 'Kinh', 'Mông', 'Dao', 'Giáy'] as const) : group;
      add({ sex: 'female', birthDay: randomBirthDay(rng, refYear - motherAge - 1), relation: 'spouse', family: familyName(rng, spouseGroup), group: spouseGroup });
    }
    // Target size around the group's mean (the head and spouse included).
    const target = opts.youngCouple ? rng.int(2, 4) : clamp(Math.round(rng.normal(profile.meanSize, 1.5)), 1, 11);
    if (motherAge > 0) {
      let childYear = refYear - motherAge + Math.round(profile.firstChildAge + rng.normal(0, 1.5));
      while (out.length < target && childYear <= refYear) {
        const childAge = refYear - childYear;
        // Grown children have mostly left: daughters married out, sons with their own household.
        const stays = childAge < 18 || (childAge < 26 && rng.chance(0.45)) || (childAge >= 26 && rng.chance(0.12));
        if (stays) add({ sex: rng.chance(0.52) ? 'male' : 'female', birthDay: randomBirthDay(rng, childYear), relation: 'child' });
        childYear += rng.int(2, 4);
      }
    }
    // A married son living with his parents: daughter-in-law and grandchildren.
    const son = out.find((m) => m.relation === 'child' && m.sex === 'male' && refYear - m.birthYear >= 20);
    if (son && out.length < target + 1 && rng.chance(0.6)) {
      const wifeAge = clamp(refYear - son.birthYear - rng.int(0, 4), 18, 45);
      add({ sex: 'female', birthDay: randomBirthDay(rng, refYear - wifeAge - 1), relation: 'other_relative', family: familyName(rng, group) });
      let kidYear = refYear - wifeAge + Math.round(profile.firstChildAge);
      while (out.length < target + 2 && kidYear <= refYear) {
        add({ sex: rng.chance(0.52) ? 'male' : 'female', birthDay: randomBirthDay(rng, kidYear), relation: 'grandchild' });
        kidYear += rng.int(2, 3);
      }
    }
    // A widowed parent of the head.
    if (!opts.youngCouple && headAge < 50 && rng.chance(profile.threeGenerationShare * 0.7)) {
      const parentAge = headAge + rng.int(22, 32);
      if (parentAge <= 95) add({ sex: rng.chance(0.7) ? 'female' : 'male', birthDay: randomBirthDay(rng, refYear - parentAge - 1), relation: 'parent', family: familyName(rng, group) });
    }
    return out;
  }
}

// ---- conditions ----

export function initialConditions(rng: Random, commune: DemoCommune, h: { z: number; ethnicity: EthnicGroup }, members: number): HouseholdConditions {
  const z = h.z;
  const urban = commune.area === 'urban';
  const town = commune.profile.villageStyle === 'town';
  const remote = commune.profile.remoteness;
  const trad = ETHNIC_PROFILES[h.ethnicity].traditionalHousing;
  const weak = rng.chance(sigmoid(-2.6 + 1.15 * z + 0.4 * trad - (urban ? 1 : 0)));
  const house = weak ? weakHouse(rng) : durableHouse(rng, trad, urban);
  const perCapita = Math.exp(rng.normal(Math.log(urban ? 22 : 17) - 0.22 * z, 0.33));
  const floorArea = Math.max(12, Math.round(perCapita * Math.max(1, members)));
  const unsafe = rng.chance(sigmoid(-3.0 + 0.9 * z + 1.0 * remote - (urban ? 1.5 : 0)));
  const waterSource: WaterSource = unsafe ? rng.weighted(UNSAFE_WATER) : urban || (town && rng.chance(0.6)) ? 'piped' : rng.weighted(SAFE_RURAL_WATER);
  const badLatrine = rng.chance(sigmoid(-1.9 + 1.15 * z - (urban ? 1.2 : 0)));
  const latrine: LatrineType = badLatrine ? rng.weighted(BAD_LATRINE) : urban ? 'septic' : rng.weighted(GOOD_LATRINE);
  const usesInternet = !rng.chance(sigmoid(-2.5 + 1.15 * z + 0.6 * remote));
  const noDevices = rng.chance(sigmoid(-3.4 + 1.1 * z + 0.5 * remote));
  const informationDevices: InformationDevice[] = [];
  if (!noDevices) {
    if (rng.chance(0.85)) informationDevices.push('smartphone');
    if (rng.chance(urban ? 0.9 : 0.6)) informationDevices.push('tv');
    if (informationDevices.length === 0) informationDevices.push(rng.chance(0.6) ? 'tv' : 'radio');
    if (rng.chance(urban ? 0.35 : 0.05)) informationDevices.push('computer');
  } else if (rng.chance(0.5)) {
    informationDevices.push('basic_phone');
  }
  const wasteTreatment: WasteTreatment = urban
    ? 'collected'
    : town && rng.chance(0.55)
      ? 'collected'
      : rng.weighted(commune.wasteWeights);
  const farmOccupations: FarmOccupation[] = urban ? (rng.chance(0.25) ? ['agriculture'] : []) : rng.chance(0.4) ? ['agriculture', 'forestry'] : ['agriculture'];
  return {
    floorArea,
    ...house,
    waterSource,
    latrine,
    usesInternet,
    usesTelephone: informationDevices.includes('smartphone') || informationDevices.includes('basic_phone'),
    informationDevices,
    hearsLoudspeaker: rng.chance(0.75),
    wasteTreatment,
    farmOccupations,
    insuranceGap: rng.chance(sigmoid(-2.5 + 0.55 * z)),
    malnourished: rng.chance(sigmoid(-2.6 + 0.9 * z + 0.5 * remote)),
  };
}

/**
 * One year of change in living conditions. Households on a list get the programmes' help first:
 * the 2025 campaign that replaced temporary and dilapidated houses, latrines and clean-water works.
 */
export function evolveConditions(rng: Random, commune: DemoCommune, h: DemoHousehold, year: number): void {
  const c = h.conditions;
  const listed = (h.lists.get(year) ?? 'none') !== 'none';
  const urban = commune.area === 'urban';
  if (isWeakHouse(c)) {
    const p = year === 2025 ? (listed ? 0.45 : 0.15) : listed ? 0.25 : 0.08;
    if (rng.chance(p)) {
      const house = durableHouse(rng, 0.3, urban);
      c.frame = house.frame;
      c.walls = house.walls;
      c.roof = house.roof;
      c.floorArea = Math.max(c.floorArea, rng.int(36, 60));
    }
  }
  if (!isSafeWater(c.waterSource) && rng.chance(listed ? 0.12 : 0.07)) c.waterSource = rng.weighted(SAFE_RURAL_WATER);
  if (!isGoodLatrine(c.latrine) && rng.chance(listed ? 0.16 : 0.1)) c.latrine = rng.weighted(GOOD_LATRINE);
  if (!c.usesInternet && rng.chance(0.16)) c.usesInternet = true;
  else if (c.usesInternet && rng.chance(0.02)) c.usesInternet = false;
  if (!c.informationDevices.some((d) => d !== 'basic_phone') && rng.chance(0.15)) c.informationDevices = ['smartphone'];
  c.usesTelephone = c.informationDevices.includes('smartphone') || c.informationDevices.includes('basic_phone') || c.usesTelephone;
  c.insuranceGap = c.insuranceGap ? rng.chance(0.5) : rng.chance(sigmoid(-2.9 + 0.55 * h.z));
  c.malnourished = c.malnourished ? rng.chance(0.6) : rng.chance(sigmoid(-3.2 + 0.9 * h.z));
  if (!urban && c.wasteTreatment !== 'collected' && c.wasteTreatment !== 'composted' && rng.chance(0.05)) c.wasteTreatment = 'composted';
}

// ---- member facts at a reference day ----

const OCCUPATION_FACTS: Readonly<Record<Occupation, { employment: string; contract?: boolean }>> = {
  farmer: { employment: 'self_employed' },
  business: { employment: 'self_employed' },
  family: { employment: 'unpaid_family_worker' },
  wage_contract: { employment: 'wage_employed', contract: true },
  wage_casual: { employment: 'wage_employed', contract: false },
  unemployed: { employment: 'unemployed' },
};

/** The member's raw facts (the MemberInput fields that are not columns) at `refDay`. */
export function memberFacts(m: DemoMember, c: HouseholdConditions, refDay: number, rng: Random): Record<string, unknown> {
  const age = ageOn(m.birthDay, refDay);
  const f: Record<string, unknown> = {};
  if (m.disability !== 'none') f.disability = m.disability;
  if (age >= 80 || m.disability === 'severe' || m.disability === 'very_severe') f.monthlySocialAllowance = true;
  // Children under 6 have a free card; older members miss one in a year with a gap.
  f.healthInsurance = age < 6 ? true : c.insuranceGap ? !rng.chance(0.65) : !rng.chance(0.01);
  if (age >= 3) {
    const attending = age < m.leaveAge && (age >= 6 || m.preschool) && m.leaveAge > 0;
    // Recorded for children and young adults; older members not at school simply have no entry.
    if (attending || age < 31) f.attendingSchool = attending;
    if (attending) {
      const schoolAge = age - m.lag;
      f.attendingLevel = age >= 15 && m.leaveAge <= 19 && m.leaveAge - age <= 2 && rng.chance(0.15) ? 'vocational' : attendingLevelAt(schoolAge);
    }
    // The level completed matters once schooling is over (the level attended says the rest).
    if (age >= 6 && !attending) f.highestCompletedLevel = completedLevel(m.leaveAge, m.lag);
  }
  if (m.vocationalAge > 0 && age >= m.vocationalAge) f.vocationalQualification = 'elementary';
  if (age >= 15) {
    const severe = m.disability === 'severe' || m.disability === 'very_severe';
    if (severe) f.ableToWork = false;
    // Students have no employment entry (the engine counts them outside the labour force); past working
    // age people farm until about 72, later they have no entry either.
    if (f.attendingSchool !== true) {
      if (severe) f.employment = 'not_in_labour_force';
      else if (age >= 62) {
        if (age < 72 && m.occupation !== 'wage_contract') f.employment = 'self_employed';
      } else {
        const work = OCCUPATION_FACTS[m.occupation];
        f.employment = work.employment;
        if (work.contract !== undefined) f.hasLabourContract = work.contract;
      }
    }
  }
  // About one older member in forty has served (or is a martyr's relative); taken from the id, not the
  // random stream, so every other generated value stays as calibrated.
  if (age >= 60 && m.id % 40 === 7) f.personWithMerit = true;
  if (c.malnourished && age < 11) {
    if (rng.chance(0.55)) f.stunted = true;
    if (rng.chance(0.3)) f.underweight = true;
  }
  return f;
}

/**
 * The engine's input for the household (active members only), shaped as the registry stores a survey
 * snapshot: household facts, code, area, measures and members (member facts, id, name, birth, sex,
 * relation, ethnicity). The reference date is the review's, passed to the engine separately.
 */
export function householdInput(h: DemoHousehold, measure: { scoreA?: number; income?: number }): HouseholdInput {
  const members: MemberInput[] = [];
  for (const m of h.members) {
    if (!m.active) continue;
    const input: Record<string, unknown> = {};
    for (const k in m.facts) input[k] = m.facts[k];
    input.id = String(m.id);
    input.name = m.fullName;
    if (m.yearOnly) input.birthYear = m.birthYear;
    else input.dateOfBirth = isoOf(m.birthDay);
    input.sex = m.sex;
    input.relation = m.relation;
    input.ethnicity = m.ethnicity;
    members.push(input as unknown as MemberInput);
  }
  const input = householdFacts(h);
  input.id = h.code;
  input.area = h.area;
  if (measure.scoreA !== undefined) input.scoreA = measure.scoreA;
  if (measure.income !== undefined) input.income = measure.income;
  input.members = members;
  return input as unknown as HouseholdInput;
}

/** Household-level facts as stored in `household.facts` (the HouseholdInput fields other than members and measures). */
export function householdFacts(h: DemoHousehold): Record<string, unknown> {
  const c = h.conditions;
  return {
    housing: { floorArea: c.floorArea, frame: c.frame, walls: c.walls, roof: c.roof },
    waterSource: c.waterSource,
    latrine: c.latrine,
    usesInternet: c.usesInternet,
    usesTelephone: c.usesTelephone,
    informationDevices: c.informationDevices,
    hearsLoudspeaker: c.hearsLoudspeaker,
    wasteTreatment: c.wasteTreatment,
    farmOccupations: c.farmOccupations,
  };
}

// ---- communes and households ----

function villageCount(rng: Random, p: CommuneProfile, households: number): number {
  const [lo, hi] = p.villages;
  // Small test runs keep at least ~40 households per village.
  return clamp(rng.int(lo, hi), Math.min(lo, 3), Math.max(3, Math.floor(households / 40)));
}

function dominantGroup(p: CommuneProfile): EthnicGroup {
  let best: EthnicGroup = 'Thái';
  let w = -1;
  for (const [g, x] of Object.entries(p.ethnic) as [EthnicGroup, number][]) {
    if (x > w) {
      best = g;
      w = x;
    }
  }
  return best;
}

function officialName(rng: Random, p: CommuneProfile): string {
  const group = rng.chance(0.5) ? dominantGroup(p) : rng.weighted(p.ethnic as Record<EthnicGroup, number>);
  const sex = rng.chance(0.75) ? 'male' : 'female';
  return personName(rng, group, sex, rng.int(1968, 1990), familyName(rng, group));
}

export function createCommune(rng: Random, profile: CommuneProfile, area: 'rural' | 'urban', households: number): DemoCommune {
  const count = villageCount(rng, profile, households);
  const names = villageNames(rng, count, area === 'urban' ? 'ward' : profile.villageStyle, profile.roots);
  const villages: DemoVillage[] = names.map((name, i) => ({
    communeCode: profile.code,
    code: String(i + 1).padStart(2, '0'),
    name,
    head: officialName(rng, profile),
    weight: 0.6 + rng.next(),
  }));
  return {
    profile,
    area,
    rng,
    villages,
    villageWeights: villages.map((v) => v.weight),
    plannedNew: [0, 0],
    wasteWeights: { burned: 45, buried: 20, dumped: 15 + 10 * profile.remoteness, composted: 15, collected: 5 },
    households: [],
    nextSeq: 1,
    chair: officialName(rng, profile),
    officer: officialName(rng, profile),
    mu: -1.55 + 2.75 * profile.remoteness,
  };
}

function phoneNumber(rng: Random): string {
  return `0${rng.pick(['9', '3', '8', '7'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** A new household of the commune registered on `sinceDay` (members as of `refDay`). */
export function createHousehold(commune: DemoCommune, builder: PopulationBuilder, index: number, sinceDay: number, opts: { youngCouple?: boolean } = {}): DemoHousehold {
  const rng = commune.rng;
  const p = commune.profile;
  const ethnicity = rng.weighted(p.ethnic as Record<EthnicGroup, number>);
  const z = commune.mu + ETHNIC_PROFILES[ethnicity].propensity + rng.normal(0, 1);
  const village = commune.villages[rng.weightedIndex(commune.villageWeights)]!;
  const members = builder.members(rng, { z, ethnicity }, opts);
  const seq = commune.nextSeq++;
  const h: DemoHousehold = {
    index,
    id: 0,
    code: `${p.code}${String(seq).padStart(6, '0')}`,
    communeCode: p.code,
    villageCode: village.code,
    area: commune.area,
    address: `${village.name}, ${p.name}, Tỉnh Lai Châu`,
    ethnicity,
    phone: rng.chance(sigmoid(1.4 - 0.9 * z)) ? phoneNumber(rng) : null,
    members,
    sinceDay,
    status: 'active',
    statusDay: null,
    statusReason: null,
    z,
    income: 0,
    scoreNoise: 0,
    conditions: initialConditions(rng, commune, { z, ethnicity }, members.length),
    lists: new Map(),
  };
  commune.households.push(h);
  return h;
}

/** Births, deaths and marriages between two reviews (`fromDay` exclusive … `toDay`). */
export function evolveMembers(commune: DemoCommune, builder: PopulationBuilder, h: DemoHousehold, fromDay: number, toDay: number): void {
  const rng = commune.rng;
  const group = h.ethnicity;
  const profile = ETHNIC_PROFILES[group];
  for (const m of h.members) {
    if (!m.active || m.relation === 'head') continue;
    const age = ageOn(m.birthDay, toDay);
    const death = age >= 60 ? Math.min(0.3, 0.012 + 0.004 * (age - 60)) : 0.0015;
    if (rng.chance(death)) {
      m.active = false;
      m.leftReason = 'deceased';
      m.leftDay = rng.int(fromDay + 1, toDay - 1);
    } else if (m.relation === 'child' && m.sex === 'female' && age >= 18 && age <= 28 && rng.chance(0.12)) {
      m.active = false;
      m.leftReason = 'married_out';
      m.leftDay = rng.int(fromDay + 1, toDay - 1);
    } else if (m.relation === 'child' && m.sex === 'male' && age >= 20 && rng.chance(0.04)) {
      m.active = false;
      m.leftReason = 'moved_out';
      m.leftDay = rng.int(fromDay + 1, toDay - 1);
    }
  }
  const mother = h.members.find((m) => m.active && m.sex === 'female' && (m.relation === 'spouse' || m.relation === 'head' || m.relation === 'other_relative') && ageOn(m.birthDay, toDay) >= 18 && ageOn(m.birthDay, toDay) <= 42);
  const fertility = profile.meanSize >= 5 ? 0.1 : profile.meanSize >= 4.3 ? 0.075 : 0.05;
  if (mother && rng.chance(fertility)) {
    const head = h.members.find((m) => m.relation === 'head')!;
    const relation: Relation = mother.relation === 'other_relative' ? 'grandchild' : 'child';
    const father = relation === 'grandchild' ? h.members.find((m) => m.relation === 'child' && m.sex === 'male' && m.active) : undefined;
    const family = (father ?? (head.sex === 'male' ? head : mother)).fullName.split(' ')[0]!;
    const taken = new Set(h.members.map((m) => m.fullName.split(' ').at(-1)!));
    const baby = builder.member(rng, h, { sex: rng.chance(0.52) ? 'male' : 'female', birthDay: rng.int(fromDay + 1, toDay - 20), relation, family, group }, taken, h.members.length + 1);
    baby.yearOnly = false;
    h.members.push(baby);
  }
}

/** Per-capita income growth over one year. */
export function evolveIncome(rng: Random, h: DemoHousehold, year: number): void {
  const onPoorList = h.lists.get(year) === 'poor';
  let g = rng.normal(DYNAMICS.incomeGrowth, DYNAMICS.incomeSpread) + (onPoorList ? DYNAMICS.supportBoost : 0);
  if (rng.chance(DYNAMICS.shockChance)) g += Math.log(DYNAMICS.shockFactor);
  h.income = Math.max(250_000, Math.round((h.income * Math.exp(g)) / 10_000) * 10_000);
}
