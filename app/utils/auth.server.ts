/**
 * Sessions. Every lucia import lives in this module so the library can be replaced in one place
 * (lucia v3 is no longer developed upstream). See docs/decisions/002-sessions-and-auth.md.
 */
import { Lucia, TimeSpan } from "lucia";
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { eq, lt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { sessions, users } from "../../db/schema/index";

export type SessionUser = { id: string; email: string; name: string };
export type ValidSession = { user: SessionUser; sessionId: string; setCookie: string | null };

export type AuthOptions = {
  idleMs: number;
  absoluteMs: number;
  /** Secure cookies (and the `__Host-` name) when the app is served over HTTPS. */
  secure: boolean;
  now?: () => Date;
};

function createLucia(db: Database, options: AuthOptions) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const adapter = new DrizzlePostgreSQLAdapter(db as any, sessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(Math.max(1, Math.round(options.idleMs / 1000)), "s"),
    sessionCookie: {
      name: options.secure ? "__Host-commons_session" : "commons_session",
      expires: true,
      attributes: { secure: options.secure, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (attributes) => ({ createdAt: new Date(attributes.createdAt) }),
    getUserAttributes: (attributes) => ({ email: attributes.email, name: attributes.name }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseSessionAttributes: { createdAt: Date };
    DatabaseUserAttributes: { email: string; name: string };
  }
}

export type Auth = ReturnType<typeof createAuth>;

/** Session operations shared by HTTP requests and (later) WebSocket upgrades. */
export function createAuth(db: Database, options: AuthOptions) {
  const lucia = createLucia(db, options);
  const now = options.now ?? (() => new Date());
  return {
    cookieName: lucia.sessionCookieName,

    /** Starts a brand-new session (never reuses one) and returns its Set-Cookie header. */
    async startSession(userId: string): Promise<string> {
      const session = await lucia.createSession(userId, { createdAt: now() });
      return lucia.createSessionCookie(session.id).serialize();
    },

    /**
     * Resolves a Cookie header to the signed-in user, or null. Enforces the idle limit (lucia's
     * sliding expiry) and the absolute limit (from creation), and says when the cookie must be refreshed.
     */
    async validate(cookieHeader: string | null | undefined): Promise<ValidSession | null> {
      const sessionId = lucia.readSessionCookie(cookieHeader ?? "");
      if (!sessionId) return null;
      const { session, user } = await lucia.validateSession(sessionId);
      if (!session || !user) return null;
      if (now().getTime() - session.createdAt.getTime() > options.absoluteMs) {
        await lucia.invalidateSession(session.id);
        return null;
      }
      return {
        user: { id: user.id, email: user.email, name: user.name },
        sessionId: session.id,
        setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
      };
    },

    /** Ends the session server-side; returns the Set-Cookie header that clears the cookie. */
    async endSession(sessionId: string): Promise<string> {
      await lucia.invalidateSession(sessionId);
      return lucia.createBlankSessionCookie().serialize();
    },

    /** A Set-Cookie header that clears the cookie (for requests whose session is already gone). */
    blankCookie(): string {
      return lucia.createBlankSessionCookie().serialize();
    },

    /** Ends every session of a person (e.g. after their roles or password change). */
    async endAllSessions(userId: string) {
      await lucia.invalidateUserSessions(userId);
    },

    /** Removes expired session rows. */
    async deleteExpiredSessions() {
      await lucia.deleteExpiredSessions();
      const cutoff = new Date(now().getTime() - options.absoluteMs);
      await db.delete(sessions).where(lt(sessions.createdAt, cutoff));
    },

    /** Whether a session id is still live (used to close sockets after sign-out). */
    async isLive(sessionId: string): Promise<boolean> {
      const [row] = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, sessionId)).limit(1);
      return Boolean(row);
    },
  };
}
