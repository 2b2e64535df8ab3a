/**
 * Program planning and monitoring API (issue 7, docs/program.md): structure, settings, unit statuses
 * and custom indicators here; targets and outputs, budget, and reports in the program-*.ts files,
 * registered from programRoutes. Every read is filtered by the caller's scope; a unit outside it is
 * "not found".
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { addCustomIndicator, indicatorsOf, readPrograms, syncProgramCatalog, upsertProgramNode, type CustomIndicatorInput, type NodeInput } from '../../db/program/catalog.ts';
import { readNationalSettings, readProgramSettings, readProvinceOverrides, writeProgramSettings, writeProvinceSettings } from '../../db/program/settings.ts';
import { readUnitStatuses, recordUnitStatus, type UnitStatusView } from '../../db/program/unit-statuses.ts';
import { FUND_SOURCES, FUND_SOURCE_LABELS_EN, FUND_SOURCE_LABELS_VI } from '../../domain/program/fund-sources.ts';
import { BUILTIN_INDICATORS } from '../../domain/program/indicators.ts';
import { PROVINCE_SETTING_FIELDS, type ProgramSettings, type ProvinceSettings } from '../../domain/program/settings.ts';
import { can } from '../../domain/access/permissions.ts';
import { UNIT_STATUS_KINDS } from '../../domain/program/unit-statuses.ts';
import { authOf } from '../auth/plugin.ts';
import { communeSet, programCall, provinceOf, S, unitOf } from './program-shared.ts';
import { programTargetRoutes } from './program-targets.ts';
import { programBudgetRoutes } from './program-budget.ts';
import { programReportRoutes } from './program-reports.ts';

const monthDay = { type: 'object', required: ['month', 'day'], additionalProperties: false, properties: { month: { type: 'integer', minimum: 1, maximum: 12 }, day: { type: 'integer', minimum: 1, maximum: 31 } } } as const;

const SETTING_FIELDS = {
  highPovertyRatePercent: { type: 'number', minimum: 0, maximum: 100 },
  projection: {
    type: 'object',
    additionalProperties: false,
    required: ['minPoints', 'atRiskPoints', 'atRiskSharePercent'],
    properties: { minPoints: { type: 'integer', minimum: 2, maximum: 20 }, atRiskPoints: { type: 'number', minimum: 0 }, atRiskSharePercent: { type: 'number', minimum: 0, maximum: 100 } },
  },
  disbursementMilestones: {
    type: 'array',
    minItems: 1,
    maxItems: 12,
    items: { type: 'object', required: ['month', 'day', 'sharePercent'], additionalProperties: false, properties: { ...monthDay.properties, sharePercent: { type: 'number', minimum: 0, maximum: 100 } } },
  },
  reportDue: { type: 'object', required: ['H1', 'Y'], additionalProperties: false, properties: { H1: monthDay, Y: monthDay } },
  communeLeadDays: { type: 'integer', minimum: 0, maximum: 90 },
} as const;

const SETTINGS_BODY = { type: 'object', additionalProperties: false, required: Object.keys(SETTING_FIELDS), properties: SETTING_FIELDS } as const;

/** A province's own values: each field its value, or null to follow the national one again. */
const PROVINCE_SETTINGS_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    province: S.unit,
    // type [t, 'null'] rather than anyOf: a null matches as is, never coerced (to 0 or [null]).
    ...Object.fromEntries(PROVINCE_SETTING_FIELDS.map((f) => [f, { ...SETTING_FIELDS[f], type: [SETTING_FIELDS[f].type, 'null'] }])),
  },
} as const;

export function programRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  app.addHook('onReady', () => syncProgramCatalog(db));

  app.get<{ Querystring: { unit?: string } }>(
    '/api/program/structure',
    {
      config: { access: { action: 'program.read' } },
      schema: {
        tags: ['program'],
        summary: 'Cấu trúc chương trình (dự án, tiểu dự án), nguồn vốn, chỉ tiêu / program structure, fund sources, indicators',
        querystring: { type: 'object', additionalProperties: false, properties: { unit: S.unit } },
      },
    },
    async (req) => {
      const scope = authOf(req).scope;
      const province = scope.level === 'national' && !req.query.unit ? null : (await unitOf(db, req, req.query.unit)).provinceCode;
      return {
        programs: await readPrograms(db),
        fundSources: FUND_SOURCES.map((code) => ({ code, name: FUND_SOURCE_LABELS_VI[code], nameEn: FUND_SOURCE_LABELS_EN[code] })),
        indicators: province ? await indicatorsOf(db, province) : BUILTIN_INDICATORS,
        unitStatusKinds: UNIT_STATUS_KINDS,
      };
    },
  );

  app.put<{ Params: { code: string }; Body: NodeInput }>(
    '/api/program/programs/:code/nodes',
    {
      config: { access: { action: 'settings.write' } },
      schema: {
        tags: ['program'],
        summary: 'Thêm/sửa hợp phần, dự án của chương trình chưa cố định cấu trúc (quản trị quốc gia) / add or edit a node of an editable program',
        params: { type: 'object', required: ['code'], properties: { code: S.programCode } },
        body: {
          type: 'object',
          required: ['code', 'name'],
          additionalProperties: false,
          properties: { code: S.nodeCode, name: { type: 'string', minLength: 1, maxLength: 400 }, nameEn: S.text(400), sortOrder: { type: 'integer' }, active: { type: 'boolean' } },
        },
      },
    },
    async (req) => ({ node: await programCall(upsertProgramNode(db, authOf(req).actor, req.params.code, req.body)) }),
  );

  app.get<{ Querystring: { unit?: string } }>(
    '/api/program/settings',
    {
      config: { access: { action: 'program.read' } },
      schema: {
        tags: ['program'],
        summary: 'Thiết lập chương trình đang áp dụng cho tỉnh của đơn vị (ngưỡng đánh giá, mốc giải ngân, hạn báo cáo), thiết lập quốc gia và phần tỉnh tự đặt / program settings in force, national and the province’s own',
        querystring: { type: 'object', additionalProperties: false, properties: { unit: S.unit } },
      },
    },
    async (req) => {
      const auth = authOf(req);
      const province = auth.scope.level === 'national' && !req.query.unit ? null : (await unitOf(db, req, req.query.unit)).provinceCode;
      return {
        settings: await readProgramSettings(db, province),
        national: await readNationalSettings(db),
        province: province ? { code: province, overrides: await readProvinceOverrides(db, province) } : null,
        provinceFields: PROVINCE_SETTING_FIELDS,
        canEdit: { national: can(auth.role, 'settings.write'), province: province !== null && can(auth.role, 'program.plan') },
      };
    },
  );

  app.put<{ Body: ProgramSettings }>(
    '/api/program/settings',
    { config: { access: { action: 'settings.write' } }, schema: { tags: ['program'], summary: 'Sửa thiết lập chương trình quốc gia (quản trị quốc gia) / change the national program settings', body: SETTINGS_BODY } },
    async (req) => ({ settings: await programCall(writeProgramSettings(db, authOf(req).actor, req.body)) }),
  );

  app.put<{ Body: { [F in keyof ProvinceSettings]?: ProvinceSettings[F] | null } & { province?: string } }>(
    '/api/program/settings/province',
    {
      config: { access: { action: 'program.plan' } },
      schema: {
        tags: ['program'],
        summary: 'Tỉnh đặt ngưỡng đánh giá chỉ tiêu, mốc giải ngân, số ngày cấp xã nộp trước (null: theo thiết lập quốc gia) / a province sets its own thresholds, disbursement schedule and commune lead days',
        body: PROVINCE_SETTINGS_BODY,
      },
    },
    async (req) => {
      const province = await provinceOf(db, req, req.body.province);
      const { province: _p, ...change } = req.body;
      return { settings: await programCall(writeProvinceSettings(db, authOf(req).actor, province.provinceCode, change)) };
    },
  );

  app.get<{ Querystring: { unit?: string } }>(
    '/api/program/unit-statuses',
    {
      config: { access: { action: 'program.read' } },
      schema: { tags: ['program'], summary: 'Trạng thái đơn vị (huyện nghèo, xã ĐBKK…) theo thời gian hiệu lực / unit statuses', querystring: { type: 'object', additionalProperties: false, properties: { unit: S.unit } } },
    },
    async (req) => {
      const unit = await unitOf(db, req, req.query.unit);
      const items = await readUnitStatuses(db, authOf(req).scope, unit.provinceCode);
      return { items: unit.tier === 'commune' ? items.filter((s) => s.unitCode === unit.code) : items };
    },
  );

  app.post<{ Body: UnitStatusView & { province?: string } }>(
    '/api/program/unit-statuses',
    {
      config: { access: { action: 'program.plan' } },
      schema: {
        tags: ['program'],
        summary: 'Ghi trạng thái của một đơn vị theo quyết định / record a unit status',
        body: {
          type: 'object',
          required: ['unitCode', 'kind', 'validFrom'],
          additionalProperties: false,
          properties: { province: S.unit, unitCode: S.unit, kind: { type: 'string', enum: [...UNIT_STATUS_KINDS] }, validFrom: S.date, validTo: { type: ['string', 'null'], format: 'date' }, decisionRef: { type: ['string', 'null'], maxLength: 200 } },
        },
      },
    },
    async (req, reply) => {
      const province = await provinceOf(db, req, req.body.province);
      const units = await communeSet(db, province.provinceCode);
      units.add(province.provinceCode);
      const { province: _p, ...s } = req.body;
      await programCall(recordUnitStatus(db, authOf(req).actor, province.provinceCode, units, { ...s, validTo: s.validTo ?? null, decisionRef: s.decisionRef ?? null }));
      return reply.code(201).send({ ok: true });
    },
  );

  app.post<{ Body: CustomIndicatorInput & { province?: string } }>(
    '/api/program/indicators',
    {
      config: { access: { action: 'program.plan' } },
      schema: {
        tags: ['program'],
        summary: 'Thêm chỉ tiêu do tỉnh tự đặt / add a user-defined indicator of the province',
        body: {
          type: 'object',
          required: ['code', 'name', 'unit', 'direction', 'kind'],
          additionalProperties: false,
          properties: {
            province: S.unit,
            code: { type: 'string', pattern: '^x_[a-z0-9_]{1,40}$' },
            name: { type: 'string', minLength: 1, maxLength: 300 },
            unit: { type: 'string', enum: ['percent', 'points', 'count'] },
            direction: { type: 'string', enum: ['decrease', 'increase'] },
            kind: { type: 'string', enum: ['level', 'flow'] },
          },
        },
      },
    },
    async (req, reply) => {
      const province = await provinceOf(db, req, req.body.province);
      const { province: _p, ...input } = req.body;
      return reply.code(201).send({ indicator: await programCall(addCustomIndicator(db, authOf(req).actor, province.provinceCode, input)) });
    },
  );

  programTargetRoutes(app, ctx);
  programBudgetRoutes(app, ctx);
  programReportRoutes(app, ctx);
}
