/**
 * Certificate of poor / near-poor household (Giấy chứng nhận hộ nghèo, hộ cận nghèo), review-procedure.md
 * §4 Step 5: number …/GCN-HN.HCN, issued by the commune People's Committee chair; the head of household
 * (name, ethnicity, citizen ID, residence) and the members (no., full name, ethnicity, relation to the
 * head, year of birth under male / female, note on member changes).
 */
import type { CertificateSubject } from '../../db/outputs/certificate-subject.ts';
import { formatIsoDateVi } from '../../domain/calendar/iso-date.ts';
import { documentPage, letterhead, signatureBlock } from './document-shell.ts';
import { documentText, html } from './html.ts';
import { relationLabel } from './labels.ts';
import { peoplesCommitteeName, placeName, type NamedUnit } from './unit-names.ts';

export interface CertificateDocument {
  subject: CertificateSubject;
  number: string;
  issuedOn: string;
  commune: NamedUnit;
  province: NamedUnit | null;
}

const TITLES = { poor: 'GIẤY CHỨNG NHẬN HỘ NGHÈO', near_poor: 'GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO' } as const;
const STATUS_WORDS = { poor: 'hộ nghèo', near_poor: 'hộ cận nghèo' } as const;

function residence(d: CertificateDocument): string {
  const s = d.subject;
  const parts = [documentText(s.address)];
  const village = documentText(s.villageName);
  if (village && !parts[0]!.toLowerCase().includes(village.toLowerCase())) parts.push(village);
  parts.push(`${documentText(d.commune.type).toLowerCase()} ${placeName(d.commune)}`);
  if (d.province) parts.push(`${documentText(d.province.type).toLowerCase()} ${placeName(d.province)}`);
  return parts.filter(Boolean).join(', ');
}

function memberNote(m: CertificateSubject['members'][number]): string {
  if (!m.leftDate) return '';
  return `${documentText(m.leftReason) || 'Ra khỏi hộ'} (${formatIsoDateVi(m.leftDate)})`;
}

export function certificateHtml(d: CertificateDocument): string {
  const s = d.subject;
  if (s.status === 'none') throw new Error('Không lập giấy chứng nhận cho hộ không thuộc danh sách hộ nghèo, hộ cận nghèo');
  const committee = peoplesCommitteeName(d.commune);
  const members = s.members.map(
    (m, i) => html`<tr>
      <td class="center">${i + 1}</td><td>${m.fullName}</td><td class="center">${m.ethnicity ?? ''}</td>
      <td class="center">${relationLabel(m.relation)}</td>
      <td class="center">${m.sex === 'male' ? (m.birthYear ?? '') : ''}</td><td class="center">${m.sex === 'female' ? (m.birthYear ?? '') : ''}</td>
      <td>${memberNote(m)}</td></tr>`,
  );
  const body = html`
${letterhead({ issuer: d.commune, number: d.number, date: d.issuedOn })}
<h1>${TITLES[s.status]}</h1>
<p class="subtitle"><b>Năm ${s.listYear}</b></p>
<p>Chủ tịch ${committee} chứng nhận:</p>
<p>Họ và tên chủ hộ: <b>${s.headName}</b>&emsp;&emsp;Dân tộc: ${s.ethnicity ?? '……………'}</p>
<p>Số định danh cá nhân / Căn cước công dân: ${s.headCitizenId ?? '……………………'}&emsp;&emsp;Ngày cấp: ……………</p>
<p>Nơi thường trú: ${residence(d)}</p>
<p>Mã hộ: ${s.householdCode}</p>
<p>Là ${STATUS_WORDS[s.status]} năm ${s.listYear} theo Quyết định số ${s.decisionNumber} ngày ${formatIsoDateVi(s.decisionDate)} của Chủ tịch ${committee}.</p>
<p><b>Các thành viên trong hộ gia đình:</b></p>
<table class="grid">
  <colgroup><col style="width:7%"><col style="width:30%"><col style="width:11%"><col style="width:14%"><col style="width:9%"><col style="width:9%"><col style="width:20%"></colgroup>
  <thead>
    <tr><th rowspan="2">STT</th><th rowspan="2">Họ và tên</th><th rowspan="2">Dân tộc</th><th rowspan="2">Quan hệ với chủ hộ</th><th colspan="2">Năm sinh</th><th rowspan="2">Ghi chú</th></tr>
    <tr><th>Nam</th><th>Nữ</th></tr>
  </thead>
  <tbody>${members}</tbody>
</table>
${signatureBlock({ title: 'CHỦ TỊCH', signer: s.signer })}`;
  return documentPage({ title: `${TITLES[s.status]} ${s.householdCode}`, body });
}
