/** Visit records still open, across schools or across a SIP's caseload, for the to-do lists. */
import { and, asc, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Database } from "../client";
import { schools, sipAssignments, visitRecords } from "../schema/index";

const columns = {
  id: visitRecords.id,
  visitDate: visitRecords.visitDate,
  preVisitAsked: visitRecords.preVisitAsked,
  preSubmittedAt: visitRecords.preSubmittedAt,
  completedAt: visitRecords.completedAt,
  schoolId: schools.id,
  schoolName: schools.name,
  authorityId: schools.authorityId,
  sipUserId: sipAssignments.sipUserId,
};

/**
 * Visits from `today` on whose pre-visit part these schools were asked for and have not sent yet,
 * soonest first, in the year's assignments. One query.
 */
export function listPreVisitsDue(db: Database, schoolIds: readonly string[], schoolYear: string, today: string) {
  if (schoolIds.length === 0) return Promise.resolve([]);
  return db
    .select(columns)
    .from(visitRecords)
    .innerJoin(sipAssignments, eq(sipAssignments.id, visitRecords.assignmentId))
    .innerJoin(schools, eq(schools.id, sipAssignments.schoolId))
    .where(
      and(
        inArray(sipAssignments.schoolId, [...schoolIds]),
        eq(sipAssignments.schoolYear, schoolYear),
        eq(visitRecords.preVisitAsked, true),
        isNull(visitRecords.preSubmittedAt),
        isNull(visitRecords.completedAt),
        gte(visitRecords.visitDate, today),
      ),
    )
    .orderBy(asc(visitRecords.visitDate), asc(schools.name));
}

/** The SIP's visit records this year that are not complete yet, oldest visit first, with their school. One query. */
export function listOpenSipRecords(db: Database, sipUserId: string, schoolYear: string) {
  return db
    .select(columns)
    .from(visitRecords)
    .innerJoin(sipAssignments, eq(sipAssignments.id, visitRecords.assignmentId))
    .innerJoin(schools, eq(schools.id, sipAssignments.schoolId))
    .where(
      and(
        eq(sipAssignments.sipUserId, sipUserId),
        eq(sipAssignments.schoolYear, schoolYear),
        isNull(visitRecords.completedAt),
      ),
    )
    .orderBy(asc(visitRecords.visitDate), asc(schools.name));
}
