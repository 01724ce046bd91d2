import { useState, type FormEvent } from "react";
import type * as Y from "yjs";
import { addQuestion, hmwPrompts } from "../../../../../collab/documents/hmw";
import type { CollabUser } from "../../../../components/collab/use-collab-document";
import { Button } from "../../../../components/ui/button";
import { ErrorList } from "../../../../components/ui/field";
import { categoryLabels, type NotesByCategory } from "./source-notes";

const STARTER = "How might we ";

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
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const hint = hmwPrompts.find((p) => p.id === prompt)?.hint;

  const toggleSource = (id: string, checked: boolean) =>
    setSources((current) => (checked ? [...current, id] : current.filter((s) => s !== id)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    try {
      addQuestion(doc, { text, authorId: me.id, authorName: me.name, sourceNoteIds: sources });
      setText(STARTER);
      setSources([]);
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
          Need a way in? Try a prompt:
        </p>
        <ul className="mt-1 flex flex-wrap gap-2" aria-labelledby="prompts-label">
          {hmwPrompts.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                aria-pressed={prompt === p.id}
                onClick={() => setPrompt(prompt === p.id ? null : p.id)}
                className={`rounded-full border px-3 py-1 text-sm ${prompt === p.id ? "border-brand-700 bg-brand-700 text-white" : "border-brand-200 bg-brand-50 text-brand-800 hover:bg-brand-100"}`}
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
