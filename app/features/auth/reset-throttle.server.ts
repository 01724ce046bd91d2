import type { Database } from "../../../db/client";
import { getThrottles, recordFailure, type ThrottlePolicy } from "../../../db/queries/throttle";
import type { ThrottleVerdict } from "./sign-in-throttle.server";

// Its own buckets in the sign-in throttle table: every request counts, since each one may send a mail.
// Per address typed (known or not, so the limit reveals nothing): 3 links an hour is plenty for a person.
const ACCOUNT: ThrottlePolicy = { maxFailures: 3, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };
// Per client address, loosely: a school can share one address, so only floods are stopped.
const ADDRESS: ThrottlePolicy = { maxFailures: 30, windowMs: 60 * 60_000, lockMs: 60 * 60_000 };

const accountKey = (email: string) => `reset-account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `reset-ip:${ip}`;

/**
 * Counts a "forgot password" request against the typed address and the client's address, and says
 * whether it may go ahead (a request that reaches a limit is still allowed; the next one is not).
 */
export async function takeResetRequest(
  db: Database,
  email: string,
  ip: string,
  now = new Date(),
): Promise<ThrottleVerdict> {
  const rows = await getThrottles(db, [accountKey(email), addressKey(ip)]);
  const lockedUntil = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  if (lockedUntil > now.getTime()) {
    return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((lockedUntil - now.getTime()) / 60_000)) };
  }
  await recordFailure(db, accountKey(email), ACCOUNT, now);
  await recordFailure(db, addressKey(ip), ADDRESS, now);
  return { allowed: true };
}
