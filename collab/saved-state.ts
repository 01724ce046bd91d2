import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import type { DeleteSet } from "./messages";

/** What the page says about saving: the client side of the "saved" message. */
export type SaveStatus = "connecting" | "saving" | "saved" | "offline" | "read-only" | "closed";

/** What the server says is in the database: every client's clock, and the deletions. */
export type PersistedState = { clocks: Map<number, number>; deletions: DeleteSet | null };

/**
 * Reads the body of a "saved" message: the durable state vector, then (since deletions do not
 * move a state vector) the durable deletions, encoded as a Yjs snapshot with an empty vector.
 */
export function readSavedMessage(decoder: decoding.Decoder): PersistedState {
  const clocks = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  const deletions = decoding.hasContent(decoder) ? Y.decodeSnapshot(decoding.readVarUint8Array(decoder)).ds : null;
  return { clocks, deletions };
}

/**
 * "Saved" means the database holds everything this replica holds (its own changes, and any made
 * offline in an earlier visit): for each client, stored clock ≥ local clock, and every local
 * deletion is among the stored deletions.
 */
export function isFullySaved(doc: Y.Doc, persisted: PersistedState | null): boolean {
  if (!persisted) return false;
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if ((persisted.clocks.get(client) ?? 0) < clock) return false;
  }
  const local = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of local.clients) {
    const stored = persisted.deletions?.clients.get(client) ?? [];
    for (const range of ranges) if (!covers(stored, range.clock, range.clock + range.len)) return false;
  }
  return true;
}

// Stored ranges are sorted and merged, but a local range may still span several adjacent ones.
function covers(stored: Array<{ clock: number; len: number }>, from: number, to: number): boolean {
  let at = from;
  for (const r of stored) {
    if (r.clock > at) break;
    if (r.clock + r.len > at) at = r.clock + r.len;
    if (at >= to) return true;
  }
  return at >= to;
}
