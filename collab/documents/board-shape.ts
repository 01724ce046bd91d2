import * as Y from "yjs";
import { byOrder } from "./schema-version";

/** The root-cause board's keys and how its notes and settings are read (root-cause-board.ts writes them). */
export const boardCategories = ["unsorted", "systems-policies", "knowledge", "skills", "dispositions"] as const;
export type BoardCategory = (typeof boardCategories)[number];

/** How the facilitator lays the board out; the notes are the same in every template. */
export const boardTemplates = ["categories", "fishbone", "five-whys"] as const;
export type BoardTemplate = (typeof boardTemplates)[number];

/** `whyOf` of the first link of the five whys: it answers "why?" to the problem statement itself. */
export const WHY_OF_PROBLEM = "problem";

export type StickyNote = {
  id: string;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: number;
  category: BoardCategory;
  order: number;
  /** The named cluster the note sits in within its category, or null. */
  clusterId: string | null;
  /** In the five whys: the note this one answers "why?" to (or WHY_OF_PROBLEM), else null. */
  whyOf: string | null;
};

export type BoardSettings = {
  voteBudget: number;
  locked: boolean;
  timerEndsAt: number | null;
  template: BoardTemplate;
  /** The problem at the fishbone's head and at the top of the five whys. */
  problem: string;
};

export const DEFAULT_BUDGET = 3;

export const notesMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("notes");
export const votesMap = (doc: Y.Doc) => doc.getMap<number>("votes");
export const settingsMap = (doc: Y.Doc) => doc.getMap<unknown>("settings");
export const clustersMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("clusters");

function readNote(map: Y.Map<unknown>): StickyNote {
  return {
    id: map.get("id") as string,
    text: map.get("text") as string,
    authorId: map.get("authorId") as string,
    authorName: (map.get("authorName") as string) ?? "",
    createdAt: map.get("createdAt") as number,
    category: map.get("category") as BoardCategory,
    order: map.get("order") as number,
    clusterId: (map.get("clusterId") as string | null) ?? null,
    whyOf: (map.get("whyOf") as string | null) ?? null,
  };
}

/** Every note, ordered within its category. */
export function listNotes(doc: Y.Doc): StickyNote[] {
  return [...notesMap(doc).values()].map(readNote).sort(byOrder);
}

/** All notes of a category, in order. */
export function notesIn(doc: Y.Doc, category: BoardCategory): StickyNote[] {
  return listNotes(doc).filter((n) => n.category === category);
}

/** The facilitator's settings: dots per person, lock, timer, template and problem statement. */
export function getBoardSettings(doc: Y.Doc): BoardSettings {
  const s = settingsMap(doc);
  const template = s.get("template") as BoardTemplate | undefined;
  return {
    voteBudget: (s.get("voteBudget") as number) ?? DEFAULT_BUDGET,
    locked: (s.get("locked") as boolean) ?? false,
    timerEndsAt: (s.get("timerEndsAt") as number | null) ?? null,
    template: template && boardTemplates.includes(template) ? template : "categories",
    problem: (s.get("problem") as string) ?? "",
  };
}

/** Who is changing the board, where the lock matters: facilitators may still tidy a locked board. */
export type ChangeBy = { facilitator?: boolean };

/** Refuses a change while the facilitator has locked the board (unless a facilitator makes it). */
export function assertUnlocked(doc: Y.Doc, by: ChangeBy = {}) {
  if (getBoardSettings(doc).locked && !by.facilitator) throw new Error("The facilitator has locked the board.");
}
