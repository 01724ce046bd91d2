import { asc, count, eq, inArray, max, sql } from "drizzle-orm";
import type { Database } from "../client";
import { collabClientOwners, collabSnapshots, collabUpdates } from "../schema/index";

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
  const [snapshot] = await db
    .select({ data: collabSnapshots.data })
    .from(collabSnapshots)
    .where(eq(collabSnapshots.docName, docName));
  return { snapshot: snapshot?.data ?? null, updates };
}

/**
 * The stored rows of many documents at once (two queries, whatever the number): for each name, its
 * snapshot (if any) then its logged updates, oldest first. As in `loadDocumentRows`, the log is read
 * before the snapshots, so a compaction in between only duplicates rows.
 */
export async function loadManyDocumentRows(db: Database, names: readonly string[]): Promise<Map<string, Uint8Array[]>> {
  const out = new Map<string, Uint8Array[]>(names.map((n) => [n, []]));
  if (names.length === 0) return out;
  const updates = await db
    .select({ name: collabUpdates.docName, data: collabUpdates.data })
    .from(collabUpdates)
    .where(inArray(collabUpdates.docName, [...names]))
    .orderBy(asc(collabUpdates.id));
  const snapshots = await db
    .select({ name: collabSnapshots.docName, data: collabSnapshots.data })
    .from(collabSnapshots)
    .where(inArray(collabSnapshots.docName, [...names]));
  for (const s of snapshots) out.get(s.name)?.push(s.data);
  for (const u of updates) out.get(u.name)?.push(u.data);
  return out;
}

/** Appends one (possibly merged) update to a document's log; returns the row's id (a projection records the last id it includes). */
export async function appendDocumentUpdate(
  db: Database,
  docName: string,
  data: Uint8Array,
  owners: ReadonlyArray<{ clientId: number; userId: string }> = [],
): Promise<number> {
  if (owners.length === 0) {
    const [row] = await db.insert(collabUpdates).values({ docName, data }).returning({ id: collabUpdates.id });
    return row.id;
  }
  // The editor ids the update introduces are recorded with it: stored together or not at all.
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(collabUpdates).values({ docName, data }).returning({ id: collabUpdates.id });
    await tx
      .insert(collabClientOwners)
      .values(owners.map((o) => ({ docName, clientId: o.clientId, userId: o.userId })))
      .onConflictDoNothing();
    return row.id;
  });
}

/** Who first wrote under each Yjs client id of a document. */
export async function loadClientOwners(db: Database, docName: string): Promise<Map<number, string>> {
  const rows = await db
    .select({ clientId: collabClientOwners.clientId, userId: collabClientOwners.userId })
    .from(collabClientOwners)
    .where(eq(collabClientOwners.docName, docName));
  return new Map(rows.map((r) => [Number(r.clientId), r.userId]));
}

/** The id of each document's newest logged update, by name (one index-only query; a document whose log is empty is absent). */
export async function latestUpdateIds(db: Database, names: readonly string[]): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .select({ name: collabUpdates.docName, id: max(collabUpdates.id) })
    .from(collabUpdates)
    .where(inArray(collabUpdates.docName, [...names]))
    .groupBy(collabUpdates.docName);
  return new Map(rows.flatMap((r) => (r.id === null ? [] : [[r.name, Number(r.id)] as const])));
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
    const data = fold(
      snapshot.data,
      rows.map((r) => r.data),
    );
    await tx
      .update(collabSnapshots)
      .set({ data, foldedUpdates: snapshot.folded + rows.length, updatedAt: sql`now()` })
      .where(eq(collabSnapshots.docName, docName));
    await tx.delete(collabUpdates).where(
      inArray(
        collabUpdates.id,
        rows.map((r) => r.id),
      ),
    );
    return { folded: rows.length };
  });
}

/** How many update rows a document has in the log (for tests and metrics). */
export async function countDocumentRows(db: Database, docName: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(collabUpdates).where(eq(collabUpdates.docName, docName));
  return Number(row.n);
}
