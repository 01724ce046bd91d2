import { ChevronRight } from "lucide-react";
import type * as Y from "yjs";
import { listRounds, voters } from "../../../collab/documents/voting-rounds";
import { FormattedDate } from "../date-context";
import { ResultsList } from "./round-results";
import { votersText, type VotableItem } from "./types";

/** Every revealed round, newest first, each opening to its results (`except` leaves one out, e.g. the one shown above). */
export function PastRounds({ doc, items, except }: { doc: Y.Doc; items: VotableItem[]; except?: string | null }) {
  const rounds = listRounds(doc)
    .filter((r) => r.revealedAt !== null && r.id !== except)
    .reverse();
  if (rounds.length === 0) return null;
  return (
    <section aria-labelledby="past-rounds-heading" data-testid="past-rounds">
      <h2 id="past-rounds-heading" className="text-lg font-semibold text-slate-900">
        Earlier voting rounds
      </h2>
      <ul className="mt-2 space-y-2">
        {rounds.map((round) => (
          <li key={round.id} className="rounded-lg border border-slate-200 bg-white">
            <details className="group">
              <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-3 py-2 font-medium text-slate-900 [&::-webkit-details-marker]:hidden">
                <ChevronRight aria-hidden className="size-4 shrink-0 transition-transform group-open:rotate-90" />
                <span>
                  Round {round.number} · <FormattedDate value={new Date(round.startedAt)} style="medium-date-time" /> ·{" "}
                  {votersText(voters(doc, round.id), true)}
                </span>
              </summary>
              <div className="px-3 pb-3">
                <ResultsList doc={doc} round={round} items={items} />
              </div>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
