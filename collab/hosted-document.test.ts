/**
 * The "saved" message is throttled per document: at most one per interval, the first at once,
 * and a trailing one that always carries the newest durable state (never an older one).
 */
import * as decoding from "lib0/decoding";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { silentLogger } from "../app/kernel/logger";
import { isFullySaved, readSavedMessage } from "./saved-state";
import { HostedDocument, type Peer } from "./hosted-document";
import { createMetrics } from "./metrics";
import { MessageType } from "./protocol";
import type { CollabStore } from "./store";

const memoryStore = (): CollabStore & { rows: Uint8Array[] } => {
  const rows: Uint8Array[] = [];
  return {
    rows,
    load: async () => ({ logRows: 0 }),
    append: async (_n, u) => void rows.push(u),
    compact: async () => 0,
  };
};

function recordingPeer(wantsSaved: boolean) {
  const saved: Array<ReturnType<typeof readSavedMessage>> = [];
  const peer: Peer = {
    wantsSaved,
    close() {},
    send(frame) {
      const d = decoding.createDecoder(frame);
      if (decoding.readVarUint(d) === MessageType.saved) saved.push(readSavedMessage(d));
    },
  };
  return { peer, saved };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let hosted: HostedDocument | null = null;
afterEach(async () => {
  await hosted?.destroy();
  hosted = null;
});

describe("HostedDocument's saved signal", () => {
  it("sends one saved at once, then at most one per interval, the last with the newest state", async () => {
    const store = memoryStore();
    const logger = silentLogger;
    hosted = new HostedDocument(
      "inquiry.x",
      store,
      {
        flushDelayMs: 1,
        compactAfterRows: 1000,
        maxRetries: 0,
        savedIntervalMs: 300,
        maxDocumentBytes: 8_000_000,
        checkWrites: true,
      },
      logger,
      createMetrics(),
    );
    await hosted.load();
    const listener = recordingPeer(true);
    const quiet = recordingPeer(false);
    hosted.addPeer(listener.peer);
    hosted.addPeer(quiet.peer);
    expect(listener.saved).toHaveLength(1); // the state on joining
    const writer = new Y.Doc();
    writer.on("update", (u: Uint8Array) => Y.applyUpdate(hosted!.doc, u, "writer"));

    // Ten separate batches within one interval.
    for (let i = 0; i < 10; i++) {
      writer.getText("t").insert(i, String(i));
      await hosted.flush();
    }
    expect(store.rows).toHaveLength(10);
    expect(listener.saved, "the first batch is announced at once, the rest wait").toHaveLength(2);
    expect(isFullySaved(writer, listener.saved.at(-1)!)).toBe(false);

    await sleep(400);
    expect(listener.saved, "one trailing message for the other nine").toHaveLength(3);
    expect(isFullySaved(writer, listener.saved.at(-1)!), "the trailing message has the newest state").toBe(true);
    expect(quiet.saved, "peers that did not ask get nothing").toHaveLength(0);

    // After a quiet interval (the trailing message started one), the next batch is announced at once.
    await sleep(350);
    writer.getText("t").delete(0, 3);
    await hosted.flush();
    expect(listener.saved).toHaveLength(4);
    expect(isFullySaved(writer, listener.saved.at(-1)!), "deletions included").toBe(true);
  });
});
