import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { currentMigrationVersion } from '../../db/migrate.ts';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Tình trạng hệ thống / health',
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string' },
              database: { type: 'string', enum: ['pglite', 'postgres'] },
              migrationVersion: { type: 'integer' },
              version: { type: 'string' },
            },
          },
        },
      },
    },
    async () => ({
      status: 'ok',
      database: ctx.database.kind,
      migrationVersion: await currentMigrationVersion(ctx.database.db),
      version: ctx.version,
    }),
  );
}
