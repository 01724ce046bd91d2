import * as Y from "yjs";
import type { Database } from "../db/client";
import { latestUpdateIds, loadManyDocumentRows } from "../db/queries/collab";
import { getProjections, saveProjectionsIfNewer, type ProjectionRow } from "../db/queries/document-projections";
import { documentName } from "./doc-names";
import { projectors, type ProjectedKind, type Projections } from "./documents/projections";

/** Projects a document from its stored rows (snapshot, then updates). */
function projectStored<K extends ProjectedKind>(kind: K, rows: readonly Uint8Array[]): Projections[K] {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const row of rows) Y.applyUpdate(doc, row);
    });
    return projectors[kind].project(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * What pages know of shared documents: the projections of these documents of one kind, by id, as
 * saved (two queries: the projections, and the id of each log's newest row). The collaboration
 * server writes a projection within a couple of seconds of a save. A document whose log has a row
 * its projection does not include (saved a moment ago, stored before projections existed, or
 * written from outside the server) is projected from its stored log once, and that projection is
 * saved, so a log is replayed at most once per new row, never on every request.
 */
export async function loadProjections<K extends ProjectedKind>(
  db: Database,
  kind: K,
  ids: readonly string[],
): Promise<Map<string, Projections[K]>> {
  const { version } = projectors[kind];
  const names = new Map(ids.map((id) => [id, documentName(kind, id)]));
  const [stored, latest] = await Promise.all([
    getProjections(db, [...names.values()]),
    latestUpdateIds(db, [...names.values()]),
  ]);
  const out = new Map<string, Projections[K]>();
  const behind: string[] = [];
  for (const [id, name] of names) {
    const row = stored.get(name);
    if (row?.version === version && (latest.get(name) ?? 0) <= row.throughUpdateId)
      out.set(id, row.fields as Projections[K]);
    else behind.push(id);
  }
  if (behind.length === 0) return out;
  const logs = await loadManyDocumentRows(
    db,
    behind.map((id) => names.get(id)!),
  );
  const rows: ProjectionRow[] = behind.map((id) => {
    const docName = names.get(id)!;
    const fields = projectStored(kind, logs.get(docName) ?? []);
    out.set(id, fields);
    // The log was read after `latest`: the fields include at least that row.
    return { docName, kind, version, fields, throughUpdateId: latest.get(docName) ?? 0 };
  });
  await saveProjectionsIfNewer(db, rows);
  return out;
}

/** The projection of one document (see `loadProjections`). */
export async function loadProjection<K extends ProjectedKind>(
  db: Database,
  kind: K,
  id: string,
): Promise<Projections[K]> {
  return (await loadProjections(db, kind, [id])).get(id)!;
}
