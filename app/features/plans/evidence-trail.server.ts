import { loadProjections } from "../../../collab/projections";
import type { Database } from "../../../db/client";
import { getTrailRows } from "../../../db/queries/evidence-trail";
import { ppChange } from "../outcomes/outcomes";
import { categoryCounts, topCategory } from "./evidence-trail";

/**
 * A priority's evidence trail as data: each linked inquiry with its root-cause categories (notes
 * and votes per category, never the notes' text) and its chosen "How might we…" question, then
 * the priority's actions, then outcomes: its targets and the school's cohort outcome rows, with
 * the change in percentage points.
 */
export async function loadEvidenceTrail(db: Database, schoolId: string, priorityId: string) {
  const rows = await getTrailRows(db, schoolId, priorityId);
  const ids = rows.inquiries.map((i) => i.communityId);
  const [boards, questions] = await Promise.all([
    loadProjections(db, "root-cause-board", ids),
    loadProjections(db, "hmw", ids),
  ]);
  const inquiries = rows.inquiries.map((inquiry) => {
    const notes = boards.get(inquiry.communityId)!.notes;
    const votes = new Map(notes.map((n) => [n.id, n.votes]));
    const categories = categoryCounts(notes, (id) => votes.get(id) ?? 0);
    const question = questions.get(inquiry.communityId)!.chosen?.text ?? null;
    return { ...inquiry, categories, topCategory: topCategory(categories)?.label ?? null, question };
  });
  return {
    inquiries,
    actions: rows.actions,
    targets: rows.targets.map((t) => ({ ...t, change: ppChange(t) })),
    outcomes: rows.outcomes.map((o) => ({ ...o, change: ppChange(o) })),
  };
}

export type EvidenceTrail = Awaited<ReturnType<typeof loadEvidenceTrail>>;
