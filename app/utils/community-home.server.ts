import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { createDatabaseStore } from "../../collab/store";
import type { Database } from "../../db/client";

/**
 * Reads a community's three inquiry documents as saved (what the collaboration server has stored;
 * edits still in its write-behind batch appear a moment later). The caller destroys them.
 */
export async function loadInquiryDocuments(db: Database, communityId: string) {
  const store = createDatabaseStore(db);
  const docs = { inquiry: new Y.Doc(), board: new Y.Doc(), hmw: new Y.Doc() };
  await Promise.all([
    store.load(documentName("inquiry", communityId), docs.inquiry),
    store.load(documentName("root-cause-board", communityId), docs.board),
    store.load(documentName("hmw", communityId), docs.hmw),
  ]);
  return { ...docs, destroy: () => Object.values(docs).forEach((d) => d.destroy()) };
}
