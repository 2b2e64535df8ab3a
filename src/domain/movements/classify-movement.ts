/**
 * Classifies one household's movement between the previous recognised list (đầu kỳ) and the current
 * one (cuối kỳ), on the poor list and on the near-poor list (review-procedure.md §7).
 */
import type { HouseholdEntryReason, HouseholdExitReason, PovertyList, PovertyListStatus } from './list-status.ts';
import type { MovementCode } from './movement-codes.ts';
import { DEFAULT_MOVEMENT_RULES, type ListMembershipFlag, type MovementRules } from './movement-rules.ts';

export interface HouseholdListChange {
  /** Status on the previous recognised list of this unit ('none' if not on a list or not managed here). */
  readonly previous: PovertyListStatus;
  /** Status on the current list (ignored when `exitReason` is set: the household is no longer managed here). */
  readonly current: PovertyListStatus;
  /** Set when the household left the unit's management during the period. */
  readonly exitReason?: HouseholdExitReason | null;
  /** Set when the household came under the unit's management during the period (then `previous` is 'none'). */
  readonly entryReason?: HouseholdEntryReason | null;
  /** On a poor list in a year before the previous list (see `priorListMembership`). */
  readonly wasPoorBefore?: boolean;
  /** On a near-poor list in a year before the previous list. */
  readonly wasNearPoorBefore?: boolean;
}

export interface ListMovement {
  readonly list: PovertyList;
  readonly onListAtStart: boolean;
  readonly onListAtEnd: boolean;
  /** The movement column, or null when the household stayed on / stayed off this list. */
  readonly movement: MovementCode | null;
  /** F14/F15 flag (new / relapsed / continuing) when on the list at the end, else null. */
  readonly flag: ListMembershipFlag | null;
}

export interface HouseholdMovements {
  readonly poor: ListMovement;
  readonly nearPoor: ListMovement;
}

export class MovementInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MovementInputError';
  }
}

const STATUSES: readonly string[] = ['poor', 'near_poor', 'none'];

/** Problems with a change record, in Vietnamese (empty when consistent). */
export function householdListChangeProblems(change: HouseholdListChange): string[] {
  const problems: string[] = [];
  if (!STATUSES.includes(change.previous)) problems.push(`Trạng thái đầu kỳ không hợp lệ: ${String(change.previous)}`);
  if (!STATUSES.includes(change.current)) problems.push(`Trạng thái cuối kỳ không hợp lệ: ${String(change.current)}`);
  if (change.entryReason != null && change.previous !== 'none') {
    problems.push('Hộ tăng khác (chuyển đến, tách hộ) không thể có trạng thái đầu kỳ trên danh sách của đơn vị');
  }
  return problems;
}

function otherStatus(list: PovertyList): PovertyListStatus {
  return list === 'poor' ? 'near_poor' : 'poor';
}

/** The movement of one household on one list. Throws MovementInputError on inconsistent input. */
export function classifyListMovement(
  change: HouseholdListChange,
  list: PovertyList,
  rules: MovementRules = DEFAULT_MOVEMENT_RULES,
): ListMovement {
  const problems = householdListChangeProblems(change);
  if (problems.length > 0) throw new MovementInputError(problems.join('; '));
  const exited = change.exitReason != null;
  const entered = change.entryReason != null;
  const end: PovertyListStatus = exited ? 'none' : change.current;
  const onListAtStart = change.previous === list;
  const onListAtEnd = end === list;
  const p = list === 'poor' ? 'poor' : 'near_poor';

  if (onListAtStart && onListAtEnd) return { list, onListAtStart, onListAtEnd, movement: null, flag: 'continuing' };
  if (onListAtStart) {
    let movement: MovementCode;
    if (exited) movement = `${p}_out_other` as MovementCode;
    else if (end === otherStatus(list)) movement = list === 'poor' ? 'poor_out_to_near_poor' : 'near_poor_out_to_poor';
    else movement = list === 'poor' ? 'poor_out_above_near_poor' : 'near_poor_out_above';
    return { list, onListAtStart, onListAtEnd, movement, flag: null };
  }
  if (!onListAtEnd) return { list, onListAtStart, onListAtEnd, movement: null, flag: null };

  // Joined this list during the period.
  if (entered) return { list, onListAtStart, onListAtEnd, movement: `${p}_in_other` as MovementCode, flag: rules.otherIncreaseFlag };
  const relapse =
    list === 'poor'
      ? change.wasPoorBefore === true || (rules.poorRelapseCountsFormerNearPoor && change.wasNearPoorBefore === true)
      : change.wasNearPoorBefore === true || (rules.nearPoorRelapseCountsFormerPoor && change.wasPoorBefore === true);
  const fromOtherList = change.previous === otherStatus(list);
  if (fromOtherList && !(relapse && rules.relapseBeatsListTransfer)) {
    return {
      list,
      onListAtStart,
      onListAtEnd,
      movement: list === 'poor' ? 'poor_in_from_near_poor' : 'near_poor_in_from_poor',
      flag: rules.listTransferFlag,
    };
  }
  if (relapse) return { list, onListAtStart, onListAtEnd, movement: `${p}_in_relapse` as MovementCode, flag: 'relapsed' };
  return { list, onListAtStart, onListAtEnd, movement: `${p}_in_new` as MovementCode, flag: 'new' };
}

/** The movements of one household on both lists. */
export function classifyHouseholdMovements(change: HouseholdListChange, rules: MovementRules = DEFAULT_MOVEMENT_RULES): HouseholdMovements {
  return { poor: classifyListMovement(change, 'poor', rules), nearPoor: classifyListMovement(change, 'near_poor', rules) };
}
