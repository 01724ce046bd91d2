import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { isPermanentClose } from "../../../../collab/close-codes";
import { COLLAB_PATH_PREFIX, documentName } from "../../../../collab/doc-names";

/** The community room as the browser holds it: the live replica, and whether it has caught up with the server. */
export type RoomConnection = { doc: Y.Doc; synced: boolean };

function socketBase() {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}${COLLAB_PATH_PREFIX.replace(/\/$/, "")}`;
}

/**
 * One connection to the community's room for as long as the person is on the community's pages:
 * no local copy (a gathering matters only live), no same-browser channel (every change comes from
 * the server, which drops a member's writes), and no retrying once the server refuses for good.
 * Null when `communityId` is null (no access) and on the server.
 */
export function useRoomConnection(communityId: string | null): RoomConnection | null {
  const [state, setState] = useState<RoomConnection | null>(null);
  useEffect(() => {
    if (!communityId) return;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(socketBase(), documentName("community-room", communityId), doc, {
      disableBc: true,
    });
    provider.on("connection-close", (event) => {
      if (event && isPermanentClose(event.code)) provider.disconnect();
    });
    provider.on("sync", (synced: boolean) => setState({ doc, synced }));
    setState({ doc, synced: false });
    return () => {
      provider.destroy();
      doc.destroy();
      setState(null);
    };
  }, [communityId]);
  return state;
}
