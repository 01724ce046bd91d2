/**
 * BARE: y-websocket@2.1.0's own server utilities (`bin/utils` setupWSConnection), documents in
 * memory only, no auth: the floor any y-websocket server is compared against. Started by the
 * orchestrator pinned to one core; prints `ready <port>` once listening.
 */
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { IncomingMessage } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";

const require = createRequire(import.meta.url);
const utils = require("y-websocket-server-bare/bin/utils") as {
  setupWSConnection(conn: WebSocket, req: IncomingMessage, opts?: { docName?: string; gc?: boolean }): void;
  docs: Map<string, unknown>;
};

const server = createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end("bare y-websocket server\n");
});
const wss = new WebSocketServer({ noServer: true });
wss.on("connection", (conn: WebSocket, req: IncomingMessage) => utils.setupWSConnection(conn, req));
server.on("upgrade", (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req)),
);
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === "object" && address ? address.port : 0}\n`);
});

const stop = () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
