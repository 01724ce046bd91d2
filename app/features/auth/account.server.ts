/**
 * A person's own account: "forgot password" links, and the profile (name, password). Each writes,
 * then ends the sessions the change must end (closing their live-editing sockets) and leaves a log line.
 */
import {
  createPasswordReset,
  findUsablePasswordReset,
  consumePasswordReset,
} from "../../../db/queries/password-resets";
import { forgetTrustedDevices } from "../../../db/queries/trusted-devices";
import { findUserByEmail, getGrants, getUser, updateUserName, updateUserPassword } from "../../../db/queries/users";
import type { AppServices } from "../../utils/services.server";
import { hashPassword } from "./password.server";
import { takeResetRequest } from "./reset-throttle.server";
import { checkPasswordThrottled, type Client } from "./service.server";
import { clearSignInFailures } from "./sign-in-throttle.server";
import { createToken, hashToken } from "./tokens.server";

type Deps = Pick<AppServices, "db" | "auth" | "logger" | "realtime">;
type Throttled = { ok: false; reason: "throttled"; retryAfterMinutes: number };

/** How long a reset link works. */
export const RESET_LINK_MS = 60 * 60_000;

// Ends the person's sessions (all, or all but the one in use) and closes their sockets now.
async function endSessions(deps: Deps, userId: string, keep: string | null) {
  const ended = await deps.auth.endSessionsOf(userId, keep);
  for (const id of ended) deps.realtime.sessionEnded(id);
  return ended.length;
}

// The link and its mail; to the outbox of the person's authority when there is no mail server.
async function sendResetLink(
  deps: Deps & Pick<AppServices, "env" | "mailer">,
  userId: string,
  email: string,
  origin: string,
) {
  const { token, hash } = createToken();
  await createPasswordReset(deps.db, { userId, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_LINK_MS) });
  const [grant] = await getGrants(deps.db, userId);
  const link = `${deps.env.appUrl ?? origin}/reset-password/${token}`;
  const text = [
    `Hello,`,
    ``,
    `Someone (we hope you) asked to reset the password of your Commons account. To choose a new password, open this link:`,
    link,
    ``,
    `The link works once, within the next hour. If you did not ask for it, you can ignore this email: your password stays as it is.`,
  ].join("\n");
  const mail = await deps.mailer.send({
    authorityId: grant?.authorityId ?? null,
    to: email,
    subject: "Reset your Commons password",
    text,
  });
  deps.logger.info("password reset link created", { userId, mailStatus: mail.status });
}

/**
 * Asks for a reset link. The answer is the same whether or not an account uses the address, and
 * comes as quickly: the link is made and mailed after the answer (a mail server can be slow).
 */
export async function requestPasswordReset(
  deps: Deps & Pick<AppServices, "env" | "mailer">,
  client: Client,
  input: { email: string; requestOrigin: string },
): Promise<{ ok: true } | Throttled> {
  const verdict = await takeResetRequest(deps.db, input.email, client.ip);
  if (!verdict.allowed) return { ok: false, reason: "throttled", retryAfterMinutes: verdict.retryAfterMinutes };
  const user = await findUserByEmail(deps.db, input.email);
  if (user) {
    sendResetLink(deps, user.id, user.email, input.requestOrigin).catch((error: unknown) =>
      deps.logger.error("password reset mail failed", { userId: user.id, error: String(error) }),
    );
  }
  return { ok: true };
}

/** The account a reset link is for, if the link can still be used. */
export async function findPasswordReset(deps: Pick<AppServices, "db">, token: string | undefined) {
  if (!token || token.length > 100) return null;
  return findUsablePasswordReset(deps.db, hashToken(token));
}

/**
 * Sets the new password from a reset link (once), ends every session of the person and signs this
 * browser in anew. Null when the link was used or expired meanwhile.
 */
export async function resetPassword(
  deps: Deps,
  client: Client,
  token: string,
  password: string,
): Promise<{ cookie: string } | null> {
  const userId = await consumePasswordReset(deps.db, hashToken(token), await hashPassword(password));
  if (!userId) return null;
  const ended = await endSessions(deps, userId, null);
  // This browser may be signed in as someone else: that session ends too, never reused.
  if (client.sessionId) {
    await deps.auth.endSession(client.sessionId);
    deps.realtime.sessionEnded(client.sessionId);
  }
  const user = await getUser(deps.db, userId);
  if (user) await clearSignInFailures(deps.db, user.email);
  // Whoever knew the old password may have signed in somewhere: no browser stays trusted.
  await forgetTrustedDevices(deps.db, userId);
  const cookie = await deps.auth.startSession(userId);
  deps.logger.info("password reset", { userId, sessionsEnded: ended });
  return { cookie };
}

/** Changes the person's own name. */
export async function changeName(deps: Deps, userId: string, name: string) {
  await updateUserName(deps.db, userId, name);
  deps.logger.info("name changed", { userId });
}

export type ChangePasswordResult =
  { ok: true; sessionsEnded: number } | Throttled | { ok: false; reason: "wrong-password" };

/**
 * Changes the person's own password after checking the current one (sharing sign-in's limit on
 * guesses, since a borrowed browser could try), then ends their other sessions and keeps this one.
 */
export async function changePassword(
  deps: Deps,
  client: Client & { sessionId: string },
  userId: string,
  input: { current: string; password: string },
): Promise<ChangePasswordResult> {
  const { db, logger } = deps;
  const user = await getUser(db, userId);
  if (!user) return { ok: false, reason: "wrong-password" };
  const account = { email: user.email, userId: user.id, passwordHash: user.passwordHash };
  const checked = await checkPasswordThrottled(db, client, account, input.current);
  if ("reason" in checked) return checked;
  if (!checked.ok) return { ok: false, reason: "wrong-password" };
  await updateUserPassword(db, userId, await hashPassword(input.password));
  const sessionsEnded = await endSessions(deps, userId, client.sessionId);
  logger.info("password changed", { userId, sessionsEnded });
  return { ok: true, sessionsEnded };
}
