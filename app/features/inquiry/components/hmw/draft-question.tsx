import { useRef, useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { addQuestion, hmwPrompts } from "../../../../../collab/documents/hmw";
import type { CollabUser } from "../../../../components/collab/use-collab-document";
import { Button } from "../../../../components/ui/button";
import { ErrorList } from "../../../../components/ui/field";
import { categoryLabels, type NotesByCategory } from "./source-notes";

const STARTER = "How might we ";

/**
 * The draft with a prompt's stem put in. A box still holding only the starter or another prompt's
 * stem is replaced (nothing of the person's is lost); otherwise the stem goes in at the caret.
 */
export function withStem(text: string, stem: string, caret: number | null): { text: string; caret: number } {
  const untouched = text.trim() === "" || text === STARTER || hmwPrompts.some((p) => p.stem === text);
  if (untouched) return { text: stem, caret: stem.length };
  const at = caret ?? text.length;
  const before = text.slice(0, at);
  const gap = before === "" || /\s$/.test(before) ? "" : " ";
  return { text: `${before}${gap}${stem}${text.slice(at)}`, caret: at + gap.length + stem.length };
}

/** Drafts a new "How might we…" question, linked to the board notes it came from. */
export function DraftQuestion({
  doc,
  me,
  notesByCategory,
}: {
  doc: Y.Doc;
  me: CollabUser;
  notesByCategory: NotesByCategory;
}) {
  const [text, setText] = useState(STARTER);
  const [sources, setSources] = useState<string[]>([]);
  const [prompt, setPrompt] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const hint = hmwPrompts.find((p) => p.id === prompt)?.hint;

  // The stem goes into the box and the caret after it, so the person carries straight on typing.
  const applyPrompt = (id: string, stem: string) => {
    const next = withStem(text, stem, box.current?.selectionStart ?? null);
    setText(next.text);
    setPrompt(id);
    setAdded(false);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const toggleSource = (id: string, checked: boolean) =>
    setSources((current) => (checked ? [...current, id] : current.filter((s) => s !== id)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      addQuestion(doc, { text, authorId: me.id, authorName: me.name, sourceNoteIds: sources });
      setText(STARTER);
      setSources([]);
      setPrompt(null);
      setError(null);
      setAdded(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The question could not be added.");
      setAdded(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-md border border-slate-200 bg-white p-4"
      aria-labelledby="draft-heading"
    >
      <h2 id="draft-heading" className="text-xl font-semibold">
        Draft a question
      </h2>
      <div>
        <p id="prompts-label" className="text-sm font-medium text-slate-800">
          Need a way in? A prompt starts the question for you:
        </p>
        <ul className="mt-1 flex flex-wrap gap-2" aria-labelledby="prompts-label">
          {hmwPrompts.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => applyPrompt(p.id, p.stem)}
                aria-describedby="prompts-label"
                data-prompt={p.id}
                className={`min-h-11 rounded-full border px-3 py-1 text-sm ${prompt === p.id ? "border-brand-700 bg-brand-700 text-white" : "border-brand-200 bg-brand-50 text-brand-800 hover:bg-brand-100"}`}
              >
                {p.label}
              </button>
            </li>
          ))}
        </ul>
        <p aria-live="polite" className="mt-2 min-h-5 text-sm text-slate-700" data-testid="prompt-hint">
          {hint ? `Prompt: ${hint}` : ""}
        </p>
      </div>
      <div>
        <label htmlFor="hmw-text" className="block text-sm font-medium text-slate-800">
          Your question
        </label>
        <textarea
          id="hmw-text"
          ref={box}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setAdded(false);
          }}
          rows={2}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "hmw-text-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-600"
        />
        <ErrorList id="hmw-text-error" errors={error ? [error] : null} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Which root causes does it answer? (optional)</legend>
        {notesByCategory.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">The root-cause board has no notes yet.</p>
        ) : (
          notesByCategory.map(({ category, notes }) => (
            <div key={category} className="mt-2">
              <p className="text-sm font-semibold text-slate-700">{categoryLabels[category]}</p>
              <ul className="mt-1 space-y-1">
                {notes.map((n) => (
                  <li key={n.id}>
                    <label className="flex items-start gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="mt-1"
                        checked={sources.includes(n.id)}
                        onChange={(e) => toggleSource(n.id, e.target.checked)}
                      />
                      <span>{n.text}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit">Add question</Button>
        <p aria-live="polite" className="text-sm text-green-800">
          {added ? "Question added." : ""}
        </p>
      </div>
    </form>
  );
}
