import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { roleGrants, schools, users, type Role } from "../schema/index";

export type User = typeof users.$inferSelect;
export type Grant = { role: Role; authorityId: string; schoolId: string | null };

/** Emails are compared exactly, so they are always normalised the same way before storing or looking up. */
export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

/** The user with this email (any case), or null. */
export async function findUserByEmail(db: Database, email: string): Promise<User | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return row ?? null;
}

/** The user with this id, or null. */
export async function getUser(db: Database, id: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** Everything a person holds, as the permission module's grants. */
export async function getGrants(db: Database, userId: string): Promise<Grant[]> {
  return db
    .select({ role: roleGrants.role, authorityId: roleGrants.authorityId, schoolId: roleGrants.schoolId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
}

/** Creates a user with the given grants in one transaction. */
export async function createUserWithGrants(
  db: Database,
  values: { email: string; name: string; passwordHash: string },
  grants: Grant[],
): Promise<User> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ ...values, email: normaliseEmail(values.email) })
      .returning();
    if (grants.length > 0) await tx.insert(roleGrants).values(grants.map((g) => ({ ...g, userId: user.id })));
    return user;
  });
}

/** Adds a grant unless the person already holds it. */
export async function addGrant(db: Database, userId: string, grant: Grant) {
  await db
    .insert(roleGrants)
    .values({ ...grant, userId })
    .onConflictDoNothing();
}

/** Removes one grant in an authority (matching role and school). */
export async function removeGrant(db: Database, userId: string, grant: Grant) {
  const schoolMatch = grant.schoolId ? eq(roleGrants.schoolId, grant.schoolId) : undefined;
  await db
    .delete(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.authorityId, grant.authorityId),
        eq(roleGrants.role, grant.role),
        schoolMatch,
      ),
    );
}

export type PersonInAuthority = {
  id: string;
  name: string;
  email: string;
  grants: Array<{ role: Role; schoolId: string | null; schoolName: string | null }>;
};

/**
 * Everybody holding at least one role in the authority (or just `userId`, if given), with those
 * roles, in two queries.
 */
export async function listPeople(db: Database, authorityId: string, userId?: string): Promise<PersonInAuthority[]> {
  const rows = await db
    .select({
      userId: roleGrants.userId,
      role: roleGrants.role,
      schoolId: roleGrants.schoolId,
      schoolName: schools.name,
    })
    .from(roleGrants)
    .leftJoin(schools, eq(schools.id, roleGrants.schoolId))
    .where(and(eq(roleGrants.authorityId, authorityId), userId ? eq(roleGrants.userId, userId) : undefined));
  const ids = [...new Set(rows.map((r) => r.userId))];
  if (ids.length === 0) return [];
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.name));
  return people.map((p) => ({
    ...p,
    grants: rows
      .filter((r) => r.userId === p.id)
      .map(({ role, schoolId, schoolName }) => ({ role, schoolId, schoolName })),
  }));
}

/** Changes a person's display name. */
export async function updateUserName(db: Database, userId: string, name: string) {
  await db.update(users).set({ name }).where(eq(users.id, userId));
}

/** Replaces a person's password hash. */
export async function updateUserPassword(db: Database, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}
