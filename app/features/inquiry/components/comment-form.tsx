import { useEffect, useRef, useState, type FormEvent } from "react";
import { commentTextError } from "../../../../collab/documents/inquiry";
import { ErrorList } from "../../../components/ui/field";

/**
 * A new comment on the quoted passage. It takes the focus when it opens; Escape or "Cancel"
 * closes it without saving. `onAdd` saves (the text is checked here first, with the model's rule).
 */
export function CommentForm({
  id,
  quote,
  onAdd,
  onCancel,
}: {
  id: string;
  quote: string;
  onAdd: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = commentTextError(text);
    if (problem) {
      setError(problem);
      input.current?.focus();
      return;
    }
    onAdd(text);
  };
  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
      className="mt-2 rounded-md border border-slate-300 bg-white p-3"
    >
      <p id={`${id}-quote`} className="text-sm text-slate-700">
        On <q className="italic">{quote}</q>
      </p>
      <label htmlFor={id} className="mt-2 block text-sm font-medium text-slate-800">
        Your comment
      </label>
      <textarea
        ref={input}
        id={id}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-quote`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
        className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm aria-[invalid=true]:border-red-600"
      />
      <ErrorList id={`${id}-error`} errors={error ? [error] : null} />
      <div className="mt-2 flex gap-2">
        <button
          type="submit"
          className="min-h-11 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          Add comment
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="min-h-11 rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-50"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
