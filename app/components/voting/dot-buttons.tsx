import { Minus, Plus } from "lucide-react";
import { useState } from "react";
import { may } from "../../../collab/documents/rules";
import {
  castDot,
  dotsLeft,
  myDotsOn,
  takeBackDot,
  votingRoundRules,
  type VotingRound,
} from "../../../collab/documents/voting-rounds";
import { dotsText, type VotingContext } from "./types";
import { useTimeUp } from "./use-countdown";

const target =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-full border border-slate-400 bg-white text-slate-900 hover:bg-slate-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50";

/**
 * Place or take back one of my dots on one item while a round is open. Only my own dots show here:
 * the counts stay hidden until the facilitator reveals them. The buttons stay focusable when they
 * cannot act (aria-disabled), so focus is not lost when the last dot is placed.
 */
export function DotButtons({
  doc,
  round,
  me,
  actor,
  locked,
  itemId,
  describedBy,
}: VotingContext & {
  /** The open round, or null (then nothing is drawn). */
  round: VotingRound | null;
  itemId: string;
  /** The id of the element holding the item's text, so each button says which item it is for. */
  describedBy: string;
}) {
  const [said, setSaid] = useState("");
  const timeUp = useTimeUp(round?.endsAt ?? null);
  if (!round || round.revealedAt !== null || !may(actor, votingRoundRules.cast, { locked })) return null;
  const mine = myDotsOn(doc, round.id, itemId, me.id);
  const left = dotsLeft(doc, round.id, me.id);
  const canPlace = !timeUp && left > 0;
  const canTakeBack = !timeUp && mine > 0;

  const place = () => {
    if (!canPlace) return setSaid(timeUp ? "Time is up." : "You have no dots left. Take one back to move it.");
    castDot(doc, round.id, itemId, me.id);
    setSaid(`${dotsText(left - 1)} left.`);
  };
  const takeBack = () => {
    if (!canTakeBack) return setSaid(timeUp ? "Time is up." : "You have no dots here.");
    takeBackDot(doc, round.id, itemId, me.id);
    setSaid(`Dot taken back. ${dotsText(left + 1)} left.`);
  };

  return (
    <div className="flex items-center gap-2" data-testid="dot-buttons">
      <button
        type="button"
        className={target}
        aria-label="Take back a dot"
        aria-describedby={describedBy}
        aria-disabled={!canTakeBack || undefined}
        onClick={takeBack}
      >
        <Minus aria-hidden className="size-4" />
      </button>
      <span className="flex min-w-16 items-center justify-center gap-1 text-sm text-slate-700" data-testid="my-dots">
        <span aria-hidden>Yours</span>
        {mine === 0 ? <span aria-hidden>0</span> : null}
        {Array.from({ length: mine }, (_, i) => (
          <span key={i} aria-hidden className="size-3 rounded-full bg-brand-700" />
        ))}
        <span className="sr-only">Your dots here: {mine}</span>
      </span>
      <button
        type="button"
        className={target}
        aria-label="Place a dot"
        aria-describedby={describedBy}
        aria-disabled={!canPlace || undefined}
        onClick={place}
      >
        <Plus aria-hidden className="size-4" />
      </button>
      <span role="status" className="sr-only">
        {said}
      </span>
    </div>
  );
}
