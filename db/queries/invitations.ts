import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { invitations, roleGrants, schools, users, type Role } from "../schema/index";
import { normaliseEmail, type User } from "./users";

export type Invitation = typeof invitations.$inferSelect;

/** Records an invitation; the caller keeps the raw token and only its hash is stored. */
export async function createInvitation(
  db: Database,
  values: {
    authorityId: string;
    email: string;
    role: Role;
    schoolId: string | null;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<Invitation> {
  const [row] = await db
    .insert(invitations)
    .values({ ...values, email: normaliseEmail(values.email) })
    .returning();
  return row;
}

/** An invitation that can still be used (not accepted, not expired), or null. */
export async function findUsableInvitation(db: Database, tokenHash: string, now = new Date()) {
  const [row] = await db
    .select({ invitation: invitations, schoolName: schools.name })
    .from(invitations)
    .leftJoin(schools, eq(schools.id, invitations.schoolId))
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/**
 * Uses the invitation exactly once: marks it accepted (only if still usable, so two concurrent
 * accepts cannot both succeed), creates the account if needed and adds the role. Returns the user,
 * or null when the invitation was no longer usable.
 */
export async function acceptInvitation(
  db: Database,
  tokenHash: string,
  account: { existingUserId: string } | { name: string; passwordHash: string },
  now = new Date(),
): Promise<User | null> {
  const mismatch = new Error("invitation does not belong to this account");
  return db
    .transaction(async (tx) => {
      const [invitation] = await tx
        .update(invitations)
        .set({ acceptedAt: now })
        .where(
          and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)),
        )
        .returning();
      if (!invitation) return null;
      let user: User;
      if ("existingUserId" in account) {
        const [found] = await tx.select().from(users).where(eq(users.id, account.existingUserId)).limit(1);
        // Thrown, not returned, so the transaction rolls back and the invitation stays usable.
        if (!found || found.email !== invitation.email) throw mismatch;
        user = found;
      } else {
        [user] = await tx
          .insert(users)
          .values({ email: invitation.email, name: account.name, passwordHash: account.passwordHash })
          .returning();
      }
      await tx
        .insert(roleGrants)
        .values({
          userId: user.id,
          authorityId: invitation.authorityId,
          role: invitation.role,
          schoolId: invitation.schoolId,
        })
        .onConflictDoNothing();
      await tx.update(invitations).set({ acceptedBy: user.id }).where(eq(invitations.id, invitation.id));
      return user;
    })
    .catch((error) => {
      if (error === mismatch) return null;
      throw error;
    });
}

/** The authority's invitations, newest first, with the school's name. */
export function listInvitations(db: Database, authorityId: string, limit = 100) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      schoolName: schools.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(schools, eq(schools.id, invitations.schoolId))
    .where(eq(invitations.authorityId, authorityId))
    .orderBy(desc(invitations.createdAt))
    .limit(limit);
}
