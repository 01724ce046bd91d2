/**
 * A document's life on the server: loaded once however many connect at once, compacted without
 * changing it, unloaded when everyone has left, and honest when storage fails (load or append):
 * clients are closed with 4503 only when the server gives up, and no saved edit is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCodes } from "../../collab/close-codes";
import { documentName } from "../../collab/doc-names";
import { createDatabaseStore, type CollabStore } from "../../collab/store";
import type { Database } from "../../db/client";
import { countDocumentRows } from "../../db/queries/collab";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "../support/app";
import { waitFor } from "../support/collab";
import {
  closeCode,
  collabUrl,
  connectAt,
  makeCommunity,
  openRaw,
  paragraphText,
  sectionText,
  signIn,
} from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";

const COMPACT_AFTER = 10;
const MAX_RETRIES = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The real database store with counters and injected failures, per document. */
function controlledStore(db: Database) {
  const inner = createDatabaseStore(db);
  const ctl = {
    loads: new Map<string, number>(),
    loadDelayMs: new Map<string, number>(),
    failLoads: new Map<string, number>(),
    failAppends: new Map<string, number>(),
  };
  const takeFailure = (map: Map<string, number>, name: string) => {
    const left = map.get(name) ?? 0;
    if (left > 0) map.set(name, left - 1);
    return left > 0;
  };
  const store: CollabStore = {
    async load(name, into) {
      ctl.loads.set(name, (ctl.loads.get(name) ?? 0) + 1);
      await sleep(ctl.loadDelayMs.get(name) ?? 0);
      if (takeFailure(ctl.failLoads, name)) throw new Error("injected load failure");
      return inner.load(name, into);
    },
    async append(name, update) {
      if (takeFailure(ctl.failAppends, name)) throw new Error("injected append failure");
      return inner.append(name, update);
    },
    compact: (name) => inner.compact(name),
  };
  return { store, ctl };
}

describe.each(await testDatabases())("document lifecycle on $name", (database) => {
  let app: RunningCommons;
  let fx: Awaited<ReturnType<typeof makeCommunity>>;
  let ctl: ReturnType<typeof controlledStore>["ctl"];
  let cookie: string;
  const newDoc = async () => documentName("inquiry", await fx.another());
  const hosted = (name: string) => app.collab.registry.loaded().find((d) => d.name === name);
  const stored = async (name: string) => {
    const doc = new Y.Doc();
    await createDatabaseStore(app.services.db).load(name, doc);
    return doc;
  };

  beforeAll(async () => {
    const handle = await database.open();
    const controlled = controlledStore(handle.db);
    ctl = controlled.ctl;
    app = await startTestApp(
      handle,
      {},
      {
        store: controlled.store,
        unloadGraceMs: 100,
        persistence: { compactAfterRows: COMPACT_AFTER, maxRetries: MAX_RETRIES },
      },
    );
    fx = await makeCommunity(app.services.db);
    cookie = await signIn(app.url, fx.users.a.email);
  });
  afterAll(() => app?.close());

  it("compacts the log into the snapshot: rows stay bounded and a fresh load equals the live document", async () => {
    const name = await newDoc();
    const w = connectAt(app.url, name, cookie, { saved: true });
    // Ada edits a paragraph's text in her peer check with Ben and keeps overwriting seven attributes
    // of a paragraph in her own story (an element's attributes are a map: overwrites leave tombstones).
    const story = fx.storyOf(fx.users.a.id);
    try {
      await waitFor(() => w.provider.synced, "the writer to sync");
      const paragraph = new Y.XmlElement("paragraph");
      w.doc.getXmlFragment(story).push([paragraph]);
      let maxRows = 0;
      let typed = ""; // the same edits on a plain string: what the paragraph must read at the end
      for (let i = 0; i < 120; i++) {
        const text = paragraphText(w.doc, fx.sharedField);
        if (i % 4 === 3) text.delete(0, 2);
        else text.insert(text.length, `${i}.`);
        typed = i % 4 === 3 ? typed.slice(2) : `${typed}${i}.`;
        paragraph.setAttribute(`k${i % 7}`, String(i));
        await sleep(25); // longer than the flush delay: most edits get a row of their own
        if (i % 10 === 9) maxRows = Math.max(maxRows, await countDocumentRows(app.services.db, name));
      }
      await waitFor(() => w.fullySaved(), "everything to be saved");
      expect(maxRows).toBeLessThanOrEqual(2 * COMPACT_AFTER);
      expect(await countDocumentRows(app.services.db, name)).toBeLessThanOrEqual(2 * COMPACT_AFTER);
      expect(app.collab.metrics.persistBatches).toBeGreaterThan(3 * COMPACT_AFTER);
      const live = hosted(name)!.doc;
      const fresh = await stored(name);
      const attributes = (doc: Y.Doc) => (doc.getXmlFragment(story).get(0) as Y.XmlElement).getAttributes();
      expect(sectionText(fresh, fx.sharedField)).toBe(sectionText(live, fx.sharedField));
      expect(sectionText(live, fx.sharedField)).toBe(typed);
      expect(attributes(fresh)).toEqual(attributes(live));
      expect(attributes(live)).toEqual(
        Object.fromEntries([113, 114, 115, 116, 117, 118, 119].map((i) => [`k${i % 7}`, String(i)])),
      );
      expect(fresh.getXmlFragment(story).length).toBe(1);
      expect(Y.encodeStateVector(fresh)).toEqual(Y.encodeStateVector(live));
      expect(sectionText(w.doc, fx.sharedField)).toBe(sectionText(live, fx.sharedField));
    } finally {
      w.provider.destroy();
    }
  });

  it("a load racing a compaction of the same document still sees every update", async () => {
    // Another instance (or a fresh load here) may read while this one compacts: rows folded
    // between the load's reads must be found in the snapshot or the log, never in neither.
    const name = await newDoc();
    const store = createDatabaseStore(app.services.db);
    const source = new Y.Doc();
    let missed = 0;
    for (let round = 0; round < 60; round++) {
      for (let i = 0; i < 3; i++) {
        const before = Y.encodeStateVector(source);
        paragraphText(source, fx.sharedField).insert(0, `${round}.${i};`);
        await store.append(name, Y.encodeStateAsUpdate(source, before));
      }
      // Several loads, started a little before and after the compaction, overlap it in every way.
      const expected = sectionText(source, fx.sharedField);
      const loads = Array.from({ length: 8 }, async (_, i) => {
        await sleep(i % 4);
        const fresh = new Y.Doc();
        await store.load(name, fresh);
        if (sectionText(fresh, fx.sharedField) !== expected) missed++;
      });
      await Promise.all([...loads, sleep(1).then(() => store.compact(name))]);
    }
    expect(missed, "loads that lost updates folded while they read").toBe(0);
  });

  it("loads a document once for concurrent first connections, and unloads it when everyone has left", async () => {
    const name = await newDoc();
    ctl.loadDelayMs.set(name, 300);
    const clients = Array.from({ length: 6 }, () => connectAt(app.url, name, cookie));
    try {
      await waitFor(() => clients.every((c) => c.provider.synced), "every client to sync");
      expect(ctl.loads.get(name)).toBe(1);
      paragraphText(clients[0].doc, fx.sharedField).insert(0, "shared");
      await waitFor(
        () => clients.every((c) => sectionText(c.doc, fx.sharedField) === "shared"),
        "the edit to reach everyone",
      );
    } finally {
      for (const c of clients) c.provider.destroy();
    }
    await waitFor(
      () => app.collab.metrics.openDocuments === 0 && app.collab.registry.loaded().length === 0,
      "the document to unload",
    );
    expect(sectionText(await stored(name), fx.sharedField)).toBe("shared");
    const again = connectAt(app.url, name, cookie);
    await waitFor(() => again.provider.synced, "a client to sync after the unload");
    expect(sectionText(again.doc, fx.sharedField)).toBe("shared");
    expect(ctl.loads.get(name)).toBe(2);
    again.provider.destroy();
    await waitFor(() => app.collab.metrics.openDocuments === 0, "the document to unload again");
  });

  it("closes clients with 4503 when a load fails, leaves nothing loaded, and the next attempt succeeds", async () => {
    const name = await newDoc();
    ctl.failLoads.set(name, 1);
    ctl.loadDelayMs.set(name, 200); // the three sockets below wait on the same failing load
    const raws = await Promise.all(
      [1, 2, 3].map(() => openRaw(collabUrl(app.url, name), { Cookie: cookie, Origin: app.url })),
    );
    expect(await Promise.all(raws.map((r) => closeCode(r)))).toEqual(
      [1, 2, 3].map(() => CloseCodes.storageUnavailable),
    );
    expect(ctl.loads.get(name)).toBe(1);
    expect(hosted(name)).toBeUndefined();
    expect(app.collab.metrics.openDocuments).toBe(0);

    ctl.failLoads.set(name, 1);
    const client = connectAt(app.url, name, cookie);
    try {
      // The standard client treats 4503 as transient: it reconnects, and the load is tried afresh.
      await waitFor(() => client.provider.synced, "the client to sync on its retry");
      expect(client.closes).toEqual([CloseCodes.storageUnavailable]);
      expect(ctl.loads.get(name)).toBe(3);
      expect(client.doc.getMap("meta").get("schemaVersion")).toBe(1);
      expect(app.collab.metrics.openDocuments).toBe(1);
    } finally {
      client.provider.destroy();
    }
  });

  it("retries a failing append and loses nothing", async () => {
    const name = await newDoc();
    const failuresBefore = app.collab.metrics.persistFailures;
    const w = connectAt(app.url, name, cookie, { saved: true });
    try {
      await waitFor(() => w.provider.synced, "the writer to sync");
      ctl.failAppends.set(name, MAX_RETRIES);
      paragraphText(w.doc, fx.sharedField).insert(0, "saved in the end");
      await sleep(50);
      paragraphText(w.doc, fx.sharedField).insert(0, "also ");
      await waitFor(() => w.fullySaved(), "the edits to be saved after the retries", 10_000);
      expect(app.collab.metrics.persistFailures - failuresBefore).toBe(MAX_RETRIES);
      expect(w.closes).toEqual([]);
      expect(sectionText(await stored(name), fx.sharedField)).toBe("also saved in the end");
    } finally {
      w.provider.destroy();
    }
  });

  it("gives up after maxRetries with 4503, and the clients' edits are saved when they reconnect", async () => {
    const name = await newDoc();
    const writer = connectAt(app.url, name, cookie, { saved: true });
    const reader = connectAt(app.url, name, await signIn(app.url, fx.users.b.email));
    try {
      await waitFor(() => writer.provider.synced && reader.provider.synced, "the clients to sync");
      expect(ctl.loads.get(name)).toBe(1);
      ctl.failAppends.set(name, MAX_RETRIES + 1);
      paragraphText(writer.doc, fx.sharedField).insert(0, "kept by the client");
      await waitFor(
        () => writer.closes.includes(CloseCodes.storageUnavailable),
        "the writer to be closed with 4503",
        10_000,
      );
      expect(reader.closes).toContain(CloseCodes.storageUnavailable);
      expect(ctl.failAppends.get(name)).toBe(0);
      await waitFor(() => writer.provider.synced && writer.fullySaved(), "the resent edits to be saved", 10_000);
      expect(ctl.loads.get(name)).toBe(2);
      expect(sectionText(await stored(name), fx.sharedField)).toBe("kept by the client");
      await waitFor(
        () => sectionText(reader.doc, fx.sharedField) === "kept by the client",
        "the reader to see the edit",
      );
    } finally {
      writer.provider.destroy();
      reader.provider.destroy();
    }
    await waitFor(() => app.collab.metrics.openDocuments === 0, "every document to unload");
  });
});
