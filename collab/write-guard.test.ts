import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addNote, editNote, getBoardSettings, setLocked, setVoteBudget } from "./documents/root-cause-board";
import { documentGuards } from "./documents/guards";
import { GuardedRoom } from "./guard-harness";
import { WriteGuard } from "./write-guard";

describe("the write guard", () => {
  it("passes a member's own note and refuses another member's edit of it, whole", () => {
    const room = new GuardedRoom("root-cause-board");
    const ada = room.join({ userId: "ada", userName: "Ada" });
    const ben = room.join({ userId: "ben", userName: "Ben" });
    const id = addNote(ada, { text: "Timetable clashes", authorId: "ada", authorName: "Ada" });
    expect(room.refusals).toEqual([]);
    expect(room.server.getMap("notes").has(id)).toBe(true);
    editNote(ben, id, "Ben's words");
    expect(room.refusals).toEqual([{ userId: "ben", why: "The note's author or a facilitator may change its words." }]);
    expect((room.server.getMap("notes").get(id) as Y.Map<unknown>).get("text")).toBe("Timetable clashes");
  });

  it("keeps settings to facilitators, and a refused update leaves the server's copy as it was", () => {
    const room = new GuardedRoom("root-cause-board");
    const ben = room.join({ userId: "ben" });
    const fay = room.join({ userId: "fay", isFacilitator: true });
    setLocked(ben, true);
    expect(room.refusals).toHaveLength(1);
    expect(getBoardSettings(room.server).locked).toBe(false);
    const benAgain = room.join({ userId: "ben" });
    setVoteBudget(benAgain, 20);
    expect(room.refusals).toHaveLength(2);
    expect(getBoardSettings(room.server).voteBudget).toBe(3);
    // The server copy was rebuilt after each refusal: the facilitator's changes still pass.
    setLocked(fay, true);
    addNote(fay, { text: "Facilitator note", authorId: "fay", authorName: "fay name" }, { facilitator: true });
    expect(room.refusals).toHaveLength(2);
    expect(getBoardSettings(room.server).locked).toBe(true);
    expect(room.server.getMap("notes").size).toBe(1);
  });

  it("holds an update whose earlier history has not arrived, and applies both once it does", () => {
    const room = new GuardedRoom("root-cause-board");
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(room.server));
    const before = Y.encodeStateVector(offline);
    addNote(offline, { text: "Typed offline", authorId: "ada", authorName: "ada name" });
    const mid = Y.encodeStateVector(offline);
    addNote(offline, { text: "Typed after reconnecting", authorId: "ada", authorName: "ada name" });
    const later = Y.encodeStateAsUpdate(offline, mid);
    const writer = GuardedRoom.writer("ada");
    expect(room.offer(later, writer).kind).toBe("hold");
    const all = Y.mergeUpdates([Y.encodeStateAsUpdate(offline, before), later]);
    expect(room.offer(all, writer).kind).toBe("accept");
    expect(room.server.getMap("notes").size).toBe(2);
  });

  it("refuses structs under a client id another person wrote with", () => {
    const room = new GuardedRoom("root-cause-board");
    const ada = room.join({ userId: "ada" });
    addNote(ada, { text: "Ada's note", authorId: "ada", authorName: "ada name" });
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(room.server));
    forger.clientID = ada.clientID;
    addNote(forger, { text: "Squatting Ada's clock", authorId: "eve", authorName: "eve name" });
    const admission = room.offer(
      Y.encodeStateAsUpdate(forger, Y.encodeStateVector(room.server)),
      GuardedRoom.writer("eve"),
    );
    expect(admission).toEqual({
      kind: "refuse",
      why: "Changes were sent under another person's editor.",
      spoiled: false,
    });
  });

  it("keeps editor ids with their first writer across a reload, and says which ids an update claims", () => {
    const room = new GuardedRoom("root-cause-board");
    const ada = room.join({ userId: "ada" });
    const admission = room.offer(
      (() => {
        const d = new Y.Doc();
        Y.applyUpdate(d, Y.encodeStateAsUpdate(room.server));
        d.clientID = 4242;
        addNote(d, { text: "Ada again", authorId: "ada", authorName: "ada name" });
        return Y.encodeStateAsUpdate(d, Y.encodeStateVector(room.server));
      })(),
      GuardedRoom.writer("ada"),
    );
    expect(admission).toEqual({ kind: "accept", claimed: [4242] });
    // A fresh guard over the same document, as after an unload and a load with the stored owners.
    const reloaded = new WriteGuard(
      room.server,
      documentGuards["root-cause-board"],
      { maxDocumentBytes: 8e6 },
      new Map([
        [4242, "ada"],
        [ada.clientID, "ada"],
      ]),
    );
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(room.server));
    forger.clientID = 4242;
    addNote(forger, { text: "Eve under Ada's id", authorId: "eve", authorName: "eve name" });
    const eve = GuardedRoom.writer("eve");
    expect(reloaded.admit(Y.encodeStateAsUpdate(forger, Y.encodeStateVector(room.server)), eve, eve)).toEqual({
      kind: "refuse",
      why: "Changes were sent under another person's editor.",
      spoiled: false,
    });
  });
});
