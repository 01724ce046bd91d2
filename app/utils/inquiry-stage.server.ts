import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import type { Database } from "../../db/client";
import { loadDocumentUpdates } from "../../db/queries/cohort-dashboard";
import { inquiryStage, type InquiryStage } from "./inquiry-stage";

/** Builds a document from its stored rows (snapshot, then updates). */
function docFrom(updates: Uint8Array[] | undefined): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of updates ?? []) Y.applyUpdate(doc, u);
  });
  return doc;
}

/**
 * Each community's inquiry stage, read from what is saved of its inquiry, root-cause board and
 * "How might we…" documents (two queries for all the communities together).
 */
export async function loadInquiryStages(
  db: Database,
  list: Array<{ id: string; memberIds: string[] }>,
): Promise<Map<string, InquiryStage>> {
  const names = (id: string) => ({
    inquiry: documentName("inquiry", id),
    board: documentName("root-cause-board", id),
    hmw: documentName("hmw", id),
  });
  const stored = await loadDocumentUpdates(db, list.flatMap((c) => Object.values(names(c.id))));
  const stages = new Map<string, InquiryStage>();
  for (const c of list) {
    const n = names(c.id);
    const docs = { inquiry: docFrom(stored.get(n.inquiry)), board: docFrom(stored.get(n.board)), hmw: docFrom(stored.get(n.hmw)) };
    stages.set(c.id, inquiryStage({ ...docs, memberIds: c.memberIds }));
    for (const d of Object.values(docs)) d.destroy();
  }
  return stages;
}
