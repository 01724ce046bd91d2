/**
 * Seeded, randomised convergence: six standard clients (three for Ada, three for Ben) edit the one
 * section both may write, their peer check, the way a rich-text editor does: typing and deleting in
 * a paragraph's text (a Y.Text), setting and removing a paragraph's attributes (a map), and adding,
 * deleting and moving paragraphs (a list). They drop off and come back, and the server restarts on
 * the same port mid-run. At the end every replica is identical, and identical to a fresh load from
 * the database. Replay a failure with CONVERGENCE_SEED=<seed printed in the message>.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCodes } from "../../collab/close-codes";
import { createDatabaseStore } from "../../collab/store";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "../support/app";
import { waitFor } from "../support/collab";
import {
  connectAt,
  makeCommunity,
  mulberry32,
  reopenableDatabases,
  signIn,
  type ReopenableDatabase,
} from "../support/collab-fixtures";

const CLIENTS = 6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Everything a replica shows: the schema version (keys sorted) and the section as XML (attributes sorted by Yjs). */
function contentOf(doc: Y.Doc, field: string) {
  const meta = doc.getMap("meta");
  return JSON.stringify({
    meta: Object.fromEntries([...meta.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    section: doc.getXmlFragment(field).toString(),
  });
}
const vectorOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString("hex");

type Client = ReturnType<typeof connectAt>;

/** A paragraph holding one run of text, as an editor writes it. */
function paragraph(text: string) {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/** One random edit (or a disconnect/reconnect) by one client, in the section `field`. */
function randomOp(
  random: ReturnType<typeof mulberry32>,
  client: Client,
  field: string,
  clientIndex: number,
  counter: number,
) {
  const { doc, provider } = client;
  const roll = random.next();
  if (roll < 0.04) {
    if (provider.shouldConnect) provider.disconnect();
    else provider.connect();
    return;
  }
  const section = doc.getXmlFragment(field);
  const paragraphs = () => section.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
  doc.transact(() => {
    if (roll < 0.65 && section.length === 0) {
      section.insert(0, [paragraph(random.word(1 + random.int(6)))]);
    } else if (roll < 0.4) {
      // Typing or deleting inside a paragraph's text.
      const text = random.pick(paragraphs()).get(0) as Y.XmlText;
      if (text.length > 0 && random.next() < 0.35) {
        const at = random.int(text.length);
        text.delete(at, Math.min(text.length - at, 1 + random.int(5)));
      } else text.insert(random.int(text.length + 1), random.word(1 + random.int(6)));
    } else if (roll < 0.65) {
      // A paragraph's attributes: a map whose keys are overwritten and removed concurrently.
      const p = random.pick(paragraphs());
      const key = `k${random.int(12)}`;
      if (random.next() < 0.3) p.removeAttribute(key);
      else p.setAttribute(key, random.next() < 0.5 ? String(random.int(1000)) : `${clientIndex}:${random.word(4)}`);
    } else {
      const op = random.next();
      if (section.length === 0 || op < 0.45)
        section.insert(random.int(section.length + 1), [paragraph(`c${clientIndex}-${counter}`)]);
      else if (op < 0.7) section.delete(random.int(section.length), 1);
      else {
        // A move: delete and insert a copy in one transaction, as an editor's drag does.
        const from = random.int(section.length);
        const copy = (section.get(from) as Y.XmlElement).clone();
        section.delete(from, 1);
        section.insert(random.int(section.length + 1), [copy]);
      }
    }
  });
}

describe.each(await reopenableDatabases())("convergence on $name", (kind) => {
  let store: ReopenableDatabase;
  beforeAll(async () => {
    store = await kind.create();
    await (await store.open()).close(); // creates and migrates it (slow for a new PGlite folder)
  });
  afterAll(() => store?.dispose());

  it("random edits, disconnects and a server restart on the same port converge, and match the database", async () => {
    const seed = Number(process.env.CONVERGENCE_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = mulberry32(seed);
    const why = (what: string) => `${what} (CONVERGENCE_SEED=${seed})`;
    let app: RunningCommons = await startTestApp(await store.open());
    const clients: Client[] = [];
    try {
      const port = new URL(app.url).port;
      const fx = await makeCommunity(app.services.db);
      const cookies = [await signIn(app.url, fx.users.a.email), await signIn(app.url, fx.users.b.email)];
      for (let i = 0; i < CLIENTS; i++) clients.push(connectAt(app.url, fx.docName, cookies[i % 2]));
      await waitFor(() => clients.every((c) => c.provider.synced), why("every client to sync"));

      let counter = 0;
      const run = async (ops: number) => {
        for (let n = 0; n < ops; n++) {
          const i = random.int(CLIENTS);
          randomOp(random, clients[i], fx.sharedField, i, counter++);
          await sleep(random.int(3));
        }
      };
      await run(250);
      // The restart: a graceful shutdown while clients are connected, then a new server on the
      // same port and database. Editing goes on meanwhile (offline edits, resent on reconnect).
      let restarted = false;
      const restart = (async () => {
        await app.close();
        app = await startTestApp(await store.open(), { PORT: port });
        restarted = true;
      })();
      while (!restarted) await run(10);
      await restart;
      await run(250);

      for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
      const hosted = () => app.collab.registry.loaded().find((d) => d.name === fx.docName)?.doc;
      await waitFor(
        () => {
          const server = hosted();
          if (!server || !clients.every((c) => c.provider.synced)) return false;
          const [vector, content] = [vectorOf(server), contentOf(server, fx.sharedField)];
          return clients.every((c) => vectorOf(c.doc) === vector && contentOf(c.doc, fx.sharedField) === content);
        },
        why("every replica to converge"),
        20_000,
      );
      const expected = contentOf(clients[0].doc, fx.sharedField);
      for (const c of clients) expect(contentOf(c.doc, fx.sharedField), why("replica content")).toBe(expected);
      expect(JSON.parse(expected).meta, why("the schema version")).toEqual({ schemaVersion: 1 });
      expect(JSON.parse(expected).section, why("a section with paragraphs")).toContain("<paragraph");
      expect(counter, why("edits made")).toBeGreaterThan(500);
      // Every edit was one the server's write rules allow: none was refused (4422).
      expect(
        clients.flatMap((c) => c.closes),
        why("close codes"),
      ).not.toContain(CloseCodes.refused);
      expect(app.collab.metrics.refusedUpdates.inquiry ?? 0, why("refused updates")).toBe(0);

      for (const c of clients) c.provider.destroy();
      await app.collab.registry.unload(fx.docName);
      const fresh = new Y.Doc();
      await createDatabaseStore(app.services.db).load(fx.docName, fresh);
      expect(contentOf(fresh, fx.sharedField), why("a fresh load from the database")).toBe(expected);
      expect(vectorOf(fresh), why("the stored state vector")).toBe(vectorOf(clients[0].doc));
    } finally {
      for (const c of clients) c.provider.destroy();
      await app.close();
    }
  }, 60_000);
});
