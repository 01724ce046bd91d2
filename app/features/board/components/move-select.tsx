import type * as Y from "yjs";
import {
  boardCategories,
  moveNote,
  type BoardCategory,
  type StickyNote,
} from "../../../../collab/documents/root-cause-board";
import { boardCategoryLabels } from "../../../kernel/board-categories";
import { focusSoon, messageOf } from "../../../components/board/labels";

/** Moves a note to another category from the keyboard (the note goes to the end of that list). */
export function MoveSelect({
  doc,
  note,
  disabled,
  describedBy,
  onError,
}: {
  doc: Y.Doc;
  note: StickyNote;
  disabled: boolean;
  describedBy: string;
  onError: (message: string | null) => void;
}) {
  const id = `move-${note.id}`;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-xs font-medium text-slate-800">
        Move to…
      </label>
      <select
        id={id}
        value={note.category}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => {
          try {
            moveNote(doc, note.id, e.target.value as BoardCategory);
            onError(null);
          } catch (error) {
            onError(messageOf(error));
          }
          // The note is drawn again in its new list; keep the keyboard on its control.
          focusSoon(id);
        }}
        className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-1 py-1 text-xs text-slate-900 disabled:opacity-50"
      >
        {boardCategories.map((c) => (
          <option key={c} value={c}>
            {boardCategoryLabels[c]}
          </option>
        ))}
      </select>
    </div>
  );
}
