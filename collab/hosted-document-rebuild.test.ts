/**
 * A refused update is applied before it is refused (ADR 024: one apply per update), so the
 * document that took it is rebuilt from the stored log and the writes still pending. These tests
 * check that nothing refused survives or is passed on, that nothing accepted is lost, and that
 * other peers' frames wait for the rebuild instead of meeting a spoiled document.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { silentLogger } from "../app/kernel/logger";
import { addNote } from "./documents/root-cause-board";
import { seedDocument } from "./documents/index";
import type { Writer } from "./documents/guard-kit";
import { HostedDocument, type Peer } from "./hosted-document";
import { createMetrics } from "./metrics";
import type { CollabStore } from "./store";

/** A store whose appends can be held back, to keep writes pending while a refusal arrives. */
function gatedStore() {
  const rows: Uint8Array[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  const store: CollabStore = {
    load: async (_name, into) => {
      for (const row of rows) Y.applyUpdate(into, row);
      return { logRows: rows.length };
    },
    append: async (_name, update) => {
      await gate;
      rows.push(update);
    },
    compact: async () => 0,
  };
  return {
    store,
    rows,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => open(),
  };
}

const peer = (): Peer & { frames: Uint8Array[]; woken: number } => {
  const p = {
    wantsSaved: false,
    frames: [] as Uint8Array[],
    woken: 0,
    send(frame: Uint8Array) {
      p.frames.push(frame);
    },
    close() {},
    wake() {
      p.woken++;
    },
  };
  return p;
};

/** The notes' words, sorted. */
const noteTexts = (doc: Y.Doc) =>
  [...doc.getMap<Y.Map<unknown>>("notes").values()].map((note) => String(note.get("text"))).sort();

const writer = (userId: string): Writer => ({
  userId,
  userName: `${userId} name`,
  canWrite: true,
  isFacilitator: false,
});

/** A client's update adding a note signed as `as`, written from the server's current state. */
function noteUpdate(server: Y.Doc, text: string, as: string): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  addNote(client, { text, authorId: as, authorName: `${as} name` });
  return Y.encodeStateAsUpdate(client, before);
}

let hosted: HostedDocument | null = null;
afterEach(async () => {
  await hosted?.destroy();
  hosted = null;
});

async function open(store: CollabStore, metrics = createMetrics()) {
  hosted = new HostedDocument(
    "root-cause-board.6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
    store,
    {
      flushDelayMs: 1,
      compactAfterRows: 1000,
      maxRetries: 3,
      savedIntervalMs: 0,
      maxDocumentBytes: 8_000_000,
      checkWrites: true,
    },
    silentLogger,
    metrics,
  );
  await hosted.load();
  seedDocument(hosted.doc, "root-cause-board");
  return hosted;
}

describe("rebuilding a document after a refused update", () => {
  it("drops the refused note, keeps an accepted one that was not yet saved, and passes on only the accepted", async () => {
    const gated = gatedStore();
    const metrics = createMetrics();
    const doc = await open(gated.store, metrics);
    await doc.flush();
    const ada = peer();
    const eve = peer();
    const watcher = peer();
    for (const p of [ada, eve, watcher]) doc.addPeer(p);
    watcher.frames.length = 0;

    gated.hold(); // Ada's note stays pending: the rebuild must take it from memory, not the log.
    expect(doc.receive(noteUpdate(doc.doc, "Ada's note", "ada"), ada, writer("ada")).kind).toBe("accept");
    const flushing = doc.flush();
    const forged = doc.receive(noteUpdate(doc.doc, "Signed as Ada", "ada"), eve, writer("eve"));
    expect(forged).toMatchObject({ kind: "refuse", spoiled: true });
    expect(doc.rebuilding).not.toBeNull();
    expect(watcher.frames, "only Ada's accepted update reached the watcher").toHaveLength(1);

    gated.release();
    await flushing;
    await doc.settled();
    expect(metrics.rebuilds).toBe(1);
    expect(noteTexts(doc.doc)).toEqual(["Ada's note"]);
    expect(watcher.woken, "peers are told to handle what waited").toBe(1);
    // The rebuilt document goes on accepting and broadcasting.
    expect(doc.receive(noteUpdate(doc.doc, "After", "ada"), ada, writer("ada")).kind).toBe("accept");
    expect(watcher.frames).toHaveLength(2);
    await doc.flush();
    const stored = new Y.Doc();
    for (const row of gated.rows) Y.applyUpdate(stored, row);
    expect(noteTexts(stored)).toEqual(["Ada's note", "After"]);
  });

  it("greets a peer that joins during the rebuild only once the document is whole", async () => {
    const gated = gatedStore();
    const doc = await open(gated.store);
    await doc.flush();
    const eve = peer();
    doc.addPeer(eve);
    gated.hold();
    expect(doc.receive(noteUpdate(doc.doc, "Pending", "ada"), eve, writer("ada")).kind).toBe("accept");
    const flushing = doc.flush();
    doc.receive(noteUpdate(doc.doc, "Forged", "ada"), eve, writer("eve"));
    const late = peer();
    doc.addPeer(late);
    expect(late.frames, "nothing is sent from a spoiled document").toHaveLength(0);
    gated.release();
    await flushing;
    await doc.settled();
    expect(late.frames.length).toBeGreaterThan(0);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc.doc, new Uint8Array([0])));
    expect(noteTexts(client)).toEqual(["Pending"]);
  });

  it("prepares a new document with the same items however often it is prepared", () => {
    const first = new Y.Doc();
    const second = new Y.Doc();
    seedDocument(first, "inquiry");
    seedDocument(second, "inquiry");
    expect(Buffer.from(Y.encodeStateAsUpdate(first))).toEqual(Buffer.from(Y.encodeStateAsUpdate(second)));
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(first));
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(second));
    expect(Buffer.from(Y.encodeStateAsUpdate(merged))).toEqual(Buffer.from(Y.encodeStateAsUpdate(first)));
  });
});
