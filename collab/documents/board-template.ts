import type * as Y from "yjs";
import {
  boardTemplates,
  listNotes,
  settingsMap,
  WHY_OF_PROBLEM,
  type BoardTemplate,
  type StickyNote,
} from "./board-shape";

/**
 * The board's templates. Changing the template only changes how the same notes are laid out: the
 * categories and fishbone show every note by category; the five whys shows the chain and, below it,
 * every other note. Nothing is deleted or moved when the facilitator switches.
 */
const MAX_PROBLEM_LENGTH = 280;

/** Facilitator: lay the board out as categories, a fishbone or five whys. */
export function setTemplate(doc: Y.Doc, template: BoardTemplate) {
  if (!boardTemplates.includes(template)) throw new Error("Choose categories, a fishbone or five whys.");
  settingsMap(doc).set("template", template);
}

/** Facilitator: the problem at the fishbone's head and at the top of the five whys. */
export function setProblem(doc: Y.Doc, problem: string) {
  const trimmed = problem.trim();
  if (trimmed.length > MAX_PROBLEM_LENGTH)
    throw new Error(`The problem can be at most ${MAX_PROBLEM_LENGTH} characters.`);
  settingsMap(doc).set("problem", trimmed);
}

/**
 * The five whys as a chain, first answer first: each link answers "why?" to the one before. If two
 * people answered the same link at once, the earlier answer continues the chain and the other stays
 * on the board with the other notes.
 */
export function fiveWhysChain(doc: Y.Doc): StickyNote[] {
  const notes = listNotes(doc);
  const answersTo = (parent: string) =>
    notes.filter((n) => n.whyOf === parent).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))[0];
  const chain: StickyNote[] = [];
  const seen = new Set<string>();
  for (let next = answersTo(WHY_OF_PROBLEM); next && !seen.has(next.id); next = answersTo(next.id)) {
    seen.add(next.id);
    chain.push(next);
  }
  return chain;
}

/** What the next "why?" answers: the last link of the chain, or the problem when it is empty. */
export function nextWhyOf(doc: Y.Doc): string {
  return fiveWhysChain(doc).at(-1)?.id ?? WHY_OF_PROBLEM;
}
