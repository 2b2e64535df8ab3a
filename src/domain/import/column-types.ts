/**
 * The shape of an import column: what the cell holds, whether it is required, its range, and for coded
 * cells which code list it takes (resolved to codes and Vietnamese labels by src/db/import/code-lists.ts,
 * from the classification input model's own lists). Pure data; the templates, the parsers, the staging
 * tables and the SQL validation are all generated from it.
 */

/** Code lists the import columns use (each one is a code → Vietnamese label record elsewhere). */
export type CodeListId =
  | 'sex'
  | 'relation'
  | 'disability'
  | 'structural_material'
  | 'water_source'
  | 'latrine'
  | 'information_device'
  | 'waste_treatment'
  | 'farm_occupation'
  | 'attending_level'
  | 'education_level'
  | 'vocational_qualification'
  | 'employment'
  | 'poverty_cause'
  | 'support_need';

export type ColumnType =
  /** Free text, trimmed, single spaces; at most `maxLength` characters. */
  | { kind: 'text'; maxLength: number }
  /** A household code: letters, digits and . _ / - ; unique per province. */
  | { kind: 'household_code' }
  /** A 5-digit 2025-layout commune code, valid on the reference date and inside the uploader's scope. */
  | { kind: 'commune_code' }
  /** A village code of the row's commune (village table). */
  | { kind: 'village_code' }
  /** Digits, spaces, + . - ( ) ; 8 to 15 digits. */
  | { kind: 'phone' }
  /** A real calendar date; cells may hold an Excel date, `dd/mm/yyyy` or `yyyy-mm-dd`. */
  | { kind: 'date' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'number'; min: number; max: number }
  /** "Có" / "Không" (also x, 1, 0, true, false). */
  | { kind: 'boolean' }
  /** One code of the list; the cell may hold the code or its Vietnamese label. */
  | { kind: 'code'; list: CodeListId }
  /** Several codes of the list separated by ";" (codes or labels). */
  | { kind: 'codes'; list: CodeListId }
  /** The 12-digit personal identification number (spaces and dots ignored). */
  | { kind: 'citizen_id' };

export interface ImportColumn {
  /** Stable key: the staging-table column and the CSV header alternative. */
  readonly key: string;
  /** Vietnamese header as printed on the template (the header row of an uploaded file is matched on it). */
  readonly header: string;
  /** English header (second locale; also accepted on upload). */
  readonly headerEn: string;
  readonly type: ColumnType;
  readonly required: boolean;
  /** Where the value goes in the classification input model (`housing.floorArea`, `healthInsurance`, …). */
  readonly fact?: string;
  /** One-line Vietnamese guidance for the instructions sheet. */
  readonly note?: string;
}

export interface ImportSheet {
  /** Sheet id: also the staging table suffix and the CSV file kind. */
  readonly id: 'households' | 'members' | 'surveys';
  /** Worksheet name on the template (≤ 31 characters). */
  readonly name: string;
  readonly nameEn: string;
  readonly columns: readonly ImportColumn[];
}
