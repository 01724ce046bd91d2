import { useEffect, useRef, useState, type FormEvent } from "react";
import type * as Y from "yjs";
import {
  chooseQuestion,
  hmwRules,
  refineQuestion,
  type HmwQuestion,
  type HmwStatus,
} from "../../../../../collab/documents/hmw";
import type { StickyNote } from "../../../../../collab/documents/root-cause-board";
import { may, type DocActor } from "../../../../../collab/documents/rules";
import type { VotingRound } from "../../../../../collab/documents/voting-rounds";
import { DotButtons } from "../../../../components/voting";
import { Button } from "../../../../components/ui/button";
import { ErrorList } from "../../../../components/ui/field";
import { Reactions } from "./reactions";
import { SourceNotes } from "./source-notes";

const statusLabels: Record<HmwStatus, { text: string; tone: string }> = {
  draft: { text: "Draft", tone: "bg-slate-200 text-slate-900" },
  refined: { text: "Refined", tone: "bg-blue-100 text-blue-900" },
  chosen: { text: "Chosen", tone: "bg-green-100 text-green-900" },
};

/**
 * One question: its status, reactions and sources; my dots while a voting round is open (nobody
 * else's: they stay hidden until the reveal); and, as the rules allow, refine and choose.
 */
export function QuestionCard({
  doc,
  question: q,
  actor,
  notes,
  round,
}: {
  doc: Y.Doc;
  question: HmwQuestion;
  actor: DocActor;
  notes: Map<string, StickyNote>;
  /** The open voting round (`openRound(doc)`), or null. */
  round: VotingRound | null;
}) {
  const userId = actor.userId;
  const canRefine = may(actor, hmwRules.refine);
  const canChoose = may(actor, hmwRules.choose);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(q.text);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  // Refine replaces the buttons with the form, so focus moves to its text.
  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);
  const status = statusLabels[q.status];
  const textId = `question-${q.id}`;
  const editId = `refine-${q.id}`;

  const save = (event: FormEvent) => {
    event.preventDefault();
    try {
      refineQuestion(doc, q.id, draft);
      setEditing(false);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The question could not be changed.");
    }
  };

  return (
    <li
      className={`rounded-md border bg-white p-4 ${q.status === "chosen" ? "border-green-600 ring-2 ring-green-600" : "border-slate-200"}`}
      data-question-id={q.id}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p id={textId} className="text-lg font-medium text-slate-900">
          {q.text}
        </p>
        <span className={`rounded px-2 py-0.5 text-sm font-medium ${status.tone}`}>{status.text}</span>
      </div>
      <p className="text-sm text-slate-700">
        By {q.authorName || "someone"}
        {/* Votes from before voting rounds, kept so an older document still shows them. */}
        {q.votes > 0 ? ` · ${q.votes === 1 ? "1 vote" : `${q.votes} votes`}` : null}
      </p>
      <SourceNotes ids={q.sourceNoteIds} notes={notes} />
      <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
        <Reactions
          doc={doc}
          questionId={q.id}
          userId={userId}
          canReact={may(actor, hmwRules.react)}
          describedBy={textId}
        />
        <DotButtons doc={doc} round={round} me={{ id: userId }} actor={actor} itemId={q.id} describedBy={textId} />
      </div>
      {canRefine && editing ? (
        <form onSubmit={save} className="mt-3">
          <label htmlFor={editId} className="block text-sm font-medium text-slate-800">
            Refine the question
          </label>
          <textarea
            id={editId}
            ref={field}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={2}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${editId}-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-600"
          />
          <ErrorList id={`${editId}-error`} errors={error ? [error] : null} />
          <div className="mt-2 flex gap-2">
            <Button type="submit">Save wording</Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setEditing(false);
                setError(null);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {canRefine && !editing ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button
            type="button"
            variant="secondary"
            aria-describedby={textId}
            onClick={() => {
              setDraft(q.text);
              setEditing(true);
            }}
          >
            Refine
          </Button>
          {q.status === "chosen" || !canChoose ? null : (
            <Button type="button" aria-describedby={textId} onClick={() => chooseQuestion(doc, q.id)}>
              Choose as our inquiry question
            </Button>
          )}
        </div>
      ) : null}
    </li>
  );
}
