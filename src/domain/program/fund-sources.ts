/**
 * Funding sources of a program's budget (national-target-program.md §2.2, §2.3): central budget
 * (development investment, recurrent), local budget, policy credit, mobilised contributions, and funds
 * integrated from other national target programs.
 */
export const FUND_SOURCES = ['central_investment', 'central_recurrent', 'local', 'credit', 'mobilised', 'integrated'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export const FUND_SOURCE_LABELS_VI: Readonly<Record<FundSource, string>> = Object.freeze({
  central_investment: 'Ngân sách trung ương – vốn đầu tư phát triển',
  central_recurrent: 'Ngân sách trung ương – vốn sự nghiệp',
  local: 'Ngân sách địa phương',
  credit: 'Vốn tín dụng chính sách',
  mobilised: 'Vốn huy động hợp pháp khác',
  integrated: 'Vốn lồng ghép từ các chương trình MTQG khác',
});

export const FUND_SOURCE_LABELS_EN: Readonly<Record<FundSource, string>> = Object.freeze({
  central_investment: 'Central budget – development investment',
  central_recurrent: 'Central budget – recurrent',
  local: 'Local budget',
  credit: 'Policy credit',
  mobilised: 'Other mobilised funds',
  integrated: 'Integrated from other national target programs',
});

export function isFundSource(x: unknown): x is FundSource {
  return typeof x === 'string' && (FUND_SOURCES as readonly string[]).includes(x);
}
