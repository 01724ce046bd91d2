/** Shared reports with a section addressed to governors, for governors' to-do lists. */
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../client";
import { reportSections, schools, sipAssignments, sipReports } from "../schema/index";

/** These schools' shared reports that address at least one section to governors, newest shared first. One query. */
export function listGovernorReports(db: Database, schoolIds: readonly string[], limit = 10) {
  if (schoolIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: sipReports.id,
      title: sipReports.title,
      status: sipReports.status,
      sharedAt: sipReports.sharedAt,
      schoolId: schools.id,
      schoolName: schools.name,
      authorityId: schools.authorityId,
    })
    .from(sipReports)
    .innerJoin(sipAssignments, eq(sipAssignments.id, sipReports.assignmentId))
    .innerJoin(schools, eq(schools.id, sipAssignments.schoolId))
    .where(
      and(
        inArray(sipAssignments.schoolId, [...schoolIds]),
        ne(sipReports.status, "draft"),
        sql`exists (select 1 from ${reportSections} where ${reportSections.reportId} = ${sipReports.id} and 'governors' = any(${reportSections.audiences}))`,
      ),
    )
    .orderBy(desc(sipReports.sharedAt), desc(sipReports.id))
    .limit(limit);
}
