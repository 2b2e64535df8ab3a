/**
 * Issuing a certificate of poor / near-poor household: one certificate per household, list year,
 * status and decision (printing again gives the same number and date), numbered per commune and list
 * year. The form's number is "…/GCN-HN.HCN"; the schema keeps numbers unique per province, so the
 * commune code and list year sit between the sequence and the form code: "15/03445-2026/GCN-HN.HCN".
 * Issuance is recorded in the audit log in the same transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { CertificateSubject } from './certificate-subject.ts';

export const CERTIFICATE_FORM_CODE = 'GCN-HN.HCN';

export function certificateNumber(sequence: number, communeCode: string, listYear: number): string {
  return `${sequence}/${communeCode}-${listYear}/${CERTIFICATE_FORM_CODE}`;
}

export interface IssuedCertificate {
  id: number;
  number: string;
  issuedOn: string;
  /** False when the certificate already existed and is only printed again. */
  created: boolean;
}

async function existing(trx: Transaction<DB>, s: CertificateSubject): Promise<IssuedCertificate | undefined> {
  const c = await trx
    .selectFrom('certificate')
    .where('province_code', '=', s.provinceCode)
    .where('household_id', '=', s.householdId)
    .where('list_year', '=', s.listYear)
    .where('status', '=', s.status as 'poor' | 'near_poor')
    .where('decision_number', '=', s.decisionNumber)
    .select(['id', 'number', 'issued_on'])
    .orderBy('id')
    .executeTakeFirst();
  return c && { id: c.id, number: c.number, issuedOn: c.issued_on, created: false };
}

/** The household's certificate for the subject's list year and status, issued on `today` if new. */
export async function issueCertificate(db: Kysely<DB>, actor: Actor, s: CertificateSubject, today: string): Promise<IssuedCertificate> {
  if (s.status === 'none') throw new Error('Hộ không thuộc danh sách hộ nghèo, hộ cận nghèo: không cấp giấy chứng nhận');
  return db.transaction().execute(async (trx) => {
    // Serialise numbering within one commune and list year.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`certificate:${s.provinceCode}:${s.communeCode}:${s.listYear}`}, 0))`.execute(trx);
    const found = await existing(trx, s);
    if (found) return found;
    const suffix = `/${s.communeCode}-${s.listYear}/${CERTIFICATE_FORM_CODE}`;
    const last = await sql<{ n: number }>`
      select coalesce(max(split_part(number, '/', 1)::int), 0) as n
      from certificate where province_code = ${s.provinceCode} and number like ${`%${suffix}`}`.execute(trx);
    const number = certificateNumber(last.rows[0]!.n + 1, s.communeCode, s.listYear);
    const row = await trx
      .insertInto('certificate')
      .values({
        province_code: s.provinceCode,
        household_id: s.householdId,
        number,
        status: s.status as 'poor' | 'near_poor',
        list_year: s.listYear,
        issued_on: today,
        decision_number: s.decisionNumber,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'certificate.issue',
      entity: 'certificate',
      entityId: row.id,
      provinceCode: s.provinceCode,
      unitCode: s.communeCode,
      after: { number, householdId: s.householdId, householdCode: s.householdCode, status: s.status, listYear: s.listYear, decisionNumber: s.decisionNumber, issuedOn: today },
    });
    return { id: row.id, number, issuedOn: today, created: true };
  });
}
