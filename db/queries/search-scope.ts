import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import {
  cohortMembers,
  cohortSessions,
  cohorts,
  communities,
  communityMembers,
  roleGrants,
  schools,
  sipAssignments,
} from "../schema/index";

/**
 * Everything the permission module needs to decide, in one go, what of these authorities a reader
 * may open: schools, SIP assignments (every year), cohorts with their members and sessions,
 * communities with their members, and which schools each person leads. Eight small queries,
 * whatever the number of schools; search turns them into scopes (app/features/search/scopes.server.ts).
 */
export async function getSearchFacts(db: Database, authorityIds: readonly string[]) {
  if (authorityIds.length === 0) return emptyFacts();
  const ids = [...authorityIds];
  const [schoolRows, assignments, cohortRows] = await Promise.all([
    db
      .select({ id: schools.id, authorityId: schools.authorityId, name: schools.name })
      .from(schools)
      .where(inArray(schools.authorityId, ids)),
    db
      .select({
        id: sipAssignments.id,
        schoolId: sipAssignments.schoolId,
        authorityId: sipAssignments.authorityId,
        schoolYear: sipAssignments.schoolYear,
        sipUserId: sipAssignments.sipUserId,
      })
      .from(sipAssignments)
      .where(inArray(sipAssignments.authorityId, ids)),
    db
      .select({ id: cohorts.id, authorityId: cohorts.authorityId, name: cohorts.name, schoolYear: cohorts.schoolYear })
      .from(cohorts)
      .where(inArray(cohorts.authorityId, ids)),
  ]);
  const cohortIds = cohortRows.map((c) => c.id);
  if (cohortIds.length === 0) return { ...emptyFacts(), schools: schoolRows, assignments };
  const [members, sessions, communityRows, communityPeople, leaders] = await Promise.all([
    db
      .select({ cohortId: cohortMembers.cohortId, userId: cohortMembers.userId, role: cohortMembers.role })
      .from(cohortMembers)
      .where(inArray(cohortMembers.cohortId, cohortIds)),
    db
      .select({ id: cohortSessions.id, cohortId: cohortSessions.cohortId })
      .from(cohortSessions)
      .where(inArray(cohortSessions.cohortId, cohortIds)),
    db
      .select({ id: communities.id, cohortId: communities.cohortId, name: communities.name })
      .from(communities)
      .where(inArray(communities.cohortId, cohortIds)),
    db
      .select({ communityId: communityMembers.communityId, userId: communityMembers.userId })
      .from(communityMembers)
      .innerJoin(communities, eq(communities.id, communityMembers.communityId))
      .where(inArray(communities.cohortId, cohortIds)),
    db
      .select({ userId: roleGrants.userId, schoolId: roleGrants.schoolId })
      .from(roleGrants)
      .where(and(inArray(roleGrants.authorityId, ids), eq(roleGrants.role, "school_leader"))),
  ]);
  return {
    schools: schoolRows,
    assignments,
    cohorts: cohortRows,
    cohortMembers: members,
    sessions,
    communities: communityRows,
    communityMembers: communityPeople,
    leaders: leaders.filter((l): l is { userId: string; schoolId: string } => l.schoolId !== null),
  };
}

/** The facts of search scopes (see getSearchFacts). */
export type SearchFacts = Awaited<ReturnType<typeof getSearchFacts>>;

function emptyFacts() {
  return {
    schools: [] as { id: string; authorityId: string; name: string }[],
    assignments: [] as { id: string; schoolId: string; authorityId: string; schoolYear: string; sipUserId: string }[],
    cohorts: [] as { id: string; authorityId: string; name: string; schoolYear: string }[],
    cohortMembers: [] as { cohortId: string; userId: string; role: "facilitator" | "leader" }[],
    sessions: [] as { id: string; cohortId: string }[],
    communities: [] as { id: string; cohortId: string; name: string }[],
    communityMembers: [] as { communityId: string; userId: string }[],
    leaders: [] as { userId: string; schoolId: string }[],
  };
}
