import * as Y from "yjs";
import { byOrder, ensureSchemaVersion, newItemId, orderBetween } from "./schema-version";

/** The sticky-note board of possible root causes, sorted into categories and dot-voted. */
export const BOARD_SCHEMA_VERSION = 1;

export const boardCategories = ["unsorted", "systems-policies", "knowledge", "skills", "dispositions"] as const;
export type BoardCategory = (typeof boardCategories)[number];

export type StickyNote = {
  id: string;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  category: BoardCategory;
  order: number;
};

export type BoardSettings = { voteBudget: number; locked: boolean; timerEndsAt: number | null };

const DEFAULT_BUDGET = 3;
const MAX_NOTE_LENGTH = 280;

const notesMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("notes");
const votesMap = (doc: Y.Doc) => doc.getMap<number>("votes");
const settingsMap = (doc: Y.Doc) => doc.getMap<unknown>("settings");
const voteKey = (noteId: string, userId: string) => `${noteId}|${userId}`;

/** Prepares a new board. */
export function initBoard(doc: Y.Doc) {
  ensureSchemaVersion(doc, BOARD_SCHEMA_VERSION);
}

function readNote(map: Y.Map<unknown>): StickyNote {
  return {
    id: map.get("id") as string,
    text: map.get("text") as string,
    authorId: map.get("authorId") as string,
    authorName: (map.get("authorName") as string) ?? "",
    createdAt: map.get("createdAt") as number,
    category: map.get("category") as BoardCategory,
    order: map.get("order") as number,
  };
}

/** All notes of a category, in order. */
export function notesIn(doc: Y.Doc, category: BoardCategory): StickyNote[] {
  return listNotes(doc).filter((n) => n.category === category);
}

/** Every note, ordered within its category. */
export function listNotes(doc: Y.Doc): StickyNote[] {
  return [...notesMap(doc).values()].map(readNote).sort(byOrder);
}

function cleanText(text: string) {
  const trimmed = text.trim();
  if (!trimmed) throw new Error("A note needs some text.");
  if (trimmed.length > MAX_NOTE_LENGTH) throw new Error(`A note can be at most ${MAX_NOTE_LENGTH} characters.`);
  return trimmed;
}

function assertUnlocked(doc: Y.Doc) {
  if (getBoardSettings(doc).locked) throw new Error("The facilitator has locked the board.");
}

/** Adds a note at the end of "not yet sorted" (or the given category). Returns its id. */
export function addNote(
  doc: Y.Doc,
  note: { text: string; authorId: string; authorName: string; category?: BoardCategory },
): string {
  assertUnlocked(doc);
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
    notesMap(doc).set(id, map);
  });
  return id;
}

/** Changes a note's text. */
export function editNote(doc: Y.Doc, noteId: string, text: string) {
  assertUnlocked(doc);
  notesMap(doc).get(noteId)?.set("text", cleanText(text));
}

/** Moves a note into a category, before the note `beforeId` (or to the end). */
export function moveNote(doc: Y.Doc, noteId: string, category: BoardCategory, beforeId: string | null = null) {
  assertUnlocked(doc);
  const note = notesMap(doc).get(noteId);
  if (!note) return;
  const others = notesIn(doc, category).filter((n) => n.id !== noteId);
  const index = beforeId ? others.findIndex((n) => n.id === beforeId) : -1;
  const after = index >= 0 ? others[index] : null;
  const before = index >= 0 ? (others[index - 1] ?? null) : (others.at(-1) ?? null);
  doc.transact(() => {
    note.set("category", category);
    note.set("order", orderBetween(before?.order ?? null, after?.order ?? null));
  });
}

/** Removes a note and its votes. */
export function deleteNote(doc: Y.Doc, noteId: string) {
  assertUnlocked(doc);
  doc.transact(() => {
    notesMap(doc).delete(noteId);
    for (const key of [...votesMap(doc).keys()]) if (key.startsWith(`${noteId}|`)) votesMap(doc).delete(key);
  });
}

/** How many dots a person has placed in all. */
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

/** What pages need of a board: each note's category and dots, in board order (never the notes' text). */
export type BoardProjection = { notes: Array<{ id: string; category: BoardCategory; votes: number }> };

/** Projects a board for pages (the collaboration server stores it after each save). */
export function projectBoard(doc: Y.Doc): BoardProjection {
  const dots = new Map<string, number>();
  votesMap(doc).forEach((count, key) => {
    const noteId = key.slice(0, key.indexOf("|"));
    dots.set(noteId, (dots.get(noteId) ?? 0) + count);
  });
  return { notes: listNotes(doc).map((n) => ({ id: n.id, category: n.category, votes: dots.get(n.id) ?? 0 })) };
}

/** Places one dot on a note, within the person's budget. Returns false when the budget is spent. */
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

/** The facilitator's settings: dots per person, lock and timer. */
export function getBoardSettings(doc: Y.Doc): BoardSettings {
  const s = settingsMap(doc);
  return {
    voteBudget: (s.get("voteBudget") as number) ?? DEFAULT_BUDGET,
    locked: (s.get("locked") as boolean) ?? false,
    timerEndsAt: (s.get("timerEndsAt") as number | null) ?? null,
  };
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
  settingsMap(doc).set("timerEndsAt", minutes === null ? null : Date.now() + minutes * 60_000);
}
