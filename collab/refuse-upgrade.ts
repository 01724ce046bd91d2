import type { Duplex } from "node:stream";

/** Answers a refused WebSocket upgrade with a real HTTP response, then closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string) {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      "Connection: close\r\n" +
      "Content-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
      body,
  );
}
