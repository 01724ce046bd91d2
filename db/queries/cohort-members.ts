import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  cohortMembers,
  cohorts,
  communities,
  communityMembers,
  peerPairs,
  roleGrants,
  schools,
  users,
} from "../schema/index";

export type CohortRole = "facilitator" | "leader";

/** A person with the schools they lead in the authority (comma-separated, may be empty). */
const schoolNames = sql<string>`coalesce(string_agg(${schools.name}, ', ' order by ${schools.name}), '')`;

/** Everyone in the cohort (facilitators and leaders) with the schools they lead. One query. */
export function listCohortMembers(db: Database, cohortId: string, authorityId: string) {
  return db
    .select({ userId: users.id, name: users.name, role: cohortMembers.role, schools: schoolNames })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .leftJoin(
      roleGrants,
      and(
        eq(roleGrants.userId, users.id),
        eq(roleGrants.role, "school_leader"),
        eq(roleGrants.authorityId, authorityId),
      ),
    )
    .leftJoin(schools, eq(schools.id, roleGrants.schoolId))
    .where(eq(cohortMembers.cohortId, cohortId))
    .groupBy(users.id, users.name, cohortMembers.role)
    .orderBy(asc(users.name));
}

/** People of the authority holding `role` who are not yet in the cohort in that part. One query. */
function listAddable(
  db: Database,
  cohortId: string,
  authorityId: string,
  grant: "school_leader" | "facilitator",
  part: CohortRole,
) {
  return db
    .select({ userId: users.id, name: users.name, schools: schoolNames })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .leftJoin(schools, eq(schools.id, roleGrants.schoolId))
    .where(
      and(
        eq(roleGrants.authorityId, authorityId),
        eq(roleGrants.role, grant),
        notExists(
          db
            .select({ one: sql`1` })
            .from(cohortMembers)
            .where(
              and(
                eq(cohortMembers.cohortId, cohortId),
                eq(cohortMembers.userId, users.id),
                eq(cohortMembers.role, part),
              ),
            ),
        ),
      ),
    )
    .groupBy(users.id, users.name)
    .orderBy(asc(users.name));
}

/** School leaders of the authority not yet leaders in the cohort, with their schools. */
export function listAddableLeaders(db: Database, cohortId: string, authorityId: string) {
  return listAddable(db, cohortId, authorityId, "school_leader", "leader");
}

/** Facilitators of the authority not yet facilitating the cohort. */
export function listAddableFacilitators(db: Database, cohortId: string, authorityId: string) {
  return listAddable(db, cohortId, authorityId, "facilitator", "facilitator");
}

/** Adds people to the cohort in one part (already there: nothing happens). */
export async function addCohortMembers(db: Database, cohortId: string, userIds: string[], role: CohortRole) {
  if (userIds.length === 0) return;
  await db
    .insert(cohortMembers)
    .values(userIds.map((userId) => ({ cohortId, userId, role })))
    .onConflictDoNothing();
}

/**
 * Takes a person out of the cohort in one part. A leader also leaves the cohort's communities and
 * peer pairs, so their access to those documents ends with their membership.
 */
export async function removeCohortMember(db: Database, cohortId: string, userId: string, role: CohortRole) {
  await db.transaction(async (tx) => {
    // The same lock as forming and moving (db/queries/equity.ts): a move racing this removal cannot put the person back.
    await tx.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, cohortId)).for("update");
    await tx
      .delete(cohortMembers)
      .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId), eq(cohortMembers.role, role)));
    if (role !== "leader") return;
    const inCohort = tx.select({ id: communities.id }).from(communities).where(eq(communities.cohortId, cohortId));
    await tx
      .delete(communityMembers)
      .where(and(eq(communityMembers.userId, userId), inArray(communityMembers.communityId, inCohort)));
    await tx
      .delete(peerPairs)
      .where(
        and(
          inArray(peerPairs.communityId, inCohort),
          sql`(${peerPairs.userId} = ${userId} or ${peerPairs.partnerId} = ${userId})`,
        ),
      );
  });
}

/** Whether a cohort of this name already exists in the authority for the school year (any case). */
export async function cohortNameTaken(db: Database, authorityId: string, name: string, schoolYear: string) {
  const [row] = await db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(
      and(
        eq(cohorts.authorityId, authorityId),
        eq(cohorts.schoolYear, schoolYear),
        sql`lower(${cohorts.name}) = lower(${name})`,
      ),
    )
    .limit(1);
  return Boolean(row);
}
