/** Public shapes of the registry API (camelCase, dates `YYYY-MM-DD`, timestamps ISO-8601). */
import type { HouseholdStatus } from '../schema.ts';
import type { HouseholdClass } from '../../domain/classification/result.ts';

export interface Village {
  provinceCode: string;
  communeCode: string;
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

export interface Member {
  id: number;
  householdId: number;
  lineNo: number;
  fullName: string;
  dateOfBirth: string | null;
  birthYear: number | null;
  sex: 'male' | 'female';
  ethnicity: string | null;
  citizenId: string | null;
  relation: string;
  facts: Record<string, unknown>;
  active: boolean;
  leftReason: string | null;
  leftDate: string | null;
}

export interface ListStatusInfo {
  status: 'poor' | 'near_poor' | 'none';
  listYear: number;
  standardId: string;
  decisionNumber: string;
  decisionDate: string;
  effectiveFrom: string;
}

export interface Household {
  id: number;
  code: string;
  provinceCode: string;
  communeCode: string;
  villageCode: string | null;
  address: string | null;
  headName: string;
  headCitizenId: string | null;
  ethnicity: string | null;
  phone: string | null;
  status: HouseholdStatus;
  statusDate: string | null;
  statusReason: string | null;
  mergedIntoId: number | null;
  facts: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Residence {
  communeCode: string;
  villageCode: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface HouseholdDetail extends Household {
  members: Member[];
  residences: Residence[];
  listStatus: ListStatusInfo | null;
}

export interface HouseholdListItem {
  id: number;
  code: string;
  communeCode: string;
  villageCode: string | null;
  villageName: string | null;
  headName: string;
  address: string | null;
  status: HouseholdStatus;
  memberCount: number;
  listStatus: ListStatusInfo['status'] | null;
  /** Class in the review named by the `reviewId` filter (national standard of its campaign). */
  reviewClass: HouseholdClass | null;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const HOUSEHOLD_STATUS_LABELS: Readonly<Record<HouseholdStatus, string>> = {
  active: 'đang cư trú',
  moved_away: 'đã chuyển đi',
  dissolved: 'đã giải thể (tách, không còn hộ)',
  deceased: 'các thành viên đã mất',
  merged: 'đã sáp nhập vào hộ khác',
};
