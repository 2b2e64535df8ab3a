/** Display formats of the system, the same in both languages: dd/mm/yyyy dates, 1.500.000 numbers. */
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm:ss';
export const ISO_DATE = 'YYYY-MM-DD';

const numberFormat = new Intl.NumberFormat('vi-VN');

export function formatNumber(n: number | null | undefined): string {
  return n == null || Number.isNaN(n) ? '' : numberFormat.format(n);
}

/** 'YYYY-MM-DD' or an ISO timestamp → dd/mm/yyyy. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

/** ISO timestamp → dd/mm/yyyy HH:mm:ss in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_TIME_FORMAT) : value;
}

export function toIsoDate(d: Dayjs | null | undefined): string | undefined {
  return d ? d.format(ISO_DATE) : undefined;
}

export function todayIso(): string {
  return dayjs().format(ISO_DATE);
}
