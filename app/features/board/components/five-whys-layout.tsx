import { ArrowDown } from "lucide-react";
import { useMemo, useState, type FormEvent } from "react";
import { askWhy, boardRules, fiveWhysChain } from "../../../../collab/documents/root-cause-board";
import { ErrorList } from "../../../components/ui/field";
import { useBoard } from "./board-context";
import { CategoriesLayout } from "./categories-layout";
import { NoteBody } from "./note-card";
import { useBoardChange } from "./use-board-change";

/**
 * The 5 whys template: the problem, then a chain of notes, each answering "why?" to the one before,
 * then a field for the next answer. The board's other notes stay below, by category.
 */
export function FiveWhysLayout() {
  const view = useBoard();
  const { doc, settings, notes, dots, voteStamp, allowed } = view;
  // Read from the document once per change: `notes` is new after each change, so it is the key.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const chain = useMemo(() => fiveWhysChain(doc), [doc, notes]);
  const inChain = useMemo(() => new Set(chain.map((n) => n.id)), [chain]);
  return (
    <div className="space-y-6">
      <section
        aria-labelledby="whys-heading"
        className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6"
      >
        <h2 id="whys-heading" className="text-lg font-semibold text-slate-900">
          5 whys
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-slate-700">
          Ask “why?” of the problem, then of each answer in turn. Stop at a cause the school can act on, usually by the
          fifth why.
        </p>
        <p
          className="mt-4 rounded-lg bg-brand-700 px-4 py-3 text-lg font-semibold text-white"
          data-testid="why-problem"
        >
          <span className="block text-xs font-semibold uppercase tracking-wide text-brand-50">The problem</span>
          {settings.problem || "The facilitator has not written the problem yet."}
        </p>
        <ol aria-label="The chain of whys" className="mt-2 space-y-2">
          {chain.map((note, i) => (
            <li key={note.id} data-testid="why-link">
              <p className="flex items-center gap-2 py-1 pl-4 text-sm font-semibold text-brand-800">
                <ArrowDown aria-hidden className="size-4" />
                Why? ({i + 1})
              </p>
              <NoteBody note={note} dots={dots?.get(note.id) ?? 0} voteStamp={voteStamp(note.id)} />
            </li>
          ))}
        </ol>
        {allowed(boardRules.addNote) ? <WhyForm count={chain.length} /> : null}
      </section>
      <section aria-labelledby="other-notes-heading">
        <h2 id="other-notes-heading" className="text-lg font-semibold text-slate-900">
          Other notes
        </h2>
        <div className="mt-2">
          <CategoriesLayout exclude={inChain} />
        </div>
      </section>
    </div>
  );
}

/** The next link of the chain: an answer to "why?" of the last one (or of the problem). */
function WhyForm({ count }: { count: number }) {
  const { doc, me, by } = useBoard();
  const [text, setText] = useState("");
  const { error, attempt } = useBoardChange();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt(() => {
      askWhy(doc, { text, authorId: me.id, authorName: me.name }, by);
      setText("");
    });
  };
  return (
    <form onSubmit={submit} noValidate className="mt-3 border-t border-slate-200 pt-3">
      <label htmlFor="next-why" className="block text-sm font-semibold text-slate-900">
        {count === 0 ? "Why does the problem happen?" : `Why does that happen? (why number ${count + 1})`}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="next-why"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "next-why-error" : undefined}
          className="min-h-11 min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 text-slate-900"
        />
        <button
          type="submit"
          className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
        >
          Add the answer
        </button>
      </div>
      <ErrorList id="next-why-error" errors={error ? [error] : null} />
    </form>
  );
}
