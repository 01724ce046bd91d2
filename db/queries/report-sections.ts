/** A draft report's sections: read those an audience may see, and edit them only while the report is a draft. */
import { and, arrayOverlaps, asc, eq, max } from "drizzle-orm";
import type { Database } from "../client";
import { reportSections, sipReports, type ReportAudience } from "../schema/index";

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

/** A section as shown to a reader: its kind, heading, text and audiences. */
export type ReportSection = Awaited<ReturnType<typeof listVisibleSections>>[number];

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
