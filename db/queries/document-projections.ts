import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { documentProjections } from "../schema/index";

/** A projection as stored: the kind's projection version, its fields (JSON) and the last log row they include. */
export type StoredProjection = { version: number; fields: unknown; throughUpdateId: number };

/** A projection to write: the document, its kind, the kind's projection version, the fields and the last log row they include. */
export type ProjectionRow = {
  docName: string;
  kind: string;
  version: number;
  fields: unknown;
  throughUpdateId: number;
};

/** The stored projections of these documents, by name (one query; a document without one is absent). */
export async function getProjections(db: Database, names: readonly string[]): Promise<Map<string, StoredProjection>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .select({
      docName: documentProjections.docName,
      version: documentProjections.version,
      fields: documentProjections.fields,
      throughUpdateId: documentProjections.throughUpdateId,
    })
    .from(documentProjections)
    .where(inArray(documentProjections.docName, [...names]));
  return new Map(rows.map(({ docName, ...stored }) => [docName, stored]));
}

/** Writes the projection the collaboration server computed from the live document: the newest there is, so it always wins. */
export async function saveProjection(db: Database, row: ProjectionRow) {
  await db
    .insert(documentProjections)
    .values(row)
    .onConflictDoUpdate({
      target: documentProjections.docName,
      set: {
        kind: row.kind,
        version: row.version,
        fields: row.fields,
        throughUpdateId: row.throughUpdateId,
        updatedAt: sql`now()`,
      },
    });
}

/**
 * Stores projections a page computed from the stored log. A row already there is replaced only
 * when it is of an older version or includes fewer log rows: the server may have written a
 * fresher one meanwhile.
 */
export async function saveProjectionsIfNewer(db: Database, rows: readonly ProjectionRow[]) {
  if (rows.length === 0) return;
  await db
    .insert(documentProjections)
    .values([...rows])
    .onConflictDoUpdate({
      target: documentProjections.docName,
      set: {
        kind: sql`excluded.kind`,
        version: sql`excluded.version`,
        fields: sql`excluded.fields`,
        throughUpdateId: sql`excluded.through_update_id`,
        updatedAt: sql`now()`,
      },
      setWhere: or(
        lt(documentProjections.version, sql`excluded.version`),
        and(
          eq(documentProjections.version, sql`excluded.version`),
          lt(documentProjections.throughUpdateId, sql`excluded.through_update_id`),
        ),
      ),
    });
}

/** Forgets a document's projection (the next read projects the stored log). */
export async function deleteProjection(db: Database, docName: string) {
  await db.delete(documentProjections).where(eq(documentProjections.docName, docName));
}
