import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { schools, sipAssignments } from "../schema/index";

/** A school, its authority, and its SIP assignment for the year (if any), or null if there is no such school. */
export async function getSchoolScope(db: Database, schoolId: string, schoolYear: string) {
  const rows = await db
    .select({
      schoolId: schools.id,
      authorityId: schools.authorityId,
      name: schools.name,
      category: schools.category,
      assignmentId: sipAssignments.id,
      sipUserId: sipAssignments.sipUserId,
      dayBudget: sipAssignments.dayBudget,
    })
    .from(schools)
    .leftJoin(sipAssignments, and(eq(sipAssignments.schoolId, schools.id), eq(sipAssignments.schoolYear, schoolYear)))
    .where(eq(schools.id, schoolId));
  const [row] = rows;
  if (!row) return null;
  return {
    schoolId: row.schoolId,
    authorityId: row.authorityId,
    name: row.name,
    category: row.category,
    sipIds: row.sipUserId ? [row.sipUserId] : [],
    assignment: row.assignmentId
      ? { id: row.assignmentId, sipUserId: row.sipUserId!, dayBudget: row.dayBudget! }
      : null,
  };
}
