import type * as Y from "yjs";
import { unvote, vote, votesUsed } from "../../../../collab/documents/root-cause-board";
import type { CollabUser } from "../../../components/collab/use-collab-document";
import { focusSoon, messageOf, small } from "../../../components/board/labels";

/** "Add a dot" and "Remove a dot" for one note, within the person's budget. */
export function VoteButtons({
  doc,
  me,
  noteId,
  total,
  dotsLeft,
  myDots,
  disabled,
  describedBy,
  onError,
}: {
  doc: Y.Doc;
  me: CollabUser;
  noteId: string;
  total: number;
  dotsLeft: number;
  myDots: number;
  disabled: boolean;
  describedBy: string;
  onError: (message: string | null) => void;
}) {
  const addId = `dot-add-${noteId}`;
  const removeId = `dot-remove-${noteId}`;
  const add = () => {
    try {
      if (!vote(doc, noteId, me.id)) onError("You have used all your dots.");
      else onError(null);
    } catch (e) {
      onError(messageOf(e));
    }
    // With the last dot placed this button is disabled; keep the keyboard nearby.
    if (dotsLeft <= 1) focusSoon(removeId);
  };
  const remove = () => {
    try {
      const before = votesUsed(doc, me.id);
      unvote(doc, noteId, me.id);
      onError(votesUsed(doc, me.id) === before ? "You have no dots on this note." : null);
    } catch (e) {
      onError(messageOf(e));
    }
    // Taking the last dot off disables this button; keep the keyboard nearby.
    if (total <= 1 || myDots <= 1) focusSoon(addId);
  };
  return (
    <div className="flex flex-wrap gap-1">
      <button
        type="button"
        id={addId}
        className={small}
        aria-describedby={describedBy}
        disabled={disabled || dotsLeft <= 0}
        onClick={add}
      >
        Add a dot
      </button>
      <button
        type="button"
        id={removeId}
        className={small}
        aria-describedby={describedBy}
        disabled={disabled || total === 0 || myDots === 0}
        onClick={remove}
      >
        Remove a dot
      </button>
    </div>
  );
}
