import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { expectRefused } from "../guard-expect";
import { GuardedRoom } from "../guard-harness";
import { currentGathering, gather, stopGathering } from "./community-room";
import { sessionNotesFragment } from "./session-notes";

const fayWriter = { userId: "fay", isFacilitator: true };

describe("the community room's write rules", () => {
  it("a facilitator gathers everyone, again elsewhere, and stops", () => {
    const room = new GuardedRoom("community-room");
    const fay = room.join(fayWriter);
    gather(fay, { step: "inquiry", section: "story/ada" }, { id: "fay", name: "fay name" });
    const second = gather(fay, { step: "board", section: null }, { id: "fay", name: "fay name" });
    expect(room.refusals).toEqual([]);
    expect(currentGathering(room.server)).toEqual(second);
    stopGathering(fay);
    expect(room.refusals).toEqual([]);
    expect(currentGathering(room.server)).toBeNull();
  });

  it("refuses a member's gathering, one in another's name, a malformed one, other keys and roots, the version", () => {
    const room = new GuardedRoom("community-room");
    const fay = room.join(fayWriter);
    gather(fay, { step: "board", section: null }, { id: "fay", name: "fay name" });
    expectRefused(
      room,
      { userId: "ada" },
      (d) => gather(d, { step: "inquiry", section: null }, { id: "ada", name: "ada name" }),
      /facilitator brings everyone/,
    );
    expectRefused(room, { userId: "ada" }, (d) => stopGathering(d), /facilitator/);
    expectRefused(
      room,
      fayWriter,
      (d) => gather(d, { step: "inquiry", section: null }, { id: "gus", name: "Gus" }),
      /your own name/,
    );
    expectRefused(
      room,
      fayWriter,
      (d) => gather(d, { step: "inquiry", section: null }, { id: "fay", name: "Gus" }),
      /your own name/,
    );
    expectRefused(
      room,
      fayWriter,
      (d) => d.getMap("gather").set("current", { step: "inquiry" }),
      /where to go, when and by whom/,
    );
    expectRefused(room, fayWriter, (d) => d.getMap("gather").set("next", { step: "inquiry" }), /no such part/);
    expectRefused(room, fayWriter, (d) => d.getMap("evil").set("x", 1), /no such part/);
    expectRefused(room, fayWriter, (d) => d.getArray("gather").insert(0, ["x"]), /no such part/);
    expectRefused(room, fayWriter, (d) => d.getMap("meta").set("schemaVersion", 2), /version cannot be changed/);
  });
});

describe("a session's shared notes' write rules", () => {
  it("anyone writes and formats in the notes, also two people at once", () => {
    const room = new GuardedRoom("session-notes");
    const ada = new Y.Doc();
    const ben = new Y.Doc();
    for (const d of [ada, ben]) Y.applyUpdate(d, Y.encodeStateAsUpdate(room.server));
    const base = Y.encodeStateVector(room.server);
    for (const [doc, words] of [
      [ada, "Ada: actions for March"],
      [ben, "Ben: who calls the parents"],
    ] as const) {
      const paragraph = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      doc.transact(() => {
        sessionNotesFragment(doc).push([paragraph]);
        paragraph.insert(0, [text]);
        text.insert(0, words, { bold: {} });
      });
    }
    expect(room.offer(Y.encodeStateAsUpdate(ada, base), GuardedRoom.writer("ada")).kind).toBe("accept");
    expect(room.offer(Y.encodeStateAsUpdate(ben, base), GuardedRoom.writer("ben")).kind).toBe("accept");
    expect(room.refusals).toEqual([]);
    expect(sessionNotesFragment(room.server).length).toBe(2);
  });

  it("refuses other roots and a changed version", () => {
    const room = new GuardedRoom("session-notes");
    expectRefused(
      room,
      { userId: "ada" },
      (d) => d.getXmlFragment("other").push([new Y.XmlElement("paragraph")]),
      /no such part/,
    );
    expectRefused(
      room,
      { userId: "ada" },
      (d) => d.getMap("meta").set("schemaVersion", 2),
      /version cannot be changed/,
    );
  });
});
