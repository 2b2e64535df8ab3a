/**
 * Bulk import (issue 5): templates (.xlsx / .csv), upload → background staging and validation, the
 * findings (JSON pages and the highlighted .xlsx report, which is also the reject file), the commit
 * (all-or-nothing, or valid households only) and progress polling. Every job belongs to the uploader's
 * unit; another unit's job is "not found". Jobs run in the background in this process; interrupted
 * ones are resumed when the server starts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { FILE_MESSAGES_EN, FILE_MESSAGES_VI, fillMessage } from '../../domain/import/file-messages.ts';
import { IMPORT_KINDS, SHEETS_BY_ID, type ImportKind, type SheetId } from '../../domain/import/import-kinds.ts';
import { validationMessage } from '../../domain/import/validation-messages.ts';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import { ImportFileError } from '../../db/import/import-file-error.ts';
import { ImportStateError } from '../../db/import/import-state-error.ts';
import { createJob, getJob, interruptedJobs, listJobs, updateJob, type CommitMode, type ImportJob } from '../../db/import/jobs.ts';
import { communesInScope, findingsPage } from '../../db/import/report-rows.ts';
import { beginCommit, resumeImport, stageAndValidate } from '../../db/import/run-import.ts';
import { formatOf } from '../../db/import/table-sources.ts';
import type { UploadedFile } from '../../db/import/stage-rows.ts';
import { todayInVietnam } from '../../db/registry/text.ts';
import { sql } from 'kysely';
import { scopePredicate } from '../../db/scope-filter.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';
import { importsMessagesEn, importsMessagesVi } from '../message-areas/imports.ts';
import { importTemplateWorkbook, templateCsv } from '../excel/import-template.ts';
import { writeImportReport } from '../excel/import-report.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['imports'];
const MAX_FILES = 3;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;
const ACTIVE: readonly ImportJob['state'][] = ['staging', 'validating', 'committing'];

/** The job as the API shows it (no stored actor or scope), with its message in the caller's language. */
function jobView(j: ImportJob, locale: 'vi' | 'en') {
  let message: string | null = null;
  if (j.message) {
    const m = JSON.parse(j.message) as { code: string; params: Record<string, string | number> };
    const files: Record<string, string> = locale === 'en' ? FILE_MESSAGES_EN : FILE_MESSAGES_VI;
    const server: Record<string, string> = locale === 'en' ? importsMessagesEn : importsMessagesVi;
    message = fillMessage(files[m.code] ?? server[m.code] ?? m.code, m.params);
  }
  return {
    id: j.id,
    kind: j.kind,
    state: j.state,
    fileName: j.fileName,
    format: j.format,
    referenceDate: j.referenceDate,
    campaignId: j.campaignId,
    mode: j.mode,
    step: j.step,
    progressDone: j.progressDone,
    progressTotal: j.progressTotal,
    rowCounts: j.rowCounts,
    errorCount: j.errorCount,
    errorHouseholds: j.errorHouseholds,
    result: j.result,
    message,
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
  };
}

function attachment(reply: FastifyReply, type: string, fileName: string): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store');
}

interface UploadForm {
  kind: ImportKind;
  referenceDate: string;
  campaignId: number | null;
  commit: CommitMode | null;
  files: UploadedFile[];
  dir: string;
}

/** Reads the multipart form: fields and up to three files, written to a temporary folder. */
async function readUpload(req: FastifyRequest): Promise<UploadForm> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'giamngheo-import-'));
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of req.parts({ limits: { files: MAX_FILES, fileSize: 1024 * 1024 * 1024 } })) {
      if (part.type === 'file') {
        const name = path.basename(part.filename || 'upload');
        try {
          formatOf(name);
        } catch (e) {
          part.file.resume();
          throw e;
        }
        const target = path.join(dir, `${files.length}${path.extname(name).toLowerCase()}`);
        await pipeline(part.file, fs.createWriteStream(target));
        files.push({ path: target, name });
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (e) {
    await fs.promises.rm(dir, { recursive: true, force: true });
    if (e instanceof ImportFileError) throw new HttpError('import_file', { message: fillMessage(FILE_MESSAGES_VI[e.code], e.params) });
    throw e;
  }
  const fail = async (err: HttpError) => {
    await fs.promises.rm(dir, { recursive: true, force: true });
    return err;
  };
  if (files.length === 0) throw await fail(new HttpError('import_files_required'));
  const kind = (fields.kind ?? 'registry') as ImportKind;
  if (!IMPORT_KINDS.includes(kind)) throw await fail(new HttpError('field_enum', { field: 'kind', values: IMPORT_KINDS.join(', ') }));
  const referenceDate = fields.referenceDate || todayInVietnam();
  if (!isIsoDate(referenceDate)) throw await fail(new HttpError('import_date_invalid', { date: referenceDate }));
  const campaignId = fields.campaignId ? Number(fields.campaignId) : null;
  if (kind === 'survey' && !(campaignId && Number.isInteger(campaignId) && campaignId > 0)) throw await fail(new HttpError('campaign_required'));
  const commit = fields.commit === 'all' || fields.commit === 'valid_only' ? fields.commit : null;
  return { kind, referenceDate, campaignId: kind === 'survey' ? campaignId : null, commit, files, dir };
}

/** A campaign inside the scope (a commune user: its province's campaigns that have the commune). */
async function campaignInScope(ctx: AppContext, scope: Scope, id: number): Promise<{ id: number; title: string } | null> {
  const r = await sql<{ id: number; title: string }>`
    select c.id, c.title from review_campaign c
    where c.id = ${id} and exists (select 1 from commune_review r where r.campaign_id = c.id and ${scopePredicate(scope, { province: 'r.province_code', commune: 'r.commune_code' })})`.execute(ctx.database.db);
  return r.rows[0] ? { id: Number(r.rows[0].id), title: r.rows[0].title } : null;
}

export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const running = new Map<number, Promise<void>>();

  /** Runs a step of a job in the background; an unexpected failure marks the job failed. */
  function background(jobId: number, step: () => Promise<unknown>): void {
    const p = (async () => {
      try {
        await step();
      } catch (e) {
        app.log.error(e);
        const code = e instanceof ImportStateError ? e.code : 'internal';
        await updateJob(db, jobId, { state: 'failed', step: null, message: JSON.stringify({ code, params: e instanceof ImportStateError ? e.params : {} }) }).catch(() => {});
      } finally {
        running.delete(jobId);
      }
    })();
    running.set(jobId, p);
  }

  app.addHook('onReady', async () => {
    for (const id of await interruptedJobs(db)) background(id, () => resumeImport(ctx.database, id));
  });
  app.addHook('onClose', async () => {
    await Promise.allSettled(running.values());
  });

  async function ownJob(req: FastifyRequest, id: number): Promise<ImportJob> {
    const job = await getJob(db, authOf(req).scope, id);
    if (!job) throw new HttpError('out_of_scope');
    return job;
  }

  app.get<{ Querystring: { kind: ImportKind; date?: string; campaignId?: number } }>(
    '/api/imports/template.xlsx',
    {
      config: { access: { action: 'import.run' } },
      schema: {
        tags,
        summary: 'Mẫu nhập liệu Excel (hộ, thành viên, phiếu B; đơn vị trong phạm vi có hiệu lực vào ngày chọn) / import template',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { kind: { type: 'string', enum: [...IMPORT_KINDS], default: 'registry' }, date: { type: 'string', format: 'date' }, campaignId: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (req, reply) => {
      const scope = authOf(req).scope;
      const date = req.query.date ?? todayInVietnam();
      const campaign = req.query.campaignId ? await campaignInScope(ctx, scope, req.query.campaignId) : null;
      if (req.query.campaignId && !campaign) throw new HttpError('campaign_not_found', {}, 404);
      const units = await communesInScope(db, scope, date);
      const body = await importTemplateWorkbook({ kind: req.query.kind, referenceDate: date, units, campaignTitle: campaign?.title ?? null });
      return attachment(reply, XLSX, `mau-nhap-${req.query.kind === 'survey' ? 'phieu-b' : 'ho-gia-dinh'}.xlsx`).send(body);
    },
  );

  app.get<{ Params: { sheet: SheetId } }>(
    '/api/imports/template/:sheet.csv',
    {
      config: { access: { action: 'import.run' } },
      schema: {
        tags,
        summary: 'Dòng tiêu đề CSV (UTF-8 có BOM) của một trang nhập liệu / CSV header of an import sheet',
        params: { type: 'object', required: ['sheet'], properties: { sheet: { type: 'string', enum: Object.keys(SHEETS_BY_ID) } } },
      },
    },
    async (req, reply) => attachment(reply, 'text/csv; charset=utf-8', `mau-${req.params.sheet}.csv`).send(templateCsv(SHEETS_BY_ID[req.params.sheet])),
  );

  app.get(
    '/api/imports',
    { config: { access: { action: 'import.run' } }, schema: { tags, summary: 'Các lần nhập liệu của đơn vị / import jobs of the unit' } },
    async (req) => {
      const auth = authOf(req);
      return { items: (await listJobs(db, auth.scope)).map((j) => jobView(j, auth.user.locale)) };
    },
  );

  app.post(
    '/api/imports',
    {
      config: { access: { action: 'import.run' } },
      schema: {
        tags,
        summary: 'Tải tệp lên: đọc và kiểm tra ở chế độ nền (kèm ghi nếu chọn "commit") / upload a file; staged and validated in the background',
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const form = await readUpload(req);
      if (form.campaignId && !(await campaignInScope(ctx, auth.scope, form.campaignId))) {
        await fs.promises.rm(form.dir, { recursive: true, force: true });
        throw new HttpError('campaign_not_found', {}, 404);
      }
      const job = await createJob(db, {
        kind: form.kind,
        fileName: form.files.map((f) => f.name).join(', '),
        format: formatOf(form.files[0]!.name),
        referenceDate: form.referenceDate,
        campaignId: form.campaignId,
        scope: auth.scope,
        actor: auth.actor,
      });
      background(job.id, async () => {
        try {
          await stageAndValidate(ctx.database, job.id, form.files, { commit: form.commit });
        } finally {
          await fs.promises.rm(form.dir, { recursive: true, force: true });
        }
      });
      return reply.code(202).send(jobView(job, auth.user.locale));
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/imports/:id',
    { config: { access: { action: 'import.run' } }, schema: { tags, summary: 'Trạng thái, tiến độ và kết quả một lần nhập / an import job', params: idParams } },
    async (req) => jobView(await ownJob(req, req.params.id), authOf(req).user.locale),
  );

  app.get<{ Params: { id: number }; Querystring: { offset: number; limit: number } }>(
    '/api/imports/:id/errors',
    {
      config: { access: { action: 'import.run' } },
      schema: {
        tags,
        summary: 'Danh sách lỗi theo trang, dòng, cột (có phân trang) / findings by sheet, line and column',
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { offset: { type: 'integer', minimum: 0, default: 0 }, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
        },
      },
    },
    async (req) => {
      const job = await ownJob(req, req.params.id);
      const locale = authOf(req).user.locale;
      const page = await findingsPage(db, job.id, req.query.offset, req.query.limit);
      return {
        total: job.errorCount,
        items: page.map((f) => {
          const sheet = SHEETS_BY_ID[f.sheet];
          const column = sheet.columns.find((c) => c.key === f.columnKey);
          return {
            sheet: f.sheet,
            sheetName: locale === 'en' ? sheet.nameEn : sheet.name,
            line: f.line,
            column: f.columnKey,
            columnName: column ? (locale === 'en' ? column.headerEn : column.header) : null,
            code: f.code,
            value: f.value,
            householdCode: f.householdCode,
            message: validationMessage(f.code, column, f.value, locale),
          };
        }),
      };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/imports/:id/errors.xlsx',
    {
      config: { access: { action: 'import.run' } },
      schema: { tags, summary: 'Báo cáo lỗi Excel (ô lỗi tô đỏ; cũng là tệp các dòng bị loại) / error report and reject file', params: idParams },
    },
    async (req, reply) => {
      const job = await ownJob(req, req.params.id);
      const out = new PassThrough();
      void writeImportReport(db, job.id, job.kind, out).catch((e: unknown) => out.destroy(e as Error));
      return attachment(reply, XLSX, `loi-nhap-lieu-${job.id}.xlsx`).send(out);
    },
  );

  app.post<{ Params: { id: number }; Body: { mode: CommitMode } }>(
    '/api/imports/:id/commit',
    {
      config: { access: { action: 'import.run' } },
      schema: {
        tags,
        summary: 'Ghi vào cơ sở dữ liệu: tất cả hoặc không (mặc định), hoặc chỉ các hộ hợp lệ / commit the import',
        params: idParams,
        body: { type: 'object', additionalProperties: false, properties: { mode: { type: 'string', enum: ['all', 'valid_only'], default: 'all' } } },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      let job = await ownJob(req, req.params.id);
      if (ACTIVE.includes(job.state)) throw new HttpError('job_busy', {}, 409);
      // The validation writes its state before its last housekeeping ends: a client that saw "validated"
      // waits for that tail instead of being told the job is busy.
      const tail = running.get(job.id);
      if (tail) {
        await tail;
        job = await ownJob(req, req.params.id);
      }
      if (running.has(job.id) || ACTIVE.includes(job.state)) throw new HttpError('job_busy', {}, 409);
      if (job.state !== 'validated') throw new HttpError('job_not_validated', { state: job.state }, 409);
      const mode = req.body?.mode ?? 'all';
      if (mode === 'all' && job.errorCount > 0) throw new HttpError('job_has_errors', { errors: job.errorCount }, 409);
      await beginCommit(ctx.database, job.id, mode);
      background(job.id, () => resumeImport(ctx.database, job.id));
      return reply.code(202).send(jobView((await getJob(db, auth.scope, job.id))!, auth.user.locale));
    },
  );
}
