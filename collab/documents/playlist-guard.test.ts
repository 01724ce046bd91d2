import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { expectRefused } from "../guard-expect";
import { GuardedRoom } from "../guard-harness";
import { addItem, listItems, moveItem, removeItem, updateItem } from "./playlist";

const video = {
  title: "Leading equity work",
  url: "https://example.org/video",
  type: "video" as const,
  minutes: 12,
  why: "A clear start.",
  addedBy: "Fay",
};
const reading = {
  title: "Data that tells a story",
  url: "http://example.org/read",
  type: "reading" as const,
  minutes: 20,
  why: "",
  addedBy: "Fay",
};

function setUp() {
  const room = new GuardedRoom("playlist");
  const fay = room.join({ userId: "fay", isFacilitator: true });
  const first = addItem(fay, video);
  const second = addItem(fay, reading);
  expect(room.refusals).toEqual([]);
  return { room, fay, first, second };
}

const item = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>("items").get(id)!;
const curator = { userId: "fay", isFacilitator: true };

describe("the playlist's write rules: what the curator's page does passes", () => {
  it("resources added, moved, changed, removed, and one approved from a suggestion", () => {
    const { room, fay, first, second } = setUp();
    moveItem(fay, second, 0);
    updateItem(fay, first, {
      title: "Leading equity work (part 1)",
      url: "https://example.org/v2",
      type: "video",
      minutes: 15,
      why: "Start here.",
    });
    // What the page's addSuggestedItem writes once a facilitator approves a leader's suggestion.
    addItem(fay, {
      title: "A protocol",
      url: "https://example.org/p",
      type: "protocol",
      minutes: 30,
      why: "Suggested by Ada.",
      addedBy: "Ada",
      suggestionId: "5b1f0c3e-8a7e-4c1b-9a51-6a3d2c1e0f42",
    });
    const third = addItem(fay, { ...video, title: "To remove", url: "https://example.org/x" });
    removeItem(fay, third);

    expect(room.refusals).toEqual([]);
    expect(listItems(room.server).map((i) => [i.title, i.url, i.suggestionId])).toEqual([
      ["Data that tells a story", "http://example.org/read", undefined],
      ["Leading equity work (part 1)", "https://example.org/v2", undefined],
      ["A protocol", "https://example.org/p", "5b1f0c3e-8a7e-4c1b-9a51-6a3d2c1e0f42"],
    ]);
  });

  it("two curators editing at once both pass", () => {
    const { room, first, second } = setUp();
    const a = new Y.Doc();
    const b = new Y.Doc();
    for (const d of [a, b]) Y.applyUpdate(d, Y.encodeStateAsUpdate(room.server));
    const base = Y.encodeStateVector(room.server);
    moveItem(a, first, 1);
    addItem(a, { ...video, url: "https://example.org/new" });
    updateItem(b, second, { ...reading, minutes: 25 });
    expect(room.offer(Y.encodeStateAsUpdate(a, base), GuardedRoom.writer("fay", true)).kind).toBe("accept");
    expect(room.offer(Y.encodeStateAsUpdate(b, base), GuardedRoom.writer("gus", true)).kind).toBe("accept");
    expect(listItems(room.server).map((i) => i.minutes)).toEqual([25, 12, 12]);
  });
});

describe("the playlist's write rules: a modified client is refused", () => {
  it("unsafe links, unknown fields, out-of-range details", () => {
    const { room, first } = setUp();
    const raw = (fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ ...video, id: "i9", order: 9, ...fields })) map.set(k, v);
      return map;
    };
    const items = (d: Y.Doc) => d.getMap("items");
    expectRefused(
      room,
      curator,
      (d) => items(d).set("i9", raw({ url: "javascript:alert(1)" })),
      /https:\/\/ or http:\/\//,
    );
    expectRefused(
      room,
      curator,
      (d) => items(d).set("i9", raw({ url: "data:text/html,<script>alert(1)</script>" })),
      /https:\/\/ or http:\/\//,
    );
    expectRefused(room, curator, (d) => item(d, first).set("url", "javascript:alert(1)"), /https:\/\/ or http:\/\//);
    expectRefused(room, curator, (d) => items(d).set("i9", raw({ onclick: "x" })), /never writes/);
    expectRefused(room, curator, (d) => items(d).set("i9", raw({ isPrototypeOf: 1 })), /never writes/);
    expectRefused(room, curator, (d) => item(d, first).set("onclick", "x"), /details and place/);
    expectRefused(room, curator, (d) => item(d, first).set("isPrototypeOf", 1), /details and place/);
    expectRefused(room, curator, (d) => item(d, first).set("minutes", 100_000), /between 1 and 600/);
    expectRefused(room, curator, (d) => item(d, first).delete("url"), /keeps its details/);
    expectRefused(room, curator, (d) => items(d).set("i9", raw({ suggestionId: undefined })), /id is not well formed/);
  });

  it("a leader's change, unknown roots, the schema version", () => {
    const { room, first } = setUp();
    expectRefused(room, { userId: "ada" }, (d) => moveItem(d, first, 1), /facilitator adds resources/);
    expectRefused(room, curator, (d) => d.getMap("evil").set("x", 1), /no such part/);
    expectRefused(room, curator, (d) => d.getArray("items").insert(0, ["x"]), /no such part/);
    expectRefused(room, curator, (d) => d.getMap("meta").set("schemaVersion", 2), /version cannot be changed/);
  });
});
