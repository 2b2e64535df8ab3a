/**
 * Boundary layers of the choropleth map: an administrator imports a GeoJSON or TopoJSON file for a layout
 * and level (units matched by a code property, geometry simplified for display); readers list the layers
 * and fetch one as GeoJSON, inside their scope.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { BoundaryImportError, importBoundaryFile, layerGeoJson, listBoundaryLayers } from '../../db/boundaries/index.ts';
import { BoundaryFileError } from '../../domain/geo/errors.ts';
import type { BoundaryLevel } from '../../domain/geo/code-property.ts';
import type { Layout } from '../../db/schema.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';

const LAYOUT = { type: 'string', enum: ['2024', '2025'] } as const;
const LEVEL = { type: 'string', enum: ['province', 'commune'] } as const;
const PROVINCE = { type: 'string', pattern: '^\\d{2}$' } as const;

interface ImportQuery {
  layout: Layout;
  level: BoundaryLevel;
  property?: string;
  object?: string;
  tolerance?: number;
  province?: string;
}

/** Runs an import or read step; a fault of the file becomes a 400 with its message. */
async function boundaryCall<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    if (err instanceof BoundaryFileError || err instanceof BoundaryImportError) throw new HttpError(err.key, err.params, 400);
    throw err;
  }
}

export function boundaryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  app.post<{ Querystring: ImportQuery }>(
    '/api/boundaries/import',
    {
      config: { access: { action: 'boundary.import' } },
      schema: {
        tags: ['boundaries'],
        summary: 'Nhập ranh giới (GeoJSON/TopoJSON) cho một bố cục và cấp đơn vị / import a boundary file for a layout and level',
        consumes: ['multipart/form-data'],
        querystring: {
          type: 'object',
          required: ['layout', 'level'],
          additionalProperties: false,
          properties: {
            layout: LAYOUT,
            level: LEVEL,
            property: { type: 'string', minLength: 1, maxLength: 100 },
            object: { type: 'string', minLength: 1, maxLength: 200 },
            tolerance: { type: 'number', minimum: 0, maximum: 0.1 },
            province: PROVINCE,
          },
        },
      },
    },
    async (req) => {
      const auth = authOf(req);
      const file = await req.file();
      if (!file) throw new HttpError('boundary_file_required');
      const text = (await file.toBuffer()).toString('utf8');
      const q = req.query;
      return boundaryCall(() =>
        importBoundaryFile(db, auth.actor, text, {
          layout: q.layout,
          level: q.level,
          fileName: file.filename,
          ...(q.property && { codeProperty: q.property }),
          ...(q.object && { object: q.object }),
          ...(q.tolerance !== undefined && { tolerance: q.tolerance }),
          ...(q.province && { provinceCodes: [q.province] }),
        }),
      );
    },
  );

  app.get(
    '/api/boundaries',
    {
      config: { access: { action: 'report.read' } },
      schema: { tags: ['boundaries'], summary: 'Các lớp ranh giới đã nhập (trong phạm vi) / boundary layers inside the caller’s scope' },
    },
    async (req) => ({ items: await listBoundaryLayers(db, authOf(req).scope) }),
  );

  app.get<{ Params: { layout: Layout; level: BoundaryLevel }; Querystring: { province?: string } }>(
    '/api/boundaries/:layout/:level',
    {
      config: { access: { action: 'report.read' } },
      schema: {
        tags: ['boundaries'],
        summary: 'Lớp ranh giới dạng GeoJSON (cấp xã: của một tỉnh) / a boundary layer as GeoJSON (communes: of one province)',
        params: { type: 'object', properties: { layout: LAYOUT, level: LEVEL } },
        querystring: { type: 'object', additionalProperties: false, properties: { province: PROVINCE } },
      },
    },
    async (req, reply) => {
      const { layout, level } = req.params;
      const province = req.query.province;
      if (level === 'commune' && !province) throw new HttpError('boundary_province_required');
      const layer = await layerGeoJson(db, authOf(req).scope, { layout, level, ...(province && { province }) });
      return reply.type('application/geo+json; charset=utf-8').send(layer.json);
    },
  );
}
