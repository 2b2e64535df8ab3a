/** Vietnamese labels of the detailed-list flags (F14/F15 columns 8–10). */
import type { PovertyList } from './list-status.ts';
import type { ListMembershipFlag } from './movement-rules.ts';

export const LIST_MEMBERSHIP_FLAG_LABELS_VI: Readonly<Record<PovertyList, Readonly<Record<ListMembershipFlag, string>>>> = Object.freeze({
  poor: Object.freeze({ new: 'Nghèo mới', relapsed: 'Tái nghèo', continuing: 'Nghèo cũ' }),
  near_poor: Object.freeze({ new: 'Cận nghèo mới', relapsed: 'Tái cận nghèo', continuing: 'Cận nghèo cũ' }),
});
