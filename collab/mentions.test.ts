/**
 * The watcher hands saved, new mentions to the sink, credited to the person whose connection wrote
 * them (never to what a client claims), once; unsaved ones wait, and a discarded document tells nobody.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { silentLogger } from "../app/kernel/logger";
import { HostedDocument } from "./hosted-document";
import { MentionWatcher, type NewMention } from "./mentions";
import { writeMention } from "./mentions-fixture";
import { createMetrics } from "./metrics";
import type { CollabStore } from "./store";

const name = "inquiry.00000000-0000-4000-8000-000000000001";
const ada = "00000000-0000-4000-8000-00000000000a";
const ben = "00000000-0000-4000-8000-00000000000b";
const otto = "00000000-0000-4000-8000-00000000000c";
const mentionIds = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const store = (): CollabStore => {
  let id = 0;
  return { load: async () => ({ logRows: 0 }), append: async () => ++id, compact: async () => 0 };
};

let hosted: HostedDocument | null = null;
afterEach(async () => {
  await hosted?.destroy();
  hosted = null;
});

/** A hosted document watched by a watcher whose sink records each call (and settles everything). */
async function open(delayMs = 20, docName = name, flushDelayMs = 1) {
  const calls: NewMention[][] = [];
  const watcher = new MentionWatcher(
    async (_doc, found) => {
      calls.push([...found]);
      return found.map((m) => m.mentionId);
    },
    delayMs,
    silentLogger,
  );
  hosted = new HostedDocument(
    docName,
    store(),
    {
      flushDelayMs,
      compactAfterRows: 1000,
      maxRetries: 0,
      savedIntervalMs: 10,
      maxDocumentBytes: 8_000_000,
      checkWrites: true,
    },
    silentLogger,
    createMetrics(),
  );
  await hosted.load();
  watcher.watch(hosted);
  hosted.onStored = () => watcher.schedule(hosted!);
  return { watcher, doc: hosted, calls };
}

/** A client's edit arriving through the connection of `userId` (its identity is the origin, as in collab/connection.ts). */
function fromConnection(doc: HostedDocument, userId: string, edit: (replica: Y.Doc) => void, replica = new Y.Doc()) {
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc.doc));
  const before = Y.encodeStateVector(replica);
  edit(replica);
  Y.applyUpdate(doc.doc, Y.encodeStateAsUpdate(replica, before), { identity: { userId } });
  return replica;
}

describe("MentionWatcher", () => {
  it("tells the sink about a saved mention once, credited to the connection's person", async () => {
    const { doc, calls } = await open();
    fromConnection(doc, ada, (r) => writeMention(r, `story/${ada}`, ben, mentionIds[0]));
    await doc.flush();
    await sleep(80);
    expect(calls).toEqual([[{ mentionId: mentionIds[0], personId: ben, writerId: ada, field: `story/${ada}` }]]);
    // More saves: the same mention is not offered again.
    fromConnection(doc, ada, (r) => r.getXmlFragment(`story/${ada}`).push([new Y.XmlElement("paragraph")]));
    await doc.flush();
    await sleep(80);
    expect(calls).toHaveLength(1);
  });

  it("waits for the save: an unsaved mention is offered after the save that stores it", async () => {
    const { watcher, doc, calls } = await open(20, name, 60_000);
    fromConnection(doc, ada, (r) => writeMention(r, "story/x", ben, mentionIds[0]));
    watcher.schedule(doc);
    await sleep(80);
    expect(calls).toEqual([]);
    await doc.flush();
    await sleep(80);
    expect(calls.flat().map((m) => m.mentionId)).toEqual([mentionIds[0]]);
  });

  it("checks what is due at once when the document unloads", async () => {
    const { watcher, doc, calls } = await open(60_000);
    fromConnection(doc, ada, (r) => writeMention(r, "story/x", ben, mentionIds[0]));
    await doc.flush();
    expect(calls).toEqual([]);
    await watcher.flush(doc);
    expect(calls.flat().map((m) => m.mentionId)).toEqual([mentionIds[0]]);
  });

  it("credits nobody when another person rewrote who is mentioned under the writer's mention", async () => {
    const { doc, calls } = await open();
    const replica = fromConnection(doc, ada, (r) => writeMention(r, "story/x", ben, mentionIds[0]));
    // Ben's connection changes the person of Ada's mention (and adds one of his own).
    fromConnection(doc, ben, (r) => {
      const paragraph = r.getXmlFragment("story/x").get(0) as Y.XmlElement;
      (paragraph.get(1) as Y.XmlElement).setAttribute("id", otto);
      writeMention(r, "story/x", ada, mentionIds[1]);
    });
    void replica;
    await doc.flush();
    await sleep(80);
    expect(calls.flat()).toEqual([{ mentionId: mentionIds[1], personId: ada, writerId: ben, field: "story/x" }]);
  });

  it("credits nobody when two people wrote under one Yjs client id", async () => {
    const { doc, calls } = await open();
    const shared = new Y.Doc();
    fromConnection(doc, ada, (r) => r.getXmlFragment("story/x").push([new Y.XmlElement("paragraph")]), shared);
    fromConnection(doc, ben, (r) => writeMention(r, "story/x", otto, mentionIds[0]), shared);
    await doc.flush();
    await sleep(80);
    expect(calls).toEqual([]);
  });

  it("ignores kinds without mentions and tells nobody about a discarded document's edits", async () => {
    const board = await open(20, "board.00000000-0000-4000-8000-000000000001");
    fromConnection(board.doc, ada, (r) => writeMention(r, "notes", ben, mentionIds[0]));
    await board.doc.flush();
    await sleep(80);
    expect(board.calls).toEqual([]);
    await hosted?.destroy();

    const inquiry = await open(60_000);
    fromConnection(inquiry.doc, ada, (r) => writeMention(r, "story/x", ben, mentionIds[0]));
    await inquiry.doc.flush();
    await inquiry.watcher.discard(inquiry.doc);
    await inquiry.watcher.flush(inquiry.doc);
    expect(inquiry.calls).toEqual([]);
  });
});
