/** English messages of the dashboard screens, typed against the Vietnamese ones. */
import type { dashboardVi } from './dashboard.vi.ts';

export const dashboardEn: Record<keyof typeof dashboardVi, string> = {
};
