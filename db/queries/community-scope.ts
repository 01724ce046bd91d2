import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import {
  cohortMembers,
  cohortSessions,
  cohorts,
  communities,
  communityMembers,
  roleGrants,
  sipAssignments,
} from "../schema/index";

export type Scope = { authorityId: string; memberIds: string[]; facilitatorIds: string[]; sipIds: string[] };

/** SIPs assigned this school year to any school led by one of these people. */
async function sipsForLeaders(db: Database, leaderIds: string[], schoolYear: string): Promise<string[]> {
  if (leaderIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ sipId: sipAssignments.sipUserId })
    .from(sipAssignments)
    .innerJoin(roleGrants, and(eq(roleGrants.schoolId, sipAssignments.schoolId), eq(roleGrants.role, "school_leader")))
    .where(and(inArray(roleGrants.userId, leaderIds), eq(sipAssignments.schoolYear, schoolYear)));
  return rows.map((r) => r.sipId);
}

async function facilitatorsOf(db: Database, cohortId: string) {
  const rows = await db
    .select({ userId: cohortMembers.userId })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.role, "facilitator")));
  return rows.map((r) => r.userId);
}

/** Who may see a community's documents, or null if there is no such community. */
export async function getCommunityScope(db: Database, communityId: string, schoolYear: string): Promise<Scope | null> {
  const [community] = await db
    .select({ cohortId: communities.cohortId, authorityId: cohorts.authorityId })
    .from(communities)
    .innerJoin(cohorts, eq(cohorts.id, communities.cohortId))
    .where(eq(communities.id, communityId));
  if (!community) return null;
  const members = await db
    .select({ userId: communityMembers.userId })
    .from(communityMembers)
    .where(eq(communityMembers.communityId, communityId));
  const memberIds = members.map((m) => m.userId);
  const [facilitatorIds, sipIds] = await Promise.all([
    facilitatorsOf(db, community.cohortId),
    sipsForLeaders(db, memberIds, schoolYear),
  ]);
  return { authorityId: community.authorityId, memberIds, facilitatorIds, sipIds };
}

/** Who may see a cohort-wide document (its playlist), or null if there is no such cohort. */
export async function getCohortScope(db: Database, cohortId: string, schoolYear: string): Promise<Scope | null> {
  const [cohort] = await db.select({ authorityId: cohorts.authorityId }).from(cohorts).where(eq(cohorts.id, cohortId));
  if (!cohort) return null;
  const rows = await db
    .select({ userId: cohortMembers.userId, role: cohortMembers.role })
    .from(cohortMembers)
    .where(eq(cohortMembers.cohortId, cohortId));
  const memberIds = rows.filter((r) => r.role === "leader").map((r) => r.userId);
  const facilitatorIds = rows.filter((r) => r.role === "facilitator").map((r) => r.userId);
  return {
    authorityId: cohort.authorityId,
    memberIds,
    facilitatorIds,
    sipIds: await sipsForLeaders(db, memberIds, schoolYear),
  };
}

/** Who may see a monthly session's notes (the session's cohort), or null if there is no such session. */
export async function getSessionScope(db: Database, sessionId: string, schoolYear: string): Promise<Scope | null> {
  const [session] = await db
    .select({ cohortId: cohortSessions.cohortId })
    .from(cohortSessions)
    .where(eq(cohortSessions.id, sessionId));
  return session ? getCohortScope(db, session.cohortId, schoolYear) : null;
}
