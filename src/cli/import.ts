/**
 * `giamngheo import`: the bulk import pipeline from a terminal, with a progress bar on stderr.
 *   giamngheo import FILE [FILE…] [--kind registry|survey] [--campaign ID] [--date YYYY-MM-DD]
 *                    [--unit CODE] [--commit] [--valid-only] [--report FILE.xlsx] [--chunk N]
 *   giamngheo import --resume JOB_ID
 * FILE: one .xlsx (all sheets), or one .csv per sheet (households, members, form B). Without --commit
 * it is a dry run: the file is read and checked, the findings are printed (and written as the
 * highlighted report with --report), nothing is written to the registry. --commit writes all or nothing;
 * with --valid-only the households without findings are written and the rest go to the report.
 * --unit limits the rights to a province (2 digits) or commune (5 digits), as a user of that unit.
 * Uses DATABASE_URL or the embedded database. Exit codes: 0 ok, 1 findings (nothing written unless
 * --valid-only), 2 invalid usage or a refused file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { databaseConfigFromEnv } from '../db/config.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { cliActor } from './cli-actor.ts';
import { loadBundledUnits } from '../db/units/index.ts';
import type { Scope } from '../domain/access/scope.ts';
import { FILE_MESSAGES_VI, fillMessage } from '../domain/import/file-messages.ts';
import { IMPORT_KINDS, SHEETS_BY_ID, type ImportKind } from '../domain/import/import-kinds.ts';
import { validationMessage } from '../domain/import/validation-messages.ts';
import { ImportStateError } from '../db/import/import-state-error.ts';
import { createJob, loadJob, type ImportJob } from '../db/import/jobs.ts';
import { findingsPage } from '../db/import/report-rows.ts';
import { commitImport, resumeImport, stageAndValidate, type RunOptions } from '../db/import/run-import.ts';
import { formatOf } from '../db/import/table-sources.ts';
import { todayInVietnam } from '../db/registry/text.ts';
import { importsMessagesVi } from '../server/message-areas/imports.ts';
import { writeImportReport } from '../server/excel/import-report.ts';

export interface ImportCliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** Draw the bar in place (a terminal) or print a line per step. */
  tty: boolean;
}

const defaultIo: ImportCliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), env: process.env, tty: Boolean(process.stderr.isTTY) };

const USAGE = `Cách dùng / usage:
  giamngheo import TỆP [TỆP…] [--kind registry|survey] [--campaign MÃ_ĐỢT] [--date YYYY-MM-DD]
                   [--unit MÃ_ĐƠN_VỊ] [--commit] [--valid-only] [--report LỖI.xlsx] [--chunk N]
  giamngheo import --resume MÃ_LẦN_NHẬP
`;

const FLAGS = new Set(['--commit', '--valid-only']);
const STEP_VI: Record<string, string> = { staging: 'Đọc tệp', validating: 'Kiểm tra', committing: 'Ghi dữ liệu' };
const LISTED_FINDINGS = 20;

interface Args {
  files: string[];
  options: Record<string, string>;
  flags: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const out: Args = { files: [], options: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (FLAGS.has(a)) out.flags.add(a);
    else if (a.startsWith('--')) out.options[a] = argv[++i] ?? '';
    else out.files.push(a);
  }
  return out;
}

function scopeOf(unit: string | undefined): Scope | null {
  if (!unit) return { level: 'national' };
  if (/^\d{2}$/u.test(unit)) return { level: 'province', provinceCode: unit };
  return null;
}


/**
 * A progress bar on stderr: redrawn in place on a terminal; otherwise one line per step, every 10 %, and
 * at least every PLAIN_PROGRESS_EVERY_MS while a step of unknown size (reading a file) goes on.
 */
export function progressBar(io: ImportCliIo, now: () => number = Date.now): RunOptions['onProgress'] {
  let lastStep = '';
  let lastTenth = -1;
  let lastAt = now();
  return (p) => {
    const label = STEP_VI[p.step ?? ''] ?? p.step ?? '';
    const frac = p.progressTotal > 0 ? Math.min(1, p.progressDone / p.progressTotal) : null;
    if (io.tty) {
      const width = 30;
      const bar = frac === null ? '' : `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${(frac * 100).toFixed(0).padStart(3)} % `;
      io.err(`\r${label.padEnd(12)} ${bar}${p.progressDone.toLocaleString('vi-VN')}${p.progressTotal > 0 ? `/${p.progressTotal.toLocaleString('vi-VN')}` : ''}   `);
      if (frac === 1) io.err('\n');
      return;
    }
    const tenth = frac === null ? -1 : Math.floor(frac * 10);
    if (label !== lastStep || tenth > lastTenth || now() - lastAt >= PLAIN_PROGRESS_EVERY_MS) {
      io.err(`${label}: ${p.progressDone}${p.progressTotal > 0 ? `/${p.progressTotal}` : ''}\n`);
      lastStep = label;
      lastTenth = tenth;
      lastAt = now();
    }
  };
}

/** Without a terminal, a progress line at least this often. */
export const PLAIN_PROGRESS_EVERY_MS = 5000;

function jobMessage(job: ImportJob): string {
  if (!job.message) return '';
  const m = JSON.parse(job.message) as { code: string; params: Record<string, string | number> };
  const table: Record<string, string> = { ...importsMessagesVi, ...FILE_MESSAGES_VI };
  return fillMessage(table[m.code] ?? m.code, m.params);
}

async function printFindings(database: Database, io: ImportCliIo, job: ImportJob): Promise<void> {
  if (job.errorCount === 0) {
    // In the sheets' own order (households, members, form B), not the order the counts were stored in.
    const sheets = (Object.keys(SHEETS_BY_ID) as Array<keyof typeof SHEETS_BY_ID>).filter((k) => job.rowCounts[k] !== undefined);
    io.out(`Không có lỗi: ${sheets.map((k) => `${SHEETS_BY_ID[k].name} ${job.rowCounts[k]} dòng`).join(', ')}.\n`);
    return;
  }
  io.out(`${job.errorCount} lỗi ở ${job.errorHouseholds} hộ:\n`);
  for (const f of await findingsPage(database.db, job.id, 0, LISTED_FINDINGS)) {
    const sheet = SHEETS_BY_ID[f.sheet];
    io.out(`  ${sheet.name}, dòng ${f.line}: ${validationMessage(f.code, sheet.columns.find((c) => c.key === f.columnKey), f.value)}\n`);
  }
  if (job.errorCount > LISTED_FINDINGS) io.out(`  … và ${job.errorCount - LISTED_FINDINGS} lỗi khác (xem báo cáo --report).\n`);
}

function printResult(io: ImportCliIo, job: ImportJob): void {
  const r = job.result!;
  io.out(`Đã ghi (lần nhập ${job.id}): ${r.inserted} hộ mới, ${r.updated} hộ cập nhật, ${r.unchanged} hộ không đổi${r.rejected ? `, ${r.rejected} hộ bị loại` : ''}.\n`);
  if (job.kind === 'survey') {
    io.out(`  Phiếu B: ${r.surveys} phiếu mới, ${r.surveysUnchanged} không đổi; phân loại ${r.classified} hộ (nghèo ${r.byClass.poor ?? 0}, cận nghèo ${r.byClass.near_poor ?? 0})${r.classificationFailed ? `, ${r.classificationFailed} hộ chưa phân loại được` : ''}.\n`);
    for (const f of r.failures.slice(0, 10)) io.out(`    ${f.householdCode}: ${f.message}\n`);
  }
}

export async function run(argv: string[], io: ImportCliIo = defaultIo): Promise<number> {
  const a = parseArgs(argv);
  const resume = a.options['--resume'];
  if ((a.files.length === 0 && !resume) || argv.includes('--help')) {
    io.err(USAGE);
    return 2;
  }
  const kind = (a.options['--kind'] ?? (a.options['--campaign'] ? 'survey' : 'registry')) as ImportKind;
  const scope = scopeOf(a.options['--unit']);
  const date = a.options['--date'] ?? todayInVietnam();
  const campaignId = a.options['--campaign'] ? Number(a.options['--campaign']) : null;
  if (!IMPORT_KINDS.includes(kind) || !/^\d{4}-\d{2}-\d{2}$/u.test(date) || (kind === 'survey' && !(campaignId && campaignId > 0))) {
    io.err(USAGE);
    return 2;
  }
  const database = await openDatabase(databaseConfigFromEnv(io.env));
  try {
    await migrate(database.db);
    await loadBundledUnits(database, cliActor());
    const opts: RunOptions = { onProgress: progressBar(io), ...(a.options['--chunk'] && { chunkSize: Number(a.options['--chunk']) }) };
    let job: ImportJob;
    if (resume) job = await resumeImport(database, Number(resume), opts);
    else {
      const unitScope = scope ?? (await communeScope(database, a.options['--unit']!));
      if (!unitScope) {
        io.err(`Không có đơn vị "${a.options['--unit']}".\n`);
        return 2;
      }
      for (const f of a.files) {
        if (!fs.existsSync(f)) {
          io.err(`Không có tệp ${f}.\n`);
          return 2;
        }
      }
      const created = await createJob(database.db, {
        kind,
        fileName: a.files.map((f) => path.basename(f)).join(', '),
        format: formatOf(a.files[0]!),
        referenceDate: date,
        campaignId: kind === 'survey' ? campaignId : null,
        scope: unitScope,
        actor: cliActor(),
      });
      // The number first: a run stopped during its commit is resumed with it.
      io.err(`Lần nhập ${created.id} (nếu bị dừng giữa chừng: giamngheo import --resume ${created.id})\n`);
      job = await stageAndValidate(database, created.id, a.files.map((f) => ({ path: f, name: path.basename(f) })), opts);
    }
    if (job.state === 'failed') {
      io.err(`Tệp bị từ chối: ${jobMessage(job)}\n`);
      return 2;
    }
    if (job.state === 'validated') {
      await printFindings(database, io, job);
      if (a.options['--report'] && job.errorCount > 0) {
        await writeImportReport(database.db, job.id, job.kind, fs.createWriteStream(a.options['--report']));
        io.out(`Báo cáo lỗi: ${a.options['--report']}\n`);
      }
      if (!a.flags.has('--commit')) {
        io.out(`Chạy thử (lần nhập ${job.id}): chưa ghi gì. Thêm --commit để ghi${job.errorCount ? ' (hoặc --commit --valid-only để chỉ ghi các hộ hợp lệ)' : ''}.\n`);
        return job.errorCount ? 1 : 0;
      }
      const mode = a.flags.has('--valid-only') ? 'valid_only' : 'all';
      if (mode === 'all' && job.errorCount > 0) {
        io.out('Không ghi gì: tệp còn lỗi (tất cả hoặc không). Sửa tệp, hoặc dùng --valid-only.\n');
        return 1;
      }
      job = await commitImport(database, job.id, mode, opts);
    }
    if (job.state === 'committed') printResult(io, await loadJob(database.db, job.id));
    return job.state === 'committed' && (job.result?.rejected ?? 0) === 0 ? 0 : 1;
  } catch (e) {
    if (e instanceof ImportStateError) {
      io.err(`${fillMessage(importsMessagesVi[e.code], e.params)}\n`);
      return 2;
    }
    throw e;
  } finally {
    await database.close();
  }
}

/** A commune code as a commune user's scope (its province read from the units in force). */
async function communeScope(database: Database, code: string): Promise<Scope | null> {
  if (!/^\d{5}$/u.test(code)) return null;
  const r = await database.db.selectFrom('admin_unit').select('province_code').where('layout', '=', '2025').where('code', '=', code).where('tier', '=', 'commune').executeTakeFirst();
  return r ? { level: 'commune', provinceCode: r.province_code, communeCode: code } : null;
}
