import { CircleHelp, Heart, Lightbulb, ThumbsUp, type LucideIcon } from "lucide-react";
import type * as Y from "yjs";
import { reactionsOn, toggleReaction, type HmwReactionId } from "../../../../../collab/documents/hmw";

// Icons from the app's one icon set rather than emoji, which not every school laptop draws.
const icons: Record<HmwReactionId, LucideIcon> = { agree: ThumbsUp, love: Heart, idea: Lightbulb, unsure: CircleHelp };

/**
 * The fixed reactions on a question. Someone who may react gets a toggle per reaction (pressed when
 * it is theirs; they can only add or take back their own); a reader sees the reactions given.
 */
export function Reactions({
  doc,
  questionId,
  userId,
  canReact,
  describedBy,
}: {
  doc: Y.Doc;
  questionId: string;
  userId: string;
  canReact: boolean;
  /** The id of the question's text, so each toggle says which question it is for. */
  describedBy: string;
}) {
  const reactions = reactionsOn(doc, questionId, userId);
  if (!canReact) {
    const given = reactions.filter((r) => r.count > 0);
    if (given.length === 0) return null;
    return (
      <ul className="mt-2 flex flex-wrap gap-2" aria-label="Reactions">
        {given.map((r) => {
          const Icon = icons[r.id];
          return (
            <li key={r.id} className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-3 py-1 text-sm">
              <Icon aria-hidden className="size-4" />
              <span>
                {r.label}: {r.count}
              </span>
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label="Reactions" data-testid="reactions">
      {reactions.map((r) => {
        const Icon = icons[r.id];
        return (
          <li key={r.id}>
            <button
              type="button"
              // Said as "Agree, 2": the visible label first (so voice control finds it), then the count.
              aria-label={`${r.label}, ${r.count}`}
              aria-pressed={r.mine}
              aria-describedby={describedBy}
              title={r.label}
              data-reaction={r.id}
              onClick={() => toggleReaction(doc, questionId, r.id, userId)}
              className={`inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-full border px-3 text-sm font-medium ${
                r.mine
                  ? "border-brand-700 bg-brand-700 text-white hover:bg-brand-800"
                  : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
              }`}
            >
              <Icon aria-hidden className="size-4" />
              {/* The label shows from tablet width up; below, the icon and its tooltip stand in. */}
              <span className="sr-only sm:not-sr-only">{r.label}</span>
              <span aria-hidden className="tabular-nums" data-testid="reaction-count">
                {r.count}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
