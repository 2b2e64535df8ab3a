/** Villages / residential groups of a commune: read with the household registry, maintained by the commune. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { createVillage, listVillages, updateVillage, type NewVillage, type VillageChanges } from '../../db/registry/index.ts';
import { authOf } from '../auth/plugin.ts';
import { registryCall } from './registry-errors.ts';

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export function villageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get<{ Querystring: { communeCode?: string; includeClosed?: boolean } }>(
    '/api/villages',
    {
      config: { access: { action: 'household.read' } },
      schema: {
        tags: ['registry'],
        summary: 'Thôn, tổ dân phố trong phạm vi / villages in scope',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { communeCode: { type: 'string', pattern: '^\\d{5}$' }, includeClosed: { type: 'boolean' } },
        },
      },
    },
    async (req) => ({ items: await listVillages(db, authOf(req).scope, req.query) }),
  );

  app.post<{ Body: NewVillage }>(
    '/api/villages',
    {
      config: { access: { action: 'village.write' } },
      schema: {
        tags: ['registry'],
        summary: 'Thêm thôn, tổ dân phố / create a village',
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            communeCode: { type: 'string', pattern: '^\\d{5}$' },
            code: { type: 'string', pattern: '^[0-9A-Za-z_-]{1,20}$' },
            name: { type: 'string', minLength: 1, maxLength: 200 },
            validFrom: DATE,
          },
        },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const village = await registryCall(createVillage(db, auth.actor, auth.scope, req.body));
      return reply.code(201).send({ village });
    },
  );

  app.patch<{ Params: { communeCode: string; code: string }; Body: VillageChanges }>(
    '/api/villages/:communeCode/:code',
    {
      config: { access: { action: 'village.write' } },
      schema: {
        tags: ['registry'],
        summary: 'Sửa tên hoặc đóng thôn, tổ dân phố / rename or close a village',
        params: { type: 'object', properties: { communeCode: { type: 'string', pattern: '^\\d{5}$' }, code: { type: 'string', maxLength: 20 } } },
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, validTo: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
        },
      },
    },
    async (req) => {
      const auth = authOf(req);
      return { village: await registryCall(updateVillage(db, auth.actor, auth.scope, req.params.communeCode, req.params.code, req.body)) };
    },
  );
}
