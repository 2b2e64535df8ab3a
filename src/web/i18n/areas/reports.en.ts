/** English messages of the reports screens, typed against the Vietnamese ones. */
import type { reportsVi } from './reports.vi.ts';

export const reportsEn: Record<keyof typeof reportsVi, string> = {
};
