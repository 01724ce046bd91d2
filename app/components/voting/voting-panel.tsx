import { listRounds, openRound } from "../../../collab/documents/voting-rounds";
import { PastRounds } from "./past-rounds";
import { RoundControls } from "./round-controls";
import { RoundResults } from "./round-results";
import type { VotableItem, VotingContext } from "./types";

/**
 * The whole voting area of a host page: the round controls, the latest round's results once
 * revealed (until the next round starts), and the earlier rounds. Dots themselves go on each item
 * with DotButtons.
 */
export function VotingPanel({
  doc,
  me,
  actor,
  locked,
  items,
  itemsLabel,
}: VotingContext & { items: VotableItem[]; itemsLabel?: string }) {
  const open = openRound(doc);
  const latest = listRounds(doc).at(-1) ?? null;
  const shown = !open && latest?.revealedAt != null ? latest : null;
  return (
    <div className="space-y-4">
      <RoundControls doc={doc} round={open} me={me} actor={actor} locked={locked} itemsLabel={itemsLabel} />
      <RoundResults doc={doc} round={shown} items={items} />
      <PastRounds doc={doc} items={items} except={shown?.id} />
    </div>
  );
}
