/**
 * Dot-voting rounds on any shared document (the state and rules live in
 * collab/documents/voting-rounds.ts): the parts a page composes. These exports are a stable API
 * used by the root-cause board and the "How might we…" page; add to them, do not rename.
 *
 * Every component takes a `VotingContext`: `{ doc, me: { id }, actor: DocActor, locked? }`, where
 * `doc` is the host Y.Doc that keeps the rounds and `actor` is what `may(actor, votingRoundRules.x)`
 * is checked against (collab/documents/rules.ts).
 *
 * - `<VotingPanel {...ctx} items={[{ id, text }]} itemsLabel="notes" />` — the whole voting area:
 *   start form (facilitator, no round open) or the open round's status, dots left, countdown and
 *   "Reveal results" (facilitator); then the latest revealed results and the earlier rounds.
 * - `<DotButtons {...ctx} round={openRound(doc)} itemId={id} describedBy={textElementId} />` — on
 *   each item: place / take back one of MY dots (others' dots are never drawn). Draws nothing with
 *   no open round or for someone who may not vote.
 * - `RoundControls`, `StartRoundForm`, `RoundResults`, `ResultsList`, `PastRounds` — the panel's
 *   parts, for a page that lays them out itself.
 * - `<CountdownBadge endsAt={ms | null} endedText="…" label="Timer" />` — time left, with the end
 *   cue (beep + amber flash + one screen-reader announcement) when this page watches time run out.
 * - `useCountdown(endsAt, { cue?, onEnd? })` → `{ secondsLeft, timeUp, justEnded }` — the same clock
 *   for a page's own timer markup; `justEnded` is true for END_CUE_MS after the end (visual cue),
 *   and the beep (`playEndCue`) is played once unless `cue: false`.
 * - `useTimeUp(endsAt)` (one re-render at the end), `clock(seconds)` ("4:05"), `playEndCue()`.
 * - `dotsText(n)`, `votersText(n, over?)` — plain-English counts.
 *
 * Pages re-render on document changes already (useCollabDocument); a view that does not can
 * subscribe with `observeRounds(doc, callback)` from voting-rounds.ts.
 */
export { CountdownBadge } from "./countdown-badge";
export { DotButtons } from "./dot-buttons";
export { PastRounds } from "./past-rounds";
export { RoundControls } from "./round-controls";
export { ResultsList, RoundResults } from "./round-results";
export { StartRoundForm } from "./start-round-form";
export { dotsText, votersText, type VotableItem, type VotingContext } from "./types";
export { clock, END_CUE_MS, playEndCue, useCountdown, useTimeUp, type Countdown } from "./use-countdown";
export { VotingPanel } from "./voting-panel";
