/** Vietnamese messages of the dashboard screens (spread into the reference catalog ../vi.ts). */
export const dashboardVi = {
} as const;
