import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MessageType } from "./protocol";

/** Yjs's delete set (the class is not exported by name). */
export type DeleteSet = ReturnType<typeof Y.createDeleteSetFromStructStore>;

/** Encoders for the frames the server sends. */
export const encodeMessage = {
  syncStep1(doc: Y.Doc) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, doc);
    return encoding.toUint8Array(e);
  },
  syncStep2(doc: Y.Doc, stateVector: Uint8Array) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
    return encoding.toUint8Array(e);
  },
  update(update: Uint8Array) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeUpdate(e, update);
    return encoding.toUint8Array(e);
  },
  awareness(awareness: awarenessProtocol.Awareness, clients: number[]) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
    return encoding.toUint8Array(e);
  },
  /** The durable state vector, then the durable deletions (a snapshot with an empty vector). */
  saved(stateVector: Uint8Array, deletions: DeleteSet) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.saved);
    encoding.writeVarUint8Array(e, stateVector);
    encoding.writeVarUint8Array(e, Y.encodeSnapshot(Y.createSnapshot(deletions, new Map())));
    return encoding.toUint8Array(e);
  },
};

/** A decoded client frame. Anything else is a protocol error. */
export type ClientMessage =
  | { type: "sync-step-1"; stateVector: Uint8Array }
  | { type: "sync-step-2" | "update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "query-awareness" };

export class ProtocolError extends Error {}

/**
 * Decodes one client frame strictly: unknown types, truncation and trailing bytes are errors,
 * and a document update must parse completely before anyone applies it.
 */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const d = decoding.createDecoder(data);
  let message: ClientMessage;
  try {
    const type = decoding.readVarUint(d);
    if (type === MessageType.sync) {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload);
        message = { type: "sync-step-1", stateVector: payload };
      } else if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate) {
        Y.decodeUpdate(payload);
        message = { type: sub === syncProtocol.messageYjsUpdate ? "update" : "sync-step-2", update: payload };
      } else throw new ProtocolError(`unknown sync message ${sub}`);
    } else if (type === MessageType.awareness) {
      message = { type: "awareness", update: decoding.readVarUint8Array(d) };
    } else if (type === MessageType.queryAwareness) {
      message = { type: "query-awareness" };
    } else throw new ProtocolError(`unknown message type ${type}`);
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed message: ${(error as Error).message}`);
  }
  if (decoding.hasContent(d)) throw new ProtocolError("trailing bytes after the message");
  return message;
}
