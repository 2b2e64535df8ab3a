/**
 * Official report forms F1–F15 (issue 6, docs/reports.md): the table as JSON for the screen, Excel in
 * the official layout and PDF rendered by Chromium. Action report.read; the unit must lie inside the
 * caller's scope (a commune officer's reports contain only their commune), and every summary read is
 * filtered by the scope as well.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { FORM_IDS, FORM_TITLES, isSummaryFormId, type FormId } from '../../domain/reports/forms.ts';
import { detailedListColumns, detailedListRows, type ListHousehold } from '../../domain/reports/detailed-list.ts';
import type { ReportTable } from '../../domain/reports/report-table.ts';
import { buildSummaryReport, layoutNote } from '../../db/reports/summary-report.ts';
import { detailedListPage, detailedListPages } from '../../db/reports/detailed-list.ts';
import { refreshDirtySummaries } from '../../db/reports/summary-refresh.ts';
import { defaultUnitCode, ReportError, resolveReportUnit, UNIT_CODE_PATTERN, type ResolvedUnit } from '../../db/reports/report-unit.ts';
import { RELATION_LABELS } from '../../db/registry/fact-fields.ts';
import { SUPPORT_NEEDS } from '../../db/registry/survey-codes.ts';
import type { Relation } from '../../domain/standards/fact-codes.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';
import { PdfRenderer, PdfUnavailableError } from '../pdf/pdf-renderer.ts';
import { reportHtml } from '../documents/report-document.ts';
import { reportWorkbook } from '../excel/report-workbook.ts';
import { readVillageOrigins, setVillageOrigins, type VillageOriginChange } from '../../db/reports/report-village-origins.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Households per screen page of a detailed list. */
const LIST_PAGE = 200;
/** Households of a detailed list printed as one PDF (larger lists: Excel). */
export const LIST_PDF_MAX_HOUSEHOLDS = 3000;

function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

const formParams = { type: 'object', required: ['form'], properties: { form: { type: 'string', enum: [...FORM_IDS] } } } as const;
const reportQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['year'],
  properties: {
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    unit: { type: 'string', pattern: UNIT_CODE_PATTERN },
    /** Unit layout of the rows: '2025' (default) or '2024' (province – district – commune, summary forms of a province, district or old commune). */
    layout: { type: 'string', enum: ['2024', '2025'] },
    after: { type: 'integer', minimum: 0 },
    /** F14/F15: households listed on the pages before this one (the first household number is offset + 1). */
    offset: { type: 'integer', minimum: 0 },
  },
} as const;

interface ReportQuery {
  year: number;
  unit?: string;
  layout?: '2024' | '2025';
  after?: number;
  offset?: number;
}

function reportError(err: unknown): never {
  if (err instanceof ReportError) {
    if (err.code === 'report_unit_out_of_scope') throw new HttpError('unit_out_of_scope', { code: String(err.params.code ?? '') });
    throw new HttpError(err.code, err.params);
  }
  throw err;
}

function relationLabel(r: string): string {
  return RELATION_LABELS[r as Relation] ?? r;
}

const NEEDS = Object.entries(SUPPORT_NEEDS).map(([code, title]) => ({ code, title }));

function listTable(form: 'F14' | 'F15', unit: ResolvedUnit, year: number, households: readonly ListHousehold[], firstNo: number): ReportTable {
  const list = form === 'F15' ? 'poor' : 'near_poor';
  return {
    formId: form,
    title: `${FORM_TITLES[form]} năm ${year}`,
    subtitle: `Năm ${year} — ${[unit.name, ...unit.parents.toReversed()].join(', ')}`,
    year,
    unit: { code: unit.code, name: unit.name, tier: unit.tier },
    issuer: unit.issuer,
    layout: '2025',
    layoutNote: layoutNote(year),
    rowHeader: 'Mã hộ',
    breakdown: false,
    columns: detailedListColumns(list, NEEDS),
    rows: detailedListRows(households, firstNo, NEEDS, relationLabel),
    notes: [
      layoutNote(year),
      'Mỗi dòng là một thành viên; dòng đầu của hộ mang số thứ tự hộ, mã hộ và các cột của hộ (phân loại, người có công, khả năng lao động, nhu cầu hỗ trợ).',
      'Không in số định danh cá nhân.',
    ],
  };
}

const fileName = (t: ReportTable, ext: string) => `bieu-${t.formId}-${t.unit.code.replace(':', '-') || 'toan-quoc'}-${t.year}.${ext}`;
const attachment = (reply: FastifyReply, type: string, name: string) =>
  reply.type(type).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');

export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const pdf = new PdfRenderer();
  app.addHook('onClose', () => pdf.close());
  // Summaries left stale by writes outside the review workflow (the demo seed, bulk imports) are rebuilt when
  // the server gets ready, so the first report does not pay for them. On PostgreSQL it runs in the background
  // (its own connection; close waits for it). Embedded PGlite has one connection, and a rebuild's transaction
  // would hold every request behind it, so there it finishes before the server listens.
  let warmUp: Promise<unknown> = Promise.resolve();
  app.addHook('onReady', async () => {
    const started = Date.now();
    warmUp = refreshDirtySummaries(db).then(
      (done) => done.length > 0 && app.log.info({ provinces: done.length, ms: Date.now() - started }, 'report summaries refreshed'),
      (err: unknown) => app.log.error({ err }, 'report summaries: refresh at start failed'),
    );
    if (ctx.database.kind === 'pglite') await warmUp;
  });
  app.addHook('onClose', () => warmUp);

  /** The unit of a detailed list (2025 layout only). */
  async function listUnitOf(scope: Scope, q: ReportQuery): Promise<ResolvedUnit> {
    if (q.layout === '2024') throw new HttpError('report_layout_unavailable');
    return resolveReportUnit(db, scope, q.unit ?? defaultUnitCode(scope)).catch(reportError);
  }

  /** The whole table (every page of a detailed list, up to `maxHouseholds`). */
  async function fullTable(scope: Scope, form: FormId, q: ReportQuery, maxHouseholds = Number.POSITIVE_INFINITY): Promise<ReportTable> {
    if (isSummaryFormId(form)) return buildSummaryReport(db, scope, { form, year: q.year, unit: q.unit ?? defaultUnitCode(scope), layout: q.layout ?? '2025' }).catch(reportError);
    const unit = await listUnitOf(scope, q);
    const all: ListHousehold[] = [];
    for await (const page of detailedListPages(db, scope, unit, { list: form === 'F15' ? 'poor' : 'near_poor', year: q.year, limit: 500 })) {
      all.push(...page);
      if (all.length > maxHouseholds) throw new HttpError('report_too_large', { max: maxHouseholds });
    }
    return listTable(form as 'F14' | 'F15', unit, q.year, all, 1);
  }

  app.get(
    '/api/reports/forms',
    {
      config: { access: { action: 'report.read' } },
      schema: { tags: ['reports'], summary: 'Danh mục biểu báo cáo F1–F15 / the report forms' },
    },
    async () => ({ forms: FORM_IDS.map((id) => ({ id, title: FORM_TITLES[id], list: !isSummaryFormId(id) })) }),
  );

  app.get<{ Params: { form: FormId }; Querystring: ReportQuery }>(
    '/api/reports/:form',
    {
      config: { access: { action: 'report.read' } },
      schema: {
        tags: ['reports'],
        summary: 'Một biểu báo cáo của một đơn vị và năm danh sách (bảng) / one report form as a table; F14/F15 paged by `after`',
        params: formParams,
        querystring: reportQuery,
      },
    },
    async (req) => {
      const scope = authOf(req).scope;
      const form = req.params.form;
      if (isSummaryFormId(form)) return { table: await fullTable(scope, form, req.query), next: null };
      const unit = await listUnitOf(scope, req.query);
      const page = await detailedListPage(db, scope, unit, { list: form === 'F15' ? 'poor' : 'near_poor', year: req.query.year, limit: LIST_PAGE, ...(req.query.after === undefined ? {} : { after: req.query.after }) });
      return { table: listTable(form as 'F14' | 'F15', unit, req.query.year, page.households, (req.query.offset ?? 0) + 1), next: page.next };
    },
  );

  app.get<{ Params: { form: FormId }; Querystring: ReportQuery }>(
    '/api/reports/:form/excel',
    {
      config: { access: { action: 'report.read' } },
      schema: { tags: ['reports'], summary: 'Biểu báo cáo dạng Excel theo mẫu / the form as an Excel workbook', params: formParams, querystring: reportQuery },
    },
    async (req, reply) => {
      const t = await fullTable(authOf(req).scope, req.params.form, req.query);
      return attachment(reply, XLSX, fileName(t, 'xlsx')).send(await reportWorkbook(t, todayInVietnam()));
    },
  );

  app.get<{ Params: { form: FormId }; Querystring: ReportQuery }>(
    '/api/reports/:form/pdf',
    {
      config: { access: { action: 'report.read' } },
      schema: { tags: ['reports'], summary: 'Biểu báo cáo dạng PDF (khổ A4 ngang) / the form as PDF', params: formParams, querystring: reportQuery },
    },
    async (req, reply) => {
      const t = await fullTable(authOf(req).scope, req.params.form, req.query, LIST_PDF_MAX_HOUSEHOLDS);
      try {
        const body = await pdf.render(reportHtml(t, todayInVietnam()), { landscape: true });
        return attachment(reply, 'application/pdf', fileName(t, 'pdf')).send(body);
      } catch (err) {
        if (err instanceof PdfUnavailableError) throw new HttpError('pdf_unavailable', { reason: err.reason }, 503);
        throw err;
      }
    },
  );

  const communeParams = { type: 'object', required: ['commune'], properties: { commune: { type: 'string', pattern: '^\\d{5}$' } } } as const;

  app.get<{ Params: { commune: string } }>(
    '/api/reports/village-origins/:commune',
    {
      config: { access: { action: 'report.read' } },
      schema: {
        tags: ['reports'],
        summary: 'Xã cũ (trước 01/7/2025) của từng thôn, bản của xã / the former commune of each village (2024-layout reports)',
        params: communeParams,
      },
    },
    async (req) => readVillageOrigins(db, authOf(req).scope, req.params.commune).catch(reportError),
  );

  app.put<{ Params: { commune: string }; Body: { origins: VillageOriginChange[] } }>(
    '/api/reports/village-origins/:commune',
    {
      config: { access: { action: 'village.write' } },
      schema: {
        tags: ['reports'],
        summary: 'Khai báo xã cũ của thôn, bản / record the former commune of villages',
        params: communeParams,
        body: {
          type: 'object',
          required: ['origins'],
          additionalProperties: false,
          properties: {
            origins: {
              type: 'array',
              maxItems: 1000,
              items: {
                type: 'object',
                required: ['villageCode', 'oldCommuneCode'],
                additionalProperties: false,
                properties: { villageCode: { type: 'string', minLength: 1, maxLength: 20 }, oldCommuneCode: { type: ['string', 'null'], pattern: '^\\d{5}$' } },
              },
            },
          },
        },
      },
    },
    async (req) => {
      const auth = authOf(req);
      return setVillageOrigins(db, auth.actor, auth.scope, req.params.commune, req.body.origins).catch(reportError);
    },
  );
}
