/** Budget: plan lines, allocations to communes, reallocations with a reason, disbursement entries, progress. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { correctDisbursement, disburse, reallocate, setAllocation, setPlanLine, type PlanLineKey } from '../../db/program/budget.ts';
import { readBudget } from '../../db/program/budget-read.ts';
import { todayInVietnam } from '../../db/program/units.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';
import { amountOf, communeSet, currentYear, PLAN_LINE, PLAN_LINE_REQUIRED, programCall, provinceOf, S, unitOf, UNIT_YEAR_QUERY, type UnitYearQuery } from './program-shared.ts';

const DOCUMENT_NUMBER = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } as const;
const NOTE = { type: ['string', 'null'], maxLength: 1000 } as const;

type Replacement = { paidOn: string; amount: string; documentNumber: string; note?: string | null };

const body = (required: readonly string[], properties: Record<string, unknown>) =>
  ({ type: 'object', additionalProperties: false, required: [...PLAN_LINE_REQUIRED, ...required], properties: { province: S.unit, ...PLAN_LINE, ...properties } }) as const;

type Line = PlanLineKey & { province?: string };

export function programBudgetRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get<{ Querystring: UnitYearQuery }>(
    '/api/program/budget',
    {
      config: { access: { action: 'program.read' } },
      schema: { tags: ['program'], summary: 'Kế hoạch vốn, phân bổ, giải ngân và tiến độ theo mốc (đơn vị chậm giải ngân) / budget and progress', querystring: UNIT_YEAR_QUERY },
    },
    async (req) => {
      const unit = await unitOf(db, req, req.query.unit);
      return readBudget(db, authOf(req).scope, unit, req.query.year ?? currentYear(), req.query.asOf ?? todayInVietnam());
    },
  );

  app.put<{ Body: Line & { amount: string; decisionRef?: string | null } }>(
    '/api/program/budget/plan',
    {
      config: { access: { action: 'program.plan' } },
      schema: { tags: ['program'], summary: 'Đặt kế hoạch vốn của một dòng (năm, dự án, nguồn vốn) / set a plan line', body: body(['amount'], { amount: S.amount, decisionRef: { type: ['string', 'null'], maxLength: 200 } }) },
    },
    async (req) => {
      const province = await provinceOf(db, req, req.body.province);
      await programCall(setPlanLine(db, authOf(req).actor, province, { ...req.body, amount: amountOf(req.body.amount) }));
      return { ok: true };
    },
  );

  app.put<{ Body: Line & { unitCode: string; amount: string; decisionRef?: string | null } }>(
    '/api/program/budget/allocations',
    {
      config: { access: { action: 'program.plan' } },
      schema: {
        tags: ['program'],
        summary: 'Phân bổ vốn của một dòng kế hoạch cho một xã (tổng phân bổ không vượt kế hoạch) / allocate a plan line to a commune',
        body: body(['unitCode', 'amount'], { unitCode: S.unit, amount: S.amount, decisionRef: { type: ['string', 'null'], maxLength: 200 } }),
      },
    },
    async (req) => {
      const province = await provinceOf(db, req, req.body.province);
      await programCall(setAllocation(db, authOf(req).actor, province, await communeSet(db, province.provinceCode), { ...req.body, amount: amountOf(req.body.amount) }));
      return { ok: true };
    },
  );

  app.post<{ Body: Line & { fromUnit: string; toUnit: string; amount: string; reason: string } }>(
    '/api/program/budget/reallocations',
    {
      config: { access: { action: 'program.plan' } },
      schema: {
        tags: ['program'],
        summary: 'Điều chuyển vốn giữa hai xã trong cùng dòng kế hoạch, có lý do / move money between communes with a reason',
        body: body(['fromUnit', 'toUnit', 'amount', 'reason'], { fromUnit: S.unit, toUnit: S.unit, amount: S.amount, reason: { type: 'string', maxLength: 1000 } }),
      },
    },
    async (req, reply) => {
      if (!req.body.reason.trim()) throw new HttpError('program_reason_required');
      const province = await provinceOf(db, req, req.body.province);
      await programCall(reallocate(db, authOf(req).actor, province, await communeSet(db, province.provinceCode), { ...req.body, amount: amountOf(req.body.amount) }));
      return reply.code(201).send({ ok: true });
    },
  );

  app.post<{ Body: Line & { unitCode: string; paidOn: string; amount: string; documentNumber: string; note?: string | null } }>(
    '/api/program/budget/disbursements',
    {
      config: { access: { action: 'program.disburse' } },
      schema: {
        tags: ['program'],
        summary: 'Ghi một khoản giải ngân (ngày, số tiền, số chứng từ) không vượt số đã phân bổ / record a disbursement',
        body: body(['unitCode', 'paidOn', 'amount', 'documentNumber'], {
          unitCode: S.unit,
          paidOn: S.date,
          amount: S.amount,
          documentNumber: DOCUMENT_NUMBER,
          note: NOTE,
        }),
      },
    },
    async (req, reply) => {
      const unit = await unitOf(db, req, req.body.unitCode);
      if (unit.tier !== 'commune') throw new HttpError('program_unit_invalid', { code: unit.code });
      const id = await programCall(disburse(db, authOf(req).actor, unit, { ...req.body, amount: amountOf(req.body.amount) }));
      return reply.code(201).send({ id });
    },
  );

  app.post<{ Params: { id: number }; Body: { province?: string; reason: string; replacement?: Replacement | null } }>(
    '/api/program/budget/disbursements/:id/corrections',
    {
      config: { access: { action: 'program.disburse' } },
      schema: {
        tags: ['program'],
        summary: 'Điều chỉnh khoản giải ngân ghi sai: bút toán âm huỷ khoản đó (có lý do), kèm khoản ghi lại đúng nếu có / correct a wrong disbursement entry with a reversing entry',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['reason'],
          properties: {
            province: S.unit,
            reason: { type: 'string', minLength: 1, maxLength: 1000 },
            replacement: {
              type: ['object', 'null'],
              additionalProperties: false,
              required: ['paidOn', 'amount', 'documentNumber'],
              properties: { paidOn: S.date, amount: S.amount, documentNumber: DOCUMENT_NUMBER, note: NOTE },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const province = await provinceOf(db, req, req.body.province);
      const r = req.body.replacement;
      const replacement = r ? { ...r, amount: amountOf(r.amount, 'replacement.amount') } : null;
      const result = await programCall(correctDisbursement(db, authOf(req).actor, authOf(req).scope, province, { entryId: req.params.id, reason: req.body.reason, replacement }));
      return reply.code(201).send(result);
    },
  );
}
