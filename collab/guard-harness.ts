import * as Y from "yjs";
import type { DocumentKind } from "./doc-names";
import type { Writer } from "./documents/guard-kit";
import { documentGuards } from "./documents/guards";
import { initDocument } from "./documents/index";
import { WriteGuard } from "./write-guard";

const REMOTE = Symbol("remote");

/**
 * A server copy of a document behind its write rules, and clients that edit it with the kind's
 * own functions, as the pages do (for tests). Every local change of a client is offered to the
 * guard; accepted, it reaches every other client; refused, it is recorded, and a server copy
 * that took it is rebuilt from what was accepted (as the server rebuilds from its log).
 */
export class GuardedRoom {
  server = new Y.Doc();
  readonly guard: WriteGuard;
  /** What the server copy accepted, in order: the log a rebuild replays. */
  private readonly log: Uint8Array[] = [];
  readonly refusals: Array<{ userId: string; why: string }> = [];
  private readonly clients = new Set<Y.Doc>();
  /** Clients whose change was refused: the server closed their connection, so nothing more arrives from them. */
  private readonly closed = new Set<Y.Doc>();

  constructor(kind: DocumentKind, maxDocumentBytes = 8_000_000) {
    initDocument[kind](this.server);
    this.log.push(Y.encodeStateAsUpdate(this.server));
    this.guard = new WriteGuard(this.server, documentGuards[kind], { maxDocumentBytes });
  }

  /** A client of `writer`, synced with the server; its edits go through the guard. */
  join(writer: Partial<Writer> & { userId: string }): Y.Doc {
    const who: Writer = { userName: `${writer.userId} name`, canWrite: true, isFacilitator: false, ...writer };
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.server), REMOTE);
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || this.closed.has(doc)) return;
      if (this.offer(update, who, doc).kind === "refuse") this.closed.add(doc);
    });
    this.clients.add(doc);
    return doc;
  }

  /** Offers raw bytes as `writer` (a modified client). Returns the guard's answer. */
  offer(update: Uint8Array, writer: Writer, from?: Y.Doc) {
    const admission = this.guard.admit(update, writer, writer);
    if (admission.kind === "refuse") {
      this.refusals.push({ userId: writer.userId, why: admission.why });
      if (admission.spoiled) this.rebuild();
    }
    if (admission.kind !== "accept") return admission;
    this.log.push(update);
    for (const c of this.clients) if (c !== from) Y.applyUpdate(c, update, REMOTE);
    return admission;
  }

  private rebuild() {
    this.server = new Y.Doc();
    this.server.transact(() => {
      for (const update of this.log) Y.applyUpdate(this.server, update);
    });
    this.guard.useDocument(this.server);
  }

  /** A writer as the guard sees them (the name pages stamp is "<id> name" here). */
  static writer(userId: string, isFacilitator = false): Writer {
    return { userId, userName: `${userId} name`, canWrite: true, isFacilitator };
  }
}
