/**
 * Commune reviews: read one with what may happen next, move it through the workflow (one transitions
 * endpoint; the domain decides who may do what), and record its households, village meetings (votes,
 * minutes), posting dates and complaints. Storage and rules: src/db/review; docs/review-api.md.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import * as review from '../../db/review/index.ts';
import { ReviewError, type ReviewErrorCode } from '../../db/review/errors.ts';
import { REVIEW_ACTIONS } from '../../domain/review/review-actions.ts';
import { REVIEW_STATES, type ReviewState } from '../../domain/review/review-states.ts';
import { REVIEW_REOPEN_TARGETS } from '../../domain/review/review-transition-table.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';

const STATUS: Record<ReviewErrorCode, number> = {
  out_of_scope: 404,
  meeting_not_found: 404,
  complaint_not_found: 404,
  conflict: 409,
  campaign_exists: 409,
  review_record_locked: 409,
  review_wrong_step: 409,
  listing_reason_fixed: 409,
  application_exists: 409,
  application_closed: 409,
  action_not_available: 409,
  campaign_closed: 409,
  unit_out_of_scope: 403,
  role_not_allowed: 403,
  guard_failed: 422,
  province_required: 400,
  campaign_no_communes: 400,
  household_not_in_commune: 400,
  household_not_listed: 400,
  vote_invalid: 400,
  file_invalid: 400,
  list_status_invalid: 400,
  reason_required: 400,
  invalid_target: 400,
};

/**
 * Runs a storage call for a request; its refusals become HTTP errors (code = message key, domain
 * problems as details) in the request's language.
 */
export async function reviewCall<T>(req: FastifyRequest, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ReviewError) {
      const { params, problems } = e.inLocale(req.locale);
      const details = problems.length > 0 ? problems.map((message) => ({ message })) : undefined;
      throw new HttpError(e.code, params, STATUS[e.code] ?? 400, details);
    }
    throw e;
  }
}

/** Next actions with their blockers in the request's language. */
export function actionsInLocale<A extends { blockers: readonly string[]; blockersEn: readonly string[] }>(req: FastifyRequest, actions: readonly A[]): A[] {
  return req.locale === 'en' ? actions.map((a) => ({ ...a, blockers: a.blockersEn })) : [...actions];
}

/** The storage layer's caller from the request's authentication. */
export function callerOf(req: FastifyRequest): review.Caller {
  const auth = authOf(req);
  return { actor: auth.actor, role: auth.role, scope: auth.scope };
}

/** Reads the single multipart file of a minutes upload. */
export async function uploadedMinutes(req: FastifyRequest): Promise<review.UploadedFile> {
  const part = await req.file({ limits: { fileSize: review.MINUTES_MAX_BYTES, files: 1 } });
  if (!part) throw new HttpError('file_invalid', { type: '—' }, 400);
  const content = await part.toBuffer();
  return { name: part.filename || 'bien-ban', contentType: part.mimetype, content: new Uint8Array(content) };
}

export function sendFile(reply: FastifyReply, file: review.UploadedFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .send(Buffer.from(file.content));
}

export const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
export const ID = { type: 'integer', minimum: 1 } as const;
export const VERSION = { type: 'integer', minimum: 1 } as const;
export const TEXT = { type: 'string', minLength: 1, maxLength: 2000 } as const;
export const NAME = { type: 'string', minLength: 1, maxLength: 200 } as const;
export const DECISION = {
  type: 'object',
  required: ['number', 'date', 'signerName'],
  additionalProperties: false,
  properties: { number: { type: 'string', minLength: 1, maxLength: 100 }, date: DATE, signerName: NAME, signerTitle: { type: 'string', maxLength: 200 } },
} as const;
export const NEW_COMPLAINT = {
  type: 'object',
  required: ['receivedOn', 'complainant', 'content'],
  additionalProperties: false,
  properties: { householdId: { type: ['integer', 'null'], minimum: 1 }, receivedOn: DATE, complainant: NAME, content: TEXT },
} as const;
export const RESOLUTION = {
  type: 'object',
  required: ['recheckNote', 'outcome', 'resolvedOn'],
  additionalProperties: false,
  properties: { recheckNote: TEXT, outcome: { type: 'string', enum: ['upheld', 'dismissed', 'withdrawn'] }, resolvedOn: DATE },
} as const;
const params = (...names: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, n === 'village' ? { type: 'string', minLength: 1, maxLength: 50 } : ID])),
});
const MEETING = params('id', 'village', 'no');

type Id = { Params: { id: number } };
type MeetingParams = { Params: { id: number; village: string; no: number } };

export function reviewRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const tags = ['reviews'];

  app.get<{ Querystring: { campaignId?: number; state?: ReviewState } }>(
    '/api/reviews',
    {
      config: { access: { action: 'review.read' } },
      schema: {
        tags,
        summary: 'Rà soát của các xã trong phạm vi / commune reviews in scope',
        querystring: { type: 'object', additionalProperties: false, properties: { campaignId: ID, state: { type: 'string', enum: [...REVIEW_STATES] } } },
      },
    },
    async (req) => ({ items: await review.listReviews(db, authOf(req).scope, req.query) }),
  );

  app.get<Id>(
    '/api/reviews/:id',
    { config: { access: { action: 'review.read' } }, schema: { tags, summary: 'Rà soát của xã, bước tiếp theo, tiến độ / a review, next actions, progress', params: params('id') } },
    async (req) => {
      const view = await reviewCall(req, () => review.getReviewView(db, authOf(req).scope, authOf(req).role, req.params.id));
      return { ...view, nextActions: actionsInLocale(req, view.nextActions) };
    },
  );

  app.post<Id & { Body: review.TransitionRequest }>(
    '/api/reviews/:id/transitions',
    {
      config: { access: { action: 'review.transition' } },
      schema: {
        tags,
        summary: 'Chuyển bước rà soát (cần version) / move the review to its next step (optimistic concurrency)',
        params: params('id'),
        body: {
          type: 'object',
          required: ['action', 'version'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', enum: [...REVIEW_ACTIONS] },
            version: VERSION,
            reason: { type: 'string', maxLength: 2000 },
            reopenTo: { type: 'string', enum: [...REVIEW_REOPEN_TARGETS] },
            decision: DECISION,
            listEffectiveFrom: { type: 'string', enum: [...review.LIST_EFFECTIVE_FROM] },
          },
        },
      },
    },
    async (req) => ({ transition: await reviewCall(req, () => review.applyReviewTransition(db, callerOf(req), req.params.id, req.body)) }),
  );

  app.get<Id & { Querystring: Partial<review.ListedHouseholdsQuery> }>(
    '/api/reviews/:id/households',
    {
      config: { access: { action: 'review.read' } },
      schema: {
        tags,
        summary: 'Hộ trong danh sách rà soát / households on the review list',
        params: params('id'),
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            village: { type: 'string', maxLength: 50 },
            stage: { type: 'string', enum: ['listed', 'surveyed', 'agreed', 'rejected', 'final'] },
            reason: { type: 'string', enum: ['on_poor_list', 'on_near_poor_list', 'applied', 'added'] },
            proposedClass: { type: 'string', enum: [...review.LISTED_CLASS_FILTERS] },
            finalClass: { type: 'string', enum: [...review.LISTED_CLASS_FILTERS] },
            q: { type: 'string', maxLength: 100 },
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
      },
    },
    async (req) => reviewCall(req, () => review.listReviewHouseholds(db, authOf(req).scope, req.params.id, { page: 1, pageSize: 100, ...req.query })),
  );

  app.post<Id>(
    '/api/reviews/:id/households/from-lists',
    {
      config: { access: { action: 'review.record' } },
      schema: { tags, summary: 'Lập danh sách từ danh sách hộ nghèo, cận nghèo và đơn mẫu 01 / list households from the current lists and form-01 applications', params: params('id') },
    },
    async (req) => ({ listed: await reviewCall(req, () => review.listFromCurrentLists(db, callerOf(req), req.params.id)) }),
  );

  app.post<Id & { Body: { householdIds: number[]; reason?: 'added' | 'applied' } }>(
    '/api/reviews/:id/households',
    {
      config: { access: { action: 'review.record' } },
      schema: {
        tags,
        summary: 'Bổ sung hộ vào danh sách rà soát / add households to the list',
        params: params('id'),
        body: {
          type: 'object',
          required: ['householdIds'],
          additionalProperties: false,
          properties: { householdIds: { type: 'array', minItems: 1, maxItems: 1000, items: ID }, reason: { type: 'string', enum: ['added', 'applied'] } },
        },
      },
    },
    async (req) => reviewCall(req, () => review.addHouseholds(db, callerOf(req), req.params.id, req.body.householdIds, req.body.reason ?? 'added')),
  );

  app.delete<{ Params: { id: number; householdId: number } }>(
    '/api/reviews/:id/households/:householdId',
    {
      config: { access: { action: 'review.record' } },
      schema: { tags, summary: 'Bỏ hộ đã bổ sung khỏi danh sách / remove an added household', params: params('id', 'householdId') },
    },
    async (req, reply) => {
      await reviewCall(req, () => review.removeHousehold(db, callerOf(req), req.params.id, req.params.householdId));
      return reply.code(204).send();
    },
  );

  app.get<Id>(
    '/api/reviews/:id/meetings',
    { config: { access: { action: 'review.read' } }, schema: { tags, summary: 'Các cuộc họp dân và biểu quyết / village meetings and votes', params: params('id') } },
    async (req) => ({ items: await reviewCall(req, () => review.listMeetings(db, authOf(req).scope, req.params.id)) }),
  );

  app.post<Id & { Body: review.NewMeeting }>(
    '/api/reviews/:id/meetings',
    {
      config: { access: { action: 'review.record' } },
      schema: {
        tags,
        summary: 'Ghi biên bản họp dân của một thôn / record a village meeting',
        params: params('id'),
        body: {
          type: 'object',
          required: ['villageCode', 'heldOn', 'attendees', 'chair', 'secretary'],
          additionalProperties: false,
          properties: { villageCode: { type: 'string', maxLength: 50 }, heldOn: DATE, attendees: { type: 'integer', minimum: 1, maximum: 100000 }, chair: NAME, secretary: NAME },
        },
      },
    },
    async (req, reply) => reply.code(201).send({ meeting: await reviewCall(req, () => review.createMeeting(db, callerOf(req), req.params.id, req.body)) }),
  );

  app.put<MeetingParams & { Body: { votes: review.VoteInput[] } }>(
    '/api/reviews/:id/meetings/:village/:no/votes',
    {
      config: { access: { action: 'review.record' } },
      schema: {
        tags,
        summary: 'Ghi biểu quyết từng hộ (≥ 50 % người dự họp đồng ý) / record votes per household',
        params: MEETING,
        body: {
          type: 'object',
          required: ['votes'],
          additionalProperties: false,
          properties: {
            votes: {
              type: 'array',
              minItems: 1,
              maxItems: 2000,
              items: {
                type: 'object',
                required: ['householdId', 'agree', 'disagree'],
                additionalProperties: false,
                properties: { householdId: ID, agree: { type: 'integer', minimum: 0 }, disagree: { type: 'integer', minimum: 0 } },
              },
            },
          },
        },
      },
    },
    async (req) => reviewCall(req, () => review.recordVotes(db, callerOf(req), req.params.id, req.params.village, req.params.no, req.body.votes)),
  );

  app.put<MeetingParams>(
    '/api/reviews/:id/meetings/:village/:no/minutes',
    {
      config: { access: { action: 'review.record' } },
      schema: { tags, summary: 'Tải lên biên bản họp (PDF/ảnh) / upload the minutes', params: MEETING, consumes: ['multipart/form-data'] },
    },
    async (req) => {
      const file = await reviewCall(req, () => uploadedMinutes(req));
      return { minutes: await reviewCall(req, () => review.storeMinutes(db, callerOf(req), req.params.id, req.params.village, req.params.no, file)) };
    },
  );

  app.get<MeetingParams>(
    '/api/reviews/:id/meetings/:village/:no/minutes',
    { config: { access: { action: 'review.read' } }, schema: { tags, summary: 'Tải về biên bản họp / download the minutes', params: MEETING } },
    async (req, reply) => sendFile(reply, await reviewCall(req, () => review.readMinutes(db, authOf(req).scope, req.params.id, req.params.village, req.params.no))),
  );

  app.put<Id & { Body: { startDate: string; endDate: string } }>(
    '/api/reviews/:id/posting',
    {
      config: { access: { action: 'review.record' } },
      schema: {
        tags,
        summary: 'Ngày niêm yết công khai / public posting dates',
        params: params('id'),
        body: { type: 'object', required: ['startDate', 'endDate'], additionalProperties: false, properties: { startDate: DATE, endDate: DATE } },
      },
    },
    async (req) => ({ review: await reviewCall(req, () => review.setPosting(db, callerOf(req), req.params.id, req.body)) }),
  );

  app.get<Id>(
    '/api/reviews/:id/complaints',
    { config: { access: { action: 'review.read' } }, schema: { tags, summary: 'Khiếu nại và phúc tra / complaints and re-checks', params: params('id') } },
    async (req) => ({ items: await reviewCall(req, () => review.listReviewComplaints(db, authOf(req).scope, req.params.id)) }),
  );

  app.post<Id & { Body: review.NewComplaint }>(
    '/api/reviews/:id/complaints',
    { config: { access: { action: 'review.record' } }, schema: { tags, summary: 'Ghi nhận khiếu nại / record a complaint', params: params('id'), body: NEW_COMPLAINT } },
    async (req, reply) => reply.code(201).send({ complaint: await reviewCall(req, () => review.recordReviewComplaint(db, callerOf(req), req.params.id, req.body)) }),
  );

  app.patch<{ Params: { id: number; complaintId: number }; Body: review.ComplaintResolution }>(
    '/api/reviews/:id/complaints/:complaintId',
    {
      config: { access: { action: 'review.record' } },
      schema: { tags, summary: 'Kết quả phúc tra khiếu nại / re-check outcome', params: params('id', 'complaintId'), body: RESOLUTION },
    },
    async (req) => ({ complaint: await reviewCall(req, () => review.resolveReviewComplaint(db, callerOf(req), req.params.id, req.params.complaintId, req.body)) }),
  );
}
