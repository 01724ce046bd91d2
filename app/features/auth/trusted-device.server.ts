/**
 * The trusted-device cookie (OWASP "device cookies", ADR 016): after a successful sign-in the
 * browser gets a long-lived random token, stored hashed against the person. On the next sign-in it
 * lets the throttle give this browser its own bucket, so nobody else's guesses lock it out. The
 * cookie proves nothing on its own: the password is always checked.
 */
import type { Database } from "../../../db/client";
import { addTrustedDevice, touchTrustedDevice } from "../../../db/queries/trusted-devices";
import { createToken, hashToken } from "./tokens.server";

const NAME = "commons_device";
const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The device token this request carries, if any (shape-checked, not yet matched to anyone). */
export function readDeviceToken(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== NAME) continue;
    const value = rest.join("=");
    return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
  }
  return null;
}

/** The hash of the request's device token when it belongs to this person (else null). */
export async function trustedDeviceOf(db: Database, userId: string | null, token: string | null) {
  if (!userId || !token) return null;
  const hash = hashToken(token);
  return (await touchTrustedDevice(db, userId, hash)) ? hash : null;
}

/** A new device token for the person, and the Set-Cookie header that gives it to the browser. */
export async function trustThisDevice(db: Database, userId: string, secure: boolean): Promise<string> {
  const { token, hash } = createToken();
  await addTrustedDevice(db, userId, hash);
  return `${NAME}=${token}; Path=/; Max-Age=${YEAR_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
