/** Validation and normalisation of one member's fields before they are written. */
import type { Relation } from '../../domain/standards/fact-codes.ts';
import { checkCitizenId, normaliseCitizenId } from './citizen-id.ts';
import { RegistryError } from './errors.ts';
import { checkFacts, MEMBER_FACT_FIELDS, RELATION_LABELS } from './fact-fields.ts';
import type { MemberRow } from './rows.ts';
import { cleanName, searchFold, todayInVietnam } from './text.ts';

export interface MemberFields {
  /** Line number in the household (STT); omitted → after the last one. */
  lineNo?: number;
  fullName: string;
  /** `YYYY-MM-DD`; preferred over `birthYear`. One of the two is required. */
  dateOfBirth?: string | null;
  birthYear?: number | null;
  sex: 'male' | 'female';
  ethnicity?: string | null;
  /** 12-digit personal identification number. */
  citizenId?: string | null;
  relation: Relation;
  /** The remaining MemberInput facts (insurance, schooling, employment, disability, …). */
  facts?: Record<string, unknown>;
}

export interface PreparedMember {
  line_no: number | null;
  full_name: string;
  full_name_ascii: string;
  date_of_birth: string | null;
  birth_year: number | null;
  sex: 'male' | 'female';
  ethnicity: string | null;
  citizen_id: string | null;
  relation: Relation;
  facts: Record<string, unknown>;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD` (no 31 February). */
export function isRealDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Checks a date field, naming it in the error. */
export function checkDate(value: string, field: string): string {
  if (!isRealDate(value)) throw new RegistryError('field_pattern', { field });
  return value;
}

export function prepareMember(m: MemberFields, path: string): PreparedMember {
  const fullName = cleanName(m.fullName ?? '');
  if (!fullName) throw new RegistryError('field_required', { field: `${path}.fullName` });
  if (m.sex !== 'male' && m.sex !== 'female') throw new RegistryError('field_enum', { field: `${path}.sex`, values: 'male, female' });
  if (!Object.hasOwn(RELATION_LABELS, m.relation)) throw new RegistryError('field_enum', { field: `${path}.relation`, values: Object.keys(RELATION_LABELS).join(', ') });
  const today = todayInVietnam();
  let dateOfBirth: string | null = null;
  let birthYear: number | null = null;
  if (m.dateOfBirth) {
    dateOfBirth = checkDate(m.dateOfBirth, `${path}.dateOfBirth`);
    if (dateOfBirth > today) throw new RegistryError('field_pattern', { field: `${path}.dateOfBirth` });
    birthYear = Number(dateOfBirth.slice(0, 4));
  } else if (m.birthYear != null) {
    if (!Number.isInteger(m.birthYear) || m.birthYear < 1880 || m.birthYear > Number(today.slice(0, 4))) {
      throw new RegistryError('field_pattern', { field: `${path}.birthYear` });
    }
    birthYear = m.birthYear;
  } else {
    throw new RegistryError('member_birth_required', { field: `${path}.dateOfBirth` });
  }
  const citizenId = normaliseCitizenId(m.citizenId);
  if (citizenId) checkCitizenId(citizenId, { sex: m.sex, birthYear }, `${path}.citizenId`);
  if (m.lineNo != null && (!Number.isInteger(m.lineNo) || m.lineNo < 1 || m.lineNo > 999)) throw new RegistryError('field_pattern', { field: `${path}.lineNo` });
  const ethnicity = m.ethnicity ? cleanName(m.ethnicity) : null;
  return {
    line_no: m.lineNo ?? null,
    full_name: fullName,
    full_name_ascii: searchFold(fullName),
    date_of_birth: dateOfBirth,
    birth_year: birthYear,
    sex: m.sex,
    ethnicity: ethnicity || null,
    citizen_id: citizenId,
    relation: m.relation,
    facts: checkFacts(MEMBER_FACT_FIELDS, m.facts ?? {}, `${path}.facts`),
  };
}

/** The fields of a stored member, for merging a partial change onto it. */
export function memberFieldsOf(r: MemberRow): MemberFields {
  return {
    lineNo: r.line_no,
    fullName: r.full_name,
    // A stored date of birth wins over the year; keep the year alone when no date is stored.
    dateOfBirth: r.date_of_birth,
    birthYear: r.date_of_birth ? null : r.birth_year,
    sex: r.sex,
    ethnicity: r.ethnicity,
    citizenId: r.citizen_id,
    relation: r.relation as Relation,
    facts: r.facts ?? {},
  };
}
