import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Logger } from "../app/kernel/logger";
import { parseDocumentName } from "./doc-names";
import type { Writer } from "./documents/guard-kit";
import { documentGuards } from "./documents/guards";
import { encodeMessage, type DeleteSet } from "./messages";
import { recordLatency, type CollabMetrics } from "./metrics";
import type { ClientOwner, CollabStore } from "./store";
import { WriteGuard, type Admission } from "./write-guard";

/** What a hosted document needs from a connection. */
export type Peer = {
  send(frame: Uint8Array): void;
  /** Whether this peer asked for "saved" messages. */
  wantsSaved: boolean;
  close(code: number, reason: string): void;
};

export type PersistenceOptions = {
  /** How long the first pending update waits for others to join its batch. */
  flushDelayMs: number;
  /** Fold the log into the snapshot once it holds this many rows. */
  compactAfterRows: number;
  /** Retries of a failed append before the document gives up and closes its clients. */
  maxRetries: number;
  /**
   * At most one "saved" message per document per this many ms. It only drives the editor's
   * "Saved" label, and sending it to every peer after every batch doubled the fan-out p95
   * (docs/performance.md). The newest durable state is always what is sent.
   */
  savedIntervalMs: number;
  /** The largest a document may grow to (its encoded state, in bytes); beyond it nothing is added. */
  maxDocumentBytes: number;
  /** Check every peer's update against the kind's write rules (ADR 024). Off only for a benchmark's baseline. */
  checkWrites: boolean;
};

/**
 * One open document: the Y.Doc, its awareness, its peers, and the write-behind persistence.
 * Updates are broadcast at once and appended in batches; "saved" is sent only after the append
 * is durable. A batch that fails is put back in front and retried; only after `maxRetries` does the
 * document give up (`onStorageFailure`), and its clients reconnect and send their edits again.
 */
export class HostedDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Map<Peer, Set<number>>();
  private pending: Array<{ update: Uint8Array; at: number }> = [];
  /** Editor ids claimed by updates in `pending`, stored with them. */
  private pendingOwners: ClientOwner[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<number | void> | null = null;
  private compacting: Promise<void> | null = null;
  private failures = 0;
  private logRows = 0;
  private destroyed = false;
  /** The id of the last log row this document appended (0 until it appends; 0 too for a store without ids). */
  lastStoredId = 0;
  /** State vector of everything known to be in the database. */
  persistedStateVector: Uint8Array = new Uint8Array([0]);
  /** Deletions known to be in the database (a deletion does not move the state vector). */
  private persistedDeletions: DeleteSet = Y.createDeleteSetFromStructStore(new Y.Doc().store);
  private savedFrame: Uint8Array | null = null;
  private savedTimer: NodeJS.Timeout | null = null;
  private savedSentAt = -Infinity;
  /** The kind's write rules, checked on every update from a peer (null for a name that is no kind's). */
  private guard: WriteGuard | null = null;
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
    this.logRows = logRows;
    this.persistedStateVector = Y.encodeStateVector(this.doc);
    this.persistedDeletions = Y.createDeleteSetFromStructStore(this.doc.store);
    const kind = parseDocumentName(this.name)?.kind;
    if (kind && this.options.checkWrites)
      this.guard = new WriteGuard(
        this.doc,
        documentGuards[kind],
        { maxDocumentBytes: this.options.maxDocumentBytes },
        owners,
      );
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) =>
      this.onAwareness([...added, ...updated, ...removed], origin),
    );
  }

  /**
   * An update from a peer: checked against the kind's write rules first, applied only if every
   * part of it is allowed. On "hold" nothing is applied; the peer offers it again with what follows.
   */
  receive(update: Uint8Array, peer: Peer, writer: Writer): Admission {
    const admission = this.guard?.admit(update, writer) ?? { kind: "accept", claimed: [] };
    if (admission.kind === "accept") {
      for (const clientId of admission.claimed) this.pendingOwners.push({ clientId, userId: writer.userId });
      Y.applyUpdate(this.doc, update, peer);
    }
    return admission;
  }

  private onUpdate(update: Uint8Array, origin: unknown) {
    // Changes made on the server itself (a new document's first fields) reach the guard's copy here.
    if (!this.peers.has(origin as Peer)) this.guard?.mirror(update);
    const frame = encodeMessage.update(update);
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(frame);
    this.pending.push({ update, at: performance.now() });
    this.timer ??= setTimeout(() => void this.flush().catch(() => {}), this.options.flushDelayMs);
  }

  private onAwareness(changed: number[], origin: unknown) {
    const controlled = this.peers.get(origin as Peer);
    if (controlled) {
      for (const id of changed) {
        if (this.awareness.states.has(id)) controlled.add(id);
        else controlled.delete(id);
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
    peer.send(encodeMessage.syncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) peer.send(encodeMessage.awareness(this.awareness, states));
    if (peer.wantsSaved) peer.send(this.currentSavedFrame());
  }

  /** The "saved" message for the current durable state (built once per flush). */
  private currentSavedFrame(): Uint8Array {
    this.savedFrame ??= encodeMessage.saved(this.persistedStateVector, this.persistedDeletions);
    return this.savedFrame;
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
    if (controlled?.size) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
    return this.peers.size;
  }

  /** Whether edits are waiting to be written. */
  get hasUnsaved() {
    return this.pending.length > 0 || this.flushing !== null;
  }

  /** Writes everything pending now (and waits for a write in progress). Rejects if storage fails. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing) await this.flushing.catch(() => {});
    if (this.pending.length === 0 || this.destroyed) return;
    const batch = this.pending;
    const owners = this.pendingOwners;
    this.pending = [];
    this.pendingOwners = [];
    // Taken before the write: every update up to this state vector is in `batch` or already stored.
    const stateVector = Y.encodeStateVector(this.doc);
    const merged = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((b) => b.update));
    this.flushing = this.store.append(this.name, merged, owners);
    try {
      const id = await this.flushing;
      if (typeof id === "number") this.lastStoredId = Math.max(this.lastStoredId, id);
    } catch (error) {
      this.flushing = null;
      this.pending = batch.concat(this.pending);
      this.pendingOwners = owners.concat(this.pendingOwners);
      this.metrics.persistFailures++;
      this.failures++;
      this.logger.error("could not save document changes", { doc: this.name, attempt: this.failures, error });
      if (this.failures > this.options.maxRetries) {
        this.onStorageFailure(error);
        throw error;
      }
      this.timer ??= setTimeout(() => void this.flush().catch(() => {}), Math.min(5000, 100 * 2 ** this.failures));
      return;
    }
    this.flushing = null;
    this.failures = 0;
    this.logRows++;
    const now = performance.now();
    for (const b of batch) recordLatency(this.metrics, now - b.at);
    this.metrics.updatesPersisted += batch.length;
    this.metrics.persistBatches++;
    this.persistedStateVector = stateVector;
    this.persistedDeletions = Y.mergeDeleteSets([this.persistedDeletions, Y.decodeUpdate(merged).ds]);
    this.savedFrame = null;
    this.announceSaved();
    this.onStored();
    if (this.logRows >= this.options.compactAfterRows) void this.compact();
    if (this.pending.length && !this.timer)
      this.timer = setTimeout(() => void this.flush().catch(() => {}), this.options.flushDelayMs);
  }

  /** Sends "saved" now, or once the interval since the last one has passed (leading and trailing edge). */
  private announceSaved() {
    if (this.savedTimer || this.destroyed) return;
    const wait = this.savedSentAt + this.options.savedIntervalMs - performance.now();
    if (wait > 0) {
      this.savedTimer = setTimeout(() => {
        this.savedTimer = null;
        this.sendSaved();
      }, wait);
      return;
    }
    this.sendSaved();
  }

  private sendSaved() {
    if (this.destroyed) return;
    this.savedSentAt = performance.now();
    let saved: Uint8Array | null = null;
    for (const peer of this.peers.keys()) if (peer.wantsSaved) peer.send((saved ??= this.currentSavedFrame()));
  }

  /** Writes until nothing is pending, backing off between failed attempts; rejects once retries run out. */
  async flushAll() {
    while (this.hasUnsaved) {
      const before = this.failures;
      await this.flush();
      if (this.failures > before) await new Promise((r) => setTimeout(r, Math.min(5000, 100 * 2 ** this.failures)));
    }
  }

  /** Folds the log into the snapshot (in the background; a failure only delays it). */
  compact(): Promise<void> {
    this.compacting ??= this.store
      .compact(this.name)
      .then((folded) => {
        this.logRows = Math.max(0, this.logRows - folded);
      })
      .catch((error) => this.logger.warn("could not compact document", { doc: this.name, error }))
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  /** Stops timers and frees the Y.Doc. Call after the last flush. */
  async destroy() {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.savedTimer) clearTimeout(this.savedTimer);
    await this.compacting;
    this.awareness.destroy();
    this.guard?.destroy();
    this.doc.destroy();
  }
}
