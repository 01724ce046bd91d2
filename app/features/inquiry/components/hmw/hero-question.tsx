import { Quote } from "lucide-react";
import type { HmwQuestion } from "../../../../../collab/documents/hmw";
import type { StickyNote } from "../../../../../collab/documents/root-cause-board";
import { categoryLabels } from "./source-notes";

/**
 * The chosen inquiry question, shown large at the top of the page: the sentence the group's year
 * hangs on, with the board notes it grew from listed underneath so the "why" travels with it.
 */
export function HeroQuestion({ question, notes }: { question: HmwQuestion; notes: Map<string, StickyNote> }) {
  return (
    <section
      aria-labelledby="chosen-heading"
      className="mt-4 rounded-xl border-2 border-green-700 bg-green-50 p-5 shadow-sm sm:p-8"
      data-testid="chosen-question"
    >
      <h2 id="chosen-heading" className="text-sm font-semibold uppercase tracking-wide text-green-900">
        Our inquiry question
      </h2>
      <p className="mt-3 flex gap-3 text-2xl font-semibold leading-snug text-green-950 sm:text-3xl">
        <Quote aria-hidden className="mt-1 size-6 shrink-0 text-green-700" />
        <span data-testid="chosen-text">{question.text}</span>
      </p>
      <p className="mt-3 text-sm text-green-900">Drafted by {question.authorName || "someone"}</p>
      <div className="mt-4">
        <h3 className="text-sm font-semibold text-green-950">The root causes it answers</h3>
        {question.sourceNoteIds.length === 0 ? (
          <p className="mt-1 text-sm text-green-900">No board notes were linked to this question.</p>
        ) : (
          <ul className="mt-2 grid gap-2 sm:grid-cols-2" data-testid="chosen-sources">
            {question.sourceNoteIds.map((id) => {
              const note = notes.get(id);
              return (
                <li key={id} className="rounded-md bg-amber-100 px-3 py-2 text-amber-950 shadow-sm">
                  {note ? (
                    <>
                      <span className="block">{note.text}</span>
                      <span className="mt-1 block text-xs text-amber-900">
                        {categoryLabels[note.category] ?? "On the board"}
                        {note.authorName ? ` · ${note.authorName}` : ""}
                      </span>
                    </>
                  ) : (
                    <em>A note since removed from the board</em>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
