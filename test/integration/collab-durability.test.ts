/**
 * What the server calls saved stays saved: across a graceful restart (in process), and across
 * kill -9 of the real server process (child processes), on PGlite in a folder and on Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addComment,
  commentAnchor,
  commentRange,
  inquiryText,
  listComments,
  writeParagraphs,
} from "../../collab/documents/inquiry";
import { countDocumentRows } from "../../db/queries/collab";
import { startTestApp } from "../support/app";
import { waitFor } from "../support/collab";
import {
  connectAt,
  makeCommunity,
  mulberry32,
  paragraphText,
  reopenableDatabases,
  sectionText,
  signIn,
  type ReopenableDatabase,
} from "../support/collab-fixtures";
import { freePort, startChildServer, type ChildServer } from "../support/kill-server";

type Chunk = { client: number; clock: number; text: string };

/** Every character of a section's paragraphs by its id (client, clock), read from the document's items. */
function charsById(section: Y.XmlFragment): Map<string, string> {
  const chars = new Map<string, string>();
  const texts = section.toArray().flatMap((block) => (block instanceof Y.XmlElement ? block.toArray() : []));
  for (const text of texts) {
    if (!(text instanceof Y.XmlText)) continue;
    for (let item = text._start; item; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
      const str = item.content.str;
      for (let i = 0; i < str.length; i++) chars.set(`${item.id.client}:${item.id.clock + i}`, str[i]);
    }
  }
  return chars;
}

/** The chunks (client, clock range) covered by the newest state vector each writer was told is saved. */
function savedChunks(chunks: Chunk[], savedVectors: Array<Uint8Array | null>): Chunk[] {
  const durable = new Map<number, number>();
  for (const sv of savedVectors) {
    if (!sv) continue;
    for (const [client, clock] of Y.decodeStateVector(sv))
      durable.set(client, Math.max(durable.get(client) ?? 0, clock));
  }
  return chunks.filter((c) => c.clock + c.text.length <= (durable.get(c.client) ?? 0));
}

describe.each(await reopenableDatabases())("durability on $name", (kind) => {
  let store: ReopenableDatabase;
  beforeAll(async () => {
    store = await kind.create();
    await (await store.open()).close(); // creates and migrates it (slow for a new PGlite folder)
  });
  afterAll(() => store?.dispose());

  it("keeps saved edits across a graceful restart, and flushes pending ones on the way down", async () => {
    // A long flush delay: the second edit is still pending when the server shuts down.
    let app = await startTestApp(await store.open(), {}, { persistence: { flushDelayMs: 60_000 } });
    const fx = await makeCommunity(app.services.db);
    const cookie = await signIn(app.url, fx.users.a.email);
    const writer = connectAt(app.url, fx.docName, cookie, { saved: true });
    // Ada writes three kinds of change, each where she may: text typed into a paragraph of her peer
    // check with Ben, whole paragraphs in her own story, and a comment (a map in a map) on that story.
    const { a } = fx.users;
    const story = fx.storyOf(a.id);
    const commentsOf = (doc: Y.Doc) => listComments(doc, story).map((c) => `${c.authorId}: ${c.text} on "${c.quote}"`);
    const expectedComments = [`${a.id}: kept across restarts on "my story"`];
    try {
      await waitFor(() => writer.provider.synced, "the writer to sync");
      paragraphText(writer.doc, fx.sharedField).insert(0, "pending at shutdown");
      writeParagraphs(writer.doc, story, ["my story", "second paragraph"]);
      addComment(writer.doc, {
        field: story,
        authorId: a.id,
        authorName: a.name,
        text: "kept across restarts",
        anchor: commentAnchor(writer.doc, story, 0, 8)!,
        quote: "my story",
      });
      const hosted = () => app.collab.registry.loaded().find((d) => d.name === fx.docName);
      await waitFor(() => hosted()?.doc.getMap("comments").size === 1, "the edits on the server");
      expect(await countDocumentRows(app.services.db, fx.docName)).toBe(0);
      expect(writer.fullySaved()).toBe(false);
      await app.close();
      await waitFor(() => writer.closes.includes(4500), "the client to be told to reconnect (4500)");
    } finally {
      writer.provider.destroy();
    }

    app = await startTestApp(await store.open());
    try {
      const saver = connectAt(app.url, fx.docName, cookie, { saved: true });
      await waitFor(() => saver.provider.synced, "a new client to sync");
      expect(sectionText(saver.doc, fx.sharedField)).toBe("pending at shutdown");
      paragraphText(saver.doc, fx.sharedField).insert(0, "saved, ");
      await waitFor(() => saver.fullySaved(), "the saved message covering the edit");
      saver.provider.destroy();
      await app.close();

      app = await startTestApp(await store.open());
      const reader = connectAt(app.url, fx.docName, cookie);
      await waitFor(() => reader.provider.synced, "a reader to sync after the second restart");
      expect(sectionText(reader.doc, fx.sharedField)).toBe("saved, pending at shutdown");
      expect(inquiryText(reader.doc, story)).toBe("my story\nsecond paragraph");
      expect(commentsOf(reader.doc)).toEqual(expectedComments);
      expect(commentRange(reader.doc, listComments(reader.doc, story)[0])).toEqual({ from: 0, to: 8 });
      reader.provider.destroy();
    } finally {
      await app.close();
    }
  }, 60_000);

  it("keeps everything reported saved when the server process is killed with SIGKILL (3 rounds)", async () => {
    // The people and the community go straight into the database before any server runs.
    const handle = await store.open();
    const fx = await makeCommunity(handle.db);
    await handle.close();
    const port = await freePort();
    const seed = Number(process.env.DURABILITY_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = mulberry32(seed);
    let server: ChildServer = await startChildServer(port, store.env);
    try {
      const cookies = [await signIn(server.url, fx.users.a.email), await signIn(server.url, fx.users.b.email)];
      let previous = "";
      for (let round = 1; round <= 3; round++) {
        const writers = [0, 1, 2].map((i) => connectAt(server.url, fx.docName, cookies[i % 2], { saved: true }));
        await waitFor(() => writers.every((w) => w.provider.synced), `round ${round}: the writers to sync`);
        for (const w of writers) expect(sectionText(w.doc, fx.sharedField)).toBe(previous);
        // The paragraph the three type in together (the pair's peer check: Ada and Ben both write
        // it): made once and received by every writer, so they all edit the same text.
        paragraphText(writers[0].doc, fx.sharedField);
        await waitFor(
          () => writers.every((w) => w.doc.getXmlFragment(fx.sharedField).length === 1),
          `round ${round}: every writer to have the paragraph`,
        );

        const chunks: Chunk[] = [];
        const until = Date.now() + 1_200;
        while (Date.now() < until) {
          for (const w of writers) {
            const text = paragraphText(w.doc, fx.sharedField);
            const chunk = {
              client: w.doc.clientID,
              clock: Y.getState(w.doc.store, w.doc.clientID),
              text: random.word(1 + random.int(8)),
            };
            text.insert(random.int(text.length + 1), chunk.text);
            chunks.push(chunk);
          }
          await new Promise((r) => setTimeout(r, 10));
        }
        // Stop the writers first, so nothing can be sent again after the crash.
        const vectors = writers.map((w) => w.saved.latest);
        for (const w of writers) w.provider.destroy();
        await server.kill();
        const saved = savedChunks(chunks, vectors);
        expect(saved.length, `round ${round} (seed ${seed}): something was reported saved`).toBeGreaterThan(
          chunks.length / 4,
        );

        server = await startChildServer(port, store.env);
        const reader = connectAt(server.url, fx.docName, cookies[0]);
        await waitFor(() => reader.provider.synced, `round ${round}: a reader to sync after the restart`);
        const chars = charsById(reader.doc.getXmlFragment(fx.sharedField));
        const lost = saved.filter((c) => [...c.text].some((ch, i) => chars.get(`${c.client}:${c.clock + i}`) !== ch));
        expect(lost, `round ${round} (seed ${seed}): saved chunks missing after kill -9`).toEqual([]);
        previous = sectionText(reader.doc, fx.sharedField);
        reader.provider.destroy();
      }
    } finally {
      await server.kill();
    }
  }, 90_000);
});
