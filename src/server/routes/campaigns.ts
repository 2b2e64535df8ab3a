/**
 * Review campaigns opened by a province, and the province board of who is at which step. The domain
 * decides who may open, close and reopen (province officer in its province, national admin).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import * as review from '../../db/review/index.ts';
import { NATIONAL_STANDARDS } from '../../domain/standards/registry.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';
import { callerOf, DATE, ID, reviewCall, VERSION } from './reviews.ts';

const KIND = { type: 'string', enum: ['periodic', 'monthly'] } as const;

export function campaignRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const tags = ['campaigns'];
  const idParams = { type: 'object', properties: { id: ID } };

  app.post<{ Body: review.OpenCampaignRequest }>(
    '/api/campaigns',
    {
      config: { access: { action: 'campaign.manage' } },
      schema: {
        tags,
        summary: 'Mở đợt rà soát (tạo rà soát cho mọi xã của tỉnh) / open a campaign with one review per commune',
        body: {
          type: 'object',
          required: ['kind', 'year'],
          additionalProperties: false,
          properties: {
            provinceCode: { type: 'string', pattern: '^\\d{2}$' },
            kind: KIND,
            year: { type: 'integer', minimum: 2016, maximum: 2100 },
            month: { type: 'integer', minimum: 1, maximum: 12 },
            standardId: { type: 'string', enum: NATIONAL_STANDARDS.map((s) => s.id) },
            localStandardId: { type: ['string', 'null'], maxLength: 100 },
            planStart: DATE,
            planEnd: DATE,
            referenceDate: DATE,
            title: { type: 'string', maxLength: 300 },
          },
        },
      },
    },
    async (req, reply) => reply.code(201).send({ campaign: await reviewCall(req, () => review.openCampaign(db, callerOf(req), req.body)) }),
  );

  app.get<{ Querystring: review.ListCampaignsQuery }>(
    '/api/campaigns',
    {
      config: { access: { action: 'review.read' } },
      schema: {
        tags,
        summary: 'Các đợt rà soát trong phạm vi / campaigns in scope',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { year: { type: 'integer' }, kind: KIND, status: { type: 'string', enum: ['open', 'closed'] } },
        },
      },
    },
    async (req) => ({ items: await review.listCampaigns(db, authOf(req).scope, req.query) }),
  );

  app.get<{ Params: { id: number } }>(
    '/api/campaigns/:id',
    { config: { access: { action: 'review.read' } }, schema: { tags, summary: 'Xem đợt rà soát / get a campaign', params: idParams } },
    async (req) => {
      const campaign = await review.getCampaign(db, authOf(req).scope, req.params.id);
      if (!campaign) throw new HttpError('out_of_scope');
      return { campaign };
    },
  );

  app.post<{ Params: { id: number }; Body: { version: number } }>(
    '/api/campaigns/:id/close',
    {
      config: { access: { action: 'campaign.manage' } },
      schema: {
        tags,
        summary: 'Đóng đợt rà soát (mọi xã đã được tiếp nhận) / close a campaign once every commune is accepted',
        params: idParams,
        body: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: VERSION } },
      },
    },
    async (req) => ({ campaign: await reviewCall(req, () => review.closeCampaign(db, callerOf(req), req.params.id, req.body.version)) }),
  );

  app.post<{ Params: { id: number }; Body: { version: number; reason: string } }>(
    '/api/campaigns/:id/reopen',
    {
      config: { access: { action: 'campaign.manage' } },
      schema: {
        tags,
        summary: 'Mở lại đợt rà soát đã đóng (nêu lý do) / reopen a closed campaign with a reason',
        params: idParams,
        body: { type: 'object', required: ['version', 'reason'], additionalProperties: false, properties: { version: VERSION, reason: { type: 'string', maxLength: 2000 } } },
      },
    },
    async (req) => ({ campaign: await reviewCall(req, () => review.reopenCampaign(db, callerOf(req), req.params.id, req.body.version, req.body.reason)) }),
  );

  app.get<{ Params: { id: number } }>(
    '/api/campaigns/:id/board',
    {
      config: { access: { action: 'review.read' } },
      schema: { tags, summary: 'Bảng theo dõi: xã nào ở bước nào, chậm so với kế hoạch / board of communes by step, late ones flagged', params: idParams },
    },
    async (req) => reviewCall(req, () => review.campaignBoard(db, authOf(req).scope, req.params.id)),
  );
}
