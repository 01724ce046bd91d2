import * as Y from "yjs";
import { addItem, checkResourceUrl, listItems, type PlaylistItem } from "../../../collab/documents/playlist";

/** What the playlist page needs from the playlist document beyond the kind's own helpers. */

export { updateItem } from "../../../collab/documents/playlist";

export type ListedItem = PlaylistItem;

/** Every item in order, with their suggestion ids. */
export const listPlaylist = (doc: Y.Doc): ListedItem[] => listItems(doc);

/**
 * Adds an approved suggestion (recording its id on the item, so it is never added twice). Returns
 * false without adding when the suggestion, or the same address, is already in the playlist.
 */
export function addSuggestedItem(doc: Y.Doc, suggestionId: string, item: Omit<PlaylistItem, "id" | "order">): boolean {
  if (alreadyListed(doc, { suggestionId, url: item.url })) return false;
  addItem(doc, { ...item, suggestionId });
  return true;
}

/** Whether a suggestion (by id) or an address (after normalising) is already in the playlist. */
export function alreadyListed(doc: Y.Doc, probe: { suggestionId?: string; url: string }): boolean {
  let url: string | null = null;
  try {
    url = checkResourceUrl(probe.url);
  } catch {
    url = null;
  }
  return listPlaylist(doc).some(
    (i) => (probe.suggestionId !== undefined && i.suggestionId === probe.suggestionId) || i.url === url,
  );
}
