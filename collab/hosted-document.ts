import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Logger } from "../app/kernel/logger";
import { parseDocumentName } from "./doc-names";
import type { Writer } from "./documents/guard-kit";
import { documentGuards } from "./documents/guards";
import { encodeMessage } from "./messages";
import type { CollabMetrics } from "./metrics";
import type { ClientOwner, CollabStore } from "./store";
import { PresenceBook } from "./presence";
import { WriteBehind, type WriteBehindOptions } from "./write-behind";
import { WriteGuard, type Admission } from "./write-guard";

/** What a hosted document needs from a connection. */
export type Peer = {
  send(frame: Uint8Array): void;
  /** Whether this peer asked for "saved" messages. */
  wantsSaved: boolean;
  close(code: number, reason: string): void;
  /** The document can take this peer's frames again (it held them while it was rebuilt). */
  wake?(): void;
  /** The person behind the peer (presence ids are bound to people). */
  readonly personId?: string;
};

export type PersistenceOptions = WriteBehindOptions & {
  /** The largest a document may grow to (its encoded state, in bytes); beyond it nothing is added. */
  maxDocumentBytes: number;
  /** Check every peer's update against the kind's write rules (ADR 024). Off only for a benchmark's baseline. */
  checkWrites: boolean;
};

/**
 * One open document: the Y.Doc, its awareness, its peers, its write rules and its write-behind
 * persistence (`write-behind.ts`). A peer's update is checked and applied at once (ADR 024),
 * broadcast only once accepted, and appended in batches; "saved" is sent only after the append is
 * durable.
 */
export class HostedDocument {
  /** Replaced, never mutated back, when a refused update spoiled it (see `rebuild`). */
  doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Map<Peer, Set<number>>();
  /** Set while the document is rebuilt after a refused update; peers' frames wait for it. */
  rebuilding: Promise<void> | null = null;
  /** Peers that joined during a rebuild: they are sent the document once it is whole again. */
  private joining = new Set<Peer>();
  /** The update Yjs emitted for the peer update being checked: passed on only once it is accepted. */
  private admitted: { origin: object; update: Uint8Array | null; transaction: Y.Transaction | null } | null = null;
  private readonly transactionListeners = new Set<(tr: Y.Transaction) => void>();
  /** Whose presence each client id is (see `presence.ts`). */
  readonly presence = new PresenceBook(this.awareness);
  /** The write-behind persistence (from the load on). */
  private saving: WriteBehind | null = null;
  private destroyed = false;
  /** The kind's write rules, checked on every update from a peer (null for a name that is no kind's). */
  private guard: WriteGuard | null = null;
  /** Storage failed for good (a save after its retries, or a rebuild's read): the registry drops the document. */
  onStorageFailure: (error: unknown) => void = () => {};
  /** Called after each durable write, once "saved" is on its way (the projection hangs off this). */
  onStored: () => void = () => {};

  constructor(
    readonly name: string,
    private readonly store: CollabStore,
    private readonly options: PersistenceOptions,
    private readonly logger: Logger,
    private readonly metrics: CollabMetrics,
  ) {
    this.awareness.setLocalState(null);
  }

  /** Loads the stored state, then starts broadcasting and persisting changes. */
  async load() {
    const [{ logRows }, owners] = await Promise.all([
      this.store.load(this.name, this.doc),
      this.store.owners?.(this.name) ?? new Map<number, string>(),
    ]);
    this.saving = new WriteBehind(this.name, this.store, this.options, this.logger, this.metrics, this, logRows);
    const kind = parseDocumentName(this.name)?.kind;
    if (kind && this.options.checkWrites)
      this.guard = this.presence.editors = new WriteGuard(
        this.doc,
        documentGuards[kind],
        { maxDocumentBytes: this.options.maxDocumentBytes },
        owners,
      );
    this.listen(this.doc);
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) =>
      this.onAwareness([...added, ...updated, ...removed], origin),
    );
  }

  /**
   * An update from a peer: checked against the kind's write rules first, applied only if every
   * part of it is allowed. On "hold" nothing is applied; the peer offers it again with what follows.
   */
  receive(update: Uint8Array, peer: Peer, writer: Writer): Admission {
    if (!this.guard) {
      Y.applyUpdate(this.doc, update, peer);
      return { kind: "accept", claimed: [] };
    }
    const admitting = {
      origin: peer as object,
      update: null as Uint8Array | null,
      transaction: null as Y.Transaction | null,
    };
    this.admitted = admitting;
    let admission: Admission;
    try {
      admission = this.guard.admit(update, writer, peer);
    } finally {
      this.admitted = null;
    }
    if (admission.kind === "accept") {
      const owners = admission.claimed.map((clientId) => ({ clientId, userId: writer.userId }));
      if (admitting.transaction) for (const listener of this.transactionListeners) listener(admitting.transaction);
      if (admitting.update) this.publish(admitting.update, peer, owners);
    } else if (admission.kind === "refuse" && admission.spoiled) {
      this.metrics.rebuilds++;
      void this.rebuild();
    }
    return admission;
  }

  /** Attaches this document's listeners to a Y.Doc (the first one, or the one rebuilt in its place). */
  private listen(doc: Y.Doc) {
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (doc !== this.doc) return;
      // A peer's update waits for its verdict in `receive`; anything else is the server's own.
      if (this.admitted && origin === this.admitted.origin) {
        this.admitted.update = update;
        return;
      }
      this.guard?.grew(update.byteLength);
      this.publish(update, origin);
    });
    doc.on("afterTransaction", (tr: Y.Transaction) => {
      if (doc !== this.doc) return;
      if (this.admitted && tr.origin === this.admitted.origin) {
        this.admitted.transaction = tr;
        return;
      }
      for (const listener of this.transactionListeners) listener(tr);
    });
  }

  /**
   * Calls `listener` after every transaction that is applied for good (not one the write rules
   * are still checking), on this document and on any rebuilt in its place.
   */
  onTransaction(listener: (tr: Y.Transaction) => void) {
    this.transactionListeners.add(listener);
  }

  /** Resolves when the document is whole (at once, unless a refused update is being undone). */
  async settled(): Promise<void> {
    while (this.rebuilding) await this.rebuilding;
  }

  /**
   * Replaces a document that holds a refused update with one built from what was accepted: the
   * stored log plus the writes still pending. Peers' frames wait meanwhile (nothing refused was
   * sent to them, so they need nothing new). If storage cannot be read, the document gives up as
   * on a failed save: clients reconnect and send their edits again.
   */
  private rebuild(): Promise<void> {
    this.rebuilding ??= (async () => {
      const started = performance.now();
      try {
        await this.saving?.idle();
        const fresh = new Y.Doc({ gc: true });
        await this.store.load(this.name, fresh);
        fresh.transact(() => {
          for (const update of this.saving?.pendingUpdates() ?? []) Y.applyUpdate(fresh, update);
        }, "load");
        if (this.destroyed) return;
        this.doc = fresh;
        // The server keeps no presence of its own, so the awareness only needs to follow the document.
        this.awareness.doc = fresh;
        this.listen(fresh);
        this.guard?.useDocument(fresh);
        this.logger.info("document rebuilt after a refused change", {
          doc: this.name,
          ms: Math.round(performance.now() - started),
        });
      } catch (error) {
        this.logger.error("could not rebuild document after a refused change", { doc: this.name, error });
        this.onStorageFailure(error);
      } finally {
        this.rebuilding = null;
      }
      const joining = [...this.joining];
      this.joining.clear();
      for (const peer of joining) if (this.peers.has(peer)) this.greet(peer);
      for (const peer of this.peers.keys()) peer.wake?.();
    })();
    return this.rebuilding;
  }

  private publish(update: Uint8Array, origin: unknown, owners: readonly ClientOwner[] = []) {
    const frame = encodeMessage.update(update);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
    this.saving?.push(update, owners);
  }

  private onAwareness(changed: number[], origin: unknown) {
    const controlled = this.peers.get(origin as Peer);
    if (controlled) {
      for (const id of changed) {
        if (this.awareness.states.has(id)) {
          controlled.add(id);
          this.presence.record(id, (origin as Peer).personId);
        } else if (controlled.delete(id)) this.presence.left([id]);
      }
    }
    // Sent to everyone, the sender too: a lone client hears its own renewals, which keeps its
    // 30-second "no message received" watchdog from reconnecting.
    const frame = encodeMessage.awareness(this.awareness, changed);
    for (const peer of this.peers.keys()) peer.send(frame);
  }

  /** Adds a peer and starts the sync (server state vector, presence, and what is already saved). */
  addPeer(peer: Peer) {
    this.peers.set(peer, new Set());
    this.presence.joined(peer);
    if (this.rebuilding) this.joining.add(peer);
    else this.greet(peer);
  }

  private greet(peer: Peer) {
    peer.send(encodeMessage.syncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) peer.send(encodeMessage.awareness(this.awareness, states));
    if (peer.wantsSaved && this.saving) peer.send(this.saving.savedMessage());
  }

  /** The peer whose presence uses this Yjs client id, if any. */
  controllerOf(clientId: number): Peer | undefined {
    for (const [peer, ids] of this.peers) if (ids.has(clientId)) return peer;
    return undefined;
  }

  /** Removes a peer and the presence it controlled. Returns how many peers remain. */
  removePeer(peer: Peer): number {
    const controlled = this.peers.get(peer);
    this.peers.delete(peer);
    this.joining.delete(peer);
    if (controlled?.size) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
      this.presence.left(controlled);
    }
    return this.peers.size;
  }

  /** The current state vector (for the write-behind: every update up to it is pending or stored). */
  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }

  /** Whether edits are waiting to be written. */
  get hasUnsaved() {
    return this.saving?.hasUnsaved ?? false;
  }

  /** Writes everything pending now (and waits for a write in progress). Rejects if storage fails. */
  flush(): Promise<void> {
    return this.saving?.flush() ?? Promise.resolve();
  }

  /** Writes until nothing is pending; rejects once retries run out. */
  flushAll(): Promise<void> {
    return this.saving?.flushAll() ?? Promise.resolve();
  }

  /** State vector of everything known to be in the database. */
  get persistedStateVector(): Uint8Array {
    return this.saving?.persistedStateVector ?? new Uint8Array([0]);
  }

  /** The id of the last log row this document appended. */
  get lastStoredId(): number {
    return this.saving?.lastStoredId ?? 0;
  }

  /** Stops timers and frees the Y.Doc. Call after the last flush. */
  async destroy() {
    this.destroyed = true;
    await this.saving?.destroy();
    await this.rebuilding;
    this.awareness.destroy();
    this.doc.destroy();
  }
}
