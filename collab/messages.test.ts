import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { decodeClientMessage, encodeMessage, ProtocolError } from "./messages";

function syncFrame(write: (e: encoding.Encoder) => void) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  write(e);
  return encoding.toUint8Array(e);
}

describe("decodeClientMessage", () => {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, "hi");
  const update = Y.encodeStateAsUpdate(doc);

  it("decodes the frames the standard client sends", () => {
    expect(decodeClientMessage(syncFrame((e) => syncProtocol.writeSyncStep1(e, doc))).type).toBe("sync-step-1");
    expect(decodeClientMessage(syncFrame((e) => syncProtocol.writeUpdate(e, update)))).toMatchObject({
      type: "update",
    });
    expect(decodeClientMessage(syncFrame((e) => syncProtocol.writeSyncStep2(e, doc)))).toMatchObject({
      type: "sync-step-2",
    });
    expect(decodeClientMessage(new Uint8Array([3])).type).toBe("query-awareness");
  });

  it("rejects unknown types, truncation, trailing bytes and unparsable updates", () => {
    const good = syncFrame((e) => syncProtocol.writeUpdate(e, update));
    const cases = [
      new Uint8Array([]),
      new Uint8Array([9]),
      new Uint8Array([100, 0]),
      new Uint8Array([0, 7, 0]),
      good.slice(0, good.length - 2),
      new Uint8Array([...good, 1]),
      syncFrame((e) => syncProtocol.writeUpdate(e, new Uint8Array([5, 200, 1, 2]))),
      new Uint8Array([0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1]),
    ];
    for (const frame of cases)
      expect(() => decodeClientMessage(frame), `frame ${[...frame].join(",")}`).toThrow(ProtocolError);
  });

  it("encodes a saved message as type 100, the state vector first (then the deletions)", () => {
    const sv = Y.encodeStateVector(doc);
    const frame = encodeMessage.saved(sv, Y.createDeleteSetFromStructStore(doc.store));
    expect(frame[0]).toBe(100);
    expect(frame[1]).toBe(sv.length);
    expect([...frame.slice(2, 2 + sv.length)]).toEqual([...sv]);
  });
});
