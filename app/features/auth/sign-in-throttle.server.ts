/**
 * The limit on password guesses (sign-in, accepting an invitation with an existing account, changing
 * a password). Policy, against OWASP ASVS 2.2.1 and the device-cookie pattern (ADR 016):
 * - A browser the person signed in from before (a trusted-device cookie for this account) has its
 *   own bucket of 5 failures per 15 minutes, and no other limit applies to it: a stranger guessing
 *   at the account, or a flood from the school's shared address, does not lock the person out.
 * - Any other browser: 5 failures per 15 minutes per account, and a loose 100 per 15 minutes per
 *   client address (a whole school can share one).
 * Each attempt is claimed before the password is checked, by one atomic statement per bucket that
 * counts and decides, so parallel guesses cannot evaluate more passwords than the limit.
 */
import type { Database } from "../../../db/client";
import { claimAttempt, clearThrottle, refundAttempt, type ThrottlePolicy } from "../../../db/queries/throttle";

const ACCOUNT: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
const ADDRESS: ThrottlePolicy = { maxFailures: 100, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
const DEVICE: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;
const deviceKey = (tokenHash: string) => `device:${tokenHash}`;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

type Bucket = { key: string; policy: ThrottlePolicy; clearOnSuccess: boolean };

/** An attempt that may go ahead: settle it with the password check's outcome. */
export type ClaimedAttempt = { allowed: true; buckets: Bucket[] };
export type AttemptClaim = ClaimedAttempt | { allowed: false; retryAfterMinutes: number };

const minutesUntil = (until: Date | null, now: Date) =>
  Math.max(1, Math.ceil(((until?.getTime() ?? now.getTime() + 60_000) - now.getTime()) / 60_000));

/**
 * Claims one password attempt for `email` from `ip`, or from a trusted device of this account
 * (`trustedDeviceHash`: the hash of a device cookie already checked to belong to the account).
 * A refused claim leaves no count behind in the buckets it did not reach.
 */
export async function claimSignInAttempt(
  db: Database,
  who: { email: string; ip: string; trustedDeviceHash?: string | null },
  now = new Date(),
): Promise<AttemptClaim> {
  const buckets: Bucket[] = who.trustedDeviceHash
    ? [{ key: deviceKey(who.trustedDeviceHash), policy: DEVICE, clearOnSuccess: true }]
    : [
        { key: addressKey(who.ip), policy: ADDRESS, clearOnSuccess: false },
        { key: accountKey(who.email), policy: ACCOUNT, clearOnSuccess: true },
      ];
  const claimed: Bucket[] = [];
  for (const bucket of buckets) {
    const verdict = await claimAttempt(db, bucket.key, bucket.policy, now);
    if (!verdict.allowed) {
      // Neither this refused attempt nor the buckets already passed should count it as a guess.
      for (const done of [...claimed, bucket]) await refundAttempt(db, done.key, done.policy);
      return { allowed: false, retryAfterMinutes: minutesUntil(verdict.lockedUntil, now) };
    }
    claimed.push(bucket);
  }
  return { allowed: true, buckets: claimed };
}

/**
 * Settles a claimed attempt: a wrong password stays counted; a right one clears the account's (or
 * device's) failures and gives the address its attempt back.
 */
export async function settleSignInAttempt(db: Database, claim: ClaimedAttempt, succeeded: boolean) {
  if (!succeeded) return;
  for (const bucket of claim.buckets) {
    if (bucket.clearOnSuccess) await clearThrottle(db, bucket.key);
    else await refundAttempt(db, bucket.key, bucket.policy);
  }
}

/** A password was set another way (a reset link): the account's failures are forgotten. */
export async function clearSignInFailures(db: Database, email: string) {
  await clearThrottle(db, accountKey(email));
}
