import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { COLLAB_PATH_PREFIX } from "../collab/doc-names";
import { refuseUpgrade } from "../collab/refuse-upgrade";
import type { CollabServer } from "../collab/server";
import { isAllowedOrigin } from "./origin-check";

export { refuseUpgrade };

/** Routes WebSocket upgrades: `/collab/<kind>.<id>` to the collaboration server, anything else 404. */
export function createUpgradeHandler(collab: CollabServer | null) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (collab && path.startsWith(COLLAB_PATH_PREFIX)) {
      void collab.handleUpgrade(req, socket, head);
      return;
    }
    refuseUpgrade(socket, 404, "Not Found", "There is no live connection at this address.");
  };
}

/**
 * Whether a WebSocket upgrade comes from one of our pages: browsers always send Origin on
 * WebSocket requests, and it must be this server's own origin (as addressed) or APP_URL.
 */
export function upgradeOriginCheck(appUrl: string | null, trustProxy: boolean) {
  return (req: IncomingMessage) => {
    const forwarded = trustProxy
      ? String(req.headers["x-forwarded-proto"] ?? "")
          .split(",")[0]
          .trim()
      : "";
    const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
    const protocol = forwarded || (encrypted ? "https" : "http");
    const own = [`${protocol}://${req.headers.host}`];
    if (appUrl) own.push(appUrl);
    const origin = req.headers.origin && req.headers.origin !== "null" ? req.headers.origin : null;
    return isAllowedOrigin(origin, own);
  };
}
