import type { Database } from "../../../db/client";
import { claimAttempt, type ThrottlePolicy } from "../../../db/queries/throttle";
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
 * whether it may go ahead (the request that reaches a limit is still allowed; the next one is not).
 */
export async function takeResetRequest(
  db: Database,
  email: string,
  ip: string,
  now = new Date(),
): Promise<ThrottleVerdict> {
  // Each claim counts and decides in one statement, so parallel requests cannot pass the limits.
  const account = await claimAttempt(db, accountKey(email), ACCOUNT, now);
  const address = account.allowed ? await claimAttempt(db, addressKey(ip), ADDRESS, now) : null;
  if (account.allowed && address?.allowed) return { allowed: true };
  const until = (address && !address.allowed ? address : account).lockedUntil ?? new Date(now.getTime() + 60_000);
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) };
}
