/**
 * The household form's working copy: the registry record as editable drafts, and back to the API bodies
 * (create, update, member writes) and to the classification engine's input for the live preview.
 */
import type { Relation, Sex } from '../../domain/standards/fact-codes.ts';
import type { HouseholdDetail, Member, MemberFields, MemberLeftReason } from './api.ts';

export type Facts = Record<string, unknown>;

export interface MemberDraft {
  /** Stable React key; the member id once saved. */
  key: string;
  id?: number;
  lineNo?: number;
  fullName: string;
  /** What the officer typed: dd/mm/yyyy or yyyy. */
  birth: string;
  sex?: Sex;
  ethnicity?: string;
  citizenId: string;
  relation?: Relation;
  facts: Facts;
  /** An existing member marked as leaving the household (saved as a removal with the reason). */
  leaving?: { reason: MemberLeftReason; date?: string };
}

export interface HousingDraft {
  floorArea?: number | null;
  frame?: string;
  walls?: string;
  roof?: string;
}

export interface HouseholdDraft {
  villageCode?: string | null;
  address: string;
  phone: string;
  residentSince?: string;
  housing: HousingDraft;
  facts: Facts;
  members: MemberDraft[];
}

export interface SurveyDraft {
  surveyedOn: string;
  income?: number | null;
  scoreA?: number | null;
  formA: Record<string, boolean>;
  causes: string[];
  needs: string[];
}

let nextKey = 1;
export function newKey(): string {
  return `new-${nextKey++}`;
}

/** dd/mm/yyyy (or yyyy) from the stored date / year. */
export function birthText(dateOfBirth: string | null | undefined, birthYear: number | null | undefined): string {
  if (dateOfBirth) {
    const [y, m, d] = dateOfBirth.split('-');
    return `${d}/${m}/${y}`;
  }
  return birthYear ? String(birthYear) : '';
}

export type ParsedBirth = { dateOfBirth: string | null; birthYear: number | null } | 'invalid' | 'empty';

/** Parses "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy" or "yyyy". */
export function parseBirth(text: string): ParsedBirth {
  const s = text.trim();
  if (!s) return 'empty';
  if (/^\d{4}$/.test(s)) return { dateOfBirth: null, birthYear: Number(s) };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return 'invalid';
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return 'invalid';
  return { dateOfBirth: `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, birthYear: y };
}

export function normaliseCitizenId(s: string): string {
  return s.replace(/[\s.]/g, '');
}

export function memberDraft(m: Member): MemberDraft {
  return {
    key: `m-${m.id}`,
    id: m.id,
    lineNo: m.lineNo,
    fullName: m.fullName,
    birth: birthText(m.dateOfBirth, m.birthYear),
    sex: m.sex,
    ethnicity: m.ethnicity ?? undefined,
    citizenId: m.citizenId ?? '',
    relation: m.relation as Relation,
    facts: { ...m.facts },
  };
}

export function emptyMember(relation?: Relation, ethnicity?: string): MemberDraft {
  return { key: newKey(), fullName: '', birth: '', citizenId: '', relation, ethnicity, facts: {} };
}

export function householdDraft(h: HouseholdDetail | null): HouseholdDraft {
  if (!h) {
    return { villageCode: undefined, address: '', phone: '', housing: {}, facts: {}, members: [emptyMember('head')] };
  }
  const { housing, ...facts } = h.facts as Facts & { housing?: HousingDraft };
  return {
    villageCode: h.villageCode,
    address: h.address ?? '',
    phone: h.phone ?? '',
    housing: { ...housing },
    facts: { ...facts },
    members: h.members.filter((m) => m.active).map(memberDraft),
  };
}

function clean(o: Facts): Facts {
  const out: Facts = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0 && k !== 'informationDevices' && k !== 'farmOccupations') continue;
    out[k] = v;
  }
  return out;
}

/** Member facts without the ones that do not apply (level when not attending, contract when not wage-employed). */
export function memberFacts(m: MemberDraft): Facts {
  const f = { ...m.facts };
  if (f.attendingSchool !== true) delete f.attendingLevel;
  if (f.employment !== 'wage_employed') delete f.hasLabourContract;
  return clean(f);
}

/** The housing record when its four parts are filled in. */
export function housingOf(h: HousingDraft): Facts | undefined {
  if (h.floorArea == null || !h.frame || !h.walls || !h.roof) return undefined;
  return { floorArea: h.floorArea, frame: h.frame, walls: h.walls, roof: h.roof };
}

export function householdFacts(d: HouseholdDraft): Facts {
  const housing = housingOf(d.housing);
  return clean({ ...d.facts, ...(housing ? { housing } : {}) });
}

export function memberFields(m: MemberDraft): MemberFields {
  const birth = parseBirth(m.birth);
  const b = typeof birth === 'object' ? birth : { dateOfBirth: null, birthYear: null };
  const cid = normaliseCitizenId(m.citizenId);
  return {
    ...(m.lineNo ? { lineNo: m.lineNo } : {}),
    fullName: m.fullName.trim(),
    dateOfBirth: b.dateOfBirth,
    birthYear: b.dateOfBirth ? null : b.birthYear,
    sex: m.sex ?? 'male',
    ethnicity: m.ethnicity?.trim() || null,
    citizenId: cid || null,
    relation: m.relation ?? 'other',
    facts: memberFacts(m),
  };
}

/** Whether a saved member's draft differs from the stored record. */
export function memberChanged(m: MemberDraft, stored: Member): boolean {
  const a = memberFields(m);
  return (
    a.fullName !== stored.fullName ||
    (a.dateOfBirth ?? null) !== (stored.dateOfBirth ?? null) ||
    (a.dateOfBirth ? false : (a.birthYear ?? null) !== (stored.birthYear ?? null)) ||
    a.sex !== stored.sex ||
    (a.ethnicity ?? null) !== (stored.ethnicity ?? null) ||
    (a.citizenId ?? null) !== (stored.citizenId ?? null) ||
    a.relation !== stored.relation ||
    JSON.stringify(sortKeys(a.facts ?? {})) !== JSON.stringify(sortKeys(clean(stored.facts)))
  );
}

/** Objects with their keys sorted at every depth, so two records compare by content. */
function sortKeys(o: Facts): Facts {
  return Object.fromEntries(Object.keys(o).toSorted().map((k) => [k, sortDeep(o[k])]));
}

function sortDeep(v: unknown): unknown {
  return v && typeof v === 'object' && !Array.isArray(v) ? sortKeys(v as Facts) : v;
}

export function householdChanged(d: HouseholdDraft, h: HouseholdDetail): boolean {
  return (
    (d.villageCode ?? null) !== (h.villageCode ?? null) ||
    (d.address.trim() || null) !== (h.address ?? null) ||
    (d.phone.trim() || null) !== (h.phone ?? null) ||
    JSON.stringify(sortKeys(householdFacts(d))) !== JSON.stringify(sortKeys(clean(h.facts)))
  );
}

/** Whether the draft has anything not yet saved. */
export function draftDirty(d: HouseholdDraft, h: HouseholdDetail | null): boolean {
  if (!h) return true;
  if (householdChanged(d, h)) return true;
  for (const m of d.members) {
    if (m.id === undefined || m.leaving) return true;
    const stored = h.members.find((s) => s.id === m.id);
    if (!stored || memberChanged(m, stored)) return true;
  }
  return h.members.some((s) => s.active && !d.members.some((m) => m.id === s.id));
}

/** The classification engine's HouseholdInput for the live preview (area comes from the commune). */
export function previewHousehold(d: HouseholdDraft, survey: Pick<SurveyDraft, 'income' | 'scoreA'>, code?: string): Facts {
  const members = d.members
    .filter((m) => !m.leaving)
    .map((m, i) => {
      const f = memberFields(m);
      return clean({
        id: m.id ? String(m.id) : `new-${i + 1}`,
        name: f.fullName || undefined,
        dateOfBirth: f.dateOfBirth ?? undefined,
        birthYear: f.birthYear ?? undefined,
        sex: m.sex,
        relation: m.relation,
        ethnicity: f.ethnicity ?? undefined,
        ...f.facts,
      });
    });
  return clean({
    id: code,
    members,
    ...householdFacts(d),
    income: survey.income ?? undefined,
    scoreA: survey.scoreA ?? undefined,
  });
}
