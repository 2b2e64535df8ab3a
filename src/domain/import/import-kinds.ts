/** The two kinds of import file and the sheets each holds, in workbook order. */
import type { ImportSheet } from './column-types.ts';
import { HOUSEHOLD_SHEET } from './household-columns.ts';
import { MEMBER_SHEET } from './member-columns.ts';
import { SURVEY_SHEET } from './survey-columns.ts';

/** `registry`: households and members; `survey`: the same plus form B of a review campaign (classified). */
export type ImportKind = 'registry' | 'survey';

export const IMPORT_KINDS: readonly ImportKind[] = ['registry', 'survey'];

export const IMPORT_SHEETS: Readonly<Record<ImportKind, readonly ImportSheet[]>> = {
  registry: [HOUSEHOLD_SHEET, MEMBER_SHEET],
  survey: [HOUSEHOLD_SHEET, MEMBER_SHEET, SURVEY_SHEET],
};

export type SheetId = ImportSheet['id'];

export const SHEETS_BY_ID: Readonly<Record<SheetId, ImportSheet>> = {
  households: HOUSEHOLD_SHEET,
  members: MEMBER_SHEET,
  surveys: SURVEY_SHEET,
};

/** Header label of a column key on a sheet (the export reuses these labels). */
export function headerOf(sheet: SheetId, key: string): string {
  return SHEETS_BY_ID[sheet].columns.find((c) => c.key === key)?.header ?? key;
}
