import { boardCategories, boardRules, moveNote, type StickyNote } from "../../../../collab/documents/root-cause-board";
import { boardCategoryLabels } from "../../../kernel/board-categories";
import { focusSoon, messageOf } from "../../../components/board/labels";
import { useNoteEnv } from "./board-context";

const valueOf = (note: Pick<StickyNote, "category" | "clusterId">) =>
  note.clusterId ? `${note.category}|${note.clusterId}` : note.category;

/**
 * The non-drag way to move a note: a category or one of its groups (the note goes to the end
 * there). Arrow keys on the closed select move it one place at a time; the keyboard stays on it.
 */
export function MoveSelect({
  note,
  describedBy,
  onError,
}: {
  note: StickyNote;
  describedBy: string;
  onError: (message: string | null) => void;
}) {
  const { doc, clusters, by, allowed } = useNoteEnv();
  if (!allowed(boardRules.moveNote)) return null;
  const id = `move-${note.id}`;
  return (
    <div className="flex min-w-0 flex-1 items-center">
      <label htmlFor={id} className="sr-only">
        Move to…
      </label>
      <select
        id={id}
        value={valueOf(note)}
        aria-describedby={describedBy}
        onChange={(e) => {
          const [category, clusterId] = e.target.value.split("|") as [StickyNote["category"], string | undefined];
          try {
            moveNote(doc, note.id, category, null, { ...by, clusterId: clusterId ?? null });
            onError(null);
          } catch (error) {
            onError(messageOf(error));
          }
          // The note is drawn again in its new place; keep the keyboard on its control.
          focusSoon(id);
        }}
        className="min-h-11 w-full min-w-0 rounded border border-slate-400 bg-white px-2 text-sm text-slate-900"
      >
        {boardCategories.map((category) => [
          <option key={category} value={category}>
            {boardCategoryLabels[category]}
          </option>,
          ...clusters
            .filter((c) => c.category === category)
            .map((c) => (
              <option key={c.id} value={valueOf({ category, clusterId: c.id })}>
                {`${boardCategoryLabels[category]}: ${c.name}`}
              </option>
            )),
        ])}
      </select>
    </div>
  );
}
