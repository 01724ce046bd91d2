import * as decoding from "lib0/decoding";
import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { closeReasons, CloseCodes, isPermanentClose, type CloseCode } from "../../../collab/close-codes";
import { COLLAB_PATH_PREFIX } from "../../../collab/doc-names";
import { MessageType, SAVED_PARAM } from "../../../collab/protocol";
import { isFullySaved, readSavedMessage, type PersistedState, type SaveStatus } from "../../../collab/saved-state";

export type CollabUser = { id: string; name: string; color: string };
export type Presence = { clientId: number; user: CollabUser };

export type CollabState = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  status: SaveStatus;
  synced: boolean;
  peers: Presence[];
  problem: string | null;
  /** Set after the server refused a change and the page reloaded the document as the server has it. */
  notice: string | null;
};

/** What the page says after a refused change, with the server's reason in its own words. */
export function refusedNotice(reason: string): string {
  const why = reason.trim() ? ` ${reason.trim().replace(/\.?$/, ".")}` : "";
  return `A change you made was not allowed here, so it was not kept.${why} The page now shows the document as everyone else sees it.`;
}

function socketBase() {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}${COLLAB_PATH_PREFIX.replace(/\/$/, "")}`;
}

/**
 * Opens a shared document in the browser: local copy in IndexedDB (edits made offline survive a
 * reload and sync on reconnect), the standard y-websocket provider, presence, and the save status
 * from the server's "saved" messages. Returns null until it is open (browser only).
 */
export function useCollabDocument(name: string, user: CollabUser, access: "read" | "write"): CollabState | null {
  const [state, setState] = useState<CollabState | null>(null);
  // A refused change is undone by opening the document afresh: a new Y.Doc and an emptied local copy.
  const [generation, setGeneration] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const local = access === "write" ? new IndexeddbPersistence(`commons:${name}`, doc) : null;
    // Read-only views never use the same-browser channel, so they cannot relay anything.
    const provider = new WebsocketProvider(socketBase(), name, doc, {
      params: { [SAVED_PARAM]: "1" },
      disableBc: access !== "write",
    });
    let persisted: PersistedState | null = null;
    let connected = false;
    let problem: string | null = null;

    const computeStatus = (): SaveStatus => {
      if (problem && !connected) return "closed";
      if (!connected) return "offline";
      if (access === "read") return "read-only";
      return isFullySaved(doc, persisted) ? "saved" : "saving";
    };
    const peers = (): Presence[] => {
      const seen = new Map<string, Presence>();
      provider.awareness.getStates().forEach((s, clientId) => {
        const u = s.user as CollabUser | undefined;
        if (u?.id && !seen.has(u.id)) seen.set(u.id, { clientId, user: u });
      });
      return [...seen.values()];
    };
    const publish = () =>
      setState({ doc, provider, status: computeStatus(), synced: provider.synced, peers: peers(), problem, notice });

    provider.messageHandlers[MessageType.saved] = (_encoder, decoder: decoding.Decoder) => {
      persisted = readSavedMessage(decoder);
      publish();
    };
    provider.awareness.setLocalStateField("user", user);
    provider.on("status", ({ status }) => {
      connected = status === "connected";
      if (connected) problem = null;
      else persisted = null;
      publish();
    });
    provider.on("connection-close", (event) => {
      if (event?.code === CloseCodes.refused) {
        // The refused change is still in this copy (and in the local one, which would send it again
        // on every visit): start again from the server's document.
        provider.shouldConnect = false;
        setNotice(refusedNotice(event.reason));
        void (local ? local.clearData() : Promise.resolve()).finally(() => setGeneration((g) => g + 1));
        return;
      }
      if (event && isPermanentClose(event.code)) {
        problem = closeReasons[event.code as CloseCode] ?? "The connection was closed.";
        publish();
      }
    });
    provider.on("sync", publish);
    provider.awareness.on("change", publish);
    doc.on("update", publish);
    // When the browser knows the device went offline, say so at once: an open socket can take
    // 30 s to notice (y-websocket's silence watchdog), showing "Saving…" all the while.
    // Only a connection paused here resumes (not one the server ended for good).
    let paused = false;
    const goOffline = () => {
      if (!provider.shouldConnect) return;
      paused = true;
      provider.disconnect();
    };
    const goOnline = () => {
      if (paused) provider.connect();
      paused = false;
    };
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    publish();

    return () => {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      provider.destroy();
      void local?.destroy();
      doc.destroy();
      setState(null);
    };
    // The user's colour and name are fixed for the life of the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, access, user.id, generation]);

  return state;
}
