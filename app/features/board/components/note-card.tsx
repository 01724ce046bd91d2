import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical, Pencil, Trash2 } from "lucide-react";
import { memo, useState, type ReactNode } from "react";
import { boardRules, deleteNote, type StickyNote } from "../../../../collab/documents/root-cause-board";
import { DotButtons } from "../../../components/voting";
import { ErrorList } from "../../../components/ui/field";
import { dots as dotsWords, focusSoon } from "../../../components/board/labels";
import { noteColour } from "../note-colours";
import { useNoteEnv } from "./board-context";
import { MoveSelect } from "./move-select";
import { NoteEditor } from "./note-editor";
import { useBoardChange } from "./use-board-change";

const icon =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-slate-400 bg-white text-slate-900 hover:bg-slate-50";

/**
 * With a mouse, a note's menu lies over the foot of the note while pointed at or focused, so notes
 * keep no empty row for it (a pointer over the menu is over the note, so it is shown before it is
 * clicked; shown at once, not faded, so it is never half-visible); on touch screens (no hover) and while a voting round puts dot buttons
 * there, it is a row of its own.
 */
const overlay =
  "[@media(hover:hover)]:absolute [@media(hover:hover)]:inset-x-1 [@media(hover:hover)]:bottom-1 [@media(hover:hover)]:bg-white/95 [@media(hover:hover)]:p-1 [@media(hover:hover)]:shadow-md";

type NoteProps = {
  note: StickyNote;
  /** The dots shown on the note (a revealed round's), 0 for none. */
  dots: number;
  /** Changes when my dots on it or my dots left change in the open round (DotButtons reads them). */
  voteStamp: string;
};

const sameNote = (a: NoteProps, b: NoteProps) =>
  a.dots === b.dots &&
  a.voteStamp === b.voteStamp &&
  a.note.text === b.note.text &&
  a.note.category === b.note.category &&
  a.note.clusterId === b.note.clusterId &&
  a.note.order === b.note.order &&
  a.note.authorName === b.note.authorName;

/**
 * A sticky note that can be dragged by its handle (pointer, touch or keyboard) within and between
 * places. Memoised: it is drawn again only when its own note, its dots or the board's note
 * environment change, so a board of 200 notes stays quick while people move notes.
 */
export const SortableNote = memo(function SortableNote({ note, dots, voteStamp }: NoteProps) {
  const { allowed } = useNoteEnv();
  const canMove = allowed(boardRules.moveNote);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: note.id,
    data: { category: note.category, clusterId: note.clusterId },
    disabled: !canMove,
    attributes: { roleDescription: "movable note" },
  });
  const handle = canMove ? (
    <button
      type="button"
      id={`handle-${note.id}`}
      ref={setActivatorNodeRef}
      {...attributes}
      {...listeners}
      aria-label={`Drag note: ${note.text}`}
      className="inline-flex min-h-11 min-w-11 shrink-0 cursor-grab touch-none items-center justify-center rounded text-slate-700 hover:bg-white/60 active:cursor-grabbing"
    >
      <GripVertical aria-hidden className="size-5" />
    </button>
  ) : null;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={isDragging ? "relative z-10 opacity-80" : undefined}
    >
      <NoteBody note={note} dots={dots} voteStamp={voteStamp} handle={handle} />
    </li>
  );
}, sameNote);

/**
 * What a note shows: its words, its author, its dots (or my dots while a round is open), and its
 * controls, which appear on hover and when the keyboard is inside the note (always on touch screens).
 */
export function NoteBody({ note, dots: total, handle }: NoteProps & { handle?: ReactNode }) {
  const { doc, me, actor, locked, round, by, allowed, colourBy } = useNoteEnv();
  const [editing, setEditing] = useState(false);
  const { error, setError, attempt } = useBoardChange();
  const textId = `note-${note.id}-text`;
  const canEdit = allowed(boardRules.editNote, note.authorId);
  const canDelete = allowed(boardRules.deleteNote, note.authorId);
  const canMove = allowed(boardRules.moveNote);
  return (
    <div
      // Tall enough that the menu, lying over the foot, never covers the handle or the first line.
      className={`group relative rounded-md border p-2 shadow-sm ${round ? "" : "[@media(hover:hover)]:min-h-28"} ${noteColour(note, colourBy)}`}
      data-testid="note"
      data-note-id={note.id}
    >
      <div className="flex items-start gap-1">
        {handle}
        {editing ? (
          <div className="flex-1">
            <NoteEditor note={note} onDone={() => setEditing(false)} />
          </div>
        ) : (
          <p id={textId} className="min-w-0 flex-1 whitespace-pre-wrap break-words px-1 py-2 text-slate-900">
            {note.text}
          </p>
        )}
      </div>
      <p className="mt-1 flex items-center justify-between gap-2 px-1 text-xs text-slate-700">
        <span>by {note.authorId === me.id ? "you" : note.authorName}</span>
        {total > 0 ? (
          <span data-testid="note-dots" className="rounded-full bg-white/80 px-2 py-0.5 font-semibold text-slate-900">
            {dotsWords(total)}
          </span>
        ) : null}
      </p>
      <DotButtons doc={doc} me={me} actor={actor} locked={locked} round={round} itemId={note.id} describedBy={textId} />
      {!editing && (canEdit || canDelete || canMove) ? (
        <div
          role="group"
          aria-label="Note actions"
          className={`mt-1 flex items-center gap-1 rounded-md opacity-0 focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100 ${round ? "" : overlay}`}
          data-testid="note-controls"
        >
          <MoveSelect note={note} describedBy={textId} onError={setError} />
          {canEdit ? (
            <button
              type="button"
              id={`edit-${note.id}`}
              className={icon}
              aria-label="Edit note"
              aria-describedby={textId}
              onClick={() => setEditing(true)}
            >
              <Pencil aria-hidden className="size-4" />
            </button>
          ) : null}
          {canDelete ? (
            <button
              type="button"
              className={icon}
              aria-label="Delete note"
              aria-describedby={textId}
              onClick={() => {
                attempt(() => deleteNote(doc, note.id, by));
                focusSoon(`column-${note.category}`);
              }}
            >
              <Trash2 aria-hidden className="size-4" />
            </button>
          ) : null}
        </div>
      ) : null}
      <ErrorList errors={error ? [error] : null} />
    </div>
  );
}
