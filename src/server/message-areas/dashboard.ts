/** Server messages of the dashboard area (spread into ../messages.ts): Vietnamese first, English typed against it. */
export const dashboardMessagesVi = {
} as const;

export const dashboardMessagesEn: Record<keyof typeof dashboardMessagesVi, string> = {
};
