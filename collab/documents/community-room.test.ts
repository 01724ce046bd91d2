import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { currentGathering, gather, initRoom, roomRules, stopGathering, watchGathering } from "./community-room";
import { may, type DocActor } from "./rules";
import { getSchemaVersion } from "./schema-version";

const fay = { id: "fay", name: "Fay Facilitator" };

/** Two replicas that exchange every update, as the server would relay them. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(b, u, "remote"));
  b.on("update", (u: Uint8Array, origin: unknown) => origin !== "remote" && Y.applyUpdate(a, u, "remote"));
  return [a, b] as const;
}

describe("the community room", () => {
  it("starts with a schema version and no gathering", () => {
    const doc = new Y.Doc();
    initRoom(doc);
    expect(getSchemaVersion(doc)).toBe(1);
    expect(currentGathering(doc)).toBeNull();
  });

  it("holds the latest gathering only: a new one replaces the old, and stopping clears it", () => {
    const doc = new Y.Doc();
    const first = gather(doc, { step: "board", section: null }, fay, 1000);
    expect(currentGathering(doc)).toEqual({
      ...first,
      step: "board",
      section: null,
      at: 1000,
      byName: "Fay Facilitator",
    });
    const second = gather(doc, { step: "inquiry", section: "step-2" }, fay, 2000);
    expect(second.id).not.toBe(first.id);
    expect(currentGathering(doc)).toEqual(second);
    stopGathering(doc);
    expect(currentGathering(doc)).toBeNull();
  });

  it("does not grow with gatherings: the encoded document stays small after many", () => {
    const doc = new Y.Doc({ gc: true });
    initRoom(doc);
    gather(doc, { step: "board", section: null }, fay);
    const afterOne = Y.encodeStateAsUpdate(doc).byteLength;
    for (let i = 0; i < 500; i++) gather(doc, { step: i % 2 ? "board" : "questions", section: null }, fay);
    // Replaced values are garbage-collected: only their ids remain (a few bytes each, run-length encoded).
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(afterOne + 200);
  });

  it("tells a watching replica about each gathering and its end", () => {
    const [fac, member] = pair();
    const seen: Array<string | null> = [];
    const stop = watchGathering(member, (g) => seen.push(g ? `${g.step}#${g.section ?? ""}` : null));
    gather(fac, { step: "board", section: null }, fay);
    gather(fac, { step: "inquiry", section: "step-1" }, fay);
    stopGathering(fac);
    stop();
    gather(fac, { step: "plan", section: null }, fay);
    expect(seen).toEqual(["board#", "inquiry#step-1", null]);
  });

  it("ignores a malformed gathering rather than following it", () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>("gather");
    for (const bad of [
      "board",
      { step: "board" },
      { id: "x", step: "board", section: null, at: "now", byId: "f", byName: "F" },
      { id: "x", step: "", section: null, at: 1, byId: "f", byName: "F" },
      { id: "x", step: "board", section: 3, at: 1, byId: "f", byName: "F" },
      { id: "x", step: "b".repeat(500), section: null, at: 1, byId: "f", byName: "F" },
    ]) {
      map.set("current", bad);
      expect(currentGathering(doc), JSON.stringify(bad)).toBeNull();
    }
  });

  it("lets facilitators gather and stop, and nobody else", () => {
    const member: DocActor = { userId: "m", canWrite: false, isFacilitator: false };
    const facilitator: DocActor = { userId: "f", canWrite: true, isFacilitator: true };
    // A member may read the room only; even a member with write access (none has it) is not a facilitator.
    const writingMember: DocActor = { userId: "m", canWrite: true, isFacilitator: false };
    for (const rule of [roomRules.gather, roomRules.stopGathering]) {
      expect([may(member, rule), may(writingMember, rule), may(facilitator, rule)]).toEqual([false, false, true]);
    }
  });
});
