/** Shared builders for the review workflow tests (not a test file). */
import type { Role } from '../../../src/domain/access/roles.ts';
import type {
  CommuneDecision,
  CommuneReviewRef,
  ComplaintRecord,
  ListedHousehold,
  ReviewActionInput,
  ReviewActor,
  ReviewContext,
  ReviewState,
  VillageMeetingRecord,
} from '../../../src/domain/review/index.ts';

export const PROVINCE = '12';
export const COMMUNE = '03445';

export function actorFor(role: Role, where: { provinceCode?: string; communeCode?: string } = {}): ReviewActor {
  const provinceCode = where.provinceCode ?? PROVINCE;
  const communeCode = where.communeCode ?? COMMUNE;
  switch (role) {
    case 'national_admin':
      return { userId: 'u-admin', role, scope: { level: 'national' } };
    case 'province_officer':
      return { userId: 'u-province', role, scope: { level: 'province', provinceCode } };
    default:
      return { userId: `u-${role}`, role, scope: { level: 'commune', provinceCode, communeCode } };
  }
}

export function reviewIn(state: ReviewState): CommuneReviewRef {
  return { reviewId: 'R-2026-03445', campaignId: 'C-2026-12', provinceCode: PROVINCE, communeCode: COMMUNE, state };
}

export const HOUSEHOLDS: readonly ListedHousehold[] = [
  { householdId: 'H1', villageCode: 'V1', surveyed: true },
  { householdId: 'H2', villageCode: 'V1', surveyed: true },
  { householdId: 'H3', villageCode: 'V2', surveyed: true },
];

export function meeting(
  meetingId: string,
  villageCode: string,
  attendance: number,
  votes: Array<[householdId: string, agree: number, disagree?: number]>,
  heldOn = '2026-10-20',
  minutesFileRef: string | null = `files/${meetingId}.pdf`,
): VillageMeetingRecord {
  return {
    meetingId,
    villageCode,
    heldOn,
    attendance,
    minutesFileRef,
    votes: votes.map(([householdId, agree, disagree]) => ({ householdId, agree, disagree: disagree ?? attendance - agree })),
  };
}

export const AGREEING_MEETINGS: readonly VillageMeetingRecord[] = [
  meeting('M1', 'V1', 40, [['H1', 30], ['H2', 20]]),
  meeting('M2', 'V2', 25, [['H3', 20]]),
];

export const RESOLVED_COMPLAINT: ComplaintRecord = {
  complaintId: 'K1',
  householdId: 'H2',
  receivedOn: '2026-11-03',
  recheck: { recheckedOn: '2026-11-09', outcome: 'dismissed', conclusionVi: 'Phúc tra: giữ nguyên kết quả' },
};

/** A context in which every data guard passes. */
export const GOOD_CONTEXT: ReviewContext = {
  today: '2026-11-20',
  campaignOpen: true,
  households: HOUSEHOLDS,
  meetings: AGREEING_MEETINGS,
  posting: { startDate: '2026-11-02', endDate: '2026-11-04' },
  complaints: [RESOLVED_COMPLAINT],
};

/** Same, but the V2 meeting rejected H3 (10 of 25 agree). */
export const REJECTING_CONTEXT: ReviewContext = {
  ...GOOD_CONTEXT,
  meetings: [AGREEING_MEETINGS[0], meeting('M2', 'V2', 25, [['H3', 10]])],
};

export const DECISION: CommuneDecision = { number: '125/QĐ-UBND', date: '2026-11-20', signerName: 'Chu Văn Dũng', signerTitle: 'Chủ tịch UBND xã' };

export function fullInput(context: ReviewContext = GOOD_CONTEXT): ReviewActionInput {
  return { context, reason: 'Tỉnh phát hiện sai số liệu hộ H1', decision: DECISION };
}
