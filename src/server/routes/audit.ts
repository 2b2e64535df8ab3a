import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { searchAudit, type AuditQuery } from '../../db/audit-query.ts';
import { authOf } from '../auth/plugin.ts';

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: Partial<AuditQuery> }>(
    '/api/audit',
    {
      config: { access: { action: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'Tra cứu nhật ký hệ thống (trong phạm vi đơn vị) / search the audit log',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            actor: { type: 'string', maxLength: 100 },
            unit: { type: 'string', maxLength: 10 },
            entity: { type: 'string', maxLength: 50 },
            entityId: { type: 'string', maxLength: 100 },
            action: { type: 'string', maxLength: 50 },
            from: DATE,
            to: DATE,
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
        },
      },
    },
    async (req) => searchAudit(ctx.database.db, authOf(req).scope, { page: 1, pageSize: 50, ...req.query }),
  );
}
