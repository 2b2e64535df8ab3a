/**
 * Writes the form to the registry. A new household is one POST with its members. An existing one is a
 * sequence of writes, each carrying the household's current `version` and returning the next: the
 * household fields, then the new head (so the former head is demoted by the server), the other member
 * changes, new members, and members leaving. After each write the stored snapshot is advanced, so a
 * failure half-way (a refused citizen ID, a 409 conflict) leaves a snapshot that says what is saved and
 * the next attempt sends only what is still different.
 */
import type { HouseholdDetail, Member } from './api.ts';
import { householdsApi } from './api.ts';
import { householdChanged, householdFacts, memberChanged, memberFields, type HouseholdDraft, type MemberDraft } from './draft.ts';

export interface SaveProgress {
  stored: HouseholdDetail;
  draft: HouseholdDraft;
}

export async function createHousehold(draft: HouseholdDraft, communeCode: string | undefined): Promise<HouseholdDetail> {
  const { household } = await householdsApi.create({
    communeCode,
    villageCode: draft.villageCode ?? null,
    address: draft.address.trim() || null,
    phone: draft.phone.trim() || null,
    facts: householdFacts(draft),
    ...(draft.residentSince ? { residentSince: draft.residentSince } : {}),
    members: draft.members.filter((m) => !m.leaving).map(memberFields),
  });
  return household;
}

/**
 * Saves an existing household step by step. `onStep` receives the advanced snapshot after every write
 * (also when a later write fails and the error is rethrown).
 */
export async function updateHousehold(start: SaveProgress, onStep: (p: SaveProgress) => void): Promise<SaveProgress> {
  let stored: HouseholdDetail = { ...start.stored, members: [...start.stored.members] };
  let draft: HouseholdDraft = { ...start.draft, members: [...start.draft.members] };
  const id = stored.id;
  const advance = (version: number, member?: Member, draftKey?: string) => {
    stored = { ...stored, version };
    if (member) {
      const others = stored.members.filter((m) => m.id !== member.id);
      stored = { ...stored, members: [...others, member] };
      if (draftKey) draft = { ...draft, members: draft.members.map((m) => (m.key === draftKey ? { ...m, id: member.id, lineNo: member.lineNo } : m)) };
    }
    onStep({ stored, draft });
  };

  if (householdChanged(draft, stored)) {
    const { household } = await householdsApi.update(id, {
      version: stored.version,
      villageCode: draft.villageCode ?? null,
      address: draft.address.trim() || null,
      phone: draft.phone.trim() || null,
      facts: householdFacts(draft),
    });
    stored = { ...stored, ...household, members: stored.members };
    advance(household.version);
  }

  const present = draft.members.filter((m) => !m.leaving);
  const oldHead = stored.members.find((m) => m.active && m.relation === 'head');
  const newHead = present.find((m) => m.relation === 'head');
  const formerHeadRelation = (): string | undefined => {
    if (!oldHead) return undefined;
    const d = draft.members.find((m) => m.id === oldHead.id);
    return d && !d.leaving && d.relation && d.relation !== 'head' ? d.relation : 'other';
  };

  const writeMember = async (m: MemberDraft, handover?: string) => {
    if (m.id === undefined) {
      const r = await householdsApi.addMember(id, stored.version, memberFields(m), handover);
      advance(r.household.version, r.member, m.key);
    } else {
      const s = stored.members.find((x) => x.id === m.id);
      if (s && !memberChanged(m, s) && !handover) return;
      const r = await householdsApi.updateMember(id, m.id, stored.version, memberFields(m), handover);
      advance(r.household.version, r.member);
    }
  };

  // The new head first: the server demotes the former head to the relation chosen in the form.
  if (newHead && (!oldHead || newHead.id !== oldHead.id)) {
    await writeMember(newHead, oldHead ? formerHeadRelation() : undefined);
    if (oldHead) {
      const fresh = await householdsApi.get(id);
      stored = fresh.household;
      onStep({ stored, draft });
    }
  }
  for (const m of present) {
    if (m === newHead && (!oldHead || newHead.id !== oldHead.id)) continue;
    await writeMember(draft.members.find((x) => x.key === m.key) ?? m);
  }
  for (const m of draft.members) {
    if (!m.leaving || m.id === undefined) continue;
    const r = await householdsApi.removeMember(id, m.id, stored.version, m.leaving.reason, m.leaving.date);
    stored = { ...stored, version: r.household.version, members: stored.members.map((x) => (x.id === r.member.id ? r.member : x)) };
    draft = { ...draft, members: draft.members.filter((x) => x.key !== m.key) };
    onStep({ stored, draft });
  }
  const fresh = await householdsApi.get(id);
  return { stored: fresh.household, draft };
}
