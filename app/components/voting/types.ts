import type * as Y from "yjs";
import type { DocActor } from "../../../collab/documents/rules";

/** What every voting component is given: the host document, the person, and what they may do. */
export type VotingContext = {
  /** The host document (the board, the "How might we…" questions) that keeps the rounds. */
  doc: Y.Doc;
  /** The signed-in person (a CollabUser fits). */
  me: { id: string };
  /** Who they are in this document, for `may(actor, votingRoundRules…)`. */
  actor: DocActor;
  /** Whether a facilitator has locked the host document (voting stays open; see votingRoundRules). */
  locked?: boolean;
};

/** An item dots can be placed on, as the results name it. */
export type VotableItem = { id: string; text: string };

/** "1 dot", "3 dots". */
export const dotsText = (n: number) => `${n} ${n === 1 ? "dot" : "dots"}`;

/** "1 person has voted", "4 people have voted"; once the round is over, "4 people voted". */
export const votersText = (n: number, over = false) =>
  `${n} ${n === 1 ? "person" : "people"} ${over ? "voted" : n === 1 ? "has voted" : "have voted"}`;
