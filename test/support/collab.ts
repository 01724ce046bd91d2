import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { RunningCommons } from "../../server/start";

/** A `ws` WebSocket class that sends the cookie and Origin a browser would send. */
export function browserLikeSocket(headers: { cookie?: string; origin?: string }) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, {
        headers: { ...(headers.cookie ? { Cookie: headers.cookie } : {}), Origin: headers.origin ?? "" },
      });
    }
  };
}

/** The standard y-websocket client, unmodified, connected to our server as a signed-in person. */
export function connectProvider(
  app: RunningCommons,
  docName: string,
  cookie: string,
  opts: { params?: Record<string, string>; doc?: Y.Doc } = {},
) {
  const base = app.url.replace(/^http/, "ws") + "/collab";
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(base, docName, doc, {
    WebSocketPolyfill: browserLikeSocket({ cookie, origin: app.url }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: opts.params ?? {},
    maxBackoffTime: 200,
  });
  return { doc, provider };
}

/** Polls until `check` passes or the time runs out (then throws with `what`). */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Opens a raw WebSocket upgrade and reports the HTTP status (101 when upgraded). */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on("open", () => {
      ws.close();
      resolve(101);
    });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on("error", (error) => reject(error));
  });
}
