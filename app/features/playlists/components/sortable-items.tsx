import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useRef, type ReactNode } from "react";
import type * as Y from "yjs";
import { moveItem, type PlaylistItem } from "../../../../collab/documents/playlist";
import { focusSoon } from "./item-card";

/** What a screen reader hears while a resource is moved, in plain words with positions. */
export function reorderWords(items: readonly PlaylistItem[]) {
  const at = (id: string | number) => items.findIndex((i) => i.id === id);
  const title = (id: string | number) => items[at(id)]?.title ?? "the resource";
  const of = `of ${items.length}`;
  return {
    instructions:
      "To move a resource, press Space or Enter on its handle, use the up and down arrow keys to choose its place, then press Space or Enter to drop it, or Escape to leave it where it was.",
    pickedUp: (id: string | number) => `Picked up ${title(id)}, at position ${at(id) + 1} ${of}.`,
    over: (id: string | number, overId: string | number) => `${title(id)} is at position ${at(overId) + 1} ${of}.`,
    dropped: (id: string | number, overId: string | number) =>
      `${title(id)} dropped at position ${at(overId) + 1} ${of}.`,
    cancelled: (id: string | number) => `Move cancelled. ${title(id)} stays at position ${at(id) + 1} ${of}.`,
  };
}

/**
 * Reordering the playlist by dragging a card's handle: the mouse after a small movement (a click
 * stays a click), touch after a short press (the page still scrolls), and the keyboard from the
 * handle (Space, arrows, Space or Escape), each step announced. A drop is one change in the shared
 * document (the item's order number), so everyone sees it at once.
 */
export function SortableItems({
  doc,
  items,
  enabled,
  children,
}: {
  doc: Y.Doc;
  items: readonly PlaylistItem[];
  enabled: boolean;
  children: ReactNode;
}) {
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const words = reorderWords(items);
  // The library reports the card over itself straight after picking it up; saying so would
  // replace "Picked up…" before it is heard, so that first report is skipped.
  const moved = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      moved.current = false;
      return words.pickedUp(active.id);
    },
    onDragOver: ({ active, over }) => {
      if (!over || (!moved.current && over.id === active.id)) return undefined;
      moved.current = true;
      return words.over(active.id, over.id);
    },
    onDragEnd: ({ active, over }) => (over ? words.dropped(active.id, over.id) : words.cancelled(active.id)),
    onDragCancel: ({ active }) => words.cancelled(active.id),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const to = items.findIndex((i) => i.id === over.id);
    if (to < 0) return;
    moveItem(doc, String(active.id), to);
    // The card is drawn again in its new place: keep the keyboard on its handle.
    focusSoon(`handle-${String(active.id)}`);
  };
  if (!enabled) return <>{children}</>;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: words.instructions } }}
    >
      <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}
