/** The village-meeting rule: agreeing attendees ≥ 50 % of the attendance (exactly half counts as agreed). */
export const AGREEMENT_THRESHOLD = 50;

export function agreedByVote(agree: number, attendees: number): boolean {
  return attendees > 0 && agree * 100 >= AGREEMENT_THRESHOLD * attendees;
}

export function percent(agree: number, attendees: number): string {
  if (!attendees) return '—';
  return `${(Math.round((agree * 1000) / attendees) / 10).toLocaleString('vi-VN')} %`;
}
