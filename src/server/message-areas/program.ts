/** Server messages of the program area (spread into ../messages.ts): Vietnamese first, English typed against it. */
export const programMessagesVi = {
} as const;

export const programMessagesEn: Record<keyof typeof programMessagesVi, string> = {
};
