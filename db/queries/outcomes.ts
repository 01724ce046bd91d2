import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import {
  cohortMembers,
  communities,
  communityMembers,
  outcomes,
  roleGrants,
  schools,
  sipAssignments,
} from "../schema/index";

export type OutcomeRow = {
  id: string;
  schoolId: string;
  schoolName: string;
  studentGroup: string;
  measure: string;
  baseline: number;
  target: number;
  actual: number | null;
};

/** The schools a cohort's leaders lead, each with its SIPs this year (who may see its rows). */
export async function listCohortSchools(db: Database, cohortId: string, schoolYear: string) {
  const rows = await db
    .selectDistinct({ id: schools.id, name: schools.name, sipId: sipAssignments.sipUserId })
    .from(cohortMembers)
    .innerJoin(roleGrants, and(eq(roleGrants.userId, cohortMembers.userId), eq(roleGrants.role, "school_leader")))
    .innerJoin(schools, eq(schools.id, roleGrants.schoolId))
    .leftJoin(sipAssignments, and(eq(sipAssignments.schoolId, schools.id), eq(sipAssignments.schoolYear, schoolYear)))
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.role, "leader")))
    .orderBy(asc(schools.name));
  const bySchool = new Map<string, { id: string; name: string; sipIds: string[] }>();
  for (const r of rows) {
    const school = bySchool.get(r.id) ?? { id: r.id, name: r.name, sipIds: [] };
    if (r.sipId) school.sipIds.push(r.sipId);
    bySchool.set(r.id, school);
  }
  return [...bySchool.values()];
}

const row = {
  id: outcomes.id,
  schoolId: outcomes.schoolId,
  schoolName: schools.name,
  studentGroup: outcomes.studentGroup,
  measure: outcomes.measure,
  baseline: outcomes.baseline,
  target: outcomes.target,
  actual: outcomes.actual,
};

/** The per-school rows of these schools in the cohort (only schools the viewer may see are passed). */
export async function listSchoolOutcomes(db: Database, cohortId: string, schoolIds: string[]): Promise<OutcomeRow[]> {
  if (schoolIds.length === 0) return [];
  return db
    .select(row)
    .from(outcomes)
    .innerJoin(schools, eq(schools.id, outcomes.schoolId))
    .where(and(eq(outcomes.cohortId, cohortId), inArray(outcomes.schoolId, schoolIds)))
    .orderBy(asc(schools.name), asc(outcomes.measure), asc(outcomes.studentGroup));
}

/** One outcome of a cohort, or null. */
export async function getOutcome(db: Database, cohortId: string, id: string) {
  const [found] = await db
    .select(row)
    .from(outcomes)
    .innerJoin(schools, eq(schools.id, outcomes.schoolId))
    .where(and(eq(outcomes.cohortId, cohortId), eq(outcomes.id, id)));
  return found ?? null;
}

/** The outcome already entered for this school, group and measure, or null (one row each). */
export async function findOutcome(
  db: Database,
  key: { cohortId: string; schoolId: string; studentGroup: string; measure: string },
) {
  const [found] = await db
    .select({ id: outcomes.id })
    .from(outcomes)
    .where(
      and(
        eq(outcomes.cohortId, key.cohortId),
        eq(outcomes.schoolId, key.schoolId),
        eq(outcomes.studentGroup, key.studentGroup),
        eq(outcomes.measure, key.measure),
      ),
    );
  return found ?? null;
}

export type OutcomeValues = {
  cohortId: string;
  schoolId: string;
  studentGroup: string;
  measure: string;
  baseline: number;
  target: number;
  actual: number | null;
  enteredBy: string;
};

/** Stores a new outcome, or (with `id`) changes one of the cohort's. */
export async function saveOutcome(db: Database, values: OutcomeValues & { id?: string }) {
  const { id, ...rest } = values;
  if (id) {
    await db
      .update(outcomes)
      .set({ ...rest, updatedAt: new Date() })
      .where(and(eq(outcomes.id, id), eq(outcomes.cohortId, values.cohortId)));
    return id;
  }
  const [created] = await db.insert(outcomes).values(rest).returning({ id: outcomes.id });
  return created.id;
}

/** Removes one outcome of the cohort. */
export async function deleteOutcome(db: Database, cohortId: string, id: string) {
  await db.delete(outcomes).where(and(eq(outcomes.cohortId, cohortId), eq(outcomes.id, id)));
}

/** Which schools count as "seen" by the viewer in a roll-up: all of them, or these. */
export type Visible = "all" | readonly string[];

function aggregates(visible: Visible) {
  const schoolsCount = sql<number>`count(distinct ${outcomes.schoolId})`.mapWith(Number);
  let visibleCount: SQL<number>;
  if (visible === "all") visibleCount = schoolsCount;
  else if (visible.length === 0) visibleCount = sql<number>`0`.mapWith(Number);
  else
    visibleCount =
      sql<number>`count(distinct ${outcomes.schoolId}) filter (where ${inArray(outcomes.schoolId, [...visible])})`.mapWith(
        Number,
      );
  return {
    measure: outcomes.measure,
    studentGroup: outcomes.studentGroup,
    schools: schoolsCount,
    visibleSchools: visibleCount,
    baseline: sql<number>`avg(${outcomes.baseline})`.mapWith(Number),
    target: sql<number>`avg(${outcomes.target})`.mapWith(Number),
    actual: sql<number>`avg(${outcomes.actual})`.mapWith(Number),
  };
}

/**
 * The cohort's roll-up per measure and student group: means over the schools that have entered an
 * actual result, with how many of them the viewer may see (for suppression). One grouped query.
 */
export function cohortRollups(db: Database, cohortId: string, visible: Visible) {
  return db
    .select(aggregates(visible))
    .from(outcomes)
    .where(and(eq(outcomes.cohortId, cohortId), isNotNull(outcomes.actual)))
    .groupBy(outcomes.measure, outcomes.studentGroup);
}

/**
 * The same roll-up per community for one measure. A school belongs to a community through its
 * leader's membership; the distinct (community, school) pairs keep a school with two leaders in
 * one community from counting twice.
 */
export function communityRollups(db: Database, cohortId: string, measure: string, visible: Visible) {
  const membership = db
    .selectDistinct({ communityId: communityMembers.communityId, schoolId: roleGrants.schoolId })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .innerJoin(roleGrants, and(eq(roleGrants.userId, communityMembers.userId), eq(roleGrants.role, "school_leader")))
    .where(eq(communities.cohortId, cohortId))
    .as("membership");
  return db
    .select({ communityId: membership.communityId, ...aggregates(visible) })
    .from(outcomes)
    .innerJoin(membership, eq(membership.schoolId, outcomes.schoolId))
    .where(and(eq(outcomes.cohortId, cohortId), eq(outcomes.measure, measure), isNotNull(outcomes.actual)))
    .groupBy(membership.communityId, outcomes.measure, outcomes.studentGroup);
}
