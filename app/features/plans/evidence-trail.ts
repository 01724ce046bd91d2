import { boardCategories, type BoardCategory } from "../../../collab/documents/root-cause-board";
import { boardCategoryLabels } from "../../kernel/board-categories";

/** The evidence trail's pure parts: summarising a root-cause board for a chart. */

export type CategoryCount = { category: BoardCategory; label: string; notes: number; votes: number };

/**
 * Notes and dot votes per root-cause category, in the board's order. Notes still unsorted are
 * counted only when there are some, so a finished board shows its four categories.
 */
export function categoryCounts(
  notes: readonly { id: string; category: BoardCategory }[],
  votesOf: (noteId: string) => number,
): CategoryCount[] {
  return boardCategories
    .map((category) => {
      const inCategory = notes.filter((n) => n.category === category);
      return {
        category,
        label: boardCategoryLabels[category],
        notes: inCategory.length,
        votes: inCategory.reduce((sum, n) => sum + votesOf(n.id), 0),
      };
    })
    .filter((c) => c.category !== "unsorted" || c.notes > 0);
}

/** The category the group voted most for (ties: the one with more notes, then board order), or null on an empty board. */
export function topCategory(counts: readonly CategoryCount[]): CategoryCount | null {
  const sorted = counts.filter((c) => c.category !== "unsorted" && (c.notes > 0 || c.votes > 0));
  if (!sorted.length) return null;
  return sorted.reduce((best, c) =>
    c.votes > best.votes || (c.votes === best.votes && c.notes > best.notes) ? c : best,
  );
}
