import { and, arrayOverlaps, asc, desc, eq, inArray, max, ne, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  improvementPlans,
  planActions,
  planPriorities,
  planProgressUpdates,
  planSelfEvaluations,
  planTargets,
  reportSections,
  roleGrants,
  sipAssignments,
  sipReports,
  users,
  type ReportAudience,
} from "../schema/index";

export type ReportStatus = (typeof sipReports.$inferSelect)["status"];
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

/**
 * The sections addressed to at least one of these audiences, in order. The filter is in SQL so a
 * section someone may not read never leaves the database for their request.
 */
export async function listVisibleSections(db: Database, reportId: string, audiences: readonly ReportAudience[]) {
  if (audiences.length === 0) return [];
  return db
    .select({
      id: reportSections.id,
      kind: reportSections.kind,
      heading: reportSections.heading,
      body: reportSections.body,
      audiences: reportSections.audiences,
    })
    .from(reportSections)
    .where(and(eq(reportSections.reportId, reportId), arrayOverlaps(reportSections.audiences, [...audiences])))
    .orderBy(asc(reportSections.position), asc(reportSections.id));
}

export type ReportSection = Awaited<ReturnType<typeof listVisibleSections>>[number];

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

const touch = (db: Database, reportId: string) =>
  db.update(sipReports).set({ updatedAt: new Date() }).where(eq(sipReports.id, reportId));

/**
 * Runs a change to a report only while it is a draft, with its row locked: a "share" arriving at the
 * same moment waits for the change, or commits first and the change is refused (null). So nothing
 * is ever written into a report after it has been shared.
 */
async function whileDraft<T>(db: Database, reportId: string, change: (tx: Database) => Promise<T>): Promise<T | null> {
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select({ id: sipReports.id })
      .from(sipReports)
      .where(and(eq(sipReports.id, reportId), eq(sipReports.status, "draft")))
      .for("update");
    if (!draft) return null;
    const result = await change(tx as unknown as Database);
    await touch(tx as unknown as Database, reportId);
    return result;
  });
}

/** Saves a section's heading, text and audiences. False when the draft has no such section (or is no longer a draft). */
export async function updateSection(
  db: Database,
  reportId: string,
  sectionId: string,
  values: { heading: string; body: string; audiences: ReportAudience[] },
) {
  const rows = await whileDraft(db, reportId, (tx) =>
    tx
      .update(reportSections)
      .set(values)
      .where(and(eq(reportSections.id, sectionId), eq(reportSections.reportId, reportId)))
      .returning({ id: reportSections.id }),
  );
  return (rows?.length ?? 0) > 0;
}

async function insertSection(
  tx: Database,
  reportId: string,
  values: { kind: string; heading: string; body?: string; audiences: ReportAudience[] },
) {
  const [last] = await tx
    .select({ position: max(reportSections.position) })
    .from(reportSections)
    .where(eq(reportSections.reportId, reportId));
  const [row] = await tx
    .insert(reportSections)
    .values({
      reportId,
      kind: values.kind,
      heading: values.heading,
      body: values.body ?? "",
      audiences: values.audiences,
      position: (last?.position ?? -1) + 1,
    })
    .returning();
  return row;
}

/** Adds a section at the end of a draft. Null when the report is no longer a draft. */
export function addSection(
  db: Database,
  reportId: string,
  values: { kind: string; heading: string; body?: string; audiences: ReportAudience[] },
) {
  return whileDraft(db, reportId, (tx) => insertSection(tx, reportId, values));
}

/** Removes a section of a draft. False when there is no such section (or it is no longer a draft). */
export async function removeSection(db: Database, reportId: string, sectionId: string) {
  const rows = await whileDraft(db, reportId, (tx) =>
    tx
      .delete(reportSections)
      .where(and(eq(reportSections.id, sectionId), eq(reportSections.reportId, reportId)))
      .returning({ id: reportSections.id }),
  );
  return (rows?.length ?? 0) > 0;
}

/** Moves a section one place up or down (renumbering all, so positions stay 0…n-1). False when it cannot move. */
export async function moveSection(db: Database, reportId: string, sectionId: string, direction: "up" | "down") {
  const moved = await whileDraft(db, reportId, async (tx) => {
    const ids = (
      await tx
        .select({ id: reportSections.id })
        .from(reportSections)
        .where(eq(reportSections.reportId, reportId))
        .orderBy(asc(reportSections.position), asc(reportSections.id))
    ).map((r) => r.id);
    const from = ids.indexOf(sectionId);
    const to = direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= ids.length) return false;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    for (const [position, id] of ids.entries())
      await tx.update(reportSections).set({ position }).where(eq(reportSections.id, id));
    return true;
  });
  return moved ?? false;
}

/** Adds a line to the draft's section of this kind, or creates that section. Null when the report is no longer a draft. */
export function appendToSection(
  db: Database,
  reportId: string,
  kind: string,
  line: string,
  create: { heading: string; audiences: ReportAudience[] },
) {
  return whileDraft(db, reportId, async (tx) => {
    const [section] = await tx
      .select({ id: reportSections.id, body: reportSections.body })
      .from(reportSections)
      .where(and(eq(reportSections.reportId, reportId), eq(reportSections.kind, kind)))
      .orderBy(asc(reportSections.position))
      .limit(1);
    if (!section)
      return insertSection(tx, reportId, { kind, heading: create.heading, body: line, audiences: create.audiences });
    if (section.body.includes(line)) return section;
    await tx
      .update(reportSections)
      .set({ body: section.body ? `${section.body}\n${line}` : line })
      .where(eq(reportSections.id, section.id));
    return section;
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

/** Who a shared report goes to: the school's leaders and governors (each person once). */
export async function listReportRecipients(db: Database, schoolId: string) {
  const rows = await db
    .selectDistinct({ userId: users.id, name: users.name, email: users.email })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.schoolId, schoolId), inArray(roleGrants.role, ["school_leader", "governor"])));
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The school's plan for the year as read-only summaries (one query per plan table, none per item),
 * for prefilling a report. An empty summary when the school has no plan yet.
 */
export async function loadPlanSummary(db: Database, schoolId: string, schoolYear: string) {
  const [plan] = await db
    .select({ id: improvementPlans.id })
    .from(improvementPlans)
    .where(and(eq(improvementPlans.schoolId, schoolId), eq(improvementPlans.schoolYear, schoolYear)));
  if (!plan) return { selfEvaluations: [], priorities: [] };
  const ofPlan = eq(planPriorities.planId, plan.id);
  const [selfEvaluations, priorities, targets, actions, progress] = await Promise.all([
    db
      .select({
        area: planSelfEvaluations.area,
        judgement: planSelfEvaluations.judgement,
        evidence: planSelfEvaluations.evidence,
      })
      .from(planSelfEvaluations)
      .where(eq(planSelfEvaluations.planId, plan.id))
      .orderBy(asc(planSelfEvaluations.area)),
    db
      .select({ id: planPriorities.id, title: planPriorities.title, area: planPriorities.area })
      .from(planPriorities)
      .where(ofPlan)
      .orderBy(asc(planPriorities.position), asc(planPriorities.title)),
    db
      .select({
        priorityId: planTargets.priorityId,
        measure: planTargets.measure,
        studentGroup: planTargets.studentGroup,
        baseline: planTargets.baseline,
        target: planTargets.target,
        actual: planTargets.actual,
        byWhen: planTargets.byWhen,
      })
      .from(planTargets)
      .innerJoin(planPriorities, eq(planPriorities.id, planTargets.priorityId))
      .where(ofPlan)
      .orderBy(asc(planTargets.position)),
    db
      .select({
        priorityId: planActions.priorityId,
        description: planActions.description,
        owner: planActions.owner,
        due: planActions.due,
        status: planActions.status,
      })
      .from(planActions)
      .innerJoin(planPriorities, eq(planPriorities.id, planActions.priorityId))
      .where(ofPlan)
      .orderBy(asc(planActions.position), asc(planActions.due)),
    db
      .select({
        priorityId: planProgressUpdates.priorityId,
        body: planProgressUpdates.body,
        createdAt: planProgressUpdates.createdAt,
      })
      .from(planProgressUpdates)
      .innerJoin(planPriorities, eq(planPriorities.id, planProgressUpdates.priorityId))
      .where(ofPlan)
      .orderBy(asc(planProgressUpdates.createdAt)),
  ]);
  return {
    selfEvaluations,
    priorities: priorities.map((p) => ({
      ...p,
      targets: targets
        .filter((t) => t.priorityId === p.id)
        .map((t) => ({
          ...t,
          baseline: Number(t.baseline),
          target: Number(t.target),
          actual: t.actual === null ? null : Number(t.actual),
        })),
      actions: actions.filter((a) => a.priorityId === p.id),
      progress: progress
        .filter((u) => u.priorityId === p.id)
        .map((u) => ({ body: u.body, createdAt: u.createdAt.toISOString() })),
    })),
  };
}
