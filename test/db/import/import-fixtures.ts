/**
 * Import test fixtures (not a test file): CSV files written from rows keyed by column key, with the
 * Vietnamese headers of the spec, and a runner for stage → validate (→ commit) on a test database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import type { Actor } from '../../../src/db/audit.ts';
import type { Scope } from '../../../src/domain/access/scope.ts';
import type { ImportSheet } from '../../../src/domain/import/column-types.ts';
import { SHEETS_BY_ID, type ImportKind, type SheetId } from '../../../src/domain/import/import-kinds.ts';
import { createJob, type ImportJob } from '../../../src/db/import/jobs.ts';
import { commitImport, stageAndValidate } from '../../../src/db/import/run-import.ts';
import type { UploadedFile } from '../../../src/db/import/stage-rows.ts';

export type Row = Record<string, string | number | null | undefined>;

export const OFFICER: Actor = { id: null, username: 'mt.canbo', role: 'commune_officer' };

const quote = (v: string) => (/[",\r\n;]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v);

export function csvText(sheet: ImportSheet, rows: readonly Row[], opts: { bom?: boolean; keys?: boolean } = {}): string {
  const head = sheet.columns.map((c) => quote(opts.keys ? c.key : c.header)).join(',');
  const body = rows.map((r) => sheet.columns.map((c) => (r[c.key] == null ? '' : quote(String(r[c.key])))).join(','));
  return `${opts.bom ? '\uFEFF' : ''}${[head, ...body].join('\r\n')}\r\n`;
}

let dir: string | null = null;
let seq = 0;

export function writeCsv(sheet: SheetId, rows: readonly Row[], opts: { bom?: boolean; keys?: boolean } = {}): UploadedFile {
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'giamngheo-import-test-'));
  const file = path.join(dir, `${sheet}-${++seq}.csv`);
  fs.writeFileSync(file, csvText(SHEETS_BY_ID[sheet], rows, opts));
  return { path: file, name: `${sheet}.csv` };
}

/** A household of Mường Tè with a head and a spouse (complete ND07 facts). */
export function household(code: string, extra: Row = {}): Row {
  return {
    household_code: code,
    commune_code: '03445',
    village_code: '01',
    address: 'Bản Nậm Củm',
    floor_area: 40,
    frame: 'gỗ bền chắc',
    walls: 'gạch, đá',
    roof: 'tôn',
    water_source: 'giếng khoan',
    latrine: 'tự hoại',
    uses_internet: 'Có',
    information_devices: 'điện thoại thông minh',
    ...extra,
  };
}

export function members(code: string, headName: string): Row[] {
  const adult = { health_insurance: 'Có', highest_completed_level: 'trung học phổ thông', employment: 'tự làm, sản xuất kinh doanh' };
  return [
    { household_code: code, line_no: 1, full_name: headName, date_of_birth: '04/03/1980', sex: 'nam', relation: 'chủ hộ', ethnicity: 'Thái', ...adult },
    { household_code: code, line_no: 2, full_name: `${headName} (vợ)`, birth_year: 1984, sex: 'nữ', relation: 'vợ/chồng', ethnicity: 'Thái', ...adult },
  ];
}

export async function upload(database: Database, scope: Scope, kind: ImportKind, files: UploadedFile[], opts: { referenceDate?: string; campaignId?: number } = {}): Promise<ImportJob> {
  const job = await createJob(database.db, {
    kind,
    fileName: files.map((f) => f.name).join(', '),
    format: 'csv',
    referenceDate: opts.referenceDate ?? '2026-01-15',
    campaignId: opts.campaignId ?? null,
    scope,
    actor: OFFICER,
  });
  return stageAndValidate(database, job.id, files);
}

export async function uploadAndCommit(database: Database, scope: Scope, kind: ImportKind, files: UploadedFile[], opts: { referenceDate?: string; campaignId?: number; chunkSize?: number } = {}): Promise<ImportJob> {
  const job = await upload(database, scope, kind, files, opts);
  return commitImport(database, job.id, 'all', { chunkSize: opts.chunkSize });
}

export async function errorsOf(database: Database, jobId: number): Promise<Array<{ sheet: string; line: number; column_key: string | null; code: string; value: string | null }>> {
  const r = await sql<{ sheet: string; line: number; column_key: string | null; code: string; value: string | null }>`
    select sheet, line, column_key, code, value from import_error where job_id = ${jobId} order by sheet, line, column_key, code`.execute(database.db);
  return r.rows;
}

export async function count(database: Database, query: string): Promise<number> {
  const r = await sql<{ n: number }>`${sql.raw(`select count(*)::int as n from ${query}`)}`.execute(database.db);
  return r.rows[0]!.n;
}
