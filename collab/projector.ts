import type { Logger } from "../app/kernel/logger";
import type { ProjectionRow } from "../db/queries/document-projections";
import { parseDocumentName } from "./doc-names";
import { isProjected, projectors } from "./documents/projections";
import type { HostedDocument } from "./hosted-document";

/** Where projections go (the database in the app; a spy in tests). */
export type ProjectionSink = {
  save(row: ProjectionRow): Promise<void>;
  /** Forgets a projection, so the next page read projects the stored log afresh. */
  drop(docName: string): Promise<void>;
};

/**
 * Other work that follows a document's durable writes with the same lifecycle as its projection:
 * due after a save, done before the document unloads, dropped with unsaved edits (mention
 * notifications, collab/mentions.ts). The registry knows only the projector, so it passes these on.
 */
export type StoredFollower = {
  schedule(doc: HostedDocument): void;
  flush(doc: HostedDocument): Promise<void>;
  discard(doc: HostedDocument): Promise<void>;
};

/**
 * Keeps the projections of hosted documents in SQL. A durable write makes a projection due at most
 * `delayMs` later (writes in between join the same run), computed from the live Y.Doc, off the
 * broadcast path. A failed write is logged and tried again after another `delayMs` while the
 * document is open; it never touches the document or its clients.
 */
export class DocumentProjector {
  private readonly due = new Map<HostedDocument, NodeJS.Timeout>();
  private readonly running = new Map<HostedDocument, Promise<void>>();
  private readonly leaving = new WeakSet<HostedDocument>();

  constructor(
    private readonly sink: ProjectionSink,
    private readonly delayMs: number,
    private readonly logger: Logger,
    private readonly followers: readonly StoredFollower[] = [],
  ) {}

  /** Called after each durable write: the document's projection is written within `delayMs`. */
  schedule(doc: HostedDocument) {
    for (const follower of this.followers) follower.schedule(doc);
    if (this.due.has(doc) || this.leaving.has(doc)) return;
    const kind = parseDocumentName(doc.name)?.kind;
    if (!kind || !isProjected(kind)) return;
    const timer = setTimeout(() => {
      this.due.delete(doc);
      void this.run(doc);
    }, this.delayMs);
    timer.unref();
    this.due.set(doc, timer);
  }

  /** The document is unloading: write a projection still due now, and wait for one in progress. */
  async flush(doc: HostedDocument) {
    await Promise.all(this.followers.map((follower) => follower.flush(doc)));
    this.leaving.add(doc);
    const timer = this.due.get(doc);
    this.due.delete(doc);
    if (timer) {
      clearTimeout(timer);
      await this.run(doc);
    } else await this.running.get(doc);
  }

  /**
   * The document is dropped with edits that could not be saved: its live state is not what is
   * stored, so the projection is dropped and the next page read projects the stored log.
   */
  async discard(doc: HostedDocument) {
    await Promise.all(this.followers.map((follower) => follower.discard(doc)));
    this.leaving.add(doc);
    clearTimeout(this.due.get(doc));
    this.due.delete(doc);
    await this.running.get(doc);
    await this.sink
      .drop(doc.name)
      .catch((error) => this.logger.warn("could not drop the document's projection", { doc: doc.name, error }));
  }

  /** Runs one projection after any run in progress, so one document's rows are written in order. */
  private run(doc: HostedDocument): Promise<void> {
    const next = (this.running.get(doc) ?? Promise.resolve()).then(() => this.write(doc));
    this.running.set(doc, next);
    void next.finally(() => {
      if (this.running.get(doc) === next) this.running.delete(doc);
    });
    return next;
  }

  private async write(doc: HostedDocument) {
    const kind = parseDocumentName(doc.name)!.kind;
    if (!isProjected(kind)) return;
    const { version, project } = projectors[kind];
    // Never project a document that holds a refused update while it is rebuilt.
    await doc.settled();
    try {
      await this.sink.save({
        docName: doc.name,
        kind,
        version,
        fields: project(doc.doc),
        throughUpdateId: doc.lastStoredId,
      });
    } catch (error) {
      this.logger.warn("could not store the document's projection", { doc: doc.name, error });
      this.schedule(doc);
    }
  }
}
