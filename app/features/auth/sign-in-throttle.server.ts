import type { Database } from "../../../db/client";
import { clearThrottle, getThrottles, recordFailure, type ThrottlePolicy } from "../../../db/queries/throttle";

// Keyed on the account, strictly: a guesser cannot try more than 5 passwords per 15 minutes.
const ACCOUNT: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
// Keyed on the address, loosely: a whole school can share one address, so only floods are stopped.
const ADDRESS: ThrottlePolicy = { maxFailures: 100, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** Whether a sign-in may be attempted now for this email from this address. */
export async function checkSignInThrottle(
  db: Database,
  email: string,
  ip: string,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const rows = await getThrottles(db, [accountKey(email), addressKey(ip)]);
  const lockedUntil = rows
    .map((r) => r.lockedUntil?.getTime() ?? 0)
    .filter((t) => t > now.getTime())
    .sort((a, b) => b - a)[0];
  if (!lockedUntil) return { allowed: true };
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((lockedUntil - now.getTime()) / 60_000)) };
}

/** Counts a failed sign-in against both the account and the address. */
export async function recordSignInFailure(db: Database, email: string, ip: string, now = new Date()) {
  await recordFailure(db, accountKey(email), ACCOUNT, now);
  await recordFailure(db, addressKey(ip), ADDRESS, now);
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearSignInFailures(db: Database, email: string) {
  await clearThrottle(db, accountKey(email));
}
