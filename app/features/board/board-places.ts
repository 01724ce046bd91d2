import type { BoardCategory, NoteCluster, StickyNote } from "../../../collab/documents/root-cause-board";
import { boardCategoryLabels } from "../../kernel/board-categories";

/**
 * Where notes sit on the board (a category, and a group within it or none), and the plain-English
 * words a screen reader hears while a note is dragged. Pure, so it is tested without a browser.
 */
export type Place = { category: BoardCategory; clusterId: string | null };

/** The drop-zone id of a place (the drag library keys droppable areas by id). */
export const placeId = (p: Place) => (p.clusterId ? `cluster:${p.clusterId}` : `category:${p.category}`);

/** The notes of one place, in order. */
export const notesAt = (notes: StickyNote[], p: Place) =>
  notes.filter((n) => n.category === p.category && n.clusterId === p.clusterId);

/** What a drop means for the model: the place, and the note it goes before (null: at the end). */
export type Drop = Place & { beforeId: string | null };

/**
 * The drop of `activeId` over a note (`overNoteId`) or over an empty part of a place. Over a note
 * of its own place, the note takes that note's position (as in a sortable list); elsewhere it goes
 * before the note it is over.
 */
export function dropOf(notes: StickyNote[], activeId: string, place: Place, overNoteId: string | null): Drop {
  if (!overNoteId || overNoteId === activeId) {
    const active = notes.find((n) => n.id === activeId);
    const same = active && active.category === place.category && active.clusterId === place.clusterId;
    if (overNoteId && same) {
      const list = notesAt(notes, place);
      return { ...place, beforeId: list[list.findIndex((n) => n.id === activeId) + 1]?.id ?? null };
    }
    return { ...place, beforeId: null };
  }
  const list = notesAt(notes, place);
  const from = list.findIndex((n) => n.id === activeId);
  const to = list.findIndex((n) => n.id === overNoteId);
  if (from >= 0 && from < to) return { ...place, beforeId: list[to + 1]?.id ?? null };
  return { ...place, beforeId: overNoteId };
}

/** "Knowledge", or "the group 'Data' in Knowledge". */
export function placeName(p: Place, clusters: NoteCluster[]) {
  const category = boardCategoryLabels[p.category];
  const cluster = p.clusterId ? clusters.find((c) => c.id === p.clusterId) : null;
  return cluster ? `the group '${cluster.name}' in ${category}` : category;
}

/** "position 2 of 4" of a note in its place, as it is now. */
function positionNow(notes: StickyNote[], note: StickyNote) {
  const list = notesAt(notes, note);
  return `position ${list.findIndex((n) => n.id === note.id) + 1} of ${list.length}`;
}

/** "position 3 of 5" the note would have after this drop. */
function positionAfter(notes: StickyNote[], noteId: string, drop: Drop) {
  const others = notesAt(notes, drop).filter((n) => n.id !== noteId);
  const index = drop.beforeId ? others.findIndex((n) => n.id === drop.beforeId) : -1;
  return `position ${index >= 0 ? index + 1 : others.length + 1} of ${others.length + 1}`;
}

const quoted = (note: StickyNote) => `note '${note.text.length > 60 ? `${note.text.slice(0, 57)}…` : note.text}'`;

/** What a screen reader hears as a note is picked up, carried, dropped or put back. */
export const dragWords = {
  instructions:
    "To move a note, focus its handle and press Space to pick it up. Use the arrow keys to carry it to another place, Space to drop it, or Escape to put it back.",
  pickedUp: (notes: StickyNote[], note: StickyNote, clusters: NoteCluster[]) =>
    `Picked up ${quoted(note)} from ${placeName(note, clusters)}, ${positionNow(notes, note)}.`,
  over: (notes: StickyNote[], note: StickyNote, drop: Drop, clusters: NoteCluster[]) =>
    `${capital(quoted(note))} is over ${placeName(drop, clusters)}, ${positionAfter(notes, note.id, drop)}.`,
  dropped: (notes: StickyNote[], note: StickyNote, drop: Drop, clusters: NoteCluster[]) =>
    `Dropped ${quoted(note)} in ${placeName(drop, clusters)}, ${positionAfter(notes, note.id, drop)}.`,
  cancelled: (notes: StickyNote[], note: StickyNote, clusters: NoteCluster[]) =>
    `Put ${quoted(note)} back in ${placeName(note, clusters)}, ${positionNow(notes, note)}.`,
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
