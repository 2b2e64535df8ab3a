/** Server messages of the reports area (spread into ../messages.ts): Vietnamese first, English typed against it. */
export const reportsMessagesVi = {
} as const;

export const reportsMessagesEn: Record<keyof typeof reportsMessagesVi, string> = {
};
