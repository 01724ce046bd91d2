import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { StickyNote } from "../../../../collab/documents/root-cause-board";
import { placeId, type Place } from "../board-places";
import { useBoard } from "./board-context";
import { SortableNote } from "./note-card";

/** The notes of one place (a category's loose notes, or a group) as a list notes can be dropped into. */
export function PlaceList({
  place,
  notes,
  labelledBy,
  empty,
}: {
  place: Place;
  notes: StickyNote[];
  labelledBy: string;
  /** What an empty place says (a collapsed group says how many notes it hides). */
  empty: string;
}) {
  const { dots, voteStamp } = useBoard();
  const { setNodeRef, isOver } = useDroppable({ id: placeId(place), data: place });
  return (
    <div
      ref={setNodeRef}
      className={`mt-2 min-h-12 rounded-md ${isOver ? "bg-brand-50 outline-2 outline-dashed outline-brand-600" : ""}`}
    >
      <SortableContext id={placeId(place)} items={notes.map((n) => n.id)} strategy={verticalListSortingStrategy}>
        {notes.length === 0 ? <p className="px-1 py-3 text-sm text-slate-600">{empty}</p> : null}
        <ul aria-labelledby={labelledBy} className="space-y-2">
          {notes.map((note) => (
            <SortableNote key={note.id} note={note} dots={dots?.get(note.id) ?? 0} voteStamp={voteStamp(note.id)} />
          ))}
        </ul>
      </SortableContext>
    </div>
  );
}
