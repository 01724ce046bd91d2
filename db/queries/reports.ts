/** A SIP report's rows and lifecycle: list and read reports, create a draft, share, acknowledge, and who receives it. */
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../client";
import { reportSections, roleGrants, sipAssignments, sipReports, users, type ReportAudience } from "../schema/index";

/** Where a report is in its lifecycle: draft, shared or acknowledged. */
export type ReportStatus = (typeof sipReports.$inferSelect)["status"];
/** A section to create with a new report, at its position. */
export type NewSection = { kind: string; heading: string; body: string; audiences: ReportAudience[]; position: number };

const reportColumns = {
  id: sipReports.id,
  title: sipReports.title,
  status: sipReports.status,
  sharedAt: sipReports.sharedAt,
  acknowledgedAt: sipReports.acknowledgedAt,
  acknowledgedByName: sql<
    string | null
  >`(select ${users.name} from ${users} where ${users.id} = ${sipReports.acknowledgedBy})`,
  createdAt: sipReports.createdAt,
  updatedAt: sipReports.updatedAt,
  assignmentId: sipAssignments.id,
  schoolYear: sipAssignments.schoolYear,
  sipUserId: sipAssignments.sipUserId,
  sipName: users.name,
};

/** A school's reports, newest first; drafts only when asked (heads and governors never see them). */
export function listReports(db: Database, schoolId: string, options: { withDrafts: boolean }) {
  return db
    .select(reportColumns)
    .from(sipReports)
    .innerJoin(sipAssignments, eq(sipAssignments.id, sipReports.assignmentId))
    .innerJoin(users, eq(users.id, sipAssignments.sipUserId))
    .where(and(eq(sipAssignments.schoolId, schoolId), options.withDrafts ? undefined : ne(sipReports.status, "draft")))
    .orderBy(desc(sipReports.createdAt), desc(sipReports.id));
}

/** A report as listed and read: its lifecycle, its assignment and its SIP. */
export type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

/** One report of this school, or null (another school's report is "not found", never someone else's). */
export async function getReport(db: Database, schoolId: string, reportId: string): Promise<ReportRow | null> {
  const [row] = await db
    .select(reportColumns)
    .from(sipReports)
    .innerJoin(sipAssignments, eq(sipAssignments.id, sipReports.assignmentId))
    .innerJoin(users, eq(users.id, sipAssignments.sipUserId))
    .where(and(eq(sipReports.id, reportId), eq(sipAssignments.schoolId, schoolId)));
  return row ?? null;
}

/** Creates a draft report with its sections, in one transaction. */
export async function createReport(
  db: Database,
  values: { assignmentId: string; title: string; sections: NewSection[] },
) {
  return db.transaction(async (tx) => {
    const [report] = await tx
      .insert(sipReports)
      .values({ assignmentId: values.assignmentId, title: values.title })
      .returning();
    if (values.sections.length)
      await tx.insert(reportSections).values(values.sections.map((s) => ({ ...s, reportId: report.id })));
    return report;
  });
}

/** Draft → shared. False when the report was not a draft (already shared). */
export async function shareReport(db: Database, reportId: string) {
  const now = new Date();
  const rows = await db
    .update(sipReports)
    .set({ status: "shared", sharedAt: now, updatedAt: now })
    .where(and(eq(sipReports.id, reportId), eq(sipReports.status, "draft")))
    .returning({ id: sipReports.id });
  return rows.length > 0;
}

/** Shared → acknowledged by a head. False when the report was not waiting for that. */
export async function acknowledgeReport(db: Database, reportId: string, userId: string) {
  const now = new Date();
  const rows = await db
    .update(sipReports)
    .set({ status: "acknowledged", acknowledgedAt: now, acknowledgedBy: userId, updatedAt: now })
    .where(and(eq(sipReports.id, reportId), eq(sipReports.status, "shared")))
    .returning({ id: sipReports.id });
  return rows.length > 0;
}

/** Who a shared report goes to: the school's leaders and governors with a section addressed to them (each person once). */
export async function listReportRecipients(db: Database, schoolId: string, reportId: string) {
  // Only people with a section addressed to them: leaders for "head", governors for "governors".
  const sections = await db
    .select({ audiences: reportSections.audiences })
    .from(reportSections)
    .where(eq(reportSections.reportId, reportId));
  const addressed = new Set(sections.flatMap((s) => s.audiences));
  const roles = [
    ...(addressed.has("head") ? (["school_leader"] as const) : []),
    ...(addressed.has("governors") ? (["governor"] as const) : []),
  ];
  if (roles.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: users.id, name: users.name, email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.schoolId, schoolId), inArray(roleGrants.role, roles)));
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}
