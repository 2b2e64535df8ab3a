/**
 * Household registry routes: list and search, create, read, update (version), status, members,
 * surveys with their classification, one survey in full, and the history across reviews. A record
 * outside the caller's unit answers 404 out_of_scope.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import {
  addMember,
  changeHouseholdStatus,
  createHousehold,
  getHousehold,
  getSurvey,
  householdHistory,
  listHouseholds,
  recordSurvey,
  removeMember,
  updateHousehold,
  updateMember,
  type HouseholdChanges,
  type ListHouseholdsQuery,
  type MemberFields,
  type MemberLeftReason,
  type NewHousehold,
  type StatusChange,
  type SurveyInput,
} from '../../db/registry/index.ts';
import type { Relation } from '../../domain/standards/fact-codes.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';
import {
  ADD_MEMBER,
  CREATE_HOUSEHOLD,
  ID_PARAMS,
  LIST_HOUSEHOLDS_QUERY,
  MEMBER_PARAMS,
  RECORD_SURVEY,
  REMOVE_MEMBER_QUERY,
  STATUS_CHANGE,
  SURVEY_PARAMS,
  UPDATE_HOUSEHOLD,
  UPDATE_MEMBER,
} from './household-schemas.ts';
import { registryCall } from './registry-errors.ts';

type IdParams = { id: number };
type MemberParams = { id: number; memberId: number };

export function householdRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  app.get<{ Querystring: ListHouseholdsQuery }>(
    '/api/households',
    {
      config: { access: { action: 'household.read' } },
      schema: { tags: ['registry'], summary: 'Danh sách hộ: lọc, tìm không dấu, phân trang / list and search households', querystring: LIST_HOUSEHOLDS_QUERY },
    },
    async (req) => registryCall(listHouseholds(db, authOf(req).scope, req.query)),
  );

  app.post<{ Body: NewHousehold }>(
    '/api/households',
    {
      config: { access: { action: 'household.write' } },
      schema: { tags: ['registry'], summary: 'Thêm hộ (mã hộ cấp tự động) / create a household', body: CREATE_HOUSEHOLD },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const household = await registryCall(createHousehold(db, auth.actor, auth.scope, req.body));
      return reply.code(201).send({ household });
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/households/:id',
    {
      config: { access: { action: 'household.read' } },
      schema: { tags: ['registry'], summary: 'Xem hộ, thành viên, nơi cư trú, trạng thái danh sách / get a household', params: ID_PARAMS },
    },
    async (req) => {
      const household = await getHousehold(db, authOf(req).scope, req.params.id);
      if (!household) throw new HttpError('out_of_scope');
      return { household };
    },
  );

  app.patch<{ Params: IdParams; Body: HouseholdChanges & { version: number } }>(
    '/api/households/:id',
    {
      config: { access: { action: 'household.write' } },
      schema: { tags: ['registry'], summary: 'Sửa hộ (cần version) / update a household (optimistic concurrency)', params: ID_PARAMS, body: UPDATE_HOUSEHOLD },
    },
    async (req) => {
      const auth = authOf(req);
      const { version, ...changes } = req.body;
      return { household: await registryCall(updateHousehold(db, auth.actor, auth.scope, req.params.id, version, changes)) };
    },
  );

  app.post<{ Params: IdParams; Body: StatusChange & { version: number } }>(
    '/api/households/:id/status',
    {
      config: { access: { action: 'household.write' } },
      schema: { tags: ['registry'], summary: 'Đổi trạng thái hộ (chuyển đi, giải thể, đã mất, sáp nhập, trở lại) / change household status', params: ID_PARAMS, body: STATUS_CHANGE },
    },
    async (req) => {
      const auth = authOf(req);
      const { version, ...change } = req.body;
      return { household: await registryCall(changeHouseholdStatus(db, auth.actor, auth.scope, req.params.id, version, change)) };
    },
  );

  app.post<{ Params: IdParams; Body: { version: number; member: MemberFields; formerHeadRelation?: Relation } }>(
    '/api/households/:id/members',
    {
      config: { access: { action: 'household.write' } },
      schema: { tags: ['registry'], summary: 'Thêm thành viên (cần version của hộ) / add a member', params: ID_PARAMS, body: ADD_MEMBER },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const b = req.body;
      const r = await registryCall(addMember(db, auth.actor, auth.scope, req.params.id, b.version, b.member, { formerHeadRelation: b.formerHeadRelation }));
      return reply.code(201).send(r);
    },
  );

  app.patch<{ Params: MemberParams; Body: Partial<MemberFields> & { version: number; formerHeadRelation?: Relation } }>(
    '/api/households/:id/members/:memberId',
    {
      config: { access: { action: 'household.write' } },
      schema: { tags: ['registry'], summary: 'Sửa thành viên (cần version của hộ) / update a member', params: MEMBER_PARAMS, body: UPDATE_MEMBER },
    },
    async (req) => {
      const auth = authOf(req);
      const { version, formerHeadRelation, ...changes } = req.body;
      return registryCall(updateMember(db, auth.actor, auth.scope, req.params.id, req.params.memberId, version, changes, { formerHeadRelation }));
    },
  );

  app.delete<{ Params: MemberParams; Querystring: { version: number; reason: MemberLeftReason; date?: string } }>(
    '/api/households/:id/members/:memberId',
    {
      config: { access: { action: 'household.write' } },
      schema: {
        tags: ['registry'],
        summary: 'Cho thành viên rời hộ (không xoá dữ liệu; cần version, lý do) / a member leaves the household',
        params: MEMBER_PARAMS,
        querystring: REMOVE_MEMBER_QUERY,
      },
    },
    async (req) => {
      const auth = authOf(req);
      const q = req.query;
      return registryCall(removeMember(db, auth.actor, auth.scope, req.params.id, req.params.memberId, q.version, { reason: q.reason, date: q.date }));
    },
  );

  app.post<{ Params: IdParams; Body: SurveyInput }>(
    '/api/households/:id/surveys',
    {
      config: { access: { action: 'survey.write' } },
      schema: {
        tags: ['registry'],
        summary: 'Ghi phiếu rà soát (phiếu A, B) và phân loại; phiếu mới thay thế phiếu cũ / record a survey and classify',
        params: ID_PARAMS,
        body: RECORD_SURVEY,
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      return reply.code(201).send(await registryCall(recordSurvey(db, auth.actor, auth.scope, req.params.id, req.body)));
    },
  );

  app.get<{ Params: { id: number; surveyId: number } }>(
    '/api/households/:id/surveys/:surveyId',
    {
      config: { access: { action: 'household.read' } },
      schema: { tags: ['registry'], summary: 'Xem một phiếu rà soát đầy đủ (dữ liệu đã dùng để phân loại) / get a survey', params: SURVEY_PARAMS },
    },
    async (req) => {
      const survey = await getSurvey(db, authOf(req).scope, req.params.id, req.params.surveyId);
      if (!survey) throw new HttpError('out_of_scope');
      return { survey };
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/households/:id/history',
    {
      config: { access: { action: 'household.read' } },
      schema: { tags: ['registry'], summary: 'Lịch sử phân loại của hộ qua các đợt rà soát / classification history', params: ID_PARAMS },
    },
    async (req) => registryCall(householdHistory(db, authOf(req).scope, req.params.id)),
  );
}
