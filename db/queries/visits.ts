import { and, asc, desc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { roleGrants, sipAssignments, sipVisits, visitKinds, visitRecords } from "../schema/index";

export type VisitKind = (typeof visitKinds)[number];
export type NewVisit = { assignmentId: string; visitDate: string; kind: VisitKind; days: number; purpose: string };

/** The time logged against an assignment, oldest first, each with its visit record's id if it has one. */
export async function listVisits(db: Database, assignmentId: string) {
  const rows = await db
    .select({
      id: sipVisits.id,
      visitDate: sipVisits.visitDate,
      kind: sipVisits.kind,
      days: sipVisits.days,
      purpose: sipVisits.purpose,
      recordId: visitRecords.id,
    })
    .from(sipVisits)
    .leftJoin(visitRecords, eq(visitRecords.visitId, sipVisits.id))
    .where(eq(sipVisits.assignmentId, assignmentId))
    .orderBy(asc(sipVisits.visitDate), asc(sipVisits.createdAt));
  return rows.map((r) => ({ ...r, days: Number(r.days) }));
}

/**
 * Logs time against an assignment, refusing (unless `allowOverspend`) time that would take it past
 * its budget. The assignment row is locked so two entries at once cannot both slip under the
 * budget. An in-school visit gets its two-part visit record: awaiting the school, or, when the school
 * is not asked for its pre-visit part (`askPreVisit: false`; asked by default), awaiting the SIP.
 */
export async function logVisit(
  db: Database,
  visit: NewVisit,
  options: { allowOverspend: boolean; askPreVisit?: boolean },
): Promise<{ ok: true; visitId: string; recordId: string | null } | { ok: false; used: number; budget: number }> {
  return db.transaction(async (tx) => {
    const [assignment] = await tx
      .select({ dayBudget: sipAssignments.dayBudget })
      .from(sipAssignments)
      .where(eq(sipAssignments.id, visit.assignmentId))
      .for("update");
    const [sum] = await tx
      .select({ used: sql<string>`coalesce(sum(${sipVisits.days}), 0)` })
      .from(sipVisits)
      .where(eq(sipVisits.assignmentId, visit.assignmentId));
    const used = Number(sum.used);
    const budget = Number(assignment.dayBudget);
    if (!options.allowOverspend && used + visit.days > budget) return { ok: false as const, used, budget };
    const [row] = await tx.insert(sipVisits).values(visit).returning({ id: sipVisits.id });
    let recordId: string | null = null;
    if (visit.kind === "in_school") {
      const [record] = await tx
        .insert(visitRecords)
        .values({
          assignmentId: visit.assignmentId,
          visitId: row.id,
          visitDate: visit.visitDate,
          preVisitAsked: options.askPreVisit ?? true,
        })
        .returning({ id: visitRecords.id });
      recordId = record.id;
    }
    return { ok: true as const, visitId: row.id, recordId };
  });
}

/** Removes a logged entry of this assignment. Its visit record, if any, stays (unlinked). */
export async function deleteVisit(db: Database, assignmentId: string, visitId: string): Promise<boolean> {
  const rows = await db
    .delete(sipVisits)
    .where(and(eq(sipVisits.id, visitId), eq(sipVisits.assignmentId, assignmentId)))
    .returning({ id: sipVisits.id });
  return rows.length > 0;
}

export type RecordState = "awaiting_school" | "awaiting_sip" | "complete";

/** Where a two-part record stands: the school goes first (when it was asked for its part), then the SIP. */
export function recordState(r: {
  preVisitAsked: boolean;
  preSubmittedAt: Date | string | null;
  completedAt: Date | string | null;
}): RecordState {
  if (r.completedAt) return "complete";
  return r.preSubmittedAt || !r.preVisitAsked ? "awaiting_sip" : "awaiting_school";
}

/** An assignment's visit records, newest visit first, with their state. */
export async function listVisitRecords(db: Database, assignmentId: string) {
  const rows = await db
    .select({
      id: visitRecords.id,
      visitDate: visitRecords.visitDate,
      preVisitAsked: visitRecords.preVisitAsked,
      preSubmittedAt: visitRecords.preSubmittedAt,
      completedAt: visitRecords.completedAt,
    })
    .from(visitRecords)
    .where(eq(visitRecords.assignmentId, assignmentId))
    .orderBy(desc(visitRecords.visitDate), desc(visitRecords.createdAt));
  return rows.map((r) => ({ id: r.id, visitDate: r.visitDate, state: recordState(r) }));
}

/** One visit record of this assignment, or null (another assignment's record looks missing). */
export async function getVisitRecord(db: Database, assignmentId: string, recordId: string) {
  const [row] = await db
    .select()
    .from(visitRecords)
    .where(and(eq(visitRecords.id, recordId), eq(visitRecords.assignmentId, assignmentId)));
  return row ?? null;
}

export type VisitRecord = NonNullable<Awaited<ReturnType<typeof getVisitRecord>>>;

/** Saves the school's pre-visit part, while the record asks for it and is not yet complete. Returns false otherwise. */
export async function savePreVisit(
  db: Database,
  assignmentId: string,
  recordId: string,
  values: { selfEvaluationUpdate: string; questions: string; userId: string },
): Promise<boolean> {
  const rows = await db
    .update(visitRecords)
    .set({
      preSelfEvaluationUpdate: values.selfEvaluationUpdate,
      preQuestions: values.questions,
      preSubmittedAt: new Date(),
      preSubmittedBy: values.userId,
    })
    .where(
      and(
        eq(visitRecords.id, recordId),
        eq(visitRecords.assignmentId, assignmentId),
        eq(visitRecords.preVisitAsked, true),
        isNull(visitRecords.completedAt),
      ),
    )
    .returning({ id: visitRecords.id });
  return rows.length > 0;
}

/** Completes the SIP's visit part: only once the school has done its part (if it was asked), and only once. */
export async function completeVisitPart(
  db: Database,
  assignmentId: string,
  recordId: string,
  values: {
    performance: string;
    keyFactors: string;
    prioritiesAndTargets: string;
    howToAchieve: string;
    agreedActions: string;
  },
): Promise<boolean> {
  const rows = await db
    .update(visitRecords)
    .set({ ...values, completedAt: new Date() })
    .where(
      and(
        eq(visitRecords.id, recordId),
        eq(visitRecords.assignmentId, assignmentId),
        or(isNotNull(visitRecords.preSubmittedAt), eq(visitRecords.preVisitAsked, false)),
        isNull(visitRecords.completedAt),
      ),
    )
    .returning({ id: visitRecords.id });
  return rows.length > 0;
}

/** The school's leaders, to tell them a pre-visit part is waiting. */
export async function listSchoolLeaderIds(db: Database, schoolId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.schoolId, schoolId), eq(roleGrants.role, "school_leader")));
  return rows.map((r) => r.userId);
}
