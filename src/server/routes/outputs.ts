/**
 * Outputs of the review (issue 4 §5): the lists attached to a commune recognition decision (Excel,
 * PDF), the certificate of poor / near-poor household (PDF, rendered by Chromium) and beneficiary
 * lists per policy (Excel, streamed). Every read filters through the caller's scope; a record outside
 * it is "not found".
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { recordAudit } from '../../db/audit.ts';
import { beneficiaryPages } from '../../db/outputs/beneficiaries.ts';
import { BENEFICIARY_POLICIES } from '../../db/outputs/beneficiary-policies.ts';
import { BENEFICIARY_POLICY_IDS, getBeneficiaryRules, type BeneficiaryPolicyId } from '../../db/outputs/beneficiary-rules.ts';
import { findHouseholdInScope, readCertificateSubject } from '../../db/outputs/certificate-subject.ts';
import { issueCertificate } from '../../db/outputs/certificates.ts';
import { DECISION_LIST_KINDS, readDecisionLists, type DecisionListKind } from '../../db/outputs/decision-lists.ts';
import { findDecisionReview, isDecided } from '../../db/outputs/decision-review.ts';
import { findOutputUnit, outputUnitOrCode } from '../../db/outputs/unit-lookup.ts';
import { resolveExportUnit } from '../../db/export/export-unit.ts';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import { certificateHtml } from '../documents/certificate.ts';
import { decisionListHtml, type DecisionListDocument } from '../documents/decision-list.ts';
import { DECISION_LIST_FILE_NAMES } from '../documents/labels.ts';
import { decisionListsWorkbook } from '../excel/decision-lists-workbook.ts';
import { writeBeneficiaryWorkbook } from '../excel/beneficiaries-workbook.ts';
import { primed } from '../excel/export-table.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';
import { PdfRenderer, PdfUnavailableError } from '../pdf/pdf-renderer.ts';
import type { Scope } from '../../domain/access/scope.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LIST_CHOICES = [...DECISION_LIST_KINDS, 'all'] as const;
type ListChoice = (typeof LIST_CHOICES)[number];

/** Today in Vietnam (UTC+7), as YYYY-MM-DD. */
function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

function attachment(reply: FastifyReply, type: string, fileName: string): FastifyReply {
  return reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store');
}

/** Runs a PDF step; a browser that cannot run becomes a 503 with the Vietnamese reason. */
async function pdfCall<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    if (err instanceof PdfUnavailableError) throw new HttpError('pdf_unavailable', { reason: err.reason }, 503);
    throw err;
  }
}

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;
const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { list: { type: 'string', enum: [...LIST_CHOICES], default: 'all' } },
} as const;

export function outputRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  const pdf = new PdfRenderer();
  app.addHook('onClose', () => pdf.close());

  const renderPdf = (html: string, landscape = false) => pdfCall(() => pdf.render(html, { landscape }));
  const ensurePdf = () => pdfCall(() => pdf.ensureStarted());

  /** The decided review's lists, inside the caller's scope. */
  async function decisionDocument(scope: Scope, reviewId: number, list: ListChoice): Promise<DecisionListDocument> {
    const review = await findDecisionReview(db, scope, reviewId);
    if (!review) throw new HttpError('out_of_scope');
    if (!isDecided(review)) throw new HttpError('review_not_decided', { state: review.state }, 409);
    const commune = await outputUnitOrCode(db, review.communeCode, 'commune', review.provinceCode);
    const data = await readDecisionLists(db, review);
    return { review, commune, data, kinds: list === 'all' ? DECISION_LIST_KINDS : [list as DecisionListKind] };
  }

  const fileStem = (d: DecisionListDocument, list: ListChoice) => `${DECISION_LIST_FILE_NAMES[list]}-${d.review.communeCode}-${d.data.listYear}`;

  app.get<{ Params: { id: number }; Querystring: { list: ListChoice } }>(
    '/api/reviews/:id/decision-lists.xlsx',
    {
      config: { access: { action: 'decision_list.read' } },
      schema: {
        tags: ['outputs'],
        summary: 'Danh sách kèm quyết định công nhận của xã (Excel) / lists attached to the commune decision',
        params: idParams,
        querystring: listQuery,
      },
    },
    async (req, reply) => {
      const d = await decisionDocument(authOf(req).scope, req.params.id, req.query.list);
      const body = await decisionListsWorkbook(d);
      return attachment(reply, XLSX, `${fileStem(d, req.query.list)}.xlsx`).send(body);
    },
  );

  app.get<{ Params: { id: number }; Querystring: { list: ListChoice } }>(
    '/api/reviews/:id/decision-lists.pdf',
    {
      config: { access: { action: 'decision_list.read' } },
      schema: {
        tags: ['outputs'],
        summary: 'Danh sách kèm quyết định công nhận của xã (PDF, khổ A4 ngang) / decision lists as PDF',
        params: idParams,
        querystring: listQuery,
      },
    },
    async (req, reply) => {
      const d = await decisionDocument(authOf(req).scope, req.params.id, req.query.list);
      const body = await renderPdf(decisionListHtml(d), true);
      return attachment(reply, 'application/pdf', `${fileStem(d, req.query.list)}.pdf`).send(body);
    },
  );

  app.get<{ Params: { id: number }; Querystring: { year?: number } }>(
    '/api/households/:id/certificate.pdf',
    {
      config: { access: { action: 'certificate.issue' } },
      schema: {
        tags: ['outputs'],
        summary: 'Giấy chứng nhận hộ nghèo, hộ cận nghèo (PDF); cấp số khi in lần đầu / certificate of poor or near-poor household',
        params: idParams,
        querystring: { type: 'object', additionalProperties: false, properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const ref = await findHouseholdInScope(db, auth.scope, req.params.id);
      if (!ref) throw new HttpError('out_of_scope');
      const subject = await readCertificateSubject(db, ref, req.query.year);
      if (!subject || subject.status === 'none') throw new HttpError('certificate_not_on_list', { year: req.query.year ?? subject?.listYear ?? '—' }, 409);
      const [commune, province] = await Promise.all([
        outputUnitOrCode(db, subject.communeCode, 'commune', subject.provinceCode),
        findOutputUnit(db, subject.provinceCode),
      ]);
      // Start the browser first, so a missing Chromium does not consume a certificate number; a reprint
      // of an issued certificate keeps its number and date.
      await ensurePdf();
      const issued = await issueCertificate(db, auth.actor, subject, todayInVietnam());
      const body = await renderPdf(certificateHtml({ subject, number: issued.number, issuedOn: issued.issuedOn, commune, province: province ?? null }));
      return attachment(reply, 'application/pdf', `giay-chung-nhan-${subject.householdCode}-${subject.listYear}.pdf`)
        .header('x-certificate-number', issued.number)
        .send(body);
    },
  );

  app.get<{ Querystring: { policy: BeneficiaryPolicyId; unit?: string; date?: string } }>(
    '/api/beneficiaries.xlsx',
    {
      config: { access: { action: 'beneficiary_list.read' } },
      schema: {
        tags: ['outputs'],
        summary: 'Danh sách đối tượng hưởng chính sách tại một ngày (Excel) / beneficiary list of a policy at a service date',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['policy'],
          properties: {
            policy: { type: 'string', enum: [...BENEFICIARY_POLICY_IDS] },
            unit: { type: 'string', pattern: '^(\\d{2}|\\d{5})$' },
            date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          },
        },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const today = todayInVietnam();
      const date = req.query.date ?? today;
      if (!isIsoDate(date)) throw new HttpError('output_date_invalid', { date });
      const resolved = await resolveExportUnit(db, auth.scope, req.query.unit);
      if (!resolved.ok) throw new HttpError(resolved.error, resolved.code ? { code: resolved.code } : {});
      const unit = resolved.unit;
      const province = unit.tier === 'commune' ? await findOutputUnit(db, unit.provinceCode) : undefined;
      const policy = BENEFICIARY_POLICIES[req.query.policy];
      const rules = await getBeneficiaryRules(db);
      await recordAudit(db, auth.actor, {
        action: 'beneficiary_list.export',
        entity: 'beneficiary_list',
        entityId: policy.id,
        provinceCode: unit.provinceCode,
        unitCode: unit.code,
        after: { policy: policy.id, unit: unit.code, date },
      });
      const pages = await primed(
        beneficiaryPages(db, { policy, rules, scope: auth.scope, unit: { provinceCode: unit.provinceCode, communeCode: unit.tier === 'commune' ? unit.code : undefined }, date }),
      );
      const out = new PassThrough();
      writeBeneficiaryWorkbook(out, {
        policy,
        rules,
        unit,
        unitLabel: province ? `${unit.name}, ${province.name}` : unit.name,
        level: unit.tier,
        serviceDate: date,
        today,
        preparedBy: auth.user.full_name,
        pages,
      }).catch((err: Error) => {
        req.log.error(err);
        out.destroy(err);
      });
      return attachment(reply, XLSX, `${policy.fileName}-${unit.code}-${date}.xlsx`).send(out);
    },
  );
}
