import { Eye } from "lucide-react";
import { may } from "../../../collab/documents/rules";
import {
  dotsLeft,
  revealRound,
  voters,
  votingRoundRules,
  type VotingRound,
} from "../../../collab/documents/voting-rounds";
import { Button } from "../ui/button";
import { StartRoundForm } from "./start-round-form";
import { dotsText, votersText, type VotingContext } from "./types";
import { CountdownBadge } from "./countdown-badge";

/**
 * The voting round at the top of a host page. With no round open, a facilitator may start one. While
 * it is open, everyone sees their dots left and how many people have voted (never the counts), with a
 * countdown when there is a time limit; a facilitator may reveal the results.
 */
export function RoundControls({
  doc,
  round,
  me,
  actor,
  locked,
  itemsLabel = "items",
}: VotingContext & {
  /** The open round (`openRound(doc)`), or null. */
  round: VotingRound | null;
  /** What dots go on, in the plural ("notes", "questions"). */
  itemsLabel?: string;
}) {
  const canStart = may(actor, votingRoundRules.start, { locked });
  const canReveal = may(actor, votingRoundRules.reveal, { locked });
  const canCast = may(actor, votingRoundRules.cast, { locked });
  if (!round) {
    if (!canStart) return null;
    return (
      <section aria-labelledby="voting-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="voting-heading" className="text-lg font-semibold text-slate-900">
          Vote with dots
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Give everyone a few dots to place on the {itemsLabel} they think matter most. The counts stay hidden until you
          reveal them.
        </p>
        <div className="mt-3">
          <StartRoundForm doc={doc} startedBy={me.id} />
        </div>
      </section>
    );
  }
  const left = dotsLeft(doc, round.id, me.id);
  const voted = voters(doc, round.id);
  return (
    <section
      aria-labelledby="voting-heading"
      className="rounded-lg border-2 border-brand-600 bg-brand-50 p-4 shadow-sm"
      data-testid="voting-round"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id="voting-heading" className="text-lg font-semibold text-slate-900">
          Voting round {round.number}
        </h2>
        <CountdownBadge
          endsAt={round.endsAt}
          endedText="Time is up: voting has stopped. The facilitator can reveal the results."
        />
      </div>
      <p className="mt-1 text-slate-800" data-testid="round-status">
        {canCast ? (
          <>
            Round {round.number} — you have <strong>{left}</strong> of {dotsText(round.dotsPerPerson)} left.{" "}
          </>
        ) : (
          <>
            Round {round.number} — each person has {dotsText(round.dotsPerPerson)}.{" "}
          </>
        )}
        Results stay hidden until the facilitator reveals them. {votersText(voted)}.
      </p>
      {canReveal ? (
        <Button type="button" className="mt-3 min-h-11 gap-2" onClick={() => revealRound(doc, round.id)}>
          <Eye aria-hidden className="size-4" />
          Reveal results
        </Button>
      ) : null}
    </section>
  );
}
