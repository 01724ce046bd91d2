import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { listItems, observeItems, type PlaylistItem } from "../../../collab/documents/playlist";

const same = (a: PlaylistItem, b: PlaylistItem) =>
  a.title === b.title &&
  a.url === b.url &&
  a.type === b.type &&
  a.minutes === b.minutes &&
  a.why === b.why &&
  a.addedBy === b.addedBy &&
  a.order === b.order &&
  a.suggestionId === b.suggestionId;

/** The new list, with each unchanged item replaced by its earlier object (so memoised cards skip). */
export function reuseUnchanged(previous: ReadonlyMap<string, PlaylistItem>, next: PlaylistItem[]): PlaylistItem[] {
  return next.map((item) => {
    const before = previous.get(item.id);
    return before && same(before, item) ? before : item;
  });
}

/**
 * The playlist's items in order, read again only when an item changes (not on presence or save
 * status), and an unchanged item keeps the same object, so memoised cards skip their render: with
 * 200 items a move redraws the moved card, not all of them.
 */
export function usePlaylistItems(doc: Y.Doc | null): PlaylistItem[] {
  const previous = useRef(new Map<string, PlaylistItem>());
  const read = (d: Y.Doc) => {
    const next = reuseUnchanged(previous.current, listItems(d));
    previous.current = new Map(next.map((i) => [i.id, i]));
    return next;
  };
  const [items, setItems] = useState<PlaylistItem[]>([]);
  useEffect(() => {
    if (!doc) return;
    setItems(read(doc));
    return observeItems(doc, () => setItems(read(doc)));
  }, [doc]);
  return items;
}
