import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import {
  cohortMembers,
  cohorts,
  communities,
  communityMembers,
  roleGrants,
  schools,
  sipAssignments,
  users,
} from "../schema/index";

export type CommunitySummary = { id: string; name: string; cohortName: string };

const summary = { id: communities.id, name: communities.name, cohortName: cohorts.name };

/**
 * Communities a person can open: as a member, as a facilitator of the cohort, or as the SIP of a
 * member's school this year. Three indexed queries; the caller still checks access per community.
 */
export async function listCommunitiesForUser(
  db: Database,
  userId: string,
  schoolYear: string,
): Promise<CommunitySummary[]> {
  const [asMember, asFacilitator, asSip] = await Promise.all([
    db
      .select(summary)
      .from(communityMembers)
      .innerJoin(communities, eq(communities.id, communityMembers.communityId))
      .innerJoin(cohorts, eq(cohorts.id, communities.cohortId))
      .where(eq(communityMembers.userId, userId)),
    db
      .select(summary)
      .from(cohortMembers)
      .innerJoin(communities, eq(communities.cohortId, cohortMembers.cohortId))
      .innerJoin(cohorts, eq(cohorts.id, communities.cohortId))
      .where(and(eq(cohortMembers.userId, userId), eq(cohortMembers.role, "facilitator"))),
    db
      .selectDistinct(summary)
      .from(sipAssignments)
      .innerJoin(
        roleGrants,
        and(eq(roleGrants.schoolId, sipAssignments.schoolId), eq(roleGrants.role, "school_leader")),
      )
      .innerJoin(communityMembers, eq(communityMembers.userId, roleGrants.userId))
      .innerJoin(communities, eq(communities.id, communityMembers.communityId))
      .innerJoin(cohorts, eq(cohorts.id, communities.cohortId))
      .where(and(eq(sipAssignments.sipUserId, userId), eq(sipAssignments.schoolYear, schoolYear))),
  ]);
  const byId = new Map<string, CommunitySummary>();
  for (const c of [...asMember, ...asFacilitator, ...asSip]) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A community's name, cohort (id and name) and members (id and name), or null. */
export async function getCommunity(db: Database, communityId: string) {
  const [community] = await db
    .select({ ...summary, cohortId: communities.cohortId })
    .from(communities)
    .innerJoin(cohorts, eq(cohorts.id, communities.cohortId))
    .where(eq(communities.id, communityId));
  if (!community) return null;
  const members = await db
    .select({ id: users.id, name: users.name })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(eq(communityMembers.communityId, communityId))
    .orderBy(asc(users.name));
  return { ...community, members };
}

/** The schools a SIP is assigned to for the year, by name. */
export function listAssignedSchools(db: Database, sipUserId: string, schoolYear: string) {
  return db
    .select({ id: schools.id, name: schools.name, dayBudget: sipAssignments.dayBudget })
    .from(sipAssignments)
    .innerJoin(schools, eq(schools.id, sipAssignments.schoolId))
    .where(and(eq(sipAssignments.sipUserId, sipUserId), eq(sipAssignments.schoolYear, schoolYear)))
    .orderBy(asc(schools.name));
}

/** Creates a cohort with its facilitators and leaders, in one transaction (seeding and tests). */
export async function createCohort(
  db: Database,
  values: { authorityId: string; name: string; schoolYear: string; facilitatorIds: string[]; leaderIds: string[] },
) {
  return db.transaction(async (tx) => {
    const [cohort] = await tx
      .insert(cohorts)
      .values({ authorityId: values.authorityId, name: values.name, schoolYear: values.schoolYear })
      .returning();
    const rows = [
      ...values.facilitatorIds.map((userId) => ({ cohortId: cohort.id, userId, role: "facilitator" as const })),
      ...values.leaderIds.map((userId) => ({ cohortId: cohort.id, userId, role: "leader" as const })),
    ];
    if (rows.length) await tx.insert(cohortMembers).values(rows);
    return cohort;
  });
}

/** Creates a community of practice inside a cohort with its members (seeding and tests). */
export async function createCommunity(db: Database, values: { cohortId: string; name: string; memberIds: string[] }) {
  return db.transaction(async (tx) => {
    const [community] = await tx
      .insert(communities)
      .values({ cohortId: values.cohortId, name: values.name })
      .returning();
    if (values.memberIds.length) {
      await tx
        .insert(communityMembers)
        .values(values.memberIds.map((userId) => ({ communityId: community.id, userId })));
    }
    return community;
  });
}

/** Assigns a SIP to schools for a year (seeding and tests; the deployment pages come with SIP work). */
export async function assignSip(
  db: Database,
  values: { authorityId: string; sipUserId: string; schoolIds: string[]; schoolYear: string },
) {
  if (values.schoolIds.length === 0) return;
  await db.insert(sipAssignments).values(
    values.schoolIds.map((schoolId) => ({
      authorityId: values.authorityId,
      schoolId,
      sipUserId: values.sipUserId,
      schoolYear: values.schoolYear,
    })),
  );
}

/** A cohort's communities with their members (id and name), in one query. */
export async function listCohortCommunities(db: Database, cohortId: string) {
  const rows = await db
    .select({ id: communities.id, name: communities.name, memberId: users.id, memberName: users.name })
    .from(communities)
    .leftJoin(communityMembers, eq(communityMembers.communityId, communities.id))
    .leftJoin(users, eq(users.id, communityMembers.userId))
    .where(eq(communities.cohortId, cohortId))
    .orderBy(asc(communities.name), asc(communities.id), asc(users.name));
  const byId = new Map<string, { id: string; name: string; members: Array<{ id: string; name: string }> }>();
  for (const r of rows) {
    const c = byId.get(r.id) ?? { id: r.id, name: r.name, members: [] };
    if (r.memberId && r.memberName) c.members.push({ id: r.memberId, name: r.memberName });
    byId.set(r.id, c);
  }
  return [...byId.values()];
}
