import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { signInThrottles } from "../schema/index";

export type ThrottleRow = typeof signInThrottles.$inferSelect;
export type ThrottlePolicy = { maxFailures: number; windowMs: number; lockMs: number };

/** The throttle rows for these keys (a missing key has no failures). */
export function getThrottles(db: Database, keys: string[]): Promise<ThrottleRow[]> {
  return db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
}

/**
 * Counts one attempt for the key and decides it, in a single atomic upsert, so concurrent guesses
 * cannot slip past the limit (the row lock orders them; each sees the count of the ones before).
 * The count starts again at 1 once a lock has run out, or once an unlocked window is older than
 * `windowMs`; reaching `maxFailures` locks the key for `lockMs`, and attempts while it is locked are
 * counted without extending the lock. The attempt is allowed when its count is within the limit.
 */
export async function claimAttempt(
  db: Database,
  key: string,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<{ allowed: boolean; lockedUntil: Date | null }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - policy.windowMs).toISOString()}::timestamptz`;
  const lockUntil = sql`${new Date(now.getTime() + policy.lockMs).toISOString()}::timestamptz`;
  const t = signInThrottles;
  const reset = sql`((${t.lockedUntil} is not null and ${t.lockedUntil} <= ${at}) or (${t.lockedUntil} is null and ${t.windowStartedAt} < ${windowStart}))`;
  const stillLocked = sql`(${t.lockedUntil} is not null and ${t.lockedUntil} > ${at})`;
  const firstLock = policy.maxFailures <= 1 ? lockUntil : sql`null::timestamptz`;
  const [row] = await db
    .insert(t)
    .values({
      key,
      failures: 1,
      windowStartedAt: now,
      lockedUntil: policy.maxFailures <= 1 ? new Date(now.getTime() + policy.lockMs) : null,
    })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${reset} then 1 else ${t.failures} + 1 end`,
        windowStartedAt: sql`case when ${reset} then ${at} else ${t.windowStartedAt} end`,
        lockedUntil: sql`case when ${reset} then ${firstLock} when ${stillLocked} then ${t.lockedUntil} when ${t.failures} + 1 >= ${policy.maxFailures} then ${lockUntil} else null end`,
      },
    })
    .returning();
  return { allowed: row!.failures <= policy.maxFailures, lockedUntil: row!.lockedUntil };
}

/**
 * Takes back one counted attempt (it turned out not to be a failure, or it was never tried): the
 * count drops by one and a lock that this attempt alone caused is lifted.
 */
export async function refundAttempt(db: Database, key: string, policy: ThrottlePolicy) {
  const t = signInThrottles;
  await db
    .update(t)
    .set({
      failures: sql`greatest(${t.failures} - 1, 0)`,
      lockedUntil: sql`case when ${t.failures} - 1 >= ${policy.maxFailures} then ${t.lockedUntil} else null end`,
    })
    .where(eq(t.key, key));
}

/** Forgets failures for a key (after a successful sign-in). */
export async function clearThrottle(db: Database, key: string) {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}
