import { describe, expect, it } from "vitest";
import type { NoteCluster, StickyNote } from "../../../collab/documents/root-cause-board";
import { dragWords, dropOf, notesAt, placeName } from "./board-places";

const note = (id: string, category: StickyNote["category"], order: number, clusterId: string | null = null) =>
  ({
    id,
    text: `note ${id}`,
    authorId: "u1",
    authorName: "Ada",
    createdAt: 0,
    category,
    order,
    clusterId,
    whyOf: null,
  }) as StickyNote;

const notes = [note("a", "knowledge", 1), note("b", "knowledge", 2), note("c", "knowledge", 3), note("d", "skills", 1)];
const clusters: NoteCluster[] = [{ id: "g", name: "Data", category: "knowledge", order: 1 }];
const knowledge = { category: "knowledge" as const, clusterId: null };

describe("where a dragged note lands", () => {
  it("takes the place of a note below it in its own list, as a sortable list does", () => {
    expect(dropOf(notes, "a", knowledge, "c")).toEqual({ ...knowledge, beforeId: null });
    expect(dropOf(notes, "a", knowledge, "b")).toEqual({ ...knowledge, beforeId: "c" });
    expect(dropOf(notes, "c", knowledge, "a")).toEqual({ ...knowledge, beforeId: "a" });
  });

  it("goes before the note it is over in another place, or to the end of an empty part", () => {
    expect(dropOf(notes, "d", knowledge, "b")).toEqual({ ...knowledge, beforeId: "b" });
    expect(dropOf(notes, "d", { category: "knowledge", clusterId: "g" }, null)).toEqual({
      category: "knowledge",
      clusterId: "g",
      beforeId: null,
    });
    expect(notesAt(notes, knowledge).map((n) => n.id)).toEqual(["a", "b", "c"]);
  });

  it("says each step in plain words, naming groups and positions", () => {
    expect(placeName({ category: "knowledge", clusterId: "g" }, clusters)).toBe("the group 'Data' in Knowledge");
    expect(dragWords.pickedUp(notes, notes[1], clusters)).toBe(
      "Picked up note 'note b' from Knowledge, position 2 of 3.",
    );
    expect(dragWords.over(notes, notes[3], { ...knowledge, beforeId: "a" }, clusters)).toBe(
      "Note 'note d' is over Knowledge, position 1 of 4.",
    );
    expect(
      dragWords.dropped(notes, notes[3], { category: "knowledge", clusterId: "g", beforeId: null }, clusters),
    ).toBe("Dropped note 'note d' in the group 'Data' in Knowledge, position 1 of 1.");
    expect(dragWords.cancelled(notes, notes[3], clusters)).toBe("Put note 'note d' back in Skills, position 1 of 1.");
  });
});
