import { useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { addNote, type ChangeBy } from "../../../../collab/documents/root-cause-board";
import { ErrorList } from "../../../components/ui/field";
import type { CollabUser } from "../../../components/collab/use-collab-document";
import { useBoardChange } from "./use-board-change";

/** A new sticky note, added to "Not yet sorted". */
export function AddNoteForm({
  doc,
  me,
  by,
  disabled,
}: {
  doc: Y.Doc;
  me: CollabUser;
  by: ChangeBy;
  disabled: boolean;
}) {
  const [text, setText] = useState("");
  const { error, attempt } = useBoardChange();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt(() => {
      addNote(doc, { text, authorId: me.id, authorName: me.name }, by);
      setText("");
    });
    document.getElementById("new-note")?.focus();
  };
  return (
    <form onSubmit={submit} className="flex min-w-0 flex-1 flex-wrap items-end gap-2" noValidate>
      <div className="min-w-[16rem] flex-1">
        <label htmlFor="new-note" className="block text-sm font-medium text-slate-800">
          A possible cause
        </label>
        <textarea
          id="new-note"
          rows={2}
          value={text}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) submit(e);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "new-note-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm disabled:bg-slate-100 aria-[invalid=true]:border-red-600"
        />
        <ErrorList id="new-note-error" errors={error ? [error] : null} />
      </div>
      <button
        type="submit"
        disabled={disabled}
        className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        Add note
      </button>
    </form>
  );
}
