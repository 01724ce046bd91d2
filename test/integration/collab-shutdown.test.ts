/**
 * Graceful shutdown with live sockets: it finishes promptly, even when an upgrade is still being
 * authorised as it runs, or when a client never answers the close handshake.
 */
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createDatabaseStore, type CollabStore } from "../../collab/store";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "../support/app";
import { waitFor } from "../support/collab";
import { collabUrl, connectAt, makeCommunity, openRaw, paragraphText, signIn } from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";

/** Resolves with how long `promise` took, or rejects after `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<number> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)),
  );
  try {
    await Promise.race([promise, late]);
    return Date.now() - started;
  } finally {
    clearTimeout(timer);
  }
}

async function setUp(
  open: () => Promise<Parameters<typeof startTestApp>[0]>,
  collab?: Parameters<typeof startTestApp>[2],
) {
  const app = await startTestApp(await open(), {}, collab);
  const fx = await makeCommunity(app.services.db);
  return { app, fx, cookie: await signIn(app.url, fx.users.a.email) };
}

describe.each(await testDatabases())("graceful shutdown with live sockets on $name", (database) => {
  it("closes every connected client with 4500 and finishes promptly", async () => {
    const { app, fx, cookie } = await setUp(() => database.open());
    const clients = Array.from({ length: 5 }, () => connectAt(app.url, fx.docName, cookie));
    try {
      await waitFor(() => clients.every((c) => c.provider.synced), "the clients to sync");
      expect(await within(app.close(), 3_000, "shutdown")).toBeLessThan(3_000);
      await waitFor(() => clients.every((c) => c.closes.includes(4500)), "every client to be told to reconnect");
    } finally {
      for (const c of clients) c.provider.destroy();
    }
  });

  it("refuses an upgrade whose authorisation finishes while shutdown is still flushing", async () => {
    // Shutdown has a pending edit to flush and the write is slow, so it is still flushing when
    // the authorisation held back below completes.
    const handle = await database.open();
    const inner = createDatabaseStore(handle.db);
    let slow = false;
    const store: CollabStore = {
      ...inner,
      append: async (name, update) => {
        if (slow) await new Promise((r) => setTimeout(r, 1_000));
        return inner.append(name, update);
      },
    };
    const { app, fx, cookie } = await setUp(async () => handle, { store, persistence: { flushDelayMs: 60_000 } });
    const writer = connectAt(app.url, fx.docName, cookie);
    await waitFor(() => writer.provider.synced, "the writer to sync");
    paragraphText(writer.doc, fx.sharedField).insert(0, "pending"); // Ada's peer check with Ben: hers to write
    await waitFor(() => app.collab.registry.loaded()[0]?.hasUnsaved === true, "the edit to be pending on the server");

    const auth = app.services.auth;
    const validate = auth.validate;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    auth.validate = async (header) => {
      entered = true;
      await gate;
      return validate(header);
    };
    const ws = new WebSocket(collabUrl(app.url, fx.docName), { headers: { Cookie: cookie, Origin: app.url } });
    const outcome = new Promise<string>((resolve) => {
      ws.on("unexpected-response", (_req, res) => {
        res.resume();
        resolve(`refused ${res.statusCode}`);
      });
      ws.on("close", (code) => resolve(`closed ${code}`));
      ws.on("error", () => {});
    });
    try {
      await waitFor(() => entered, "the upgrade to reach authorisation");
      slow = true;
      const closing = app.close();
      await waitFor(() => writer.closes.includes(4500), "shutdown to begin");
      release();
      expect(await within(closing, 5_000, "shutdown")).toBeLessThan(5_000);
      expect(await outcome).toMatch(/^(refused 503|closed 4500)$/);
    } finally {
      release();
      ws.terminate();
      writer.provider.destroy();
    }
  });

  it("does not wait forever for a client that never answers the close handshake", async () => {
    const { app, fx, cookie } = await setUp(() => database.open());
    const silent = await openRaw(collabUrl(app.url, fx.docName), { Cookie: cookie, Origin: app.url });
    // Stop reading: the close frame is never seen, so it is never answered.
    (silent.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    let finished: RunningCommons | null = null;
    try {
      expect(await within(app.close(), 8_000, "shutdown")).toBeGreaterThan(1_000);
      finished = app;
    } finally {
      silent.ws.terminate();
      if (!finished) await app.close();
    }
  }, 30_000); // setUp opens and migrates a fresh database first; the shutdown itself is held to 8 s above
});
