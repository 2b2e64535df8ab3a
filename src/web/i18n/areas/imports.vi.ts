/** Vietnamese messages of the imports screens (spread into the reference catalog ../vi.ts). */
export const importsVi = {
} as const;
