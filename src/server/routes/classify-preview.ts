/** Live classification of an unsaved household input, as the officer types the facts. Stores nothing. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { previewClassification, type PreviewInput } from '../../db/registry/index.ts';
import { PREVIEW } from './household-schemas.ts';
import { registryCall } from './registry-errors.ts';

export function classifyPreviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: PreviewInput }>(
    '/api/classify/preview',
    {
      config: { access: { action: 'household.read' } },
      schema: {
        tags: ['registry'],
        summary: 'Phân loại thử một hộ chưa lưu (chuẩn theo mã hoặc năm; khu vực hoặc mã xã) / classify an unsaved household',
        body: PREVIEW,
      },
    },
    async (req) => ({ result: await registryCall(previewClassification(ctx.database.db, req.body)) }),
  );
}
