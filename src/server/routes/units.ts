/**
 * Administrative units. The unit catalogue is public law (QĐ 19/2025 and its predecessors), so every
 * signed-in user may browse all of it; importing and settings are national-admin actions.
 */
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../context.ts';
import * as units from '../../db/units/index.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';

const LAYOUT = { type: 'string', enum: ['2024', '2025'] } as const;
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const CODE = { type: 'string', pattern: '^\\d{2,5}$' } as const;

/** Provinces and districts have children; commune-level units are the leaves of the tree. */
function withChildrenFlag(u: units.UnitVersion): units.UnitVersion & { hasChildren: boolean } {
  return { ...u, hasChildren: u.tier !== 'commune' };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function unitRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get<{ Querystring: { layout: '2024' | '2025'; parent?: string; asOf?: string } }>(
    '/api/units',
    {
      config: { access: { action: 'unit.read' } },
      schema: {
        tags: ['units'],
        summary: 'Đơn vị con theo ngày hiệu lực / children of a unit as of a date (no parent → provinces)',
        querystring: { type: 'object', required: ['layout'], additionalProperties: false, properties: { layout: LAYOUT, parent: CODE, asOf: DATE } },
      },
    },
    async (req) => {
      const asOf = req.query.asOf ?? today();
      const items = await units.listChildren(db, req.query.layout, req.query.parent ?? null, asOf);
      return { layout: req.query.layout, asOf, items: items.map(withChildrenFlag) };
    },
  );

  app.get<{ Querystring: { layout: '2024' | '2025'; q: string; asOf?: string; limit?: number } }>(
    '/api/units/search',
    {
      config: { access: { action: 'unit.read' } },
      schema: {
        tags: ['units'],
        summary: 'Tìm đơn vị theo tên, không phân biệt dấu / search units by name ignoring diacritics',
        querystring: {
          type: 'object',
          required: ['layout', 'q'],
          additionalProperties: false,
          properties: { layout: LAYOUT, q: { type: 'string', minLength: 1, maxLength: 100 }, asOf: DATE, limit: { type: 'integer', minimum: 1, maximum: 200, default: 30 } },
        },
      },
    },
    async (req) => ({
      items: (await units.searchUnits(db, req.query.layout, req.query.q, req.query.asOf ?? today(), req.query.limit ?? 30)).map(withChildrenFlag),
    }),
  );

  app.get<{ Params: { layout: '2024' | '2025'; code: string }; Querystring: { asOf?: string } }>(
    '/api/units/:layout/:code',
    {
      config: { access: { action: 'unit.read' } },
      schema: {
        tags: ['units'],
        summary: 'Chi tiết đơn vị, đơn vị trước và sau sắp xếp / unit with predecessors and successors',
        params: { type: 'object', properties: { layout: LAYOUT, code: CODE } },
        querystring: { type: 'object', additionalProperties: false, properties: { asOf: DATE } },
      },
    },
    async (req) => {
      const { layout, code } = req.params;
      const unit = await units.getUnit(db, layout, code, req.query.asOf ?? today());
      if (!unit) throw new HttpError('not_found');
      const [predecessors, successors] = await Promise.all([units.predecessors(db, layout, code), units.successors(db, layout, code)]);
      return { unit: withChildrenFlag(unit), predecessors, successors };
    },
  );

  app.post(
    '/api/units/import',
    {
      config: { access: { action: 'unit.import' } },
      schema: { tags: ['units'], summary: 'Nhập danh mục hoặc danh sách thay đổi đơn vị (CSV/XLSX) / import a unit or change list', consumes: ['multipart/form-data'] },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const file = await req.file();
      if (!file) throw new HttpError('validation');
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'giamngheo-units-'));
      const ext = path.extname(file.filename).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
      const target = path.join(dir, `upload.${ext}`);
      try {
        await pipeline(file.file, fs.createWriteStream(target));
        const result = await units.importUnitFile(ctx.database, auth.actor, target, { format: ext, fileName: file.filename });
        if ('errors' in result && Array.isArray(result.errors) && result.errors.length) {
          return reply.code(400).send({ error: { code: 'validation', message: result.errors[0]?.message ?? 'Tệp không hợp lệ', details: result.errors } });
        }
        return result;
      } finally {
        await fs.promises.rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.get(
    '/api/settings/special-zones',
    { config: { access: { action: 'settings.read' } }, schema: { tags: ['settings'], summary: 'Khu vực (thành thị/nông thôn) áp dụng cho đặc khu / special-zone area type' } },
    async () => units.getSpecialZoneSetting(db),
  );

  app.put<{ Body: { code: string; areaType: 'urban' | 'rural' } }>(
    '/api/settings/special-zones',
    {
      config: { access: { action: 'settings.write' } },
      schema: {
        tags: ['settings'],
        summary: 'Đặt khu vực cho đặc khu / set a special zone’s area type',
        body: {
          type: 'object',
          required: ['code', 'areaType'],
          additionalProperties: false,
          properties: { code: { type: 'string', pattern: '^(default|\\d{5})$' }, areaType: { type: 'string', enum: ['urban', 'rural'] } },
        },
      },
    },
    async (req) => {
      await units.setSpecialZoneAreaType(db, authOf(req).actor, req.body.code, req.body.areaType);
      return units.getSpecialZoneSetting(db);
    },
  );
}
