import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { MessageType, SAVED_PARAM } from "../../collab/protocol";
import type { Target } from "./protocol";
import { sectionPlainText } from "./sections";

/**
 * One simulated person: a Y.Doc kept in sync by the server's own client library (the standard
 * y-websocket provider for ours and bare, HocuspocusProvider for Hocuspocus).
 *
 * `lean` clients take part in everything the server sees (handshake, sync, awareness, acks, their
 * own edits) but do not apply the other people's updates to their local Y.Doc: they only look into
 * each incoming update for a probe marker. 200 browsers would each spend their own CPU applying
 * updates; one generator process doing all of it for them saturates its core long before the
 * server does, so by default the editors are lean (the server's work is exactly the same).
 */
export type BenchClient = {
  doc: Y.Doc;
  /** Resolves with ms from creation to the first completed sync. */
  synced: Promise<number>;
  /** Everything this client wrote has been acknowledged (ours: saved in the database; Hocuspocus: received). */
  acknowledged(): boolean;
  disconnects(): number;
  destroy(): void;
};

/** A `ws` WebSocket that sends the cookie and Origin a browser would send. */
function browserLikeSocket(headers: { cookie?: string; origin?: string }) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      const h: Record<string, string> = {};
      if (headers.cookie) h.Cookie = headers.cookie;
      if (headers.origin) h.Origin = headers.origin;
      super(url, protocols, { headers: h });
    }
  };
}

/** Whether every entry of `local` is covered by `persisted` (both encoded state vectors). */
function covered(local: Uint8Array, persisted: Uint8Array | null): boolean {
  if (!persisted) return false;
  const saved = Y.decodeStateVector(persisted);
  for (const [client, clock] of Y.decodeStateVector(local)) if ((saved.get(client) ?? 0) < clock) return false;
  return true;
}

/** Probe markers are written as `~PROBE~<key>:<ms>~` into the probe's section, so their bytes appear verbatim in the update. */
export const probeMarker = (key: string, sentAt: number) => `~PROBE~${key}:${sentAt}~`;
const PROBE_TAG = Buffer.from("~PROBE~");

/** The marker inside a raw update (without applying it), or null. */
function findProbe(update: Uint8Array): string | null {
  const buf = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  const at = buf.indexOf(PROBE_TAG);
  if (at < 0) return null;
  const end = buf.indexOf(0x7e, at + PROBE_TAG.length); // "~"
  return end < 0 ? null : buf.toString("latin1", at, end + 1);
}

export type ClientOptions = {
  lean?: boolean;
  /** Called with each probe marker written by someone else, as soon as this client sees it. */
  onProbe?: (marker: string) => void;
  /** The section the room's probe writes into (full clients read markers from it). */
  probeField?: string;
  /** Called for every frame received, with its kind (to count what the server sends). */
  onFrame?: (kind: FrameKind) => void;
};

export type FrameKind = "update" | "sync" | "awareness" | "saved" | "ack" | "other";

export function connectClient(
  target: Target,
  docName: string,
  cookie: string,
  user: { id: string; name: string },
  options: ClientOptions = {},
): BenchClient {
  const started = performance.now();
  const doc = new Y.Doc();
  let disconnects = 0;
  const { lean = false, onProbe, onFrame, probeField } = options;
  if (onProbe && !lean && probeField) {
    // A full client reads the probe's section after every remote change to it.
    doc.getXmlFragment(probeField).observeDeep((_events, transaction) => {
      if (transaction.local) return;
      const marker = findProbe(Buffer.from(sectionPlainText(doc, probeField), "latin1"));
      if (marker) onProbe(marker);
    });
  }
  if (target.protocol === "y-websocket") {
    const wantsSaved = target.params?.[SAVED_PARAM] === "1";
    const provider = new WebsocketProvider(target.wsUrl, docName, doc, {
      WebSocketPolyfill: browserLikeSocket({ cookie, origin: target.origin }) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: target.params ?? {},
      maxBackoffTime: 1000,
    });
    let persisted: Uint8Array | null = null;
    if (wantsSaved) {
      provider.messageHandlers[MessageType.saved] = (_encoder, decoder: decoding.Decoder) => {
        persisted = decoding.readVarUint8Array(decoder);
      };
    }
    if (onFrame) {
      for (const [type, kind] of [
        [1, "awareness"],
        [2, "other"],
        [3, "other"],
        [MessageType.saved, "saved"],
      ] as const) {
        const handler = provider.messageHandlers[type];
        if (!handler) continue;
        provider.messageHandlers[type] = (...args) => {
          onFrame(kind);
          handler(...args);
        };
      }
    }
    {
      const sync = provider.messageHandlers[0];
      provider.messageHandlers[0] = (encoder, decoder, p, emitSynced, type) => {
        const isUpdate = decoding.peekVarUint(decoder) === syncProtocol.messageYjsUpdate;
        onFrame?.(isUpdate ? "update" : "sync");
        if (!lean || !isUpdate) return sync(encoder, decoder, p, emitSynced, type);
        decoding.readVarUint(decoder);
        const marker = findProbe(decoding.readVarUint8Array(decoder));
        if (marker && onProbe) onProbe(marker);
      };
    }
    provider.awareness.setLocalStateField("user", user);
    provider.on("connection-close", () => disconnects++);
    const synced = new Promise<number>((resolve) => {
      const done = (isSynced: boolean) => {
        if (!isSynced) return;
        provider.off("sync", done);
        resolve(performance.now() - started);
      };
      provider.on("sync", done);
    });
    return {
      doc,
      synced,
      // Without "saved" messages (bare) there is nothing to wait for beyond the socket's own order.
      acknowledged: () => (wantsSaved ? covered(Y.encodeStateVector(doc), persisted) : true),
      disconnects: () => disconnects,
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    };
  }
  // One socket per person, as in a browser tab (Hocuspocus can multiplex; a tab has one document here).
  const socket = new HocuspocusProviderWebsocket({ url: target.wsUrl, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: docName,
    document: doc,
    token: cookie || null,
  });
  provider.attach();
  if (lean || onFrame) {
    const hp = provider as unknown as { onMessage(event: { data: ArrayBuffer }): void };
    const original = hp.onMessage.bind(provider);
    const kinds: Record<number, FrameKind> = { 1: "awareness", 8: "ack" };
    hp.onMessage = (event) => {
      const d = decoding.createDecoder(new Uint8Array(event.data));
      decoding.readVarString(d); // document name
      const type = decoding.readVarUint(d);
      const isUpdate = type === 0 && decoding.peekVarUint(d) === syncProtocol.messageYjsUpdate;
      onFrame?.(isUpdate ? "update" : type === 0 ? "sync" : (kinds[type] ?? "other"));
      if (!lean || !isUpdate) return original(event);
      decoding.readVarUint(d);
      const marker = findProbe(decoding.readVarUint8Array(d));
      if (marker && onProbe) onProbe(marker);
    };
  }
  provider.setAwarenessField("user", user);
  provider.on("disconnect", () => disconnects++);
  const synced = new Promise<number>((resolve) => {
    const done = () => {
      provider.off("synced", done);
      resolve(performance.now() - started);
    };
    provider.on("synced", done);
  });
  return {
    doc,
    synced,
    acknowledged: () => !provider.hasUnsyncedChanges,
    disconnects: () => disconnects,
    destroy: () => {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}
