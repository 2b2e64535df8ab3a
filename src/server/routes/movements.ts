/**
 * Movements between the recognised lists of year N−1 and year N for a commune or province: counts per
 * unit (F2/F3 columns, households and persons) and, with `detail`, per household in keyset pages with
 * the domain's categories, detailed-list flags and "newly escaped" windows.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import * as review from '../../db/review/index.ts';
import { authOf } from '../auth/plugin.ts';
import { DATE, reviewCall } from './reviews.ts';

interface MovementQuery {
  unit: string;
  year: number;
  detail?: boolean;
  after?: number;
  limit?: number;
  asOf?: string;
}

export function movementRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get<{ Querystring: MovementQuery }>(
    '/api/movements',
    {
      config: { access: { action: 'review.read' } },
      schema: {
        tags: ['movements'],
        summary: 'Diễn biến hộ nghèo, cận nghèo giữa hai năm / movements between the lists of two years',
        querystring: {
          type: 'object',
          required: ['unit', 'year'],
          additionalProperties: false,
          properties: {
            unit: { type: 'string', pattern: '^(\\d{2}|\\d{5})$' },
            year: { type: 'integer', minimum: 2017, maximum: 2100 },
            detail: { type: 'boolean', default: false },
            after: { type: 'integer', minimum: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
            asOf: DATE,
          },
        },
      },
    },
    async (req) => {
      const { scope } = authOf(req);
      const q = req.query;
      const report = await reviewCall(req, () => review.movementReport(db, scope, q.unit, q.year));
      if (!q.detail) return report;
      const households = await reviewCall(req, () =>
        review.householdMovements(db, scope, q.unit, q.year, { limit: q.limit ?? 200, ...(q.after === undefined ? {} : { after: q.after }), ...(q.asOf && { asOf: q.asOf }) }),
      );
      return { ...report, households };
    },
  );
}
