import type * as Y from "yjs";
import type { BoardCategory, StickyNote } from "../../../../collab/documents/root-cause-board";
import type { CollabUser } from "../../../components/collab/use-collab-document";
import { boardCategoryLabels } from "../../../kernel/board-categories";
import { NoteCard } from "./note-card";

/** One category: its heading and its list of sticky notes. */
export function BoardColumn({
  doc,
  me,
  category,
  notes,
  canWrite,
  canEdit,
  canDeleteAny,
  dotsLeft,
}: {
  doc: Y.Doc;
  me: CollabUser;
  category: BoardCategory;
  notes: StickyNote[];
  canWrite: boolean;
  canEdit: boolean;
  canDeleteAny: boolean;
  dotsLeft: number;
}) {
  const headingId = `column-${category}`;
  return (
    <section
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col rounded-lg bg-slate-100 p-3"
      data-category={category}
    >
      <h2 id={headingId} tabIndex={-1} className="text-base font-semibold text-slate-900">
        {boardCategoryLabels[category]} <span className="font-normal text-slate-600">({notes.length})</span>
      </h2>
      {notes.length === 0 ? <p className="mt-2 text-sm text-slate-600">No notes yet.</p> : null}
      <ul aria-labelledby={headingId} className="mt-2 space-y-3">
        {notes.map((note, i) => (
          <NoteCard
            key={note.id}
            doc={doc}
            me={me}
            note={note}
            previous={notes[i - 1] ?? null}
            afterNext={i + 1 < notes.length ? (notes[i + 2] ?? null) : undefined}
            canWrite={canWrite}
            canEdit={canEdit}
            canDelete={canEdit && (canDeleteAny || note.authorId === me.id)}
            dotsLeft={dotsLeft}
          />
        ))}
      </ul>
    </section>
  );
}
