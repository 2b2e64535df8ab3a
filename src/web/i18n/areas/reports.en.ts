/** English messages of the reports screens, typed against the Vietnamese ones. */
import type { reportsVi } from './reports.vi.ts';

export const reportsEn: Record<keyof typeof reportsVi, string> = {
  'menu.reports': 'Reports',
  'reports.title': 'Review result report forms',
  'reports.form': 'Form',
  'reports.formShort': 'Form {id}.',
  'reports.year': 'List year',
  'reports.unit': 'Unit',
  'reports.nation': 'Whole country',
  'reports.excel': 'Download Excel',
  'reports.pdf': 'Download PDF',
  'reports.downloaded': 'Downloaded {name}',
  'reports.no': 'No.',
  'reports.breakdown': 'Breakdown',
  'reports.previousPage': 'Previous page',
  'reports.nextPage': 'Next page',
  'reports.pickOldUnit': 'Choose a province, district or commune before 01/07/2025',
  'reports.layout': 'Administrative unit layout: {layout}',
};
