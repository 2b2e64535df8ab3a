/**
 * The monitoring cycle of Circular 10/2022/TT-BLĐTBXH: a six-monthly (H1) and an annual (Y) report
 * each year, due before dates that are settings (1 June and 1 December by default); communes report
 * to the province a number of days earlier (a setting). A unit that has not submitted by the due date,
 * or submitted on or after it, is late.
 */
import type { MonthDay, ProgramSettings } from './settings.ts';

export const REPORT_PERIODS = ['H1', 'Y'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export const REPORT_PERIOD_LABELS_VI: Readonly<Record<ReportPeriod, string>> = Object.freeze({ H1: 'Báo cáo 6 tháng đầu năm', Y: 'Báo cáo năm' });

const iso = (y: number, md: MonthDay) => `${y}-${String(md.month).padStart(2, '0')}-${String(md.day).padStart(2, '0')}`;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface PeriodDeadlines {
  year: number;
  period: ReportPeriod;
  /** The report must reach the ministries before this date. */
  provinceDue: string;
  /** Communes' reports must reach the province before this date. */
  communeDue: string;
}

export function periodDeadlines(year: number, period: ReportPeriod, s: Pick<ProgramSettings, 'reportDue' | 'communeLeadDays'>): PeriodDeadlines {
  const provinceDue = iso(year, s.reportDue[period]);
  return { year, period, provinceDue, communeDue: addDays(provinceDue, -s.communeLeadDays) };
}

export type SubmissionState = 'submitted' | 'submitted_late' | 'pending' | 'late';

/** A unit's state for a period on a date: `due` is exclusive ("before 1 June"). */
export function submissionState(submittedOn: string | null, due: string, today: string): SubmissionState {
  if (submittedOn) return submittedOn < due ? 'submitted' : 'submitted_late';
  return today < due ? 'pending' : 'late';
}

export const SUBMISSION_STATE_LABELS_VI: Readonly<Record<SubmissionState, string>> = Object.freeze({
  submitted: 'Đã nộp đúng hạn',
  submitted_late: 'Nộp muộn',
  pending: 'Chưa đến hạn',
  late: 'Quá hạn, chưa nộp',
});

/** The most recent period whose commune deadline is on or before the date, else the next one due. */
export function currentPeriod(today: string, s: Pick<ProgramSettings, 'reportDue' | 'communeLeadDays'>): PeriodDeadlines {
  const y = Number(today.slice(0, 4));
  const candidates = [periodDeadlines(y - 1, 'Y', s), periodDeadlines(y, 'H1', s), periodDeadlines(y, 'Y', s)];
  const next = candidates.find((c) => today < c.communeDue);
  return next ?? candidates[candidates.length - 1]!;
}
