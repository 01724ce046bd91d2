/** The roles a person can hold. Plain data (no drizzle import) so the browser can share it. */
export const roles = ["school_leader", "facilitator", "sip", "authority_admin", "governor"] as const;
export type Role = (typeof roles)[number];
