/**
 * Exports (issue 5 §3): the household registry (households and members, current facts), review results
 * and beneficiary lists as Excel (.xlsx) and CSV (UTF-8, with the byte order mark by default), streamed.
 * Rows are read in keyset pages (src/db/export, src/db/outputs/beneficiaries.ts) and written to the
 * response as they come, waiting whenever the client is slower than the database, so memory stays flat
 * for a million rows. Every export is limited to the caller's scope and recorded in the audit log.
 */
import { PassThrough, type Writable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Actor } from '../../db/audit.ts';
import { recordAudit } from '../../db/audit.ts';
import { resolveExportUnit, type ExportUnit } from '../../db/export/export-unit.ts';
import { householdExportPages, memberExportPages, type RegistryExportQuery } from '../../db/export/registry-pages.ts';
import { findExportReviews, REVIEW_STAGES, reviewResultPages, type ReviewStage } from '../../db/export/review-pages.ts';
import { beneficiaryPages } from '../../db/outputs/beneficiaries.ts';
import { BENEFICIARY_POLICIES } from '../../db/outputs/beneficiary-policies.ts';
import { BENEFICIARY_POLICY_IDS, getBeneficiaryRules, type BeneficiaryPolicyId } from '../../db/outputs/beneficiary-rules.ts';
import type { HouseholdStatus } from '../../db/schema.ts';
import { todayInVietnam } from '../../db/registry/text.ts';
import { formatIsoDateVi, isIsoDate } from '../../domain/calendar/iso-date.ts';
import { describeScope, type Scope } from '../../domain/access/scope.ts';
import { HOUSEHOLD_SHEET } from '../../domain/import/household-columns.ts';
import { MEMBER_SHEET } from '../../domain/import/member-columns.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';
import { writeCsv } from '../csv/csv-writer.ts';
import { beneficiarySheet } from '../excel/export-beneficiary-columns.ts';
import { householdExportColumns, MEMBER_EXPORT_COLUMNS } from '../excel/export-registry-columns.ts';
import { REVIEW_RESULT_COLUMNS, STAGE_LABELS } from '../excel/export-review-columns.ts';
import { primed, sheetOf, type ExportSheet } from '../excel/export-table.ts';
import { writeExportWorkbook, type ExportInfo } from '../excel/export-workbook.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';
const FORMATS = ['xlsx', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const HOUSEHOLD_STATUSES = ['active', 'moved_away', 'dissolved', 'deceased', 'merged', 'all'] as const;

function nowInVietnam(): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' }).format(new Date());
}

const unitParam = { type: 'string', pattern: '^(\\d{2}|\\d{5})$' } as const;
const dateParam = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const bomParam = { type: 'boolean', default: true, description: 'CSV: bắt đầu bằng BOM UTF-8 (để Excel đọc đúng tiếng Việt)' } as const;
const formatParams = { type: 'object', required: ['format'], properties: { format: { type: 'string', enum: [...FORMATS] } } } as const;

function checkedDate(date: string): string {
  if (!isIsoDate(date)) throw new HttpError('export_as_of_invalid', { date });
  return date;
}

async function unitOf(ctx: AppContext, scope: Scope, code: string | undefined): Promise<ExportUnit> {
  const r = await resolveExportUnit(ctx.database.db, scope, code);
  if (!r.ok) throw new HttpError(r.error, r.code ? { code: r.code } : {});
  return r.unit;
}

const unitLabel = (u: ExportUnit) => `${u.name} (${u.code})`;

interface Download {
  format: Format;
  fileStem: string;
  /** Sheets in order; a CSV holds the first one. */
  sheets: ExportSheet[];
  title: string;
  info: ExportInfo;
  bom: boolean;
}

/**
 * Streams the download: the writer runs in the background into a PassThrough that Fastify pipes to the
 * socket; back-pressure flows from the socket through the PassThrough to the writer. A failure after
 * the headers went out can only cut the download short (and is logged).
 */
function sendDownload(req: FastifyRequest, reply: FastifyReply, d: Download): FastifyReply {
  const out = new PassThrough();
  const write = (o: Writable): Promise<unknown> =>
    d.format === 'csv' ? writeCsv(o, d.sheets[0]!, { bom: d.bom }) : writeExportWorkbook(o, d.sheets, { title: d.title, info: d.info });
  write(out).catch((err: Error) => {
    if (!out.destroyed) req.log.error(err);
    out.destroy(err);
  });
  return reply
    .type(d.format === 'csv' ? CSV : XLSX)
    .header('content-disposition', `attachment; filename="${d.fileStem}.${d.format}"`)
    .header('cache-control', 'no-store')
    .send(out);
}

function baseInfo(actor: Actor, fullName: string | null, scope: Scope): [string, string][] {
  return [
    ['Người xuất', `${fullName ?? actor.username} (${actor.username})`],
    ['Phạm vi của người xuất', describeScope(scope)],
    ['Thời điểm xuất', nowInVietnam()],
  ];
}

export function exportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get<{ Params: { format: Format }; Querystring: { unit?: string; asOf?: string; status: HouseholdStatus | 'all'; sheet: 'households' | 'members'; bom: boolean } }>(
    '/api/exports/registry.:format',
    {
      config: { access: { action: 'export.read' } },
      schema: {
        tags: ['exports'],
        summary: 'Xuất sổ hộ (trang Hộ gia đình và Thành viên, cùng cột với mẫu nhập) ra Excel hoặc CSV / registry export',
        params: formatParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            unit: unitParam,
            asOf: dateParam,
            status: { type: 'string', enum: [...HOUSEHOLD_STATUSES], default: 'active' },
            sheet: { type: 'string', enum: ['households', 'members'], default: 'households', description: 'CSV: trang cần xuất (Excel có cả hai)' },
            bom: bomParam,
          },
        },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const { format } = req.params;
      const asOf = checkedDate(req.query.asOf ?? todayInVietnam());
      const unit = await unitOf(ctx, auth.scope, req.query.unit);
      const q: RegistryExportQuery = { scope: auth.scope, provinceCode: unit.provinceCode, communeCode: unit.communeCode, status: req.query.status, asOf };
      const members = format === 'csv' && req.query.sheet === 'members';
      const sheets: ExportSheet[] = members
        ? [sheetOf(MEMBER_SHEET.name, MEMBER_EXPORT_COLUMNS, await primed(memberExportPages(db, q)))]
        : [sheetOf(HOUSEHOLD_SHEET.name, householdExportColumns(asOf), await primed(householdExportPages(db, q)))];
      if (format === 'xlsx') sheets.push(sheetOf(MEMBER_SHEET.name, MEMBER_EXPORT_COLUMNS, memberExportPages(db, q)));
      await recordAudit(db, auth.actor, {
        action: 'export.registry',
        entity: 'export',
        entityId: 'registry',
        provinceCode: unit.provinceCode,
        unitCode: unit.code,
        after: { format, unit: unit.code, asOf, status: req.query.status, ...(format === 'csv' && { sheet: req.query.sheet, bom: req.query.bom }) },
      });
      return sendDownload(req, reply, {
        format,
        fileStem: `so-ho-${members ? 'thanh-vien-' : ''}${unit.code}-${asOf}`,
        sheets,
        title: 'SỔ HỘ GIA ĐÌNH (dữ liệu hiện tại)',
        info: [
          ['Đơn vị', unitLabel(unit)],
          ['Trạng thái hộ', req.query.status === 'all' ? 'Mọi trạng thái' : req.query.status],
          ['Diện hộ theo danh sách công nhận tại ngày', formatIsoDateVi(asOf)],
          ...baseInfo(auth.actor, auth.user.full_name, auth.scope),
        ],
        bom: req.query.bom,
      });
    },
  );

  app.get<{ Params: { format: Format }; Querystring: { review?: number; campaign?: number; unit?: string; stage?: ReviewStage; bom: boolean } }>(
    '/api/exports/review-results.:format',
    {
      config: { access: { action: 'export.read' } },
      schema: {
        tags: ['exports'],
        summary: 'Xuất kết quả rà soát (từng hộ: bước, phân loại đề xuất và cuối cùng, chỉ số thiếu hụt, giải thích, biểu quyết họp dân) / review results export',
        params: formatParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            review: { type: 'integer', minimum: 1 },
            campaign: { type: 'integer', minimum: 1 },
            unit: unitParam,
            stage: { type: 'string', enum: [...REVIEW_STAGES] },
            bom: bomParam,
          },
        },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const { format } = req.params;
      const { review, campaign, stage } = req.query;
      if ((review === undefined) === (campaign === undefined)) throw new HttpError('export_review_required');
      const unit = req.query.unit === undefined ? undefined : await unitOf(ctx, auth.scope, req.query.unit);
      const reviews = await findExportReviews(db, {
        scope: auth.scope,
        reviewId: review,
        campaignId: campaign,
        provinceCode: unit?.provinceCode,
        communeCode: unit?.communeCode,
      });
      if (reviews.length === 0) throw new HttpError('out_of_scope');
      const first = reviews[0]!;
      const pages = await primed(reviewResultPages(db, reviews, { stage }));
      const where = unit?.code ?? (reviews.length === 1 ? first.communeCode : first.provinceCode);
      await recordAudit(db, auth.actor, {
        action: 'export.review_results',
        entity: 'export',
        entityId: review !== undefined ? `review:${review}` : `campaign:${campaign}`,
        provinceCode: first.provinceCode,
        unitCode: where,
        after: { format, review, campaign, unit: unit?.code, stage, reviews: reviews.length },
      });
      return sendDownload(req, reply, {
        format,
        fileStem: `ket-qua-ra-soat-${where}-${first.campaignYear}${review !== undefined ? `-${review}` : ''}`,
        sheets: [sheetOf('Kết quả rà soát', REVIEW_RESULT_COLUMNS, pages)],
        title: 'KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO',
        info: [
          ['Đợt rà soát', first.campaignTitle],
          ['Xã/phường', reviews.length === 1 ? `${first.communeName ?? ''} (${first.communeCode})` : `${reviews.length} xã/phường`],
          ['Bước rà soát', stage ? STAGE_LABELS[stage]! : 'Mọi bước'],
          ...baseInfo(auth.actor, auth.user.full_name, auth.scope),
        ],
        bom: req.query.bom,
      });
    },
  );

  app.get<{ Querystring: { policy: BeneficiaryPolicyId; unit?: string; date?: string; bom: boolean } }>(
    '/api/beneficiaries.csv',
    {
      config: { access: { action: 'beneficiary_list.read' } },
      schema: {
        tags: ['exports'],
        summary: 'Danh sách đối tượng hưởng chính sách tại một ngày (CSV, cùng cột với bản Excel) / beneficiary list as CSV',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['policy'],
          properties: { policy: { type: 'string', enum: [...BENEFICIARY_POLICY_IDS] }, unit: unitParam, date: dateParam, bom: bomParam },
        },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const date = req.query.date ?? todayInVietnam();
      if (!isIsoDate(date)) throw new HttpError('output_date_invalid', { date });
      const unit = await unitOf(ctx, auth.scope, req.query.unit);
      const policy = BENEFICIARY_POLICIES[req.query.policy];
      const rules = await getBeneficiaryRules(db);
      const pages = await primed(beneficiaryPages(db, { policy, rules, scope: auth.scope, unit: { provinceCode: unit.provinceCode, communeCode: unit.communeCode }, date }));
      await recordAudit(db, auth.actor, {
        action: 'beneficiary_list.export',
        entity: 'beneficiary_list',
        entityId: policy.id,
        provinceCode: unit.provinceCode,
        unitCode: unit.code,
        after: { policy: policy.id, unit: unit.code, date, format: 'csv', bom: req.query.bom },
      });
      return sendDownload(req, reply, { format: 'csv', fileStem: `${policy.fileName}-${unit.code}-${date}`, sheets: [beneficiarySheet(policy, pages)], title: policy.titleVi, info: [], bom: req.query.bom });
    },
  );
}
