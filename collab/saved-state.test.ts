import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeMessage } from "./messages";
import { isFullySaved, readSavedMessage } from "./saved-state";

/** What a client reads from the server's "saved" message for the server's current state. */
function savedFrom(server: Y.Doc) {
  const frame = encodeMessage.saved(Y.encodeStateVector(server), Y.createDeleteSetFromStructStore(server.store));
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(100);
  return readSavedMessage(decoder);
}

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe("isFullySaved", () => {
  it("is true only when the stored state covers every client's clock", () => {
    const server = new Y.Doc();
    const mine = new Y.Doc();
    mine.getText("t").insert(0, "abc");
    expect(isFullySaved(mine, null)).toBe(false);
    expect(isFullySaved(mine, savedFrom(server))).toBe(false);
    sync(mine, server);
    expect(isFullySaved(mine, savedFrom(server))).toBe(true);
    mine.getText("t").insert(3, "d");
    expect(isFullySaved(mine, savedFrom(server))).toBe(false);
    const other = new Y.Doc();
    other.getText("t").insert(0, "x");
    sync(other, server);
    sync(mine, server);
    expect(isFullySaved(mine, savedFrom(server))).toBe(true);
  });

  it("is false after a deletion the database does not have yet (a deletion does not move the clocks)", () => {
    const server = new Y.Doc();
    const mine = new Y.Doc();
    mine.getText("t").insert(0, "hello world");
    sync(mine, server);
    expect(isFullySaved(mine, savedFrom(server))).toBe(true);
    mine.getText("t").delete(0, 6);
    expect(isFullySaved(mine, savedFrom(server))).toBe(false);
    sync(mine, server);
    expect(isFullySaved(mine, savedFrom(server))).toBe(true);
    mine.getText("t").delete(0, 2);
    mine.getText("t").delete(1, 1);
    sync(mine, server);
    expect(isFullySaved(mine, savedFrom(server))).toBe(true);
  });
});
