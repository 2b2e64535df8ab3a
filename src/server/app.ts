/**
 * Builds the Fastify application: security plugins, OpenAPI docs, every API route, and the built web app.
 * `buildApp` does no listening, so tests drive it with `app.inject()`.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import multipart from '@fastify/multipart';
import staticFiles from '@fastify/static';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from './context.ts';
import { registerAuth } from './auth/plugin.ts';
import { HttpError } from './errors.ts';
import { message } from './messages.ts';
import { describeValidationError } from './validation-messages.ts';
import { healthRoutes } from './routes/health.ts';
import { authRoutes } from './routes/auth.ts';
import { userRoutes } from './routes/users.ts';
import { auditRoutes } from './routes/audit.ts';
import { unitRoutes } from './routes/units.ts';
import { villageRoutes } from './routes/villages.ts';
import { householdRoutes } from './routes/households.ts';
import { classifyPreviewRoutes } from './routes/classify-preview.ts';
import { outputRoutes } from './routes/outputs.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { monthlyRoutes } from './routes/monthly.ts';
import { movementRoutes } from './routes/movements.ts';
import { importRoutes } from './routes/imports.ts';
import { programRoutes } from './routes/program.ts';
import { boundaryRoutes } from './routes/boundaries.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { exportRoutes } from './routes/exports.ts';
import { reportRoutes } from './routes/reports.ts';

export interface RouteInfo {
  method: string;
  url: string;
  access: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared access (the cross-scope test enumerates these). */
    apiRoutes: RouteInfo[];
  }
}

export interface BuildOptions {
  /** Directory of the built web app (index.html); omitted → API only. */
  webDir?: string;
  logger?: boolean;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}) {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    trustProxy: true,
    bodyLimit: 50 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  });
  const apiRoutes: RouteInfo[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD' || !r.url.startsWith('/api') || r.url.startsWith('/api/docs')) continue;
      apiRoutes.push({ method: m, url: r.url, access: r.config?.access });
    }
  });

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 500 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'giamngheo API',
        description: 'Hệ thống thông tin Chương trình MTQG giảm nghèo bền vững — API. Xác thực bằng cookie phiên (kèm x-csrf-token) hoặc Bearer token.',
        version: ctx.version,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'gn_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    const locale = req.locale ?? 'vi';
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({ error: { code: err.key, message: message(locale, err.key, err.params), ...(err.details && { details: err.details }) } });
    }
    if ((err as FastifyError).validation) {
      const details = (err as FastifyError).validation!.map((v) => describeValidationError(locale, v as never));
      return reply.code(400).send({ error: { code: 'validation', message: details.map((d) => d.message).join(' '), details } });
    }
    const status = (err as FastifyError).statusCode;
    if (status && status < 500) {
      return reply.code(status).send({ error: { code: (err as FastifyError).code ?? 'bad_request', message: err.message } });
    }
    req.log.error(err);
    return reply.code(500).send({ error: { code: 'internal', message: message(locale, 'internal') } });
  });

  registerAuth(app, ctx.database.db);
  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  userRoutes(app, ctx);
  auditRoutes(app, ctx);
  unitRoutes(app, ctx);
  villageRoutes(app, ctx);
  householdRoutes(app, ctx);
  classifyPreviewRoutes(app, ctx);
  outputRoutes(app, ctx);
  campaignRoutes(app, ctx);
  reviewRoutes(app, ctx);
  monthlyRoutes(app, ctx);
  movementRoutes(app, ctx);
  importRoutes(app, ctx);
  boundaryRoutes(app, ctx);
  dashboardRoutes(app, ctx);
  programRoutes(app, ctx);
  exportRoutes(app, ctx);
  reportRoutes(app, ctx);

  if (opts.webDir && fs.existsSync(path.join(opts.webDir, 'index.html'))) {
    await app.register(staticFiles, { root: path.resolve(opts.webDir) });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api')) return reply.sendFile('index.html');
      return reply.code(404).send({ error: { code: 'not_found', message: message(req.locale ?? 'vi', 'not_found') } });
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: { code: 'not_found', message: message(req.locale ?? 'vi', 'not_found') } }));
  }
  return app;
}

export type App = FastifyInstance;
