/**
 * Signing in and out, and accepting an invitation. Each checks the password against the sign-in
 * throttle, writes, then starts a fresh session (never reusing one) and leaves a log line.
 */
import type { Database } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { getAuthority } from "../../../db/queries/authorities";
import { acceptInvitation, findUsableInvitation } from "../../../db/queries/invitations";
import { findUserByEmail } from "../../../db/queries/users";
import type { Logger } from "../../utils/logger.server";
import type { AppServices } from "../../utils/services.server";
import { hashPassword, verifyPassword } from "./password.server";
import type { Auth } from "./sessions.server";
import { checkSignInThrottle, clearSignInFailures, recordSignInFailure } from "./sign-in-throttle.server";
import { hashToken } from "./tokens.server";

type Deps = { db: Database; auth: Auth; logger: Logger };
/** Who is at the keyboard: their address (for the throttle) and the session this browser already has. */
export type Client = { ip: string; sessionId: string | null };

type Throttled = { ok: false; reason: "throttled"; retryAfterMinutes: number };
export type SignInResult = { ok: true; cookie: string } | Throttled | { ok: false; reason: "bad-credentials" };

// A fresh session on every sign-in; any session this browser already had is ended.
async function startFreshSession(auth: Auth, client: Client, userId: string) {
  if (client.sessionId) await auth.endSession(client.sessionId);
  return auth.startSession(userId);
}

// Sign-in's limit on password guesses, per account and per address.
async function throttled(db: Database, client: Client, email: string): Promise<Throttled | null> {
  const verdict = await checkSignInThrottle(db, email, client.ip);
  return verdict.allowed ? null : { ok: false, reason: "throttled", retryAfterMinutes: verdict.retryAfterMinutes };
}

// A password check that counts: a failure against the limit, a success clears the account's failures.
async function passwordMatches(
  db: Database,
  client: Client,
  email: string,
  storedHash: string | null,
  password: string,
) {
  if (!(await verifyPassword(storedHash, password))) {
    await recordSignInFailure(db, email, client.ip);
    return false;
  }
  await clearSignInFailures(db, email);
  return true;
}

/** Signs in with email and password; one answer for an unknown email and a wrong password. */
export async function signIn(
  deps: Deps,
  client: Client,
  input: { email: string; password: string },
): Promise<SignInResult> {
  const { db, auth, logger } = deps;
  const limited = await throttled(db, client, input.email);
  if (limited) return limited;
  const user = await findUserByEmail(db, input.email);
  if (!(await passwordMatches(db, client, input.email, user?.passwordHash ?? null, input.password)) || !user) {
    logger.info("sign-in failed", { email: input.email.toLowerCase(), ip: client.ip });
    return { ok: false, reason: "bad-credentials" };
  }
  const cookie = await startFreshSession(auth, client, user.id);
  logger.info("signed in", { userId: user.id });
  return { ok: true, cookie };
}

/** Ends the session on the server (not just the cookie) and closes its live-editing sockets. */
export async function signOut(
  deps: Pick<AppServices, "auth" | "logger" | "realtime">,
  session: { sessionId: string | null; userId?: string },
) {
  const { auth, logger, realtime } = deps;
  if (!session.sessionId) return { signedOut: false, cookie: auth.blankCookie() };
  const cookie = await auth.endSession(session.sessionId);
  // Live-editing sockets of this session close now (other instances notice within a minute).
  realtime.sessionEnded(session.sessionId);
  logger.info("signed out", { userId: session.userId });
  return { signedOut: true, cookie };
}

export type UsableInvitation = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

/** The invitation behind a link, if it can still be used, with its authority and any existing account. */
export async function findInvitation(deps: { db: Database }, token: string | undefined) {
  if (!token || token.length > 100) return null;
  const found = await findUsableInvitation(deps.db, hashToken(token));
  if (!found) return null;
  const [authority, existing] = await Promise.all([
    getAuthority(deps.db, found.invitation.authorityId),
    findUserByEmail(deps.db, found.invitation.email),
  ]);
  return { ...found, authority, existing };
}

export type AcceptResult =
  | { ok: true; cookie: string }
  | Throttled
  | { ok: false; reason: "wrong-password" | "account-just-created" | "unusable" };

/**
 * Accepts an invitation: with an existing account after checking its password (sharing sign-in's
 * limit on guesses, since an admin can read the link), or by creating the account. Then signs in.
 */
export async function acceptInvitationWith(
  deps: Deps,
  client: Client,
  token: string,
  found: UsableInvitation,
  input: { password: string; name?: string },
): Promise<AcceptResult> {
  const { db, auth, logger } = deps;
  const tokenHash = hashToken(token);
  let user;
  if (found.existing) {
    const { email, passwordHash } = found.existing;
    const limited = await throttled(db, client, email);
    if (limited) return limited;
    if (!(await passwordMatches(db, client, email, passwordHash, input.password)))
      return { ok: false, reason: "wrong-password" };
    user = await acceptInvitation(db, tokenHash, { existingUserId: found.existing.id });
  } else {
    const passwordHash = await hashPassword(input.password);
    try {
      user = await acceptInvitation(db, tokenHash, { name: input.name ?? "", passwordHash });
    } catch (error) {
      // Another invitation for the same email was accepted a moment ago: that account now exists.
      if (!isUniqueViolation(error)) throw error;
      return { ok: false, reason: "account-just-created" };
    }
  }
  if (!user) return { ok: false, reason: "unusable" };
  const cookie = await startFreshSession(auth, client, user.id);
  logger.info("invitation accepted", { userId: user.id });
  return { ok: true, cookie };
}
