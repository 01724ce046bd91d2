import {
  closestCorners,
  DndContext,
  pointerWithin,
  type CollisionDetection,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type Over,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import type { ReactNode } from "react";
import { moveNote, type StickyNote } from "../../../../collab/documents/root-cause-board";
import { focusSoon } from "../../../components/board/labels";
import { dragWords, dropOf, type Drop, type Place } from "../board-places";
import { useBoard } from "./board-context";

/**
 * Where a note is over: under the pointer (mouse and touch: what the person points at, whatever
 * the size of the note being carried), else the nearest place (the keyboard, which has no pointer).
 */
const collisions: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within : closestCorners(args);
};

/**
 * Dragging notes between places: the mouse after a small movement (so a click is still a click),
 * touch after a short press (so the page still scrolls), and the keyboard from a note's handle
 * (Space, arrows, Space or Escape), each step said in plain words. A drop is one model change.
 */
export function BoardDnd({ children, onError }: { children: ReactNode; onError: (message: string | null) => void }) {
  const { doc, notes, clusters, by } = useBoard();
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const find = (id: string | number) => notes.find((n) => n.id === id) ?? null;
  const dropFor = (activeId: string | number, over: Over | null): Drop | null => {
    const place = over?.data.current as Place | undefined;
    if (!over || !place?.category) return null;
    return dropOf(notes, String(activeId), place, find(over.id) ? String(over.id) : null);
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const note = find(active.id);
      return note ? dragWords.pickedUp(notes, note, clusters) : undefined;
    },
    onDragOver: ({ active, over }) => {
      const note = find(active.id);
      const drop = dropFor(active.id, over);
      if (!note || !drop) return undefined;
      // Still where it was picked up: nothing new to say (the "picked up" words stay).
      const home = note.category === drop.category && note.clusterId === drop.clusterId;
      if (home && dropOf(notes, note.id, drop, note.id).beforeId === drop.beforeId) return undefined;
      return dragWords.over(notes, note, drop, clusters);
    },
    onDragEnd: ({ active, over }) => {
      const note = find(active.id);
      const drop = dropFor(active.id, over);
      if (!note) return undefined;
      return drop ? dragWords.dropped(notes, note, drop, clusters) : dragWords.cancelled(notes, note, clusters);
    },
    onDragCancel: ({ active }) => {
      const note = find(active.id);
      return note ? dragWords.cancelled(notes, note, clusters) : undefined;
    },
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const drop = dropFor(active.id, over);
    if (!drop) return;
    const note = find(active.id) as StickyNote;
    const unchanged =
      note.category === drop.category &&
      note.clusterId === drop.clusterId &&
      dropOf(notes, note.id, drop, note.id).beforeId === drop.beforeId;
    if (unchanged) return;
    try {
      moveNote(doc, note.id, drop.category, drop.beforeId, { ...by, clusterId: drop.clusterId });
      onError(null);
    } catch (e) {
      onError(e instanceof Error ? e.message : "The note could not be moved.");
    }
    // The note is drawn again in its new place: keep the keyboard on its handle.
    focusSoon(`handle-${note.id}`);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: dragWords.instructions } }}
    >
      {children}
    </DndContext>
  );
}
