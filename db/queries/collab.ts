import { asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { collabSnapshots, collabUpdates } from "../schema/index";

export type StoredDocument = { snapshot: Uint8Array | null; updates: Array<{ id: number; data: Uint8Array }> };

/**
 * A document's snapshot and every update still in the log, oldest first. The log is read before
 * the snapshot: a compaction that commits between the two reads then only duplicates rows (which
 * applying twice ignores). Read the other way round, its rows would be in neither.
 */
export async function loadDocumentRows(db: Database, docName: string): Promise<StoredDocument> {
  const updates = await db
    .select({ id: collabUpdates.id, data: collabUpdates.data })
    .from(collabUpdates)
    .where(eq(collabUpdates.docName, docName))
    .orderBy(asc(collabUpdates.id));
  const [snapshot] = await db.select({ data: collabSnapshots.data }).from(collabSnapshots).where(eq(collabSnapshots.docName, docName));
  return { snapshot: snapshot?.data ?? null, updates };
}

/** Appends one (possibly merged) update to a document's log. */
export async function appendDocumentUpdate(db: Database, docName: string, data: Uint8Array) {
  await db.insert(collabUpdates).values({ docName, data });
}

/**
 * Folds the log into the snapshot in one transaction. The snapshot row is locked first so two
 * compactions of one document queue up; `fold` gets the current snapshot and the rows read, and
 * returns the new snapshot; only the rows that were read are deleted, so an update appended
 * meanwhile (even with a lower id that commits late) stays in the log and is loaded next time.
 */
export async function compactDocumentRows(
  db: Database,
  docName: string,
  fold: (snapshot: Uint8Array | null, updates: Uint8Array[]) => Uint8Array,
): Promise<{ folded: number }> {
  return db.transaction(async (tx) => {
    await tx
      .insert(collabSnapshots)
      .values({ docName, data: new Uint8Array([0, 0]) })
      .onConflictDoNothing();
    const [snapshot] = await tx
      .select({ data: collabSnapshots.data, folded: collabSnapshots.foldedUpdates })
      .from(collabSnapshots)
      .where(eq(collabSnapshots.docName, docName))
      .for("update");
    const rows = await tx
      .select({ id: collabUpdates.id, data: collabUpdates.data })
      .from(collabUpdates)
      .where(eq(collabUpdates.docName, docName))
      .orderBy(asc(collabUpdates.id));
    if (rows.length === 0) return { folded: 0 };
    const data = fold(snapshot.data, rows.map((r) => r.data));
    await tx
      .update(collabSnapshots)
      .set({ data, foldedUpdates: snapshot.folded + rows.length, updatedAt: sql`now()` })
      .where(eq(collabSnapshots.docName, docName));
    await tx.delete(collabUpdates).where(inArray(collabUpdates.id, rows.map((r) => r.id)));
    return { folded: rows.length };
  });
}

/** How many update rows a document has in the log (for tests and metrics). */
export async function countDocumentRows(db: Database, docName: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(collabUpdates).where(eq(collabUpdates.docName, docName));
  return Number(row.n);
}
