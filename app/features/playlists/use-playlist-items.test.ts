import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addItem, listItems, moveItem, updateItem } from "../../../collab/documents/playlist";
import { reuseUnchanged } from "./use-playlist-items";

const resource = { url: "https://example.org/r", type: "reading" as const, minutes: 10, why: "Why", addedBy: "Fay" };

describe("reuseUnchanged", () => {
  it("keeps the object of every item a change did not touch, so only the changed card redraws", () => {
    const doc = new Y.Doc();
    const ids = Array.from({ length: 200 }, (_, i) => addItem(doc, { ...resource, title: `Resource ${i}` }));
    const before = reuseUnchanged(new Map(), listItems(doc));
    const byId = new Map(before.map((i) => [i.id, i]));
    moveItem(doc, ids[150], 3);
    updateItem(doc, ids[7], { ...resource, title: "Renamed" });
    const after = reuseUnchanged(byId, listItems(doc));
    const fresh = after.filter((item) => byId.get(item.id) !== item).map((i) => i.id);
    expect(fresh.sort()).toEqual([ids[150], ids[7]].sort());
    expect(after[3].id).toBe(ids[150]);
    expect(after.find((i) => i.id === ids[7])?.title).toBe("Renamed");
  });
});
