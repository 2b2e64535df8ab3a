/** Monitoring reports: who has submitted and who is late, a commune's submission, the forms as Excel and PDF, the steering summary. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { readReportStatus, submitReport } from '../../db/program/reports.ts';
import { todayInVietnam } from '../../db/program/units.ts';
import { currentPeriod, type ReportPeriod } from '../../domain/program/report-cycle.ts';
import { readProgramSettings } from '../../db/program/settings.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';
import { readProgramReport } from '../../db/program/report-figures.ts';
import { programReportHtml, programSummaryHtml } from '../documents/program-report.ts';
import { programReportWorkbook } from '../excel/program-report-workbook.ts';
import { PdfRenderer, PdfUnavailableError } from '../pdf/pdf-renderer.ts';
import { programCall, S, unitOf } from './program-shared.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const REPORT_QUERY = { type: 'object', additionalProperties: false, properties: { unit: S.unit, year: S.year, period: S.period, asOf: S.date } } as const;
type ReportQuery = { unit?: string; year?: number; period?: ReportPeriod; asOf?: string };

const fileName = (d: { unit: { code: string }; year: number; period: string }, stem: string, ext: string) => `${stem}-${d.unit.code}-${d.year}-${d.period}.${ext}`;
const download = (reply: FastifyReply, type: string, name: string) =>
  reply.type(type).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');

export function programReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const pdf = new PdfRenderer();
  app.addHook('onClose', () => pdf.close());

  async function renderPdf(html: string, landscape: boolean): Promise<Buffer> {
    try {
      return await pdf.render(html, { landscape });
    } catch (err) {
      if (err instanceof PdfUnavailableError) throw new HttpError('pdf_unavailable', { reason: err.reason }, 503);
      throw err;
    }
  }

  /** The period asked for, else the one now due. */
  async function periodOf(q: ReportQuery, today: string, provinceCode: string): Promise<{ year: number; period: ReportPeriod }> {
    if (q.year && q.period) return { year: q.year, period: q.period };
    const c = currentPeriod(today, await readProgramSettings(db, provinceCode));
    return { year: q.year ?? c.year, period: q.period ?? c.period };
  }

  app.get<{ Querystring: ReportQuery }>(
    '/api/program/reports',
    {
      config: { access: { action: 'program.read' } },
      schema: { tags: ['program'], summary: 'Kỳ báo cáo giám sát (Thông tư 10/2022): đơn vị đã nộp, nộp muộn, quá hạn / report status by unit', querystring: REPORT_QUERY },
    },
    async (req) => {
      const unit = await unitOf(db, req, req.query.unit);
      const today = req.query.asOf ?? todayInVietnam();
      const { year, period } = await periodOf(req.query, today, unit.provinceCode);
      return readReportStatus(db, authOf(req).scope, unit, year, period, today);
    },
  );

  app.post<{ Body: { unit?: string; year: number; period: ReportPeriod; note?: string | null } }>(
    '/api/program/reports/submit',
    {
      config: { access: { action: 'program.report' } },
      schema: {
        tags: ['program'],
        summary: 'Xã nộp (hoặc bổ sung) báo cáo kỳ với số liệu hiện có / a commune submits its report for the period',
        body: { type: 'object', required: ['year', 'period'], additionalProperties: false, properties: { unit: S.unit, year: S.year, period: S.period, note: { type: ['string', 'null'], maxLength: 2000 } } },
      },
    },
    async (req, reply) => {
      const unit = await unitOf(db, req, req.body.unit);
      if (unit.tier !== 'commune') throw new HttpError('program_unit_invalid', { code: unit.code });
      const r = await programCall(submitReport(db, authOf(req).actor, authOf(req).scope, unit, req.body.year, req.body.period, todayInVietnam(), req.body.note ?? null));
      return reply.code(201).send(r);
    },
  );

  /** The report data of the request's unit and period. */
  async function reportOf(req: FastifyRequest<{ Querystring: ReportQuery }>) {
    const unit = await unitOf(db, req, req.query.unit);
    const today = req.query.asOf ?? todayInVietnam();
    const { year, period } = await periodOf(req.query, today, unit.provinceCode);
    return readProgramReport(db, authOf(req).scope, unit, year, period, today);
  }
  app.get<{ Querystring: ReportQuery }>(
    '/api/program/reports/figures.xlsx',
    {
      config: { access: { action: 'program.read' } },
      schema: { tags: ['program'], summary: 'Báo cáo giám sát kỳ (chỉ tiêu, kết quả, kinh phí, đơn vị chậm, tình hình báo cáo) dạng Excel / monitoring report as Excel', querystring: REPORT_QUERY },
    },
    async (req, reply) => {
      const d = await reportOf(req);
      return download(reply, XLSX, fileName(d, 'bao-cao-giam-sat', 'xlsx')).send(await programReportWorkbook(d));
    },
  );

  app.get<{ Querystring: ReportQuery }>(
    '/api/program/reports/figures.pdf',
    {
      config: { access: { action: 'program.read' } },
      schema: { tags: ['program'], summary: 'Báo cáo giám sát kỳ dạng PDF (khổ A4 ngang) / monitoring report as PDF', querystring: REPORT_QUERY },
    },
    async (req, reply) => {
      const d = await reportOf(req);
      return download(reply, 'application/pdf', fileName(d, 'bao-cao-giam-sat', 'pdf')).send(await renderPdf(programReportHtml(d), true));
    },
  );

  app.get<{ Querystring: ReportQuery }>(
    '/api/program/summary.pdf',
    {
      config: { access: { action: 'program.read' } },
      schema: { tags: ['program'], summary: 'Tóm tắt một trang cho Ban Chỉ đạo (chỉ tiêu, kinh phí, kết quả, đơn vị chậm) có biểu đồ / one-page steering summary', querystring: REPORT_QUERY },
    },
    async (req, reply) => {
      const d = await reportOf(req);
      return download(reply, 'application/pdf', fileName(d, 'tom-tat-ban-chi-dao', 'pdf')).send(await renderPdf(programSummaryHtml(d), false));
    },
  );
}
