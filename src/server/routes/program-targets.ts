/** Targets per unit and year with their projections, and the outputs units enter for a period. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { readTargets, setTargets, type TargetInput } from '../../db/program/targets.ts';
import { enterOutputs, readOutputs, type OutputEntry } from '../../db/program/outputs.ts';
import { todayInVietnam } from '../../db/program/units.ts';
import type { ReportPeriod } from '../../domain/program/report-cycle.ts';
import { authOf } from '../auth/plugin.ts';
import { currentYear, programCall, provinceOf, S, unitOf, UNIT_YEAR_QUERY, type UnitYearQuery } from './program-shared.ts';

export function programTargetRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get<{ Querystring: UnitYearQuery }>(
    '/api/program/targets',
    {
      config: { access: { action: 'program.read' } },
      schema: {
        tags: ['program'],
        summary: 'Chỉ tiêu của đơn vị trong năm, số thực hiện và dự báo (đúng tiến độ / có nguy cơ / không đạt) / targets, actuals and projections',
        querystring: UNIT_YEAR_QUERY,
      },
    },
    async (req) => {
      const unit = await unitOf(db, req, req.query.unit);
      return programCall(readTargets(db, authOf(req).scope, unit, req.query.year ?? currentYear(), req.query.asOf ?? todayInVietnam(), req.locale ?? 'vi'));
    },
  );

  app.put<{ Body: { province?: string; items: TargetInput[] } }>(
    '/api/program/targets',
    {
      config: { access: { action: 'program.plan' } },
      schema: {
        tags: ['program'],
        summary: 'Đặt hoặc xoá chỉ tiêu (target = null) của tỉnh và các xã / set or remove targets',
        body: {
          type: 'object',
          required: ['items'],
          additionalProperties: false,
          properties: {
            province: S.unit,
            items: {
              type: 'array',
              minItems: 1,
              maxItems: 2000,
              items: {
                type: 'object',
                required: ['unitCode', 'indicatorCode', 'year', 'target'],
                additionalProperties: false,
                properties: { unitCode: S.unit, indicatorCode: { type: 'string', maxLength: 60 }, year: S.year, target: { type: ['number', 'null'], minimum: 0, maximum: 1e9 }, note: { type: ['string', 'null'], maxLength: 500 } },
              },
            },
          },
        },
      },
    },
    async (req) => {
      const province = await provinceOf(db, req, req.body.province);
      return { changed: await programCall(setTargets(db, authOf(req).actor, authOf(req).scope, province, req.body.items, todayInVietnam())) };
    },
  );

  app.get<{ Querystring: UnitYearQuery }>(
    '/api/program/outputs',
    {
      config: { access: { action: 'program.read' } },
      schema: { tags: ['program'], summary: 'Kết quả thực hiện đơn vị đã nhập theo kỳ / outputs entered by units', querystring: UNIT_YEAR_QUERY },
    },
    async (req) => {
      const unit = await unitOf(db, req, req.query.unit);
      const year = req.query.year ?? currentYear();
      return { unit, year, items: await readOutputs(db, authOf(req).scope, unit, year, year) };
    },
  );

  app.put<{ Body: { unit?: string; year: number; period: ReportPeriod; items: OutputEntry[] } }>(
    '/api/program/outputs',
    {
      config: { access: { action: 'program.report' } },
      schema: {
        tags: ['program'],
        summary: 'Nhập kết quả thực hiện của đơn vị cho một kỳ (xã nhập cho xã mình) / enter a unit’s outputs for a period',
        body: {
          type: 'object',
          required: ['year', 'period', 'items'],
          additionalProperties: false,
          properties: {
            unit: S.unit,
            year: S.year,
            period: S.period,
            items: {
              type: 'array',
              minItems: 1,
              maxItems: 200,
              items: { type: 'object', required: ['indicatorCode', 'value'], additionalProperties: false, properties: { indicatorCode: { type: 'string', maxLength: 60 }, value: { type: ['number', 'null'], minimum: 0, maximum: 1e12 } } },
            },
          },
        },
      },
    },
    async (req) => {
      const unit = await unitOf(db, req, req.body.unit);
      return { items: await programCall(enterOutputs(db, authOf(req).actor, unit, req.body.year, req.body.period, req.body.items)) };
    },
  );
}
