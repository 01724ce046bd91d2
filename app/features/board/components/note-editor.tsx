import { useEffect, useRef, useState, type FormEvent } from "react";
import { editNote, type StickyNote } from "../../../../collab/documents/root-cause-board";
import { ErrorList } from "../../../components/ui/field";
import { focusSoon, messageOf, small } from "../../../components/board/labels";
import { useNoteEnv } from "./board-context";

/** Changes the text of a note; Save or Cancel returns the keyboard to its Edit button. */
export function NoteEditor({ note, onDone }: { note: StickyNote; onDone: () => void }) {
  const { doc, by } = useNoteEnv();
  const [text, setText] = useState(note.text);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const id = `edit-text-${note.id}`;
  const finish = () => {
    onDone();
    focusSoon(`edit-${note.id}`);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    try {
      editNote(doc, note.id, text, by);
      finish();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form onSubmit={save} noValidate>
      <label htmlFor={id} className="block text-xs font-medium text-slate-800">
        Note text
      </label>
      <textarea
        id={id}
        ref={ref}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") finish();
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900"
      />
      <ErrorList id={`${id}-error`} errors={error ? [error] : null} />
      <div className="mt-2 flex gap-1">
        <button type="submit" className={small}>
          Save
        </button>
        <button type="button" className={small} onClick={finish}>
          Cancel
        </button>
      </div>
    </form>
  );
}
