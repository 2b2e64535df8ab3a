/** Bulk import: column specification (pure data) shared by templates, parsers, validation and exports. */
export type { CodeListId, ColumnType, ImportColumn, ImportSheet } from './column-types.ts';
export { HOUSEHOLD_COLUMNS, HOUSEHOLD_SHEET } from './household-columns.ts';
export { MEMBER_COLUMNS, MEMBER_SHEET } from './member-columns.ts';
export { FORM_A_ITEM_KEYS, SURVEY_COLUMNS, SURVEY_SHEET } from './survey-columns.ts';
export { headerOf, IMPORT_KINDS, IMPORT_SHEETS, SHEETS_BY_ID, type ImportKind, type SheetId } from './import-kinds.ts';
