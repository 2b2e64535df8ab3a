/**
 * Classification benchmark (`npm run bench -- classify`).
 *
 * 1. 10 M summary records in typed arrays, classified by the engine's columnar fast path
 *    (classifySummaryColumns, ND07_2021, income measure).
 * 2. The same records through a minimal hand-written typed-array loop with the ND07 constants inlined —
 *    the physical-limit baseline. Both outputs must be identical.
 * 3. 1 M raw households (about 4 members each) classified from raw facts with full indicator reasons
 *    and explanations (classifyHouseholdCompiled).
 * 4. For information: summary records as JavaScript objects (the CLI / API path), with and without
 *    explanations.
 *
 * Last line: one JSON object {"name":"classify","recordsPerSecond",…}.
 */
import { performance } from 'node:perf_hooks';
import {
  AREA_CODE,
  classifyHouseholdCompiled,
  classifySummaryColumns,
  classifySummaryRecordCompiled,
  compileStandard,
  getStandard,
  summaryClassCode,
  type HouseholdInput,
  type MemberInput,
  type SummaryColumns,
  type SummaryRecord,
} from '../src/domain/index.ts';

const SUMMARY_RECORDS = 10_000_000;
const RAW_HOUSEHOLDS = 1_000_000;
const OBJECT_RECORDS = 1_000_000;
const REPEATS = 5;
const REFERENCE_DATE = '2025-11-15';

/** Deterministic xorshift32 generator in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function median(xs: number[]): number {
  const s = xs.toSorted((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function makeColumns(n: number, random: () => number): SummaryColumns {
  const area = new Uint8Array(n);
  const value = new Float64Array(n);
  const deprivationMask = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    area[i] = random() < 0.7 ? AREA_CODE.rural : AREA_CODE.urban;
    value[i] = Math.round(300_000 + random() * 3_500_000);
    let m = 0;
    for (let b = 0; b < 12; b++) if (random() < 0.18) m |= 1 << b;
    deprivationMask[i] = m;
  }
  return { length: n, area, value, deprivationMask };
}

/** Minimal hand-written loop: ND07 lines inlined, same popcount and comparisons, no validation. */
function baselineLoop(area: Uint8Array, value: Float64Array, masks: Uint32Array, out: Uint8Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const x = value[i];
    let m = masks[i];
    m = m - ((m >>> 1) & 0x55555555);
    m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
    const d = Math.imul((m + (m >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    let code: number;
    if (area[i] === 0) {
      if (x <= 1_500_000) code = d >= 3 ? 3 : 2;
      else if (x <= 2_250_000) code = 1;
      else code = 0;
    } else if (x <= 2_000_000) code = d >= 3 ? 3 : 2;
    else if (x <= 3_000_000) code = 1;
    else code = 0;
    out[i] = code;
  }
}

function timeIt(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

const FIRST_NAMES = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Hùng', 'Lan', 'Minh', 'Nga', 'Phúc', 'Thảo'];
const WATER = ['piped', 'drilled_well', 'protected_dug_well', 'unprotected_dug_well', 'rainwater', 'surface_water'] as const;
const LATRINE = ['septic', 'semi_septic', 'pour_flush', 'simple_pit', 'hanging', 'none'] as const;
const MATERIALS = ['reinforced_concrete', 'brick_stone', 'metal_sheet', 'tile', 'bamboo', 'leaves_straw', 'earth'] as const;
const DEVICES = [[], ['tv'], ['smartphone'], ['tv', 'smartphone'], ['radio']] as const;
const LEVELS = ['none', 'primary', 'lower_secondary', 'upper_secondary', 'tertiary'] as const;
const EMPLOYMENT = ['wage_employed', 'self_employed', 'unpaid_family_worker', 'unemployed', 'not_in_labour_force'] as const;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function makeMember(random: () => number, age: number, index: number): MemberInput {
  // Exact age `age` at the reference date 2025-11-15.
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const year = (month > 11 || (month === 11 && day > 15) ? 2024 : 2025) - age;
  const dob = `${year}-${pad2(month)}-${pad2(day)}`;
  const child = age < 16;
  const attending = age >= 3 && age < 23 ? random() < 0.9 : false;
  const schoolLevel = age < 6 ? 'preschool' : age < 11 ? 'primary' : age < 15 ? 'lower_secondary' : age < 18 ? 'upper_secondary' : 'tertiary';
  const employment = child ? 'not_in_labour_force' : EMPLOYMENT[Math.floor(random() * EMPLOYMENT.length)];
  return {
    name: `${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]} ${index + 1}`,
    dateOfBirth: dob,
    sex: random() < 0.5 ? 'male' : 'female',
    relation: index === 0 ? 'head' : child ? 'child' : 'spouse',
    healthInsurance: random() < 0.88,
    monthlySocialAllowance: age >= 60 && random() < 0.3,
    attendingSchool: attending,
    attendingLevel: attending ? schoolLevel : undefined,
    highestCompletedLevel: LEVELS[Math.min(LEVELS.length - 1, Math.floor(random() * Math.min(5, 1 + age / 4)))],
    employment,
    hasLabourContract: employment === 'wage_employed' ? random() < 0.6 : undefined,
    stunted: child && random() < 0.08,
    underweight: child && random() < 0.06,
  };
}

function makeHousehold(random: () => number, i: number): HouseholdInput {
  const size = 1 + Math.floor(random() * 4) + Math.floor(random() * 3); // 1–7, mean ≈ 4
  const members: MemberInput[] = [];
  const headAge = 22 + Math.floor(random() * 50);
  members.push(makeMember(random, headAge, 0));
  for (let k = 1; k < size; k++) {
    const age = k === 1 ? Math.max(18, headAge - 3 + Math.floor(random() * 6)) : random() < 0.8 ? Math.floor(random() * 18) : 60 + Math.floor(random() * 25);
    members.push(makeMember(random, age, k));
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  return {
    id: `H${i}`,
    area: random() < 0.7 ? 'rural' : 'urban',
    income: Math.round(500_000 + random() * 3_000_000),
    members,
    housing: { floorArea: 10 + Math.floor(random() * 80), frame: pick(MATERIALS), walls: pick(MATERIALS), roof: pick(MATERIALS) },
    waterSource: pick(WATER),
    latrine: pick(LATRINE),
    usesInternet: random() < 0.75,
    informationDevices: pick(DEVICES),
    farmOccupations: random() < 0.5 ? ['agriculture'] : [],
  };
}

const DEPRIVATION_IDS = ['employment', 'dependents', 'nutrition', 'health_insurance', 'adult_education', 'child_schooling',
  'housing_quality', 'housing_area', 'water_source', 'latrine', 'telecom', 'information_assets'];

function makeSummaryObjects(n: number, random: () => number): SummaryRecord[] {
  const out: SummaryRecord[] = [];
  for (let i = 0; i < n; i++) {
    const deprivations: string[] = [];
    for (const id of DEPRIVATION_IDS) if (random() < 0.18) deprivations.push(id);
    out.push({ id: `S${i}`, area: random() < 0.7 ? 'rural' : 'urban', income: Math.round(300_000 + random() * 3_500_000), deprivations });
  }
  return out;
}

function line(text: string): void {
  process.stdout.write(`${text}\n`);
}

function fmt(rate: number): string {
  return `${(rate / 1e6).toFixed(2)} M/s`;
}

export async function run(): Promise<void> {
  const standard = getStandard('ND07_2021');
  const compiled = compileStandard(standard);
  const random = rng(20251115);

  line(`classify: Node ${process.version}, chuẩn ${standard.id}`);
  const cols = makeColumns(SUMMARY_RECORDS, random);
  const outEngine = new Uint8Array(SUMMARY_RECORDS);
  const outBaseline = new Uint8Array(SUMMARY_RECORDS);

  // Warm-up: one full untimed pass of each loop, so that both are optimised and the pages touched.
  classifySummaryColumns(standard, cols, 'income', outEngine);
  baselineLoop(cols.area, cols.value, cols.deprivationMask, outBaseline, SUMMARY_RECORDS);
  const engineTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    engineTimes.push(timeIt(() => classifySummaryColumns(standard, cols, 'income', outEngine)));
    baselineTimes.push(timeIt(() => baselineLoop(cols.area, cols.value, cols.deprivationMask, outBaseline, SUMMARY_RECORDS)));
  }
  for (let i = 0; i < SUMMARY_RECORDS; i++) {
    if (outEngine[i] !== outBaseline[i]) throw new Error(`Kết quả khác nhau ở bản ghi ${i}: ${outEngine[i]} ≠ ${outBaseline[i]}`);
  }
  const recordsPerSecond = SUMMARY_RECORDS / median(engineTimes);
  const baselineRecordsPerSecond = SUMMARY_RECORDS / median(baselineTimes);
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < SUMMARY_RECORDS; i++) counts[outEngine[i]]++;
  line(`  tóm tắt (cột, engine):   ${SUMMARY_RECORDS.toLocaleString('en')} bản ghi, trung vị ${REPEATS} lần: ${fmt(recordsPerSecond)} (${engineTimes.map((t) => t.toFixed(3)).join(' / ')} s)`);
  line(`  tóm tắt (cột, baseline): ${fmt(baselineRecordsPerSecond)} (${baselineTimes.map((t) => t.toFixed(3)).join(' / ')} s); kết quả trùng khớp`);
  line(`  phân bố: none ${counts[0]}, average ${counts[1]}, near_poor ${counts[2]}, poor ${counts[3]}`);

  const objects = makeSummaryObjects(OBJECT_RECORDS, random);
  let sink = 0;
  for (let i = 0; i < 100_000; i++) sink += summaryClassCode(compiled, objects[i]);
  const tCodes = timeIt(() => {
    for (let i = 0; i < OBJECT_RECORDS; i++) sink += summaryClassCode(compiled, objects[i]);
  });
  const tFull = timeIt(() => {
    for (let i = 0; i < OBJECT_RECORDS; i++) sink += classifySummaryRecordCompiled(compiled, objects[i]).explanation.length;
  });
  line(`  tóm tắt (đối tượng JS): chỉ mã lớp ${fmt(OBJECT_RECORDS / tCodes)}; kết quả đầy đủ có giải thích ${fmt(OBJECT_RECORDS / tFull)}`);

  const households: HouseholdInput[] = [];
  let members = 0;
  for (let i = 0; i < RAW_HOUSEHOLDS; i++) {
    const h = makeHousehold(random, i);
    members += h.members.length;
    households.push(h);
  }
  for (let i = 0; i < 50_000; i++) sink += classifyHouseholdCompiled(compiled, households[i], REFERENCE_DATE).deprivationCount;
  const rawTimes: number[] = [];
  const rawClasses = { poor: 0, near_poor: 0, average: 0, none: 0 };
  for (let r = 0; r < 3; r++) {
    rawTimes.push(timeIt(() => {
      for (let i = 0; i < RAW_HOUSEHOLDS; i++) {
        const res = classifyHouseholdCompiled(compiled, households[i], REFERENCE_DATE);
        sink += res.deprivationCount;
        if (r === 0) rawClasses[res.class]++;
      }
    }));
  }
  const rawHouseholdsPerSecond = RAW_HOUSEHOLDS / median(rawTimes);
  line(`  hộ dữ liệu gốc: ${RAW_HOUSEHOLDS.toLocaleString('en')} hộ, ${(members / RAW_HOUSEHOLDS).toFixed(2)} thành viên/hộ, trung vị 3 lần: ${fmt(rawHouseholdsPerSecond)} (${rawTimes.map((t) => t.toFixed(3)).join(' / ')} s)`);
  line(`  phân bố: ${JSON.stringify(rawClasses)} (checksum ${sink % 1000})`);

  line(JSON.stringify({
    name: 'classify',
    recordsPerSecond: Math.round(recordsPerSecond),
    rawHouseholdsPerSecond: Math.round(rawHouseholdsPerSecond),
    baselineRecordsPerSecond: Math.round(baselineRecordsPerSecond),
    ratioToBaseline: Math.round((recordsPerSecond / baselineRecordsPerSecond) * 1000) / 1000,
  }));
}
