import * as Y from "yjs";
import { defineRules } from "./rules";
import { newItemId } from "./schema-version";

/**
 * Dot-voting rounds, as in FigJam, kept inside any host document (the root-cause board, the
 * "How might we…" questions). A facilitator starts a round with N dots each and an optional time
 * limit; people place dots on items; the counts stay hidden until the facilitator reveals them;
 * every round is kept. Hiding is done by the page: every client holds the whole document.
 *
 * Dots live under `${roundId}|${itemId}|${userId}` so the server can check that a writer only
 * touched keys ending in their own id, and stayed within the round's budget.
 */
export type VotingRound = {
  id: string;
  number: number;
  dotsPerPerson: number;
  startedAt: number;
  endsAt: number | null;
  revealedAt: number | null;
  startedBy: string;
};

/** Who may run a round and who may vote; voting stays open while the host is locked (nothing else moves). */
export const votingRoundRules = defineRules({
  start: { who: "facilitator", whileLocked: true, says: "Only a facilitator starts a voting round." },
  reveal: { who: "facilitator", whileLocked: true, says: "Only a facilitator reveals the results." },
  cast: {
    who: "member",
    whileLocked: true,
    says: "Everyone in the community places their own dots, even while the facilitator has locked the page.",
  },
});

export const MAX_DOTS = 20;
export const MAX_MINUTES = 60;

const roundsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("rounds");
const dotsMap = (doc: Y.Doc) => doc.getMap<number>("roundDots");
const dotKey = (roundId: string, itemId: string, userId: string) => `${roundId}|${itemId}|${userId}`;

/** Splits a dot key; the item id is whatever sits between the first and the last bar. */
function parseKey(key: string) {
  const first = key.indexOf("|");
  const last = key.lastIndexOf("|");
  return { roundId: key.slice(0, first), itemId: key.slice(first + 1, last), userId: key.slice(last + 1) };
}

function readRound(map: Y.Map<unknown>) {
  return {
    id: map.get("id") as string,
    stored: (map.get("number") as number | undefined) ?? 0,
    dotsPerPerson: map.get("dotsPerPerson") as number,
    startedAt: map.get("startedAt") as number,
    endsAt: (map.get("endsAt") as number | null) ?? null,
    revealedAt: (map.get("revealedAt") as number | null) ?? null,
    startedBy: map.get("startedBy") as string,
  };
}

/**
 * Every round, oldest first (by start time, then the number it was given, then id). Numbers come
 * from that order, not from what was stored, so two facilitators starting a round at the same
 * moment still end up with rounds 2 and 3 on every replica.
 */
export function listRounds(doc: Y.Doc): VotingRound[] {
  return [...roundsMap(doc).values()]
    .map(readRound)
    .sort((a, b) => a.startedAt - b.startedAt || a.stored - b.stored || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ stored: _stored, ...r }, i) => ({ ...r, number: i + 1 }));
}

/** One round by id, or null. */
export function getRound(doc: Y.Doc, roundId: string): VotingRound | null {
  return listRounds(doc).find((r) => r.id === roundId) ?? null;
}

/** The round started and not yet revealed (the oldest, should two have been started at once), or null. */
export function openRound(doc: Y.Doc): VotingRound | null {
  return listRounds(doc).find((r) => r.revealedAt === null) ?? null;
}

/** Whether the round's time limit has passed. */
export function isTimeUp(round: VotingRound, now = Date.now()): boolean {
  return round.endsAt !== null && now >= round.endsAt;
}

/** Facilitator: starts a round. Refuses, in words, bad numbers or a round still open. Returns its id. */
export function startRound(
  doc: Y.Doc,
  options: { dotsPerPerson: number; minutes: number | null; startedBy: string },
  now = Date.now(),
): string {
  const { dotsPerPerson, minutes, startedBy } = options;
  if (!Number.isInteger(dotsPerPerson) || dotsPerPerson < 1 || dotsPerPerson > MAX_DOTS)
    throw new Error(`Choose between 1 and ${MAX_DOTS} dots per person.`);
  if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES))
    throw new Error(`Choose between 1 and ${MAX_MINUTES} minutes, or no time limit.`);
  const open = openRound(doc);
  if (open) throw new Error(`Round ${open.number} is still open: reveal its results before starting another.`);
  const id = newItemId();
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    map.set("id", id);
    map.set("number", listRounds(doc).length + 1);
    map.set("dotsPerPerson", dotsPerPerson);
    map.set("startedAt", now);
    map.set("endsAt", minutes === null ? null : now + minutes * 60_000);
    map.set("revealedAt", null);
    map.set("startedBy", startedBy);
    roundsMap(doc).set(id, map);
  });
  return id;
}

/** Facilitator: reveals a round's results (the round closes; its dots are kept). */
export function revealRound(doc: Y.Doc, roundId: string, now = Date.now()) {
  const map = roundsMap(doc).get(roundId);
  if (map && map.get("revealedAt") == null) map.set("revealedAt", now);
}

/** Each person's dots in a round, as they were placed: userId → itemId → count. */
function dotsByPerson(doc: Y.Doc, roundId: string) {
  const people = new Map<string, Map<string, number>>();
  dotsMap(doc).forEach((count, key) => {
    const k = parseKey(key);
    if (k.roundId !== roundId || count <= 0) return;
    const mine = people.get(k.userId) ?? new Map<string, number>();
    mine.set(k.itemId, count);
    people.set(k.userId, mine);
  });
  return people;
}

function dotsUsed(doc: Y.Doc, roundId: string, userId: string): number {
  let used = 0;
  dotsByPerson(doc, roundId)
    .get(userId)
    ?.forEach((count) => (used += count));
  return used;
}

/** How many dots this person may still place in the round (never below zero). */
export function dotsLeft(doc: Y.Doc, roundId: string, userId: string): number {
  const round = getRound(doc, roundId);
  if (!round) return 0;
  return Math.max(0, round.dotsPerPerson - dotsUsed(doc, roundId, userId));
}

/** How many of this person's dots are on this item in the round. */
export function myDotsOn(doc: Y.Doc, roundId: string, itemId: string, userId: string): number {
  return dotsMap(doc).get(dotKey(roundId, itemId, userId)) ?? 0;
}

/** Whether dots can still be placed or taken back: the round exists, is not revealed, and time is not up. */
export function isVotingOpen(doc: Y.Doc, roundId: string, now = Date.now()): boolean {
  const round = getRound(doc, roundId);
  return round !== null && round.revealedAt === null && !isTimeUp(round, now);
}

/** Places one of the person's dots on an item. False when the budget is spent, the round is revealed or time is up. */
export function castDot(doc: Y.Doc, roundId: string, itemId: string, userId: string, now = Date.now()): boolean {
  if (!isVotingOpen(doc, roundId, now) || dotsLeft(doc, roundId, userId) <= 0) return false;
  const key = dotKey(roundId, itemId, userId);
  dotsMap(doc).set(key, (dotsMap(doc).get(key) ?? 0) + 1);
  return true;
}

/** Takes one of the person's dots back off an item, while the round is still open. */
export function takeBackDot(doc: Y.Doc, roundId: string, itemId: string, userId: string, now = Date.now()) {
  if (!isVotingOpen(doc, roundId, now)) return;
  const key = dotKey(roundId, itemId, userId);
  const count = dotsMap(doc).get(key) ?? 0;
  if (count <= 1) dotsMap(doc).delete(key);
  else dotsMap(doc).set(key, count - 1);
}

/**
 * Dots per item, most first, then by item id (only items with at least one dot). A person who
 * overspent from two devices at once has only their first `dotsPerPerson` dots counted (by item
 * id), so every replica reports the same results.
 */
export function roundResults(doc: Y.Doc, roundId: string): Array<{ itemId: string; dots: number }> {
  const round = getRound(doc, roundId);
  if (!round) return [];
  const totals = new Map<string, number>();
  dotsByPerson(doc, roundId).forEach((mine) => {
    let budget = round.dotsPerPerson;
    for (const itemId of [...mine.keys()].sort()) {
      const counted = Math.min(mine.get(itemId)!, budget);
      budget -= counted;
      if (counted > 0) totals.set(itemId, (totals.get(itemId) ?? 0) + counted);
    }
  });
  return [...totals.entries()]
    .map(([itemId, dots]) => ({ itemId, dots }))
    .sort((a, b) => b.dots - a.dots || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
}

/** How many people have placed at least one dot in the round (shown while the counts are hidden). */
export function voters(doc: Y.Doc, roundId: string): number {
  return dotsByPerson(doc, roundId).size;
}

/** Drops every dot on an item that has been deleted, in every round. */
export function forgetItem(doc: Y.Doc, itemId: string) {
  doc.transact(() => {
    for (const key of [...dotsMap(doc).keys()]) if (parseKey(key).itemId === itemId) dotsMap(doc).delete(key);
  });
}

/** Calls back whenever a round or a dot changes (for views that do not re-render on every update). */
export function observeRounds(doc: Y.Doc, callback: () => void): () => void {
  const rounds = roundsMap(doc);
  const dots = dotsMap(doc);
  rounds.observeDeep(callback);
  dots.observe(callback);
  return () => {
    rounds.unobserveDeep(callback);
    dots.unobserve(callback);
  };
}

/** Whether counts on items must stay hidden now: a round is open and not yet revealed. */
export function countsHidden(doc: Y.Doc): boolean {
  return openRound(doc) !== null;
}
