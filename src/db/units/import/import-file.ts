/**
 * importUnitFile: reads a CSV or Excel file, recognises a unit list, a change list or a succession list
 * by its header, checks every row (Vietnamese errors naming row and column), stages the rows with one
 * COPY and applies them set-based in one transaction with one audit entry — all or nothing. Row errors
 * are returned, not thrown: `ok: false` means nothing was changed.
 */
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../../connect.ts';
import type { Layout } from '../../schema.ts';
import { recordAudit, type Actor } from '../../audit.ts';
import { applyChangeStage } from '../apply-changes.ts';
import { applySuccessionStage } from '../apply-successions.ts';
import { applyUnitStage } from '../apply-units.ts';
import { mergeSearchIndex } from '../search-index.ts';
import { clearStage, newBatchId, stageRows, type StageTable } from '../staging.ts';
import { parseChangeList, CHANGE_LIST_COLUMNS } from './change-list.ts';
import { CsvEncodingError } from './csv.ts';
import { detectKind, KIND_VI, missingColumns, type UnitFileKind } from './detect.ts';
import { ErrorList, ImportRowErrors, rowError, type ImportRowError } from './errors.ts';
import { parseSuccessionList, SUCCESSION_LIST_COLUMNS } from './succession-list.ts';
import { columnKey, Columns, formatOf, readTable, type FileFormat } from './table.ts';
import { parseUnitList, UNIT_LIST_COLUMNS } from './unit-list.ts';

/** Serialises writes to the unit registry (imports and the bundled load). */
export const UNIT_REGISTRY_LOCK = 7305002;

export interface ImportOptions {
  format?: FileFormat;
  /** Layout of a unit list or change list without a layout column (otherwise detected). */
  layout?: Layout;
  /** valid_from of unit-list rows without one (default: the layout's start). */
  validFrom?: string;
  /** Unit list: close units of the file's provinces and tiers that the file does not list. */
  closeMissing?: boolean;
  /** Name to record (audit, default source) when filePath is a temporary copy, e.g. an upload's original name. */
  fileName?: string;
}

export interface ImportResult {
  /** False when the file was refused; then nothing was changed and `errors` says why. */
  ok: boolean;
  file: string;
  format: FileFormat;
  kind: UnitFileKind | null;
  /** Data rows read (header excluded). */
  rows: number;
  /** Registry rows changed: 0 on a re-import of the same file. */
  applied: number;
  /** Kind-specific counts (see docs/admin-units.md). */
  counts: Record<string, number>;
  /** Header columns not used by this kind of file. */
  ignoredColumns: string[];
  errors: ImportRowError[];
  ms: number;
}

export async function importUnitFile(database: Database, actor: Actor, filePath: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const started = Date.now();
  const format = formatOf(filePath, opts.format);
  const result: ImportResult = { ok: false, file: opts.fileName ?? path.basename(filePath), format, kind: null, rows: 0, applied: 0, counts: {}, ignoredColumns: [], errors: [], ms: 0 };
  const fail = (errors: ImportRowError[]) => ({ ...result, ok: false, errors, ms: Date.now() - started });

  let records;
  try {
    records = await readTable(filePath, format);
  } catch (e) {
    if (e instanceof CsvEncodingError) return fail([rowError(null, null, e.message)]);
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'không tìm thấy tệp' : `không đọc được tệp ${format.toUpperCase()} (${(e as Error).message})`;
    return fail([rowError(null, null, `Tệp ${result.file}: ${why}.`)]);
  }
  if (records.length === 0) return fail([rowError(null, null, `Tệp ${result.file} rỗng.`)]);
  const [header, ...data] = records;
  const cols = new Columns(header!.values.map(columnKey));
  const kind = detectKind(cols);
  result.kind = kind;
  result.rows = data.length;
  if (!kind) {
    return fail([
      rowError(header!.row, null, 'không nhận ra loại tệp từ dòng tiêu đề. Danh mục đơn vị cần cột code, name; danh sách thay đổi cần effective_date, code, field, value_before, value_after; bảng kế thừa cần old_code, new_code.'),
    ]);
  }
  const missing = missingColumns(kind, cols);
  if (missing.length) return fail([rowError(header!.row, null, `${KIND_VI[kind]} thiếu cột ${missing.join(', ')}.`)]);
  if (data.length === 0) return fail([rowError(null, null, `Tệp ${result.file} chỉ có dòng tiêu đề, không có dữ liệu.`)]);

  const errors = new ErrorList();
  const source = `Tệp ${result.file}`;
  const batch = newBatchId();
  let table: StageTable;
  let stage: () => Promise<number>;
  let closeMissingAt: string | null = null;
  if (kind === 'units') {
    result.ignoredColumns = cols.unknown(UNIT_LIST_COLUMNS);
    const parsed = parseUnitList(cols, data, { layout: opts.layout, validFrom: opts.validFrom, source }, errors);
    if (opts.closeMissing) {
      const dates = new Set(parsed.rows.map((r) => r.valid_from));
      if (dates.size > 1) errors.add(null, 'valid_from', 'Tuỳ chọn đóng đơn vị vắng mặt cần mọi dòng có cùng valid_from.');
      closeMissingAt = [...dates][0] ?? null;
    }
    table = 'admin_unit_stage';
    stage = () =>
      stageRows(database, 'admin_unit_stage', batch, ['line', 'layout', 'code', 'name', 'name_ascii', 'type', 'type_en', 'tier', 'area_type', 'province_code', 'parent_code', 'valid_from', 'valid_to', 'source'], parsed.rows);
  } else if (kind === 'changes') {
    result.ignoredColumns = cols.unknown(CHANGE_LIST_COLUMNS);
    const rows = parseChangeList(cols, data, { layout: opts.layout }, errors);
    table = 'admin_unit_change_stage';
    stage = () =>
      stageRows(database, 'admin_unit_change_stage', batch, ['line', 'layout', 'code', 'level', 'effective_date', 'field', 'value_before', 'value_after', 'name_ascii', 'type_en', 'legal_basis', 'source'], rows);
  } else {
    result.ignoredColumns = cols.unknown(SUCCESSION_LIST_COLUMNS);
    const rows = parseSuccessionList(cols, data, source, errors);
    table = 'admin_unit_succession_stage';
    stage = () => stageRows(database, 'admin_unit_succession_stage', batch, ['line', 'old_layout', 'old_code', 'new_layout', 'new_code', 'relation', 'effective_date', 'source'], rows);
  }
  if (errors.count) return fail(errors.list());

  try {
    await stage();
    const counts = await database.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${UNIT_REGISTRY_LOCK})`.execute(trx);
      let c: Record<string, number>;
      let applied: number;
      if (kind === 'units') {
        const u = await applyUnitStage(trx, batch, { closeMissingAt });
        c = { ...u };
        applied = u.inserted + u.updated + u.closed + u.parentLinksInserted + u.parentLinksUpdated + u.missingClosed;
      } else if (kind === 'changes') {
        const ch = await applyChangeStage(trx, batch, actor);
        c = { ...ch };
        applied = ch.applied;
      } else {
        const s = await applySuccessionStage(trx, batch);
        c = { ...s };
        applied = s.added + s.updated + s.removed;
      }
      if (applied > 0) {
        await recordAudit(trx, actor, {
          action: `units.import.${kind}`,
          entity: kind === 'changes' ? 'admin_unit_change' : kind === 'successions' ? 'admin_unit_succession' : 'admin_unit',
          entityId: result.file,
          after: { file: result.file, format, rows: data.length, applied, ...c },
          reason: `Nhập ${KIND_VI[kind]} từ tệp ${result.file}`,
        });
      }
      return { c, applied };
    });
    if ((counts.c.inserted ?? 0) + (counts.c.versionsCreated ?? 0) > 1000) await mergeSearchIndex(database.db);
    return { ...result, ok: true, applied: counts.applied, counts: counts.c, ms: Date.now() - started };
  } catch (e) {
    if (e instanceof ImportRowErrors) return fail(e.errors);
    throw e;
  } finally {
    await clearStage(database, table, batch);
  }
}
