import { describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { MAX_CLIENT_IDS_PER_CONNECTION, stampPresence } from "./presence";

/** An awareness update as a client sends it: its own state under its doc's client id. */
function clientUpdate(state: Record<string, unknown> | null, clientId?: number) {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  return { update: awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]), clientId: doc.clientID };
}

/** What the other members would see after the server applies it. */
function seen(update: Uint8Array) {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awarenessProtocol.applyAwarenessUpdate(awareness, update, "server");
  return awareness.getStates();
}

const ada = { userId: "u-ada", userName: "Ada Lovelace" };

describe("stampPresence", () => {
  it("writes the session's person over whatever the client claims, keeping the rest", () => {
    const { update, clientId } = clientUpdate({
      user: { id: "u-ben", name: "Ben Imposter", color: "#f00" },
      step: "board",
    });
    const verdict = stampPresence(update, ada, () => false, new Set());
    expect(verdict.ok).toBe(true);
    const state = seen((verdict as { update: Uint8Array }).update).get(clientId);
    expect(state).toEqual({ user: { id: "u-ada", name: "Ada Lovelace", color: "#f00" }, step: "board" });
  });

  it("stamps the person a step names too, leaves a state that names nobody alone, and lets a client withdraw", () => {
    const step = { id: "board", user: { id: "u-ben", name: "Ben" } };
    const onStep = stampPresence(clientUpdate({ step }, 8).update, ada, () => false, new Set());
    expect(seen((onStep as { update: Uint8Array }).update).get(8)).toEqual({
      step: { id: "board", user: { id: "u-ada", name: "Ada Lovelace" } },
    });
    const nobody = stampPresence(clientUpdate({ cursor: 1 }, 7).update, ada, () => false, new Set());
    expect(seen((nobody as { update: Uint8Array }).update).get(7)).toEqual({ cursor: 1 });
    expect(stampPresence(clientUpdate(null, 7).update, ada, () => false, new Set([7])).ok).toBe(true);
  });

  it("drops what a client says under a client id another connection controls (an echo, or a forgery)", () => {
    const { update } = clientUpdate({ user: { name: "x" } }, 42);
    const verdict = stampPresence(update, ada, (id) => id === 42, new Set());
    expect(verdict).toMatchObject({ ok: true, kept: 0 });
    expect(seen((verdict as { update: Uint8Array }).update).has(42)).toBe(false);
  });

  it("refuses a connection that speaks for too many clients", () => {
    const mine = new Set(Array.from({ length: MAX_CLIENT_IDS_PER_CONNECTION }, (_, i) => i + 1));
    expect(stampPresence(clientUpdate({}, 99).update, ada, () => false, mine).ok).toBe(false);
    expect(stampPresence(clientUpdate({}, 1).update, ada, () => false, mine).ok).toBe(true);
  });
  it("raises a new presence's clock past the server's own, and leaves a shown one's clock alone", () => {
    const { update, clientId } = clientUpdate({ step: "board" });
    const floor = (id: number) => (id === clientId ? 7 : 0);
    const raised = stampPresence(update, ada, () => false, new Set(), floor);
    if (!raised.ok) throw new Error(raised.why);
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(awareness, raised.update, "server");
    expect(awareness.meta.get(clientId)?.clock).toBe(7);
    const kept = stampPresence(
      update,
      ada,
      () => false,
      new Set(),
      () => 0,
    );
    if (!kept.ok) throw new Error(kept.why);
    const other = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(other, kept.update, "server");
    expect(other.meta.get(clientId)?.clock).toBe(1);
  });
});
