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
 * Counts one failed sign-in for the key in a single atomic upsert, so concurrent guesses cannot
 * slip past the limit. A window older than `windowMs` starts again at 1; reaching `maxFailures`
 * locks the key for `lockMs`.
 */
export async function recordFailure(db: Database, key: string, policy: ThrottlePolicy, now = new Date()) {
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const lockUntil = new Date(now.getTime() + policy.lockMs);
  const t = signInThrottles;
  const expired = sql`${t.windowStartedAt} < ${windowStart.toISOString()}::timestamptz`;
  const nextFailures = sql`case when ${expired} then 1 else ${t.failures} + 1 end`;
  const [row] = await db
    .insert(t)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: policy.maxFailures <= 1 ? lockUntil : null })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: nextFailures,
        windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${t.windowStartedAt} end`,
        lockedUntil: sql`case when ${nextFailures} >= ${policy.maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${t.lockedUntil} end`,
      },
    })
    .returning();
  return row;
}

/** Forgets failures for a key (after a successful sign-in). */
export async function clearThrottle(db: Database, key: string) {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}
