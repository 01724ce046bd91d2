import * as Y from "yjs";
import type { Logger } from "../app/kernel/logger";
import { encodeMessage, type DeleteSet } from "./messages";
import { recordLatency, type CollabMetrics } from "./metrics";
import type { ClientOwner, CollabStore } from "./store";

/** What the write-behind needs to know about the document it saves (the hosted document). */
export type WriteBehindHost = {
  readonly doc: Y.Doc;
  /** The document's current state vector (every update up to it is pending or stored). */
  stateVector(): Uint8Array;
  /** Who to tell when changes are durable. */
  readonly peers: Map<{ wantsSaved: boolean; send(frame: Uint8Array): void }, unknown>;
  /** Set while the document is rebuilt: no batch is written meanwhile. */
  readonly rebuilding: Promise<void> | null;
  /** Storage failed for good: the document is dropped and its clients reconnect. */
  onStorageFailure(error: unknown): void;
  /** Called after each durable write, once "saved" is on its way. */
  onStored(): void;
};

export type WriteBehindOptions = {
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
};

/**
 * A document's write-behind persistence. Accepted updates are appended in batches; "saved" is
 * sent only after the append is durable. A batch that fails is put back in front and retried; only
 * after `maxRetries` does it give up (`onStorageFailure`), and the clients reconnect and send their
 * edits again.
 */
export class WriteBehind {
  private pending: Array<{ update: Uint8Array; at: number }> = [];
  /** Editor ids claimed by updates in `pending`, stored with them. */
  private pendingOwners: ClientOwner[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<number | void> | null = null;
  private compacting: Promise<void> | null = null;
  private failures = 0;
  private destroyed = false;
  /** The id of the last log row appended (0 until one is; 0 too for a store without ids). */
  lastStoredId = 0;
  /** State vector of everything known to be in the database. */
  persistedStateVector: Uint8Array = new Uint8Array([0]);
  /** Deletions known to be in the database (a deletion does not move the state vector). */
  private persistedDeletions: DeleteSet = Y.createDeleteSetFromStructStore(new Y.Doc().store);
  private savedFrame: Uint8Array | null = null;
  private savedTimer: NodeJS.Timeout | null = null;
  private savedSentAt = -Infinity;
  constructor(
    private readonly name: string,
    private readonly store: CollabStore,
    private readonly options: WriteBehindOptions,
    private readonly logger: Logger,
    private readonly metrics: CollabMetrics,
    private readonly host: WriteBehindHost,
    /** Rows in the log when the document was loaded. */
    private logRows: number,
  ) {
    this.persistedStateVector = host.stateVector();
    this.persistedDeletions = Y.createDeleteSetFromStructStore(host.doc.store);
  }

  /** The "saved" message for the current durable state (built once per flush). */
  savedMessage(): Uint8Array {
    this.savedFrame ??= encodeMessage.saved(this.persistedStateVector, this.persistedDeletions);
    return this.savedFrame;
  }

  /** Queues an accepted update (with the editor ids it claimed) for the next batch. */
  push(update: Uint8Array, owners: readonly ClientOwner[] = []) {
    this.pending.push({ update, at: performance.now() });
    this.pendingOwners.push(...owners);
    this.timer ??= setTimeout(() => void this.flush().catch(() => {}), this.options.flushDelayMs);
  }

  /** The accepted updates not yet written, oldest first. */
  pendingUpdates(): Uint8Array[] {
    return this.pending.map((p) => p.update);
  }

  /** Waits for a write in progress (a rebuild must read the log after it). */
  async idle() {
    while (this.flushing) await this.flushing.catch(() => {});
  }

  /** Whether edits are waiting to be written. */
  get hasUnsaved() {
    return this.pending.length > 0 || this.flushing !== null;
  }

  /** Writes everything pending now (and waits for a write in progress). Rejects if storage fails. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A rebuild reads the pending writes, and the document's state vector is only right once it is whole.
    for (;;) {
      const busy = this.flushing ?? this.host.rebuilding;
      if (!busy) break;
      await busy.catch(() => {});
    }
    if (this.pending.length === 0 || this.destroyed) return;
    const batch = this.pending;
    const owners = this.pendingOwners;
    this.pending = [];
    this.pendingOwners = [];
    // Taken before the write: every update up to this state vector is in `batch` or already stored.
    const stateVector = this.host.stateVector();
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
        this.host.onStorageFailure(error);
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
    this.host.onStored();
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
    for (const peer of this.host.peers.keys()) if (peer.wantsSaved) peer.send((saved ??= this.savedMessage()));
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

  /** Stops the timers and waits for a compaction in progress. Call after the last flush. */
  async destroy() {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.savedTimer) clearTimeout(this.savedTimer);
    await this.compacting;
  }
}
