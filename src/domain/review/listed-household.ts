/** A household on a commune review's list, as far as the workflow guards need to know it. */

export interface ListedHousehold {
  readonly householdId: string;
  /** The household's code (mã hộ): messages name households by it (the id when absent). */
  readonly householdCode?: string;
  /** The village's name, for messages (its code when absent). */
  readonly villageName?: string;
  /** Code of the village / residential group (thôn, tổ dân phố, bản …) the household lives in. */
  readonly villageCode: string;
  /** Form A / form B survey completed for this review (false again after a meeting sent it back). */
  readonly surveyed: boolean;
}
