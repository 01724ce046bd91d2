import * as Y from "yjs";
import { defineRules } from "./rules";
import { ensureSchemaVersion, newItemId, orderBetween } from "./schema-version";
import {
  assertUnlocked,
  clustersMap,
  getBoardSettings,
  listNotes,
  notesIn,
  notesMap,
  settingsMap,
  votesMap,
  WHY_OF_PROBLEM,
  type BoardCategory,
  type ChangeBy,
} from "./board-shape";
import { nextWhyOf } from "./board-template";
import { forgetItem, listRounds, roundResults, votingRoundRules } from "./voting-rounds";

/**
 * The sticky-note board of possible root causes: notes sorted into categories and named clusters,
 * laid out by a template (board-template.ts), dot-voted. The shape's keys live in board-shape.ts;
 * this module is the kind's one entry point and re-exports them.
 */
export * from "./board-shape";
export * from "./board-clusters";
export * from "./board-template";

export const BOARD_SCHEMA_VERSION = 1;

/** Who may do what on the board: the page offers a control only when `may(actor, boardRules.x, …)` says so. */
export const boardRules = defineRules({
  addNote: { who: "member", says: "Anyone in the community may add a note." },
  editNote: { who: "author-or-facilitator", says: "The note's author or a facilitator may change its words." },
  deleteNote: { who: "author-or-facilitator", says: "The note's author or a facilitator may remove it." },
  moveNote: { who: "member", says: "Anyone in the community may move notes between categories and groups." },
  cluster: { who: "member", says: "Anyone in the community may make, rename or remove a group of notes." },
  template: { who: "facilitator", whileLocked: true, says: "A facilitator chooses the template and the problem." },
  lock: { who: "facilitator", whileLocked: true, says: "A facilitator locks and unlocks the board." },
  timer: { who: "facilitator", whileLocked: true, says: "A facilitator starts and stops the timer." },
  // Voting rounds are the generic module's, declared beside its shape (voting-rounds.ts).
  startRound: votingRoundRules.start,
  revealRound: votingRoundRules.reveal,
  castDot: votingRoundRules.cast,
});

const MAX_NOTE_LENGTH = 280;
const voteKey = (noteId: string, userId: string) => `${noteId}|${userId}`;

/** Prepares a new board. */
export function initBoard(doc: Y.Doc) {
  ensureSchemaVersion(doc, BOARD_SCHEMA_VERSION);
}

function cleanText(text: string) {
  const trimmed = text.trim();
  if (!trimmed) throw new Error("A note needs some text.");
  if (trimmed.length > MAX_NOTE_LENGTH) throw new Error(`A note can be at most ${MAX_NOTE_LENGTH} characters.`);
  return trimmed;
}

/** Adds a note at the end of "not yet sorted" (or the given category). Returns its id. */
export function addNote(
  doc: Y.Doc,
  note: { text: string; authorId: string; authorName: string; category?: BoardCategory; whyOf?: string },
  by: ChangeBy = {},
): string {
  assertUnlocked(doc, by);
  const id = newItemId();
  const category = note.category ?? "unsorted";
  const last = notesIn(doc, category).at(-1);
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    map.set("id", id);
    map.set("text", cleanText(note.text));
    map.set("authorId", note.authorId);
    map.set("authorName", note.authorName);
    map.set("createdAt", Date.now());
    map.set("category", category);
    map.set("order", orderBetween(last?.order ?? null, null));
    if (note.whyOf) map.set("whyOf", note.whyOf);
    notesMap(doc).set(id, map);
  });
  return id;
}

/** The five whys: adds a note answering "why?" to the last link of the chain. Returns its id. */
export function askWhy(doc: Y.Doc, note: { text: string; authorId: string; authorName: string }, by: ChangeBy = {}) {
  return addNote(doc, { ...note, whyOf: nextWhyOf(doc) }, by);
}

/** Changes a note's text. */
export function editNote(doc: Y.Doc, noteId: string, text: string, by: ChangeBy = {}) {
  assertUnlocked(doc, by);
  notesMap(doc).get(noteId)?.set("text", cleanText(text));
}

/**
 * Moves a note into a category (and into one of its clusters, or none), before the note `beforeId`
 * of that place, or to its end: one transaction, so others see one move.
 */
export function moveNote(
  doc: Y.Doc,
  noteId: string,
  category: BoardCategory,
  beforeId: string | null = null,
  place: ChangeBy & { clusterId?: string | null } = {},
) {
  assertUnlocked(doc, place);
  const note = notesMap(doc).get(noteId);
  if (!note) return;
  const clusterId = place.clusterId ?? null;
  if (clusterId !== null) {
    const cluster = clustersMap(doc).get(clusterId);
    if (!cluster) throw new Error("That group is no longer on the board.");
    if (cluster.get("category") !== category) throw new Error("That group belongs to another category.");
  }
  const others = notesIn(doc, category).filter((n) => n.id !== noteId && n.clusterId === clusterId);
  const index = beforeId ? others.findIndex((n) => n.id === beforeId) : -1;
  const after = index >= 0 ? others[index] : null;
  const before = index >= 0 ? (others[index - 1] ?? null) : (others.at(-1) ?? null);
  doc.transact(() => {
    note.set("category", category);
    note.set("clusterId", clusterId);
    note.set("order", orderBetween(before?.order ?? null, after?.order ?? null));
  });
}

/** Removes a note and its dots (in every round); a "why?" answering it now answers the link before. */
export function deleteNote(doc: Y.Doc, noteId: string, by: ChangeBy = {}) {
  assertUnlocked(doc, by);
  const note = notesMap(doc).get(noteId);
  const parent = (note?.get("whyOf") as string | undefined) ?? null;
  doc.transact(() => {
    notesMap(doc).forEach((child) => {
      if (child.get("whyOf") === noteId) child.set("whyOf", parent ?? WHY_OF_PROBLEM);
    });
    notesMap(doc).delete(noteId);
    for (const key of [...votesMap(doc).keys()]) if (key.startsWith(`${noteId}|`)) votesMap(doc).delete(key);
    forgetItem(doc, noteId);
  });
}

/** How many dots a person has placed in all (the board's first, always-open dots). */
export function votesUsed(doc: Y.Doc, userId: string): number {
  let used = 0;
  votesMap(doc).forEach((count, key) => {
    if (key.endsWith(`|${userId}`)) used += count;
  });
  return used;
}

/** How many dots this person has on this note. */
export function myVotesOn(doc: Y.Doc, noteId: string, userId: string): number {
  return votesMap(doc).get(voteKey(noteId, userId)) ?? 0;
}

/** Total dots on a note. */
export function noteVotes(doc: Y.Doc, noteId: string): number {
  let total = 0;
  votesMap(doc).forEach((count, key) => {
    if (key.startsWith(`${noteId}|`)) total += count;
  });
  return total;
}

/** Whether the board holds any of the first, always-open dots (boards from before voting rounds). */
export function hasLegacyDots(doc: Y.Doc): boolean {
  return votesMap(doc).size > 0;
}

/** What pages need of a board: each note's category and dots, in board order (never the notes' text). */
export type BoardProjection = { notes: Array<{ id: string; category: BoardCategory; votes: number }> };

/**
 * The dots the board shows and reports: those of the latest revealed voting round, or, on a board
 * from before voting rounds, the first always-open dots. A round still open counts for nothing yet.
 */
export function shownDots(doc: Y.Doc): Map<string, number> {
  const revealed = listRounds(doc).filter((r) => r.revealedAt !== null);
  const latest = revealed.at(-1);
  if (latest) return new Map(roundResults(doc, latest.id).map((r) => [r.itemId, r.dots]));
  const dots = new Map<string, number>();
  votesMap(doc).forEach((count, key) => {
    const noteId = key.slice(0, key.indexOf("|"));
    dots.set(noteId, (dots.get(noteId) ?? 0) + count);
  });
  return dots;
}

/** Projects a board for pages (the collaboration server stores it after each save). */
export function projectBoard(doc: Y.Doc): BoardProjection {
  const dots = shownDots(doc);
  return { notes: listNotes(doc).map((n) => ({ id: n.id, category: n.category, votes: dots.get(n.id) ?? 0 })) };
}

/** Places one of the first, always-open dots (the demo seed and older boards; pages now use voting rounds). */
export function vote(doc: Y.Doc, noteId: string, userId: string): boolean {
  assertUnlocked(doc);
  if (!notesMap(doc).has(noteId) || votesUsed(doc, userId) >= getBoardSettings(doc).voteBudget) return false;
  const key = voteKey(noteId, userId);
  votesMap(doc).set(key, (votesMap(doc).get(key) ?? 0) + 1);
  return true;
}

/** Takes one of the person's dots back off a note. */
export function unvote(doc: Y.Doc, noteId: string, userId: string) {
  assertUnlocked(doc);
  const key = voteKey(noteId, userId);
  const count = votesMap(doc).get(key) ?? 0;
  if (count <= 1) votesMap(doc).delete(key);
  else votesMap(doc).set(key, count - 1);
}

/** Facilitator: set the number of dots each person may place. */
export function setVoteBudget(doc: Y.Doc, budget: number) {
  if (!Number.isInteger(budget) || budget < 0 || budget > 20)
    throw new Error("Choose between 0 and 20 dots per person.");
  settingsMap(doc).set("voteBudget", budget);
}

/** Facilitator: lock or unlock the board. */
export function setLocked(doc: Y.Doc, locked: boolean) {
  settingsMap(doc).set("locked", locked);
}

/** Facilitator: start a visible timer of `minutes`, or clear it with null. */
export function setTimer(doc: Y.Doc, minutes: number | null) {
  if (minutes !== null && (!Number.isFinite(minutes) || minutes <= 0 || minutes > 120))
    throw new Error("Choose between 1 and 120 minutes.");
  settingsMap(doc).set("timerEndsAt", minutes === null ? null : Date.now() + minutes * 60_000);
}
