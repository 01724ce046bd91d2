/** A SIP's caseload across schools for a school year: their schools with time used, their visits and their reports. */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { schools, sipAssignments, sipReports, sipVisits, visitRecords } from "../schema/index";

const mine = (sipUserId: string, schoolYear: string) =>
  and(eq(sipAssignments.sipUserId, sipUserId), eq(sipAssignments.schoolYear, schoolYear));

/** The SIP's schools this year by name, each with its day budget, days logged so far and next visit on or after `today`. */
export async function listSipSchools(db: Database, sipUserId: string, schoolYear: string, today: string) {
  const rows = await db
    .select({
      id: schools.id,
      name: schools.name,
      authorityId: schools.authorityId,
      dayBudget: sipAssignments.dayBudget,
      used: sql<string>`(select coalesce(sum(${sipVisits.days}), 0) from ${sipVisits} where ${sipVisits.assignmentId} = ${sipAssignments.id})`,
      nextVisit: sql<
        string | null
      >`(select min(${sipVisits.visitDate})::text from ${sipVisits} where ${sipVisits.assignmentId} = ${sipAssignments.id} and ${sipVisits.visitDate} >= ${today})`,
    })
    .from(sipAssignments)
    .innerJoin(schools, eq(schools.id, sipAssignments.schoolId))
    .where(mine(sipUserId, schoolYear))
    .orderBy(asc(schools.name));
  return rows.map((r) => ({ ...r, dayBudget: Number(r.dayBudget), used: Number(r.used) }));
}

/** The time the SIP logged this year across their schools, newest first, each with its school and visit record. */
export async function listSipVisits(db: Database, sipUserId: string, schoolYear: string) {
  const rows = await db
    .select({
      id: sipVisits.id,
      visitDate: sipVisits.visitDate,
      kind: sipVisits.kind,
      days: sipVisits.days,
      purpose: sipVisits.purpose,
      recordId: visitRecords.id,
      schoolId: schools.id,
      schoolName: schools.name,
      authorityId: schools.authorityId,
    })
    .from(sipVisits)
    .innerJoin(sipAssignments, eq(sipAssignments.id, sipVisits.assignmentId))
    .innerJoin(schools, eq(schools.id, sipAssignments.schoolId))
    .leftJoin(visitRecords, eq(visitRecords.visitId, sipVisits.id))
    .where(mine(sipUserId, schoolYear))
    .orderBy(desc(sipVisits.visitDate), asc(schools.name));
  return rows.map((r) => ({ ...r, days: Number(r.days) }));
}

/** The SIP's reports on their schools this year (drafts included: they wrote them), newest first. */
export function listSipReports(db: Database, sipUserId: string, schoolYear: string) {
  return db
    .select({
      id: sipReports.id,
      title: sipReports.title,
      status: sipReports.status,
      sharedAt: sipReports.sharedAt,
      createdAt: sipReports.createdAt,
      schoolId: schools.id,
      schoolName: schools.name,
      authorityId: schools.authorityId,
    })
    .from(sipReports)
    .innerJoin(sipAssignments, eq(sipAssignments.id, sipReports.assignmentId))
    .innerJoin(schools, eq(schools.id, sipAssignments.schoolId))
    .where(mine(sipUserId, schoolYear))
    .orderBy(desc(sipReports.createdAt), desc(sipReports.id));
}
