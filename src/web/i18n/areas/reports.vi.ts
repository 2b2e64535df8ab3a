/** Vietnamese messages of the reports screens (spread into the reference catalog ../vi.ts). */
export const reportsVi = {
} as const;
