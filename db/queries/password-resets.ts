import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { passwordResets, users } from "../schema/index";

export type PasswordReset = typeof passwordResets.$inferSelect;

/** Records a "forgot password" link; the caller keeps the raw token and only its hash is stored. */
export async function createPasswordReset(
  db: Database,
  values: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<PasswordReset> {
  const [row] = await db.insert(passwordResets).values(values).returning();
  return row;
}

/** A reset link that can still be used (not used, not expired), with its account's email, or null. */
export async function findUsablePasswordReset(db: Database, tokenHash: string, now = new Date()) {
  const [row] = await db
    .select({ reset: passwordResets, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Uses a reset link exactly once: marks it used (only if still usable, so two submissions cannot
 * both succeed), sets the new password and retires the account's other unused links. Returns the
 * account's id, or null when the link was no longer usable.
 */
export async function consumePasswordReset(
  db: Database,
  tokenHash: string,
  passwordHash: string,
  now = new Date(),
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
      )
      .returning();
    if (!reset) return null;
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    return reset.userId;
  });
}
