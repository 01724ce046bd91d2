import type { Server } from "node:http";
import type { Logger } from "../app/utils/logger.server";

/**
 * Graceful shutdown: stop accepting, let in-flight requests finish (idle keep-alive sockets are
 * closed at once, busy ones get `graceMs`), then run the cleanups (close the database) in order.
 */
export function closeGracefully(
  server: Server,
  logger: Logger,
  cleanups: Array<() => Promise<void>>,
  graceMs = 10_000,
) {
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => {
      logger.warn("requests still running after the grace period; closing them", { graceMs });
      server.closeAllConnections();
    }, graceMs);
    force.unref();
    // A connection busy at close() stays open for keep-alive once its response is sent; close it
    // then, rather than after the keep-alive timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
    server.close(async () => {
      clearTimeout(force);
      clearInterval(sweep);
      for (const cleanup of cleanups) {
        try {
          await cleanup();
        } catch (error) {
          logger.error("shutdown step failed", { error });
        }
      }
      resolve();
    });
    server.closeIdleConnections();
  });
}
