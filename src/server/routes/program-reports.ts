/** Monitoring reports: who has submitted and who is late, a commune's submission, the forms as Excel and PDF, the steering summary. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { readReportStatus, submitReport } from '../../db/program/reports.ts';
import { todayInVietnam } from '../../db/program/units.ts';
import { currentPeriod, type ReportPeriod } from '../../domain/program/report-cycle.ts';
import { readProgramSettings } from '../../db/program/settings.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';
import { programCall, S, unitOf } from './program-shared.ts';

const REPORT_QUERY = { type: 'object', additionalProperties: false, properties: { unit: S.unit, year: S.year, period: S.period, asOf: S.date } } as const;
type ReportQuery = { unit?: string; year?: number; period?: ReportPeriod; asOf?: string };

export function programReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  /** The period asked for, else the one now due. */
  async function periodOf(q: ReportQuery, today: string): Promise<{ year: number; period: ReportPeriod }> {
    if (q.year && q.period) return { year: q.year, period: q.period };
    const c = currentPeriod(today, await readProgramSettings(db));
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
      const { year, period } = await periodOf(req.query, today);
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
}
