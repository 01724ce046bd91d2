import * as Y from "yjs";
import { defineRules } from "./rules";
import { byOrder, ensureSchemaVersion, newItemId, orderBetween } from "./schema-version";

/** A curated, ordered list of resources for a community or a whole cohort. */
export const PLAYLIST_SCHEMA_VERSION = 1;

export const resourceTypes = ["video", "reading", "protocol", "tool"] as const;
export type ResourceType = (typeof resourceTypes)[number];

export type PlaylistItem = {
  id: string;
  title: string;
  url: string;
  type: ResourceType;
  minutes: number;
  why: string;
  addedBy: string;
  order: number;
  /** Set when a facilitator approved a leader's suggestion: the suggestion's id (so it is never added twice). */
  suggestionId?: string;
};

/**
 * Who may do what with a playlist. The page builds the person's `DocActor` from their part in it
 * (a curator is a facilitator; a leader who uses it is a member) and offers a control only when
 * `may(actor, playlistRules.x)` says so; the server checks the same rule before it writes.
 */
export const playlistRules = defineRules({
  curate: { who: "facilitator", says: "A facilitator adds resources and changes their details." },
  reorder: { who: "facilitator", says: "A facilitator puts the resources in order." },
  remove: { who: "facilitator", says: "A facilitator removes a resource." },
  decide: { who: "facilitator", says: "A facilitator approves or declines leaders' suggestions." },
  suggest: { who: "leader", says: "The school leaders using the playlist suggest resources." },
  mark: { who: "leader", says: "The school leaders using the playlist mark resources done, alone or with a partner." },
});

const itemsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("items");

/** Calls `onChange` whenever an item is added, removed, moved or edited (not on presence); returns the unsubscribe. */
export function observeItems(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  itemsMap(doc).observeDeep(handler);
  return () => itemsMap(doc).unobserveDeep(handler);
}

/** Prepares a new playlist. */
export function initPlaylist(doc: Y.Doc) {
  ensureSchemaVersion(doc, PLAYLIST_SCHEMA_VERSION);
}

/** Checks a resource link: only http and https addresses are accepted. Returns the normalised URL. */
export function checkResourceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error("Enter a full web address starting with https:// or http://.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error("Only web addresses starting with https:// or http:// can be added.");
  }
  return url.toString();
}

function checkItem(item: Omit<PlaylistItem, "id" | "order">) {
  const title = item.title.trim();
  if (title.length < 2 || title.length > 200) throw new Error("Give the resource a title (2 to 200 characters).");
  if (!resourceTypes.includes(item.type)) throw new Error("Choose video, reading, protocol or tool.");
  if (!Number.isInteger(item.minutes) || item.minutes < 1 || item.minutes > 600)
    throw new Error("Minutes must be between 1 and 600.");
  return { ...item, title, url: checkResourceUrl(item.url), why: item.why.trim().slice(0, 1000) };
}

/** Every item in playlist order. */
export function listItems(doc: Y.Doc): PlaylistItem[] {
  return [...itemsMap(doc).values()]
    .map((m) => Object.fromEntries(m.entries()) as unknown as PlaylistItem)
    .sort(byOrder);
}

/** What pages need of a playlist: its items in order. */
export type PlaylistProjection = { items: PlaylistItem[] };

/** Projects a playlist for pages (the collaboration server stores it after each save). */
export function projectPlaylist(doc: Y.Doc): PlaylistProjection {
  return { items: listItems(doc) };
}

/** Adds a resource at the end. Returns its id. */
export function addItem(doc: Y.Doc, item: Omit<PlaylistItem, "id" | "order">): string {
  const clean = checkItem(item);
  const id = newItemId();
  const last = listItems(doc).at(-1);
  const map = new Y.Map<unknown>();
  doc.transact(() => {
    for (const [k, v] of Object.entries({ ...clean, id, order: orderBetween(last?.order ?? null, null) }))
      map.set(k, v);
    itemsMap(doc).set(id, map);
  });
  return id;
}

/** Moves an item to position `index` (0-based) in the list: only its order number changes. */
export function moveItem(doc: Y.Doc, id: string, index: number) {
  const item = itemsMap(doc).get(id);
  if (!item) return;
  const others = listItems(doc).filter((i) => i.id !== id);
  const clamped = Math.max(0, Math.min(index, others.length));
  item.set("order", orderBetween(others[clamped - 1]?.order ?? null, others[clamped]?.order ?? null));
}

/** Removes an item. */
export function removeItem(doc: Y.Doc, id: string) {
  itemsMap(doc).delete(id);
}

/** Changes an item's details in place (same id and position, so leaders' progress on it stays), with the same checks as addItem. */
export function updateItem(
  doc: Y.Doc,
  id: string,
  patch: Pick<PlaylistItem, "title" | "url" | "type" | "minutes" | "why">,
) {
  const item = itemsMap(doc).get(id);
  if (!item) throw new Error("This resource has been removed by someone else.");
  const clean = checkItem({ ...patch, addedBy: "" });
  doc.transact(() => {
    for (const key of ["title", "url", "type", "minutes", "why"] as const) item.set(key, clean[key]);
  });
}
