/**
 * Helpers for attacking the write rules through the real server (issue 12): stock y-websocket
 * clients whose Y.Doc the test changes directly, as a modified client would; a presence "ping"
 * that proves a watcher has heard everything sent before it; and the stored state of a document.
 */
import * as Y from "yjs";
import { createDatabaseStore } from "../../collab/store";
import type { RunningCommons } from "../../server/start";
import { waitFor } from "./collab";
import { connectAt } from "./collab-fixtures";

export type Close = { code: number; reason: string };

/** A stock client that also records each close's code and reason (connectAt keeps only codes). */
export function openClient(app: RunningCommons, docName: string, cookie: string) {
  const client = connectAt(app.url, docName, cookie);
  const closes: Close[] = [];
  client.provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: String(event.reason) });
  });
  return { ...client, closeEvents: closes };
}
export type Client = ReturnType<typeof openClient>;

/** Opens a stock client and waits for its first sync with the server. */
export async function synced(app: RunningCommons, docName: string, cookie: string): Promise<Client> {
  const client = openClient(app, docName, cookie);
  await waitFor(() => client.provider.synced, `a client's sync on ${docName}`);
  return client;
}

/** The first close the server sent this client (waits up to `ms`), or null if it stayed open. */
export async function firstClose(client: Client, ms = 3_000): Promise<Close | null> {
  try {
    await waitFor(() => client.closeEvents.length > 0, "a close", ms);
  } catch {
    return null;
  }
  return client.closeEvents[0];
}

let pings = 0;
/**
 * Proves `watcher` has received everything the server sent before now: `via` (an honest client on
 * the same document) changes its presence, and the watcher sees it. The server handles frames in
 * order and sends on each socket in order, so a refused change that had been broadcast would have
 * reached the watcher before this ping.
 */
export async function barrier(via: Client, watcher: Client) {
  const ping = ++pings;
  via.provider.awareness.setLocalStateField("ping", ping);
  await waitFor(
    () => watcher.provider.awareness.getStates().get(via.doc.clientID)?.ping === ping,
    "the watcher to hear the ping",
  );
}

/** Disconnects clients for good. */
export function destroyAll(...clients: Array<Client | null | undefined>) {
  for (const c of clients) c?.provider.destroy();
}

/**
 * What the database holds for a document once the server has let it go: waits until no
 * connection keeps it loaded (it is flushed on unload), then reads the stored rows into a new doc.
 */
export async function storedDoc(app: RunningCommons, docName: string): Promise<Y.Doc> {
  await waitFor(
    () => !app.collab.registry.loaded().some((d) => d.name === docName),
    `${docName} to be unloaded`,
    10_000,
  );
  const doc = new Y.Doc();
  await createDatabaseStore(app.services.db).load(docName, doc);
  return doc;
}

/** The refusals the running server has counted for a kind of document. */
export const refusedCount = (app: RunningCommons, kind: string) => app.collab.metrics.refusedUpdates[kind] ?? 0;

/** Every refusal counted, across kinds. */
export const refusedTotal = (app: RunningCommons) =>
  Object.values(app.collab.metrics.refusedUpdates).reduce((sum, n) => sum + n, 0);
