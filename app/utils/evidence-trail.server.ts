import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { chosenQuestion } from "../../collab/documents/hmw";
import { listNotes, noteVotes } from "../../collab/documents/root-cause-board";
import { createDatabaseStore } from "../../collab/store";
import type { Database } from "../../db/client";
import { getTrailRows } from "../../db/queries/evidence-trail";
import { ppChange } from "./outcomes";
import { categoryCounts, topCategory } from "./evidence-trail";

/** Reads a shared document as saved, hands it to `read`, and frees it. */
async function readDocument<T>(db: Database, name: string, read: (doc: Y.Doc) => T): Promise<T> {
  const doc = new Y.Doc();
  try {
    await createDatabaseStore(db).load(name, doc);
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * A priority's evidence trail as data: each linked inquiry with its root-cause categories (notes
 * and votes per category, never the notes' text) and its chosen "How might we…" question, then
 * the priority's actions, then outcomes: its targets and the school's cohort outcome rows, with
 * the change in percentage points.
 */
export async function loadEvidenceTrail(db: Database, schoolId: string, priorityId: string) {
  const rows = await getTrailRows(db, schoolId, priorityId);
  const inquiries = await Promise.all(
    rows.inquiries.map(async (inquiry) => {
      const [categories, question] = await Promise.all([
        readDocument(db, documentName("root-cause-board", inquiry.communityId), (doc) => categoryCounts(listNotes(doc), (id) => noteVotes(doc, id))),
        readDocument(db, documentName("hmw", inquiry.communityId), (doc) => chosenQuestion(doc)?.text ?? null),
      ]);
      return { ...inquiry, categories, topCategory: topCategory(categories)?.label ?? null, question };
    }),
  );
  return {
    inquiries,
    actions: rows.actions,
    targets: rows.targets.map((t) => ({ ...t, change: ppChange(t) })),
    outcomes: rows.outcomes.map((o) => ({ ...o, change: ppChange(o) })),
  };
}

export type EvidenceTrail = Awaited<ReturnType<typeof loadEvidenceTrail>>;
