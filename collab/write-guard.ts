import * as Y from "yjs";
import { collectChanges } from "./documents/changes";
import { insertedItems, richTextItemError } from "./documents/rich-text";
import type { DocGuard, Verdict, Writer } from "./documents/guard-kit";

export type GuardOptions = {
  /** The largest a document may grow to, in bytes of its encoded state. */
  maxDocumentBytes: number;
};

/** What the guard made of an update: it was applied, it must wait for the rest of the writer's history, or it is refused whole. */
export type Admission =
  /** `claimed`: the editor ids this update was the first to write under (to be stored with it). */
  | { kind: "accept"; claimed: number[] }
  | { kind: "hold" }
  /**
   * `spoiled`: the update had been applied when its changes were refused, so the document now holds
   * it; the caller must not pass it on, and must rebuild the document from what it accepted before.
   */
  | { kind: "refuse"; why: string; spoiled: boolean };

/**
 * The server's check of every incoming update (ADR 024). An update is applied to the document
 * inside a transaction whose origin is the writer; before any observer runs, what Yjs reports as
 * changed is checked against the kind's write rules. Nothing is broadcast or stored until the
 * verdict is in (the caller holds the update Yjs emits). Accepted, that is the whole cost: one
 * apply, as without rules. Refused after applying, the document is "spoiled" and the caller
 * rebuilds it from the stored log and its pending writes: O(document), but only on a refusal, which
 * an honest client never causes. (An earlier design applied every update twice, to a shadow copy
 * first; it cost 1.2× in fan-out p95 — docs/performance.md.)
 */
export class WriteGuard {
  /** Which person first wrote under each Yjs client id (stored with the updates, loaded with the document). */
  private readonly clientOwners: Map<number, string>;
  /** An upper bound on the encoded state's size: exact after a rebuild, then grown by each accepted update. */
  private approxBytes = 0;

  constructor(
    private doc: Y.Doc,
    private readonly rules: DocGuard,
    private readonly options: GuardOptions,
    owners: ReadonlyMap<number, string> = new Map(),
  ) {
    this.clientOwners = new Map(owners);
    this.useDocument(doc);
  }

  /** Checks the document that replaced a spoiled one from now on. */
  useDocument(doc: Y.Doc) {
    this.doc = doc;
    // Fixed map roots are typed before anything arrives, so the rules can read them as maps.
    for (const root of this.rules.mapRoots) doc.getMap(root);
    this.approxBytes = Y.encodeStateAsUpdate(doc).byteLength;
  }

  /** The person who first wrote under this editor id, if anyone has. */
  ownerOf(clientId: number): string | undefined {
    return this.clientOwners.get(clientId);
  }

  /** Counts a change made on the server itself (not through `admit`) towards the size limit. */
  grew(bytes: number) {
    this.approxBytes += bytes;
  }

  /**
   * Checks an update from `writer` and, unless it must wait or is refused before reading it,
   * applies it with `origin`. "hold": the update continues a history the server has not yet
   * received (a client's own edits from before a reconnect, racing its sync); nothing is applied,
   * and the caller offers it again, merged with what comes next.
   */
  admit(update: Uint8Array, writer: Writer, origin: object, now = Date.now()): Admission {
    const meta = Y.parseUpdateMeta(update);
    const adds: number[] = [];
    for (const [client, from] of meta.from) {
      const known = Y.getState(this.doc.store, client);
      if (from > known) return { kind: "hold" };
      if ((meta.to.get(client) ?? 0) > known) adds.push(client);
    }
    for (const client of adds) {
      const owner = this.clientOwners.get(client);
      if (owner !== undefined && owner !== writer.userId)
        return { kind: "refuse", why: "Changes were sent under another person's editor.", spoiled: false };
    }
    if (adds.length > 0 && this.approxBytes + update.byteLength > this.options.maxDocumentBytes) {
      this.approxBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
      if (this.approxBytes + update.byteLength > this.options.maxDocumentBytes)
        return {
          kind: "refuse",
          why: "This document has reached its size limit, so nothing more can be added to it.",
          spoiled: false,
        };
    }

    const why = this.applyChecked(update, writer, origin, now);
    if (why !== null) return { kind: "refuse", why, spoiled: true };
    const claimed = adds.filter((client) => !this.clientOwners.has(client));
    for (const client of claimed) this.clientOwners.set(client, writer.userId);
    this.approxBytes += update.byteLength;
    return { kind: "accept", claimed };
  }

  /** Applies the update and returns why it is refused, or null. */
  private applyChecked(update: Uint8Array, writer: Writer, origin: object, now: number): Verdict {
    let verdict: Verdict = null;
    let checked = false;
    const check = (transaction: Y.Transaction) => {
      if (transaction.origin !== origin) return;
      checked = true;
      try {
        const changes = collectChanges(transaction);
        const ctx = { writer, doc: this.doc, now };
        for (const change of changes) {
          verdict = this.rules.check(change, ctx);
          if (verdict !== null) return;
        }
        verdict = this.rules.checkAll?.(changes, ctx) ?? null;
        if (verdict !== null || !this.rules.isRichText) return;
        for (const { item, root } of insertedItems(transaction)) {
          if (!this.rules.isRichText(root)) continue;
          verdict = richTextItemError(item);
          if (verdict !== null) return;
        }
      } catch (error) {
        verdict = `The change could not be checked (${(error as Error).message}).`;
      }
    };
    const doc = this.doc;
    doc.on("beforeObserverCalls", check);
    try {
      Y.applyUpdate(doc, update, origin);
    } catch (error) {
      return `The change could not be read (${(error as Error).message}).`;
    } finally {
      doc.off("beforeObserverCalls", check);
    }
    // Structs or deletions waiting for history nobody sent: never let a later update integrate them under its writer.
    if (doc.store.pendingStructs || doc.store.pendingDs)
      return "The change refers to parts of the document the server does not have.";
    return checked ? verdict : null;
  }
}
