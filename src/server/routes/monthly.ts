/**
 * Monthly (regular) review applications: form 01 and form 04, the 15-day deadline with its status,
 * the records of steps 2–4, and the answer (a decision writing the list, or a reasoned refusal).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import * as review from '../../db/review/index.ts';
import { MONTHLY_APPLICATION_ACTIONS, MONTHLY_APPLICATION_STATES, type MonthlyApplicationState } from '../../domain/review/monthly-application.ts';
import { authOf } from '../auth/plugin.ts';
import { actionsInLocale, callerOf, DATE, DECISION, ID, NAME, NEW_COMPLAINT, RESOLUTION, reviewCall, sendFile, uploadedMinutes, VERSION } from './reviews.ts';

const RECOGNITION = { type: 'string', enum: ['poor', 'near_poor', 'escaped_poverty', 'escaped_near_poverty'] } as const;
const LIST_STATUS = { type: 'string', enum: ['poor', 'near_poor', 'none'] } as const;

type Id = { Params: { id: number } };

export function monthlyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const tags = ['monthly'];
  const idParams = { type: 'object', properties: { id: ID } };

  app.post<{ Body: review.NewApplication }>(
    '/api/monthly-applications',
    {
      config: { access: { action: 'monthly.manage' } },
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ mẫu 01 / mẫu 04 / receive a form 01 or form 04 application',
        body: {
          type: 'object',
          required: ['householdId', 'form', 'receivedOn'],
          additionalProperties: false,
          properties: { householdId: ID, form: { type: 'string', enum: ['01', '04'] }, receivedOn: DATE, requestedStatus: { anyOf: [RECOGNITION, { type: 'null' }] } },
        },
      },
    },
    async (req, reply) => reply.code(201).send({ application: await reviewCall(req, () => review.createApplication(db, callerOf(req), req.body)) }),
  );

  app.get<{ Querystring: { commune?: string; state?: MonthlyApplicationState; open?: boolean; asOf?: string; page?: number; pageSize?: number } }>(
    '/api/monthly-applications',
    {
      config: { access: { action: 'review.read' } },
      schema: {
        tags,
        summary: 'Hồ sơ rà soát hằng tháng với tình trạng thời hạn / applications with their deadline status',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            commune: { type: 'string', pattern: '^\\d{5}$' },
            state: { type: 'string', enum: [...MONTHLY_APPLICATION_STATES] },
            open: { type: 'boolean' },
            asOf: DATE,
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
        },
      },
    },
    async (req) => reviewCall(req, () => review.listApplications(db, authOf(req).scope, { page: 1, pageSize: 50, ...req.query })),
  );

  app.get<Id & { Querystring: { asOf?: string } }>(
    '/api/monthly-applications/:id',
    {
      config: { access: { action: 'review.read' } },
      schema: { tags, summary: 'Hồ sơ, bước tiếp theo, khiếu nại / an application, next actions, complaints', params: idParams, querystring: { type: 'object', additionalProperties: false, properties: { asOf: DATE } } },
    },
    async (req) => {
      const view = await reviewCall(req, () => review.getApplicationView(db, authOf(req).scope, authOf(req).role, req.params.id, req.query.asOf));
      return { ...view, nextActions: actionsInLocale(req, view.nextActions) };
    },
  );

  app.patch<Id & { Body: review.ApplicationRecord }>(
    '/api/monthly-applications/:id',
    {
      config: { access: { action: 'monthly.manage' } },
      schema: {
        tags,
        summary: 'Ghi kết quả rà soát, họp dân, niêm yết của hồ sơ (cần version) / record survey, meeting, posting (optimistic concurrency)',
        params: idParams,
        body: {
          type: 'object',
          required: ['version'],
          additionalProperties: false,
          properties: {
            version: VERSION,
            surveyedOn: { anyOf: [DATE, { type: 'null' }] },
            surveyId: { type: ['integer', 'null'], minimum: 1 },
            meeting: {
              anyOf: [
                {
                  type: 'object',
                  required: ['heldOn', 'attendees', 'agree', 'disagree', 'chair', 'secretary'],
                  additionalProperties: false,
                  properties: {
                    heldOn: DATE,
                    attendees: { type: 'integer', minimum: 1 },
                    agree: { type: 'integer', minimum: 0 },
                    disagree: { type: 'integer', minimum: 0 },
                    chair: NAME,
                    secretary: NAME,
                  },
                },
                { type: 'null' },
              ],
            },
            posting: {
              anyOf: [{ type: 'object', required: ['startDate', 'endDate'], additionalProperties: false, properties: { startDate: DATE, endDate: DATE } }, { type: 'null' }],
            },
          },
        },
      },
    },
    async (req) => ({ application: await reviewCall(req, () => review.recordApplication(db, callerOf(req), req.params.id, req.body)) }),
  );

  app.put<Id>(
    '/api/monthly-applications/:id/minutes',
    { config: { access: { action: 'monthly.manage' } }, schema: { tags, summary: 'Tải lên biên bản họp dân / upload the meeting minutes', params: idParams, consumes: ['multipart/form-data'] } },
    async (req) => {
      const file = await reviewCall(req, () => uploadedMinutes(req));
      return { minutes: await reviewCall(req, () => review.storeApplicationMinutes(db, callerOf(req), req.params.id, file)) };
    },
  );

  app.get<Id>(
    '/api/monthly-applications/:id/minutes',
    { config: { access: { action: 'review.read' } }, schema: { tags, summary: 'Tải về biên bản họp dân / download the meeting minutes', params: idParams } },
    async (req, reply) => sendFile(reply, await reviewCall(req, () => review.readApplicationMinutes(db, authOf(req).scope, req.params.id))),
  );

  app.post<Id & { Body: review.MonthlyTransitionRequest }>(
    '/api/monthly-applications/:id/transitions',
    {
      config: { access: { action: 'monthly.manage' } },
      schema: {
        tags,
        summary: 'Chuyển bước hồ sơ; quyết định hoặc trả lời không công nhận (cần version) / move the application; decide or refuse',
        params: idParams,
        body: {
          type: 'object',
          required: ['action', 'version'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', enum: [...MONTHLY_APPLICATION_ACTIONS] },
            version: VERSION,
            reason: { type: 'string', maxLength: 2000 },
            decision: DECISION,
            recognition: RECOGNITION,
            listStatus: LIST_STATUS,
          },
        },
      },
    },
    async (req) => ({ application: await reviewCall(req, () => review.transitionApplication(db, callerOf(req), req.params.id, req.body)) }),
  );

  app.post<Id & { Body: review.NewComplaint }>(
    '/api/monthly-applications/:id/complaints',
    { config: { access: { action: 'monthly.manage' } }, schema: { tags, summary: 'Ghi nhận khiếu nại / record a complaint', params: idParams, body: NEW_COMPLAINT } },
    async (req, reply) => reply.code(201).send({ complaint: await reviewCall(req, () => review.recordApplicationComplaint(db, callerOf(req), req.params.id, req.body)) }),
  );

  app.patch<{ Params: { id: number; complaintId: number }; Body: review.ComplaintResolution }>(
    '/api/monthly-applications/:id/complaints/:complaintId',
    {
      config: { access: { action: 'monthly.manage' } },
      schema: { tags, summary: 'Kết quả phúc tra khiếu nại / re-check outcome', params: { type: 'object', properties: { id: ID, complaintId: ID } }, body: RESOLUTION },
    },
    async (req) => ({ complaint: await reviewCall(req, () => review.resolveApplicationComplaint(db, callerOf(req), req.params.id, req.params.complaintId, req.body)) }),
  );
}
