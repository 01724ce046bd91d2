import { boardCategories, type BoardCategory, type StickyNote } from "../../../../../collab/documents/root-cause-board";

export type NotesByCategory = Array<{ category: BoardCategory; notes: StickyNote[] }>;

export const categoryLabels: Record<BoardCategory, string> = {
  unsorted: "Not yet sorted",
  "systems-policies": "Systems and policies",
  knowledge: "Knowledge",
  skills: "Skills",
  dispositions: "Dispositions",
};

/** The board's notes in its category order, leaving out empty categories. */
export function groupNotes(notes: StickyNote[]): NotesByCategory {
  return boardCategories
    .map((category) => ({ category, notes: notes.filter((n) => n.category === category) }))
    .filter((g) => g.notes.length > 0);
}

/** The texts of the notes a question came from (a note since removed is said to be). */
export function SourceNotes({ ids, notes }: { ids: string[]; notes: Map<string, StickyNote> }) {
  if (ids.length === 0) return null;
  return (
    <div className="mt-2">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-700">From the root causes</p>
      <ul className="mt-1 flex flex-wrap gap-2" aria-label="Source notes">
        {ids.map((id) => {
          const note = notes.get(id);
          return (
            <li key={id} className="rounded bg-amber-100 px-2 py-1 text-sm text-amber-950">
              {note ? note.text : <em>A note since removed from the board</em>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
