/** Vietnamese messages of the program screens (spread into the reference catalog ../vi.ts). */
export const programVi = {
} as const;
