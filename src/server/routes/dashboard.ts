/**
 * The dashboard of a unit and list year (docs/dashboards.md): rates by unit with trends, movements,
 * deprivation profile, ethnic-minority rates, communes above the rate thresholds, the poorest units —
 * read from the report summary tables inside the caller's scope.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { DASHBOARD_UNIT_PATTERN, DashboardUnitError, DEFAULT_DASHBOARD_SETTINGS, homeUnitCode, readDashboard } from '../../db/dashboard/index.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';

interface DashboardQuerystring {
  unit?: string;
  year?: number;
  thresholds?: number[];
}

export function dashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get<{ Querystring: DashboardQuerystring }>(
    '/api/dashboard',
    {
      config: { access: { action: 'report.read' } },
      schema: {
        tags: ['dashboard'],
        summary: 'Bảng điều khiển: tỷ lệ nghèo, cận nghèo theo đơn vị và năm, diễn biến, thiếu hụt, dân tộc thiểu số / dashboard figures of a unit',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            unit: { type: 'string', pattern: DASHBOARD_UNIT_PATTERN, description: "'' toàn quốc, mã tỉnh, mã xã, 'MÃXÃ:MÃTHÔN'; mặc định đơn vị của người dùng" },
            year: { type: 'integer', minimum: 2016, maximum: 2100 },
            thresholds: { type: 'array', items: { type: 'number', minimum: 0, maximum: 100 }, minItems: 1, maxItems: 5 },
          },
        },
      },
    },
    async (req) => {
      const { scope } = authOf(req);
      const q = req.query;
      try {
        return await readDashboard(db, scope, {
          unit: q.unit ?? homeUnitCode(scope),
          ...(q.year !== undefined && { year: q.year }),
          settings: { ...DEFAULT_DASHBOARD_SETTINGS, ...(q.thresholds && { thresholds: q.thresholds.toSorted((a, b) => a - b) }) },
        });
      } catch (err) {
        if (err instanceof DashboardUnitError) throw new HttpError(err.code === 'out_of_scope' ? 'out_of_scope' : 'not_found');
        throw err;
      }
    },
  );
}
