import type { Logger } from "../app/kernel/logger";
import { HostedDocument, type PersistenceOptions } from "./hosted-document";
import type { CollabMetrics } from "./metrics";
import type { DocumentProjector } from "./projector";
import type { CollabStore } from "./store";

type Entry = {
  loading: Promise<HostedDocument>;
  doc: HostedDocument | null;
  unloadTimer: NodeJS.Timeout | null;
  unloading: Promise<void> | null;
};

/**
 * The open documents of this process. A document is loaded once (concurrent first connections
 * share the same load), unloaded a short grace after its last peer leaves, and flushed before it
 * goes. A failed load leaves nothing behind, so the next connection tries afresh.
 */
export class DocumentRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: CollabStore,
    private readonly persistence: PersistenceOptions,
    private readonly unloadGraceMs: number,
    private readonly logger: Logger,
    private readonly metrics: CollabMetrics,
    private readonly onStorageFailure: (doc: HostedDocument) => void,
    private readonly projector: DocumentProjector | null = null,
  ) {}

  /** The loaded document, loading it if needed. Rejects if it cannot be loaded. */
  async acquire(name: string, init: (doc: HostedDocument) => void): Promise<HostedDocument> {
    for (;;) {
      const entry = this.entries.get(name);
      if (entry?.unloading) {
        await entry.unloading;
        continue;
      }
      if (entry) {
        if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
        entry.unloadTimer = null;
        return entry.loading;
      }
      const created: Entry = { loading: this.load(name, init), doc: null, unloadTimer: null, unloading: null };
      this.entries.set(name, created);
      created.loading.then(
        (doc) => {
          created.doc = doc;
        },
        () => {
          if (this.entries.get(name) === created) this.entries.delete(name);
        },
      );
      return created.loading;
    }
  }

  private async load(name: string, init: (doc: HostedDocument) => void) {
    const doc = new HostedDocument(name, this.store, this.persistence, this.logger, this.metrics);
    const started = performance.now();
    try {
      await doc.load();
    } catch (error) {
      await doc.destroy();
      this.logger.error("could not load document", { doc: name, error });
      throw error;
    }
    doc.onStorageFailure = () => this.onStorageFailure(doc);
    const projector = this.projector;
    if (projector) doc.onStored = () => projector.schedule(doc);
    init(doc);
    this.metrics.openDocuments++;
    this.logger.debug("document loaded", { doc: name, ms: Math.round(performance.now() - started) });
    return doc;
  }

  /** Called when a document's last peer has left: unload after the grace period. */
  scheduleUnload(name: string) {
    const entry = this.entries.get(name);
    if (!entry?.doc || entry.unloading || entry.doc.peers.size > 0) return;
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    entry.unloadTimer = setTimeout(() => {
      // Someone may have joined since: then the document stays.
      if (entry.doc && entry.doc.peers.size === 0) void this.unload(name);
    }, this.unloadGraceMs);
  }

  /** Flushes (unless `discard`) and frees a document. */
  unload(name: string, discard = false): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry?.doc) return Promise.resolve();
    if (entry.unloading) return entry.unloading;
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    entry.unloadTimer = null;
    const doc = entry.doc;
    entry.unloading = (async () => {
      let saved = !discard;
      try {
        if (!discard) await doc.flushAll();
      } catch (error) {
        saved = false;
        this.logger.error("document unloaded with changes that could not be saved", { doc: name, error });
      } finally {
        // The last projection is written from the live document before it is freed.
        if (saved) await this.projector?.flush(doc);
        else await this.projector?.discard(doc);
        await doc.destroy();
        this.entries.delete(name);
        this.metrics.openDocuments--;
      }
    })();
    return entry.unloading;
  }

  /** The loaded documents. */
  loaded(): HostedDocument[] {
    return [...this.entries.values()].flatMap((e) => (e.doc ? [e.doc] : []));
  }

  /** Waits for loads in progress, then flushes and frees everything (graceful shutdown). */
  async unloadAll() {
    await Promise.allSettled([...this.entries.values()].map((e) => e.loading));
    await Promise.all([...this.entries.keys()].map((name) => this.unload(name)));
  }
}
