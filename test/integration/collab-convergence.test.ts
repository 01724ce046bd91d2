/**
 * Seeded, randomised convergence: six standard clients edit a Y.Text, a Y.Map and a Y.Array
 * (with moves), drop off and come back, and the server restarts on the same port mid-run. At the
 * end every replica is identical, and identical to a fresh load from the database.
 * Replay a failure with CONVERGENCE_SEED=<seed printed in the message>.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
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

/** Everything a replica shows, with map keys sorted (their order is not part of the model). */
function contentOf(doc: Y.Doc) {
  const sorted = (m: Y.Map<unknown>) => Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({
    meta: sorted(doc.getMap("meta")),
    text: doc.getText("text").toString(),
    map: sorted(doc.getMap("map")),
    array: doc.getArray("array").toJSON(),
  });
}
const vectorOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString("hex");

type Client = ReturnType<typeof connectAt>;

/** One random edit (or a disconnect/reconnect) by one client. */
function randomOp(random: ReturnType<typeof mulberry32>, client: Client, clientIndex: number, counter: number) {
  const { doc, provider } = client;
  const roll = random.next();
  if (roll < 0.04) {
    if (provider.shouldConnect) provider.disconnect();
    else provider.connect();
    return;
  }
  doc.transact(() => {
    if (roll < 0.4) {
      const text = doc.getText("text");
      if (text.length > 0 && random.next() < 0.35) {
        const at = random.int(text.length);
        text.delete(at, Math.min(text.length - at, 1 + random.int(5)));
      } else text.insert(random.int(text.length + 1), random.word(1 + random.int(6)));
    } else if (roll < 0.65) {
      const map = doc.getMap("map");
      const key = `k${random.int(12)}`;
      if (random.next() < 0.3) map.delete(key);
      else map.set(key, random.next() < 0.5 ? random.int(1000) : `${clientIndex}:${random.word(4)}`);
    } else {
      const array = doc.getArray<string>("array");
      const op = random.next();
      if (array.length === 0 || op < 0.45) array.insert(random.int(array.length + 1), [`c${clientIndex}-${counter}`]);
      else if (op < 0.7) array.delete(random.int(array.length), 1);
      else {
        // A move: delete and insert in one transaction.
        const from = random.int(array.length);
        const value = array.get(from);
        array.delete(from, 1);
        array.insert(random.int(array.length + 1), [value]);
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
          randomOp(random, clients[i], i, counter++);
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
          const [vector, content] = [vectorOf(server), contentOf(server)];
          return clients.every((c) => vectorOf(c.doc) === vector && contentOf(c.doc) === content);
        },
        why("every replica to converge"),
        20_000,
      );
      const expected = contentOf(clients[0].doc);
      for (const c of clients) expect(contentOf(c.doc), why("replica content")).toBe(expected);
      expect(JSON.parse(expected).meta, why("the schema version")).toEqual({ schemaVersion: 1 });
      expect(counter, why("edits made")).toBeGreaterThan(500);

      for (const c of clients) c.provider.destroy();
      await app.collab.registry.unload(fx.docName);
      const fresh = new Y.Doc();
      await createDatabaseStore(app.services.db).load(fx.docName, fresh);
      expect(contentOf(fresh), why("a fresh load from the database")).toBe(expected);
      expect(vectorOf(fresh), why("the stored state vector")).toBe(vectorOf(clients[0].doc));
    } finally {
      for (const c of clients) c.provider.destroy();
      await app.close();
    }
  }, 60_000);
});
