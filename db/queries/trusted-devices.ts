import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { trustedDevices } from "../schema/index";

/** Remembers a browser the person has signed in from (by the hash of its cookie's token). */
export async function addTrustedDevice(db: Database, userId: string, tokenHash: string) {
  await db.insert(trustedDevices).values({ userId, tokenHash });
}

/** Whether this device token belongs to this person; marks it used when it does. */
export async function touchTrustedDevice(db: Database, userId: string, tokenHash: string): Promise<boolean> {
  const rows = await db
    .update(trustedDevices)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(trustedDevices.tokenHash, tokenHash), eq(trustedDevices.userId, userId)))
    .returning({ tokenHash: trustedDevices.tokenHash });
  return rows.length > 0;
}

/** Forgets every browser of a person (after a password reset: a thief's browser must not stay trusted). */
export async function forgetTrustedDevices(db: Database, userId: string) {
  await db.delete(trustedDevices).where(eq(trustedDevices.userId, userId));
}
