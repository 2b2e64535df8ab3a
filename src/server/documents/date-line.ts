/**
 * The place-and-date line of an administrative document: "Mường Tè, ngày 05 tháng 02 năm 2026".
 * Decree 30/2020/NĐ-CP (document formatting): a day below 10 and a month below 3 take a leading zero.
 * Without a date the blanks are left for hand-writing: "Mường Tè, ngày … tháng … năm …".
 */
import { requireIsoDateParts } from '../../domain/calendar/iso-date.ts';

export function vietnameseDate(date: string | null | undefined): string {
  if (!date) return 'ngày … tháng … năm …';
  const { year, month, day } = requireIsoDateParts(date);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

export function dateLine(place: string, date: string | null | undefined): string {
  return `${place || '…'}, ${vietnameseDate(date)}`;
}
