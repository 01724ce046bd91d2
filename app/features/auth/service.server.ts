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
import { claimSignInAttempt, settleSignInAttempt } from "./sign-in-throttle.server";
import { hashToken } from "./tokens.server";
import { trustedDeviceOf, trustThisDevice } from "./trusted-device.server";

/** `realtime`: to close the sockets of a session this browser ends (pages pass the app's services). */
type Deps = { db: Database; auth: Auth; logger: Logger; realtime?: Pick<AppServices["realtime"], "sessionEnded"> };
/**
 * Who is at the keyboard: their address and trusted-device token (for the throttle) and the session
 * this browser already has.
 */
export type Client = { ip: string; sessionId: string | null; deviceToken?: string | null };

type Throttled = { ok: false; reason: "throttled"; retryAfterMinutes: number };
/** `cookies`: the session cookie, and a trusted-device cookie when this browser did not have one for the account. */
export type SignInResult = { ok: true; cookies: string[] } | Throttled | { ok: false; reason: "bad-credentials" };

// A fresh session on every sign-in; any session this browser already had is ended, with its sockets.
async function startFreshSession(deps: Deps, client: Client, userId: string) {
  if (client.sessionId) {
    await deps.auth.endSession(client.sessionId);
    deps.realtime?.sessionEnded(client.sessionId);
  }
  return deps.auth.startSession(userId);
}

/**
 * A password check under the limit on guesses (see sign-in-throttle.server.ts): the attempt is
 * claimed first (refused: "throttled"), then checked; a right password clears the failures. Also
 * says whether this browser is already trusted for the account.
 */
export async function checkPasswordThrottled(
  db: Database,
  client: Client,
  account: { email: string; userId: string | null; passwordHash: string | null },
  password: string,
): Promise<Throttled | { ok: boolean; trustedDevice: boolean }> {
  const trustedDeviceHash = await trustedDeviceOf(db, account.userId, client.deviceToken ?? null);
  const claim = await claimSignInAttempt(db, { email: account.email, ip: client.ip, trustedDeviceHash });
  if (!claim.allowed) return { ok: false, reason: "throttled", retryAfterMinutes: claim.retryAfterMinutes };
  const ok = await verifyPassword(account.passwordHash, password);
  await settleSignInAttempt(db, claim, ok);
  return { ok, trustedDevice: trustedDeviceHash !== null };
}

// The cookies of a new sign-in: the session, and this browser trusted for the account if it was not.
async function signedInCookies(deps: Deps, client: Client, userId: string, trustedDevice: boolean) {
  const session = await startFreshSession(deps, client, userId);
  return trustedDevice ? [session] : [session, await trustThisDevice(deps.db, userId, deps.auth.secure)];
}

/** Signs in with email and password; one answer for an unknown email and a wrong password. */
export async function signIn(
  deps: Deps,
  client: Client,
  input: { email: string; password: string },
): Promise<SignInResult> {
  const { db, logger } = deps;
  const user = await findUserByEmail(db, input.email);
  const account = { email: input.email, userId: user?.id ?? null, passwordHash: user?.passwordHash ?? null };
  const checked = await checkPasswordThrottled(db, client, account, input.password);
  if ("reason" in checked) return checked;
  if (!checked.ok || !user) {
    logger.info("sign-in failed", { email: input.email.toLowerCase(), ip: client.ip });
    return { ok: false, reason: "bad-credentials" };
  }
  const cookies = await signedInCookies(deps, client, user.id, checked.trustedDevice);
  logger.info("signed in", { userId: user.id, trustedDevice: checked.trustedDevice });
  return { ok: true, cookies };
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
  | { ok: true; cookies: string[] }
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
  const { db, logger } = deps;
  const tokenHash = hashToken(token);
  let user;
  let trustedDevice = false;
  if (found.existing) {
    const { email, passwordHash, id } = found.existing;
    const checked = await checkPasswordThrottled(db, client, { email, userId: id, passwordHash }, input.password);
    if ("reason" in checked) return checked;
    if (!checked.ok) return { ok: false, reason: "wrong-password" };
    trustedDevice = checked.trustedDevice;
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
  const cookies = await signedInCookies(deps, client, user.id, trustedDevice);
  logger.info("invitation accepted", { userId: user.id });
  return { ok: true, cookies };
}
