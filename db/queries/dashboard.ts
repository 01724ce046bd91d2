import { and, count, countDistinct, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { invitations, roleGrants, schools } from "../schema/index";

export type AuthoritySummary = { schools: number; people: number; pendingInvitations: number };

/** Counts for an authority admin's overview, in three indexed count queries run together. */
export async function getAuthoritySummary(
  db: Database,
  authorityId: string,
  now = new Date(),
): Promise<AuthoritySummary> {
  const [[s], [p], [i]] = await Promise.all([
    db.select({ n: count() }).from(schools).where(eq(schools.authorityId, authorityId)),
    db
      .select({ n: countDistinct(roleGrants.userId) })
      .from(roleGrants)
      .where(eq(roleGrants.authorityId, authorityId)),
    db
      .select({ n: count() })
      .from(invitations)
      .where(
        and(eq(invitations.authorityId, authorityId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)),
      ),
  ]);
  return { schools: Number(s.n), people: Number(p.n), pendingInvitations: Number(i.n) };
}
