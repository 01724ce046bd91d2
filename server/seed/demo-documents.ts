import * as Y from "yjs";
import { documentName, type DocumentKind } from "../../collab/doc-names";
import { initDocument } from "../../collab/documents/index";
import { isProjected, projectors } from "../../collab/documents/projections";
import type { Database } from "../../db/client";
import { appendDocumentUpdate } from "../../db/queries/collab";
import { saveProjection } from "../../db/queries/document-projections";

/**
 * Builds a shared document with its kind's own helpers (as if people had typed it), stores its state
 * as the document's first update, and writes its projection through that row, so the pages that
 * read projections show it at once and the collaboration server opens it exactly as written.
 */
export async function storeDocument(db: Database, kind: DocumentKind, id: string, write: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  try {
    initDocument[kind](doc);
    write(doc);
    const docName = documentName(kind, id);
    const updateId = await appendDocumentUpdate(db, docName, Y.encodeStateAsUpdate(doc));
    if (isProjected(kind)) {
      const { version, project } = projectors[kind];
      await saveProjection(db, { docName, kind, version, fields: project(doc), throughUpdateId: updateId });
    }
  } finally {
    doc.destroy();
  }
}
