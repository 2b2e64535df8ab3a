/** The decision's attached lists as one printable document (one list per page group), landscape A4. */
import type { DecisionReview } from '../../db/outputs/decision-review.ts';
import type { DecisionListKind, DecisionLists } from '../../db/outputs/decision-lists.ts';
import { decisionListLayout } from './decision-list-layout.ts';
import { decisionListSource, decisionListSubtitle, decisionListTitle } from './decision-list-heading.ts';
import { documentPage, letterhead, signatureBlock } from './document-shell.ts';
import { html } from './html.ts';
import { tableHtml } from './table-html.ts';
import type { NamedUnit } from './unit-names.ts';

export interface DecisionListDocument {
  review: DecisionReview;
  commune: NamedUnit;
  data: DecisionLists;
  kinds: readonly DecisionListKind[];
}

export function decisionListHtml(d: DecisionListDocument): string {
  const parts = d.kinds.map(
    (kind, i) => html`<section style="${i > 0 ? 'break-before: page;' : ''}">
${letterhead({ issuer: d.commune, date: d.review.decisionDate })}
<h1>${decisionListTitle(kind, d.data.listYear)}</h1>
<p class="subtitle italic">${decisionListSubtitle(d.review, d.commune)}</p>
<p class="subtitle">${decisionListSource(d.review)}</p>
${tableHtml(decisionListLayout(kind, d.data.lists[kind]))}
${signatureBlock({ title: 'CHỦ TỊCH', signer: d.review.decisionSigner })}
</section>`,
  );
  return documentPage({ title: d.kinds.map((k) => decisionListTitle(k, d.data.listYear)).join(' — '), landscape: true, body: html`${parts}` });
}
