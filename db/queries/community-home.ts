import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Database } from "../client";
import { cohortMembers, communities, communityMembers, peerPairs, roleGrants, schools, users } from "../schema/index";

export type HomeMember = { id: string; name: string; schools: Array<{ id: string; name: string }> };

/**
 * What the community's home shows about its people: its cohort, each member with the schools they
 * lead, and the cohort's facilitators. Two queries.
 */
export async function getCommunityPeople(db: Database, communityId: string) {
  const [memberRows, facilitators] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, schoolId: schools.id, schoolName: schools.name })
      .from(communityMembers)
      .innerJoin(users, eq(users.id, communityMembers.userId))
      .leftJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, "school_leader")))
      .leftJoin(schools, eq(schools.id, roleGrants.schoolId))
      .where(eq(communityMembers.communityId, communityId))
      .orderBy(asc(users.name), asc(schools.name)),
    db
      .select({ id: users.id, name: users.name })
      .from(communities)
      .innerJoin(
        cohortMembers,
        and(eq(cohortMembers.cohortId, communities.cohortId), eq(cohortMembers.role, "facilitator")),
      )
      .innerJoin(users, eq(users.id, cohortMembers.userId))
      .where(eq(communities.id, communityId))
      .orderBy(asc(users.name)),
  ]);
  const members = new Map<string, HomeMember>();
  for (const r of memberRows) {
    const m = members.get(r.id) ?? { id: r.id, name: r.name, schools: [] };
    if (r.schoolId && r.schoolName) m.schools.push({ id: r.schoolId, name: r.schoolName });
    members.set(r.id, m);
  }
  return { members: [...members.values()], facilitators };
}

/** The peer-check pairs: one row per person, with their partner. */
export function listPeerPairs(db: Database, communityId: string) {
  return db
    .select({ userId: peerPairs.userId, partnerId: peerPairs.partnerId })
    .from(peerPairs)
    .where(eq(peerPairs.communityId, communityId));
}

const involving = (communityId: string, ids: string[]) =>
  and(eq(peerPairs.communityId, communityId), or(inArray(peerPairs.userId, ids), inArray(peerPairs.partnerId, ids)));

/** Pairs two members both ways; whoever either was paired with before is left without a partner. */
export async function setPeerPair(db: Database, communityId: string, a: string, b: string) {
  await db.transaction(async (tx) => {
    await tx.delete(peerPairs).where(involving(communityId, [a, b]));
    await tx.insert(peerPairs).values([
      { communityId, userId: a, partnerId: b },
      { communityId, userId: b, partnerId: a },
    ]);
  });
}

/** Ends a member's pair, both ways. */
export async function removePeerPair(db: Database, communityId: string, userId: string) {
  await db.delete(peerPairs).where(involving(communityId, [userId]));
}
