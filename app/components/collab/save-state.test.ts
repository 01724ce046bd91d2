import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { colourFor, initials, isFullySaved } from "./save-state";

describe("isFullySaved", () => {
  it("is true only when the stored state vector covers every client's clock", () => {
    const server = new Y.Doc();
    const mine = new Y.Doc();
    mine.getText("t").insert(0, "abc");
    expect(isFullySaved(Y.encodeStateVector(mine), null)).toBe(false);
    expect(isFullySaved(Y.encodeStateVector(mine), Y.encodeStateVector(server))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(mine));
    expect(isFullySaved(Y.encodeStateVector(mine), Y.encodeStateVector(server))).toBe(true);
    mine.getText("t").insert(3, "d");
    expect(isFullySaved(Y.encodeStateVector(mine), Y.encodeStateVector(server))).toBe(false);
    const other = new Y.Doc();
    other.getText("t").insert(0, "x");
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(mine));
    expect(isFullySaved(Y.encodeStateVector(mine), Y.encodeStateVector(server))).toBe(true);
  });
});

describe("presence helpers", () => {
  it("gives stable colours and initials", () => {
    expect(colourFor("abc")).toBe(colourFor("abc"));
    expect(colourFor("abc")).toMatch(/^#[0-9a-f]{6}$/);
    expect(initials("Amira  Hussain")).toBe("AH");
    expect(initials("Dr Helen Marsh")).toBe("DH");
  });
});
