/** English messages of the imports screens, typed against the Vietnamese ones. */
import type { importsVi } from './imports.vi.ts';

export const importsEn: Record<keyof typeof importsVi, string> = {
};
