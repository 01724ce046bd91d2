/**
 * Hostile input: thousands of malformed frames, each on its own raw socket, while a standard
 * client keeps editing. Every bad socket is closed with the code for what it did, the good client
 * keeps syncing, the server stays up, and the document is exactly what the good client wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CloseCodes } from "../../collab/close-codes";
import { addComment, commentAnchor, inquiryText, writeParagraphs } from "../../collab/documents/inquiry";
import { createDatabaseStore } from "../../collab/store";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "../support/app";
import { upgradeStatus, waitFor } from "../support/collab";
import {
  closeCode,
  collabUrl,
  connectAt,
  frames,
  makeCommunity,
  mulberry32,
  openRaw,
  paragraphText,
  sectionText,
  signIn,
} from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";

const LIMITS = { maxMessageBytes: 16 * 1024, burst: 60, perSecond: 60 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type FuzzerWrites = { story: string; userId: string; userName: string };
type Case = { kind: string; frames: Array<Uint8Array | string>; expected: number; handshakeFirst: boolean };

function varUintFrame(...parts: Array<number | Uint8Array>) {
  const e = encoding.createEncoder();
  for (const p of parts)
    if (typeof p === "number") encoding.writeVarUint(e, p);
    else encoding.writeVarUint8Array(e, p);
  return encoding.toUint8Array(e);
}

/**
 * The malformed frames, by kind, each with the close code it must get. The well-formed frames they
 * are cut from carry writes the fuzzing socket's person (Ben) is allowed to make: paragraphs in his
 * own story and a comment on it. So only the malformation can keep them out of the document.
 */
function makeCases(random: ReturnType<typeof mulberry32>, fuzzer: FuzzerWrites): { cases: Case[]; intact: Uint8Array } {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => random.int(256));
  const source = new Y.Doc();
  writeParagraphs(source, fuzzer.story, ["a valid update that will be cut short"]);
  addComment(source, {
    field: fuzzer.story,
    authorId: fuzzer.userId,
    authorName: fuzzer.userName,
    text: "a comment that must not arrive",
    anchor: commentAnchor(source, fuzzer.story, 0, 7)!,
    quote: "a valid",
  });
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState({ name: "fuzzer" });
  const awarenessFrame = varUintFrame(1, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
  const valid = [
    frames.update(Y.encodeStateAsUpdate(source)),
    frames.syncStep1(source),
    frames.syncStep2(source),
    awarenessFrame,
  ];
  const unknownTypes = [2, 100, 101, 127, 128, 300, ...Array.from({ length: 95 }, (_, i) => i + 4)];
  const cases: Case[] = [];
  const add = (
    kind: string,
    count: number,
    make: () => Array<Uint8Array | string>,
    expected: number = CloseCodes.badMessage,
  ) => {
    for (let i = 0; i < count; i++) cases.push({ kind, frames: make(), expected, handshakeFirst: random.next() < 0.3 });
  };
  // Random bytes behind a first byte that is no client message type.
  add("random bytes", 300, () => [
    Uint8Array.from([random.pick([2, ...unknownTypes.filter((t) => t < 128)]), ...bytes(random.int(64))]),
  ]);
  // A sync update whose length prefix disagrees with the bytes that follow (cut short, or trailing).
  add("random update body", 150, () => {
    const body = bytes(1 + random.int(64));
    const claimed = random.next() < 0.5 ? body.length + 1 + random.int(50) : random.int(body.length);
    return [Uint8Array.from([0, 2, ...varUintFrame(claimed), ...body])];
  });
  add("truncated valid frame", 300, () => {
    const frame = random.pick(valid);
    return [frame.slice(0, random.int(frame.length))];
  });
  add("unknown message type", 120, () => [varUintFrame(random.pick(unknownTypes), bytes(random.int(16)))]);
  add("unknown sync message", 60, () => [varUintFrame(0, 3 + random.int(200), bytes(random.int(16)))]);
  add("huge varint", 100, () => {
    const huge = Uint8Array.from([
      ...Array.from({ length: 8 + random.int(4) }, () => 0x80 | random.int(128)),
      1 + random.int(127),
    ]);
    return [Uint8Array.from([...random.pick([[], [0], [0, 0], [0, 2], [1]]), ...huge, ...bytes(random.int(8))])];
  });
  // A valid message followed by bytes that belong to no message.
  add("trailing bytes", 150, () => [
    Uint8Array.from([...random.pick([...valid, frames.queryAwareness()]), ...bytes(1 + random.int(16))]),
  ]);
  add("text frame", 60, () => [
    random.pick([JSON.stringify({ type: "sync" }), "hello", "\u0000", random.word(1 + random.int(40))]),
  ]);
  const big = new Y.Doc();
  writeParagraphs(big, fuzzer.story, ["x".repeat(LIMITS.maxMessageBytes)]);
  const oversized = frames.update(Y.encodeStateAsUpdate(big));
  add("oversized frame", 10, () => [oversized], CloseCodes.messageTooLarge);
  add("awareness flood", 10, () => Array.from({ length: LIMITS.burst + 40 }, () => awarenessFrame), CloseCodes.flood);
  return { cases, intact: Y.encodeStateAsUpdate(source) };
}

describe.each(await testDatabases())("hostile input on $name", (database) => {
  let app: RunningCommons;
  let fx: Awaited<ReturnType<typeof makeCommunity>>;
  let cookies: string[];
  beforeAll(async () => {
    app = await startTestApp(await database.open(), {}, { limits: LIMITS });
    fx = await makeCommunity(app.services.db);
    cookies = [await signIn(app.url, fx.users.a.email), await signIn(app.url, fx.users.b.email)];
  });
  afterAll(() => app?.close());

  it("closes every bad socket with its code while a good client keeps editing", async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = mulberry32(seed);
    const good = connectAt(app.url, fx.docName, cookies[0]);
    const watcher = connectAt(app.url, fx.docName, cookies[1]);
    await waitFor(() => good.provider.synced && watcher.provider.synced, "the good clients to sync");
    let editing = true;
    let edits = 0;
    // The good client (Ada) types in a paragraph of the peer check she shares with Ben.
    const typing = (async () => {
      while (editing) {
        const text = paragraphText(good.doc, fx.sharedField);
        text.insert(random.int(text.length + 1), `<${edits++}>`);
        await sleep(25);
      }
    })();

    const { b } = fx.users;
    const fuzzerStory = fx.storyOf(b.id);
    const { cases, intact } = makeCases(random, { story: fuzzerStory, userId: b.id, userName: b.name });
    const outcomes: Array<{ kind: string; expected: number; code: number }> = [];
    const headers = { Cookie: cookies[1], Origin: app.url };
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++];
        const raw = await openRaw(collabUrl(app.url, fx.docName), headers);
        if (c.handshakeFirst) {
          raw.send(frames.syncStep1(new Y.Doc()));
          await waitFor(() => raw.frames.some((f) => f[0] === 0 && f[1] === 1), "the server's answer to a handshake");
        }
        for (const frame of c.frames) raw.send(frame);
        const code = await closeCode(raw, 2_000);
        raw.ws.terminate();
        outcomes.push({ kind: c.kind, expected: c.expected, code });
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    const wrong = outcomes.filter((o) => o.code !== o.expected);
    expect(wrong.slice(0, 10), `FUZZ_SEED=${seed}: ${wrong.length} bad sockets got the wrong close code`).toEqual([]);
    expect(cases.reduce((n, c) => n + c.frames.length, 0)).toBeGreaterThan(2_000);

    editing = false;
    await typing;
    expect(good.closes, "the good client was never cut off").toEqual([]);
    expect(edits).toBeGreaterThan(20);
    const expected = sectionText(good.doc, fx.sharedField);
    expect(expected.length, "the good client's typing is in the section").toBeGreaterThan(0);
    const hosted = () => app.collab.registry.loaded().find((d) => d.name === fx.docName)!;
    await waitFor(
      () =>
        sectionText(watcher.doc, fx.sharedField) === expected && sectionText(hosted().doc, fx.sharedField) === expected,
      "every replica to agree",
    );
    /** What the fuzzing sockets' frames would have written, had any of them got through. */
    const fuzzed = (doc: Y.Doc) => ({ story: inquiryText(doc, fuzzerStory), comments: doc.getMap("comments").size });
    expect(fuzzed(hosted().doc), "nothing of the fuzzers' frames reached the document").toEqual({
      story: "",
      comments: 0,
    });
    expect(app.collab.metrics.refusedUpdates.inquiry ?? 0, "no frame got as far as the write rules").toBe(0);
    // The flooders' presence went with their sockets.
    const present = [...hosted().awareness.getStates().keys()];
    expect(
      present.every((id) => id === good.doc.clientID || id === watcher.doc.clientID),
      "only the good clients are present",
    ).toBe(true);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(await upgradeStatus(collabUrl(app.url, fx.docName), headers)).toBe(101);

    good.provider.destroy();
    watcher.provider.destroy();
    await app.collab.registry.unload(fx.docName);
    const fresh = new Y.Doc();
    await createDatabaseStore(app.services.db).load(fx.docName, fresh);
    expect(sectionText(fresh, fx.sharedField)).toBe(expected);
    expect(fuzzed(fresh)).toEqual({ story: "", comments: 0 });

    // The control: the same writes, well-formed, do get in, so only the malformation kept them out.
    const control = await openRaw(collabUrl(app.url, fx.docName), headers);
    try {
      control.send(frames.update(intact));
      const reloaded = () => app.collab.registry.loaded().find((d) => d.name === fx.docName)?.doc;
      await waitFor(() => reloaded()?.getMap("comments").size === 1, "the well-formed writes to arrive");
      expect(fuzzed(reloaded()!)).toEqual({ story: "a valid update that will be cut short", comments: 1 });
      expect(control.ws.readyState).toBe(control.ws.OPEN);
    } finally {
      control.ws.close();
    }
  }, 120_000);
});
