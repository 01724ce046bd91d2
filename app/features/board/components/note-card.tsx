import { useState } from "react";
import type * as Y from "yjs";
import {
  deleteNote,
  moveNote,
  myVotesOn,
  noteVotes,
  type StickyNote,
} from "../../../../collab/documents/root-cause-board";
import type { CollabUser } from "../../../components/collab/use-collab-document";
import { useBoardChange } from "./use-board-change";
import { ErrorList } from "../../../components/ui/field";
import { dots, focusSoon, small } from "../../../components/board/labels";
import { MoveSelect } from "./move-select";
import { NoteEditor } from "./note-editor";
import { VoteButtons } from "./vote-buttons";

/**
 * One sticky note with its keyboard controls. `previous` is the note above (null at the top);
 * `afterNext` is the note two below, null when moving down puts it last, undefined when it is already last.
 */
export function NoteCard(props: {
  doc: Y.Doc;
  me: CollabUser;
  note: StickyNote;
  previous: StickyNote | null;
  afterNext: StickyNote | null | undefined;
  canWrite: boolean;
  canEdit: boolean;
  canDelete: boolean;
  dotsLeft: number;
}) {
  const { doc, me, note, previous, afterNext, canWrite, canEdit, canDelete } = props;
  const [editing, setEditing] = useState(false);
  const { error, setError, attempt } = useBoardChange();
  const textId = `note-${note.id}-text`;
  const move = (beforeId: string | null, focusId: string) => {
    attempt(() => moveNote(doc, note.id, note.category, beforeId));
    focusSoon(focusId, `move-${note.id}`);
  };
  const total = noteVotes(doc, note.id);
  return (
    <li className="rounded-md border border-yellow-300 bg-yellow-100 p-3 shadow-sm" data-note-id={note.id}>
      {editing ? (
        <NoteEditor doc={doc} note={note} onDone={() => setEditing(false)} />
      ) : (
        <p id={textId} className="whitespace-pre-wrap break-words text-slate-900">
          {note.text}
        </p>
      )}
      <p className="mt-1 flex items-center justify-between gap-2 text-xs text-slate-700">
        <span>by {note.authorId === me.id ? "you" : note.authorName}</span>
        <span data-testid="note-dots" className="font-semibold text-slate-900">
          {dots(total)}
        </span>
      </p>
      {canWrite && !editing ? (
        <div className="mt-2 space-y-2 border-t border-yellow-300 pt-2">
          <MoveSelect doc={doc} note={note} disabled={!canEdit} describedBy={textId} onError={setError} />
          <div className="flex flex-wrap gap-1">
            <button
              type="button"
              id={`up-${note.id}`}
              className={small}
              aria-describedby={textId}
              disabled={!canEdit || previous === null}
              onClick={() => move(previous?.id ?? null, `up-${note.id}`)}
            >
              Move up
            </button>
            <button
              type="button"
              id={`down-${note.id}`}
              className={small}
              aria-describedby={textId}
              disabled={!canEdit || afterNext === undefined}
              onClick={() => move(afterNext?.id ?? null, `down-${note.id}`)}
            >
              Move down
            </button>
            {note.authorId === me.id ? (
              <button
                type="button"
                id={`edit-${note.id}`}
                className={small}
                aria-describedby={textId}
                disabled={!canEdit}
                onClick={() => setEditing(true)}
              >
                Edit
              </button>
            ) : null}
            {canDelete ? (
              <button
                type="button"
                className={small}
                aria-describedby={textId}
                onClick={() => {
                  attempt(() => deleteNote(doc, note.id));
                  focusSoon(`column-${note.category}`);
                }}
              >
                Delete
              </button>
            ) : null}
          </div>
          <VoteButtons
            doc={doc}
            me={me}
            noteId={note.id}
            total={total}
            dotsLeft={props.dotsLeft}
            myDots={myVotesOn(doc, note.id, me.id)}
            disabled={!canEdit}
            describedBy={textId}
            onError={setError}
          />
        </div>
      ) : null}
      <ErrorList errors={error ? [error] : null} />
    </li>
  );
}
