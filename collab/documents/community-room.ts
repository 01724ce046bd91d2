import * as Y from "yjs";
import { defineRules } from "./rules";
import { ensureSchemaVersion, newItemId } from "./schema-version";

/**
 * The community's room: one small document per community that every community page listens to,
 * so a facilitator can bring everyone to one step ("gather"). It holds only the latest gathering,
 * under one key that each gathering overwrites, so it never grows. Members read it; the cohort's
 * facilitators write it (documentAccess), so the server drops a member's attempt to gather.
 */
export const ROOM_SCHEMA_VERSION = 1;

/** Who may do what in the room: the page offers a control only when `may(actor, roomRules.x)` says so. */
export const roomRules = defineRules({
  gather: { who: "facilitator", whileLocked: true, says: "A facilitator brings everyone to a step." },
  stopGathering: { who: "facilitator", whileLocked: true, says: "A facilitator ends a gathering." },
});

/** Where a gathering takes people: a community page (its step) and, on the inquiry page, a section. */
export type Place = { step: string; section: string | null };

/** The latest gathering: where, when (the facilitator's clock, ms) and by whom. `id` tells gatherings apart. */
export type Gathering = Place & { id: string; at: number; byId: string; byName: string };

const CURRENT = "current";
const MAX_FIELD = 200;
const gatherMap = (doc: Y.Doc) => doc.getMap<unknown>("gather");

/** Prepares a new room. */
export function initRoom(doc: Y.Doc) {
  ensureSchemaVersion(doc, ROOM_SCHEMA_VERSION);
}

/** Brings everyone to a place: replaces any earlier gathering. Returns the new gathering. */
export function gather(doc: Y.Doc, place: Place, by: { id: string; name: string }, now = Date.now()): Gathering {
  if (!place.step) throw new Error("Say where to bring everyone.");
  const gathering: Gathering = {
    id: newItemId(),
    step: place.step.slice(0, MAX_FIELD),
    section: place.section ? place.section.slice(0, MAX_FIELD) : null,
    at: now,
    byId: by.id,
    byName: by.name.slice(0, MAX_FIELD),
  };
  gatherMap(doc).set(CURRENT, gathering);
  return gathering;
}

/** Ends the gathering: nobody is brought anywhere, and late arrivals are no longer invited. */
export function stopGathering(doc: Y.Doc) {
  if (gatherMap(doc).has(CURRENT)) gatherMap(doc).delete(CURRENT);
}

const isText = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= MAX_FIELD;

/** The current gathering, or null when there is none (or what is stored is not a well-formed gathering). */
export function currentGathering(doc: Y.Doc): Gathering | null {
  const raw = gatherMap(doc).get(CURRENT);
  if (!raw || typeof raw !== "object") return null;
  const g = raw as Record<string, unknown>;
  if (!isText(g.id) || !isText(g.step) || !isText(g.byId) || !isText(g.byName)) return null;
  if (typeof g.at !== "number" || !Number.isFinite(g.at)) return null;
  if (g.section !== null && !isText(g.section)) return null;
  return { id: g.id, step: g.step, section: g.section, at: g.at, byId: g.byId, byName: g.byName };
}

/** Calls `onChange` with the current gathering whenever it changes. Returns a function that stops listening. */
export function watchGathering(doc: Y.Doc, onChange: (gathering: Gathering | null) => void): () => void {
  const map = gatherMap(doc);
  const listener = () => onChange(currentGathering(doc));
  map.observe(listener);
  return () => map.unobserve(listener);
}
