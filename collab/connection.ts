import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import type { Logger } from "../app/kernel/logger";
import type { DocumentAccess } from "../app/kernel/permissions";
import { CloseCodes } from "./close-codes";
import type { HostedDocument, Peer } from "./hosted-document";
import { decodeClientMessage, encodeMessage, ProtocolError } from "./messages";
import { stampPresence } from "./presence";

export type ConnectionLimits = {
  /** Largest frame accepted, in bytes. */
  maxMessageBytes: number;
  /** Token bucket: burst size and refill per second. */
  burst: number;
  perSecond: number;
};

export type ConnectionIdentity = {
  userId: string;
  sessionId: string;
  docName: string;
  access: Exclude<DocumentAccess, "none">;
  /** Whether this person facilitates the document's cohort (the write rules' "facilitator"). */
  isFacilitator: boolean;
};

/** How much of a writer's history may wait for its beginning (an honest reconnect race needs one or two frames). */
const MAX_HELD_FRAMES = 50;

/**
 * One client's socket on one document. It enforces the limits and read-only access itself, so
 * a broken or hostile client only ever closes its own connection.
 */
export class Connection implements Peer {
  readonly opened = Date.now();
  private tokens: number;
  private lastRefill = Date.now();
  private doc: HostedDocument | null = null;
  private queue: Uint8Array[] = [];
  private closed = false;
  private paused = false;
  /** Updates that continue a history the server has not received yet, merged, waiting for it. */
  private held: Uint8Array | null = null;
  private heldFrames = 0;
  droppedWrites = 0;

  constructor(
    private readonly ws: WebSocket,
    readonly identity: ConnectionIdentity,
    readonly wantsSaved: boolean,
    private readonly limits: ConnectionLimits,
    private readonly logger: Logger,
    private readonly onClosed: (connection: Connection, code: number, reason: string) => void,
    /** The session's person's name: stamped on this connection's presence (kept out of `identity`, which is logged). */
    private readonly userName: string = "",
    /** Counts a refused update (the server's metrics). */
    private readonly onRefused: (why: string) => void = () => {},
    private readonly onHeld: () => void = () => {},
  ) {
    this.tokens = limits.burst;
    ws.binaryType = "nodebuffer";
    // Listen at once: frames that arrive while the document loads wait in the queue.
    ws.on("message", (data: Buffer, isBinary: boolean) => this.receive(data, isBinary));
    ws.on("close", (code: number, reason: Buffer) => this.finish(code, reason.toString() || "closed by client"));
    ws.on("error", (error: Error & { code?: string }) => {
      // ws has already failed the socket with its own code (1009 too big, 1007 bad UTF-8, 1002…);
      // this records why, under the nearest of our codes.
      const tooLarge = error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH";
      this.logger.warn("collab socket error", { ...this.identity, error: error.message, wsCode: error.code });
      this.close(
        tooLarge ? CloseCodes.messageTooLarge : CloseCodes.badMessage,
        tooLarge ? "message too large" : "invalid frame",
      );
    });
  }

  /** Attaches the loaded document and replays anything that arrived while it loaded. */
  attach(doc: HostedDocument) {
    if (this.closed) return;
    this.doc = doc;
    doc.addPeer(this);
    this.drain();
  }

  get personId(): string {
    return this.identity.userId;
  }

  /** Changes what this connection may do (access re-checked after the upgrade). */
  setAccess(access: "read" | "write", isFacilitator = this.identity.isFacilitator) {
    this.identity.access = access;
    this.identity.isFacilitator = isFacilitator;
  }

  send(frame: Uint8Array) {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(frame, { binary: true });
  }

  close(code: number, reason: string) {
    if (this.closed) return;
    this.ws.close(code, reason.slice(0, 120));
    this.finish(code, reason);
    // A peer that never answers the close handshake is cut off.
    setTimeout(() => this.ws.terminate(), 5_000).unref();
  }

  private finish(code: number, reason: string) {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.onClosed(this, code, reason);
  }

  private receive(data: Buffer, isBinary: boolean) {
    if (this.closed) return;
    if (!isBinary) return this.reject(CloseCodes.badMessage, "text frames are not part of the protocol");
    if (data.byteLength > this.limits.maxMessageBytes)
      return this.reject(CloseCodes.messageTooLarge, `message of ${data.byteLength} bytes`);
    if (!this.take()) return this.reject(CloseCodes.flood, "too many messages");
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (this.ready && this.queue.length === 0) this.handle(frame);
    else this.queue.push(frame);
  }

  /** Whether frames may be handled now: attached, not paused, and the document not being rebuilt. */
  private get ready(): boolean {
    return !this.closed && !this.paused && this.doc !== null && this.doc.rebuilding === null;
  }

  /** Handles queued frames in order, for as long as frames may be handled. */
  private drain() {
    while (this.ready && this.queue.length > 0) this.handle(this.queue.shift()!);
  }

  /** The document was rebuilt after another peer's refused update: handle what waited. */
  wake() {
    this.drain();
  }

  /**
   * Holds incoming frames while this person's access is re-checked after a change of membership
   * or role (so no write that arrives after the change is applied before the answer); `resume`
   * handles them in order, unless the re-check closed the connection.
   */
  pause() {
    this.paused = true;
  }

  resume() {
    if (!this.paused) return;
    this.paused = false;
    this.drain();
  }

  private take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.limits.burst, this.tokens + ((now - this.lastRefill) / 1000) * this.limits.perSecond);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private handle(frame: Uint8Array) {
    const doc = this.doc!;
    try {
      const message = decodeClientMessage(frame);
      switch (message.type) {
        case "sync-step-1":
          this.send(encodeMessage.syncStep2(doc.doc, message.stateVector));
          return;
        case "sync-step-2":
        case "update":
          // Read-only: the document never sees a write, whatever the client sends.
          if (this.identity.access !== "write") {
            this.droppedWrites++;
            return;
          }
          return this.write(doc, message.update);
        case "awareness": {
          const verdict = stampPresence(
            message.update,
            { userId: this.identity.userId, userName: this.userName },
            (clientId) => {
              const controller = doc.controllerOf(clientId);
              if (controller !== undefined) return controller !== this;
              const person = doc.presence.ownerOf(clientId);
              return person !== undefined && person !== this.identity.userId;
            },
            doc.peers.get(this) ?? new Set(),
            (clientId) => doc.presence.clockFloor(clientId, this),
          );
          if (!verdict.ok) return this.refuse(verdict.why);
          if (verdict.kept > 0) awarenessProtocol.applyAwarenessUpdate(doc.awareness, verdict.update, this);
          return;
        }
        case "query-awareness":
          this.send(encodeMessage.awareness(doc.awareness, [...doc.awareness.getStates().keys()]));
          return;
      }
    } catch (error) {
      const why = error instanceof ProtocolError ? error.message : `could not apply: ${(error as Error).message}`;
      this.reject(CloseCodes.badMessage, why);
    }
  }

  /** Offers an update (after any held ones) to the document's write rules. */
  private write(doc: HostedDocument, update: Uint8Array) {
    const offered = this.held ? Y.mergeUpdates([this.held, update]) : update;
    const admission = doc.receive(offered, this, {
      userId: this.identity.userId,
      userName: this.userName,
      canWrite: true,
      isFacilitator: this.identity.isFacilitator,
    });
    if (admission.kind === "accept") {
      this.held = null;
      this.heldFrames = 0;
      return;
    }
    if (
      admission.kind === "hold" &&
      ++this.heldFrames <= MAX_HELD_FRAMES &&
      offered.byteLength <= this.limits.maxMessageBytes
    ) {
      this.held = offered;
      this.onHeld();
      return;
    }
    const why = admission.kind === "refuse" ? admission.why : "Changes arrived without the edits they follow.";
    this.onRefused(why);
    this.refuse(why);
  }

  /** A well-formed message that asks for something this person may not do: dropped, and the page is told. */
  private refuse(why: string) {
    this.logger.warn("collab change refused", { ...this.identity, why });
    this.close(CloseCodes.refused, why);
  }

  private reject(code: number, why: string) {
    this.logger.warn("collab connection closed: bad input", { ...this.identity, code, why });
    this.close(code, why);
  }
}
