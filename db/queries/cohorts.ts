import { asc, eq } from "drizzle-orm";
import type { Database } from "../client";
import { cohortMembers, cohorts } from "../schema/index";

export type CohortSummary = { id: string; name: string; schoolYear: string; authorityId: string };

const summary = {
  id: cohorts.id,
  name: cohorts.name,
  schoolYear: cohorts.schoolYear,
  authorityId: cohorts.authorityId,
};

/** A cohort's name, year and authority, or null. */
export async function getCohort(db: Database, cohortId: string): Promise<CohortSummary | null> {
  const [cohort] = await db.select(summary).from(cohorts).where(eq(cohorts.id, cohortId));
  return cohort ?? null;
}

/** Cohorts a person belongs to (as a facilitator or a leader), with their part in each. */
export function listCohortsForUser(db: Database, userId: string) {
  return db
    .select({ ...summary, role: cohortMembers.role })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(eq(cohortMembers.userId, userId))
    .orderBy(asc(cohorts.name));
}
