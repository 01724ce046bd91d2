import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addItem, listItems, moveItem, observeItems, playlistRules } from "./playlist";
import { may, type DocActor } from "./rules";

const resource = { url: "https://example.org/r", type: "reading" as const, minutes: 10, why: "Why", addedBy: "Fay" };
const titles = (doc: Y.Doc) => listItems(doc).map((i) => i.title);

describe("moveItem", () => {
  it("puts an item at the position it was dropped on, both ways, and converges on two replicas", () => {
    const a = new Y.Doc();
    const ids = ["One", "Two", "Three", "Four"].map((title) => addItem(a, { ...resource, title }));
    moveItem(a, ids[0], 2);
    expect(titles(a)).toEqual(["Two", "Three", "One", "Four"]);
    moveItem(a, ids[3], 0);
    expect(titles(a)).toEqual(["Four", "Two", "Three", "One"]);
    moveItem(a, ids[1], 99);
    expect(titles(a)).toEqual(["Four", "Three", "One", "Two"]);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveItem(b, ids[2], 0);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    expect(titles(a)).toEqual(["Three", "Four", "One", "Two"]);
    expect(titles(b)).toEqual(titles(a));
  });

  it("is a no-op for an unknown item", () => {
    const doc = new Y.Doc();
    addItem(doc, { ...resource, title: "Only" });
    moveItem(doc, "gone", 0);
    expect(titles(doc)).toEqual(["Only"]);
  });
});

describe("observeItems", () => {
  it("reports item changes, not other maps, until unsubscribed", () => {
    const doc = new Y.Doc();
    let calls = 0;
    const stop = observeItems(doc, () => calls++);
    const id = addItem(doc, { ...resource, title: "First" });
    moveItem(doc, id, 0);
    doc.getMap("elsewhere").set("x", 1);
    expect(calls).toBe(2);
    stop();
    addItem(doc, { ...resource, title: "Second" });
    expect(calls).toBe(2);
  });
});

describe("playlistRules", () => {
  const curator: DocActor = { userId: "f", canWrite: true, isFacilitator: true };
  const leader: DocActor = { userId: "l", canWrite: true, isFacilitator: false };
  const reader: DocActor = { userId: "s", canWrite: false, isFacilitator: false };
  it.each([
    ["curate", true, false, false],
    ["reorder", true, false, false],
    ["remove", true, false, false],
    ["decide", true, false, false],
    ["suggest", false, true, false],
    ["mark", false, true, false],
  ] as const)("%s: curator %s, leader %s, reader %s", (action, c, l, r) => {
    expect([curator, leader, reader].map((actor) => may(actor, playlistRules[action]))).toEqual([c, l, r]);
  });
});
