/**
 * Test fixtures: a household deprived in no indicator of any standard at REFERENCE_DATE, and helpers to
 * vary one fact at a time.
 */
import type { HouseholdInput, MemberInput } from '../../../src/domain/index.ts';

export const REFERENCE_DATE = '2025-11-15';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A working-age adult with every fact that keeps all indicators satisfied. */
export function adult(overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    name: 'Người lớn',
    dateOfBirth: '1980-03-10',
    sex: 'male',
    relation: 'head',
    healthInsurance: true,
    attendingSchool: false,
    highestCompletedLevel: 'upper_secondary',
    employment: 'self_employed',
    ...overrides,
  };
}

/** A child attending the level expected for his/her age. */
export function child(overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    name: 'Trẻ em',
    dateOfBirth: '2012-09-01',
    sex: 'female',
    relation: 'child',
    healthInsurance: true,
    attendingSchool: true,
    attendingLevel: 'lower_secondary',
    highestCompletedLevel: 'primary',
    ...overrides,
  };
}

/** Member born so that he/she is exactly `age` (completed years) at REFERENCE_DATE, birthday on 1 March. */
export function bornForAge(age: number): string {
  return `${2025 - age}-03-01`;
}

/** A household deprived in no indicator (3 members, 60 m², durable house, safe water, septic latrine, internet). */
export function household(overrides: Partial<Mutable<HouseholdInput>> = {}): HouseholdInput {
  return {
    id: 'HH-1',
    area: 'rural',
    income: 1_000_000,
    members: [
      adult(),
      adult({ name: 'Vợ', dateOfBirth: '1982-06-01', sex: 'female', relation: 'spouse', employment: 'wage_employed', hasLabourContract: true }),
      child(),
    ],
    housing: { floorArea: 60, frame: 'reinforced_concrete', walls: 'brick_stone', roof: 'tile' },
    waterSource: 'piped',
    latrine: 'septic',
    usesInternet: true,
    usesTelephone: true,
    informationDevices: ['tv'],
    hearsLoudspeaker: true,
    wasteTreatment: 'collected',
    referenceDate: REFERENCE_DATE,
    ...overrides,
  };
}

/** The base household with `member` added as an extra member. */
export function withMember(member: MemberInput, overrides: Partial<Mutable<HouseholdInput>> = {}): HouseholdInput {
  const base = household(overrides);
  return { ...base, members: [...base.members, member] };
}
