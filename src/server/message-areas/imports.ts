/** Server messages of the imports area (spread into ../messages.ts): Vietnamese first, English typed against it. */
export const importsMessagesVi = {
} as const;

export const importsMessagesEn: Record<keyof typeof importsMessagesVi, string> = {
};
