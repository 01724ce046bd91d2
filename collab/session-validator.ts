/**
 * What the collaboration server needs of the app's sessions, declared here so collab/ depends on a
 * shape, not on the app: the app's `Auth` (app/features/auth/sessions.server.ts) satisfies it.
 */
export type SessionValidator = {
  /** The signed-in user of a Cookie header, or null (the same check as an HTTP request). */
  validate(
    cookieHeader: string | null | undefined,
  ): Promise<{ user: { id: string; name: string }; sessionId: string } | null>;
  /** Which of these sessions are still live. */
  liveSessions(sessionIds: string[]): Promise<Set<string>>;
};
