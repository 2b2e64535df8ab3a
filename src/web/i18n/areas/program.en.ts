/** English messages of the program screens, typed against the Vietnamese ones. */
import type { programVi } from './program.vi.ts';

export const programEn: Record<keyof typeof programVi, string> = {
};
