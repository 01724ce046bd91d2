import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { improvementPlans, sipAssignments } from "../schema/index";

/**
 * The school years ("2025-26") a school has any data for, newest first: a plan, or a SIP
 * assignment. Visits, visit records and reports all hang off an assignment, so the assignment's
 * year covers them (and a year with an assignment but nothing logged yet is still worth showing).
 */
export async function listSchoolYearsWithData(db: Database, schoolId: string): Promise<string[]> {
  const [plans, assignments] = await Promise.all([
    db
      .selectDistinct({ year: improvementPlans.schoolYear })
      .from(improvementPlans)
      .where(eq(improvementPlans.schoolId, schoolId)),
    db
      .selectDistinct({ year: sipAssignments.schoolYear })
      .from(sipAssignments)
      .where(eq(sipAssignments.schoolId, schoolId)),
  ]);
  return [...new Set([...plans, ...assignments].map((r) => r.year))].sort((a, b) => b.localeCompare(a));
}
