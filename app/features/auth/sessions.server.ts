/**
 * Sessions. Every lucia import lives in this module so the library can be replaced in one place
 * (lucia v3 is no longer developed upstream). See docs/decisions/002-sessions-and-auth.md.
 */
import { generateIdFromEntropySize, Lucia, TimeSpan } from "lucia";
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { and, eq, gt, inArray, lt, lte } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { sessions, users } from "../../../db/schema/index";

export type SessionUser = { id: string; email: string; name: string };
export type ValidSession = { user: SessionUser; sessionId: string; setCookie: string | null };

export type AuthOptions = {
  idleMs: number;
  absoluteMs: number;
  /** Secure cookies (and the `__Host-` name) when the app is served over HTTPS. */
  secure: boolean;
  now?: () => Date;
};

function createAdapter(db: Database) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return new DrizzlePostgreSQLAdapter(db as any, sessions, users);
}

function createLucia(adapter: ReturnType<typeof createAdapter>, options: AuthOptions) {
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
  // Lucia keeps the cookie format; expiry is dated here from `now`, since lucia's own
  // createSession/validateSession read the wall clock.
  const adapter = createAdapter(db);
  const lucia = createLucia(adapter, options);
  const now = options.now ?? (() => new Date());
  return {
    cookieName: lucia.sessionCookieName,
    /** Cookies are Secure (served over HTTPS); other cookies of the app follow the same setting. */
    secure: options.secure,

    /** Starts a brand-new session (never reuses one) and returns its Set-Cookie header. */
    async startSession(userId: string): Promise<string> {
      const createdAt = now();
      const id = generateIdFromEntropySize(25);
      const expiresAt = new Date(createdAt.getTime() + options.idleMs);
      await adapter.setSession({ id, userId, expiresAt, attributes: { createdAt } });
      return lucia.createSessionCookie(id).serialize();
    },

    /**
     * Resolves a Cookie header to the signed-in user, or null. Enforces the idle limit (sliding
     * expiry) and the absolute limit (from creation), and says when the cookie must be refreshed.
     */
    async validate(cookieHeader: string | null | undefined): Promise<ValidSession | null> {
      const sessionId = lucia.readSessionCookie(cookieHeader ?? "");
      if (!sessionId) return null;
      const [session, user] = await adapter.getSessionAndUser(sessionId);
      if (!session || !user) return null;
      const at = now().getTime();
      const age = at - new Date(session.attributes.createdAt).getTime();
      if (at >= session.expiresAt.getTime() || age > options.absoluteMs) {
        await adapter.deleteSession(session.id);
        return null;
      }
      // Sliding idle expiry, written (and the cookie refreshed) once less than half of it is left.
      const refresh = session.expiresAt.getTime() - at < options.idleMs / 2;
      if (refresh) await adapter.updateSessionExpiration(session.id, new Date(at + options.idleMs));
      return {
        user: { id: user.id, email: user.attributes.email, name: user.attributes.name },
        sessionId: session.id,
        setCookie: refresh ? lucia.createSessionCookie(session.id).serialize() : null,
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

    /**
     * Ends every session of a person except `keep` (the browser they are using, when there is one)
     * and returns the ended ids, so their live-editing sockets can be closed too.
     */
    async endSessionsOf(userId: string, keep: string | null = null): Promise<string[]> {
      const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
      const ended = rows.map((r) => r.id).filter((id) => id !== keep);
      if (ended.length) await db.delete(sessions).where(inArray(sessions.id, ended));
      return ended;
    },

    /** Removes expired session rows. */
    async deleteExpiredSessions() {
      await db.delete(sessions).where(lte(sessions.expiresAt, now()));
      const cutoff = new Date(now().getTime() - options.absoluteMs);
      await db.delete(sessions).where(lt(sessions.createdAt, cutoff));
    },

    /** Whether a session id is still live. */
    async isLive(sessionId: string): Promise<boolean> {
      return (await this.liveSessions([sessionId])).has(sessionId);
    },

    /** Which of these sessions are still live (used to close sockets after sign-out or expiry). */
    async liveSessions(sessionIds: string[]): Promise<Set<string>> {
      if (sessionIds.length === 0) return new Set();
      const t = now();
      const rows = await db
        .select({ id: sessions.id })
        .from(sessions)
        .where(
          and(
            inArray(sessions.id, sessionIds),
            gt(sessions.expiresAt, t),
            gt(sessions.createdAt, new Date(t.getTime() - options.absoluteMs)),
          ),
        );
      return new Set(rows.map((r) => r.id));
    },
  };
}
