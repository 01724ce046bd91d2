import * as Y from "yjs";
import { collectChanges } from "./documents/changes";
import { insertedItems, richTextItemError } from "./documents/rich-text";
import type { DocGuard, Verdict, Writer } from "./documents/guard-kit";

export type GuardOptions = {
  /** The largest a document may grow to, in bytes of its encoded state. */
  maxDocumentBytes: number;
};

/** What the guard made of an update: apply it, wait for the rest of the writer's history, or refuse it whole. */
export type Admission =
  /** `claimed`: the editor ids this update was the first to write under (to be stored with it). */
  { kind: "accept"; claimed: number[] } | { kind: "hold" } | { kind: "refuse"; why: string };

/**
 * The server's check of every incoming update before it touches the real document (ADR 024).
 * It keeps a shadow copy of the document: an update is applied to the shadow first, and what
 * Yjs reports as changed in that transaction is checked against the kind's write rules. Accepted,
 * the same bytes go to the real document (and are broadcast and stored). Refused, the shadow is
 * rebuilt from the real document, which costs a copy of the document but only on a refusal.
 */
export class WriteGuard {
  private shadow: Y.Doc;
  /** Which person first wrote under each Yjs client id (stored with the updates, loaded with the document). */
  private readonly clientOwners: Map<number, string>;
  /** An upper bound on the encoded state's size: exact after a copy, then grown by each accepted update. */
  private approxBytes = 0;

  constructor(
    private readonly real: Y.Doc,
    private readonly rules: DocGuard,
    private readonly options: GuardOptions,
    owners: ReadonlyMap<number, string> = new Map(),
  ) {
    this.clientOwners = new Map(owners);
    this.shadow = this.copyOfReal();
  }

  private copyOfReal(): Y.Doc {
    const shadow = new Y.Doc({ gc: true });
    // Fixed map roots are typed before anything arrives, so the rules can read them as maps.
    for (const root of this.rules.mapRoots) shadow.getMap(root);
    const state = Y.encodeStateAsUpdate(this.real);
    this.approxBytes = state.byteLength;
    Y.applyUpdate(shadow, state);
    return shadow;
  }

  /** Keeps the shadow in step with a change made on the server itself (not through `admit`). */
  mirror(update: Uint8Array) {
    Y.applyUpdate(this.shadow, update);
    this.approxBytes += update.byteLength;
  }

  /**
   * Checks an update from `writer`. On "accept" the caller must apply the same bytes to the real
   * document at once (the shadow already holds them). "hold": the update continues a history the
   * server has not yet received (a client's own edits from before a reconnect, racing its sync);
   * the caller keeps it and offers it again, merged with what comes next.
   */
  admit(update: Uint8Array, writer: Writer, now = Date.now()): Admission {
    const meta = Y.parseUpdateMeta(update);
    const adds: number[] = [];
    for (const [client, from] of meta.from) {
      const known = Y.getState(this.shadow.store, client);
      if (from > known) return { kind: "hold" };
      if ((meta.to.get(client) ?? 0) > known) adds.push(client);
    }
    for (const client of adds) {
      const owner = this.clientOwners.get(client);
      if (owner !== undefined && owner !== writer.userId)
        return { kind: "refuse", why: "Changes were sent under another person's editor." };
    }
    if (adds.length > 0 && this.approxBytes + update.byteLength > this.options.maxDocumentBytes) {
      this.approxBytes = Y.encodeStateAsUpdate(this.shadow).byteLength;
      if (this.approxBytes + update.byteLength > this.options.maxDocumentBytes)
        return { kind: "refuse", why: "This document has reached its size limit, so nothing more can be added to it." };
    }

    const why = this.applyToShadow(update, writer, now);
    if (why !== null) {
      this.shadow.destroy();
      this.shadow = this.copyOfReal();
      return { kind: "refuse", why };
    }
    const claimed = adds.filter((client) => !this.clientOwners.has(client));
    for (const client of claimed) this.clientOwners.set(client, writer.userId);
    this.approxBytes += update.byteLength;
    return { kind: "accept", claimed };
  }

  /** Applies the update to the shadow and returns why it is refused, or null. */
  private applyToShadow(update: Uint8Array, writer: Writer, now: number): Verdict {
    const origin = { writer };
    let verdict: Verdict = null;
    let checked = false;
    const check = (transaction: Y.Transaction) => {
      if (transaction.origin !== origin) return;
      checked = true;
      try {
        const changes = collectChanges(transaction);
        const ctx = { writer, doc: this.shadow, now };
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
    this.shadow.on("beforeObserverCalls", check);
    try {
      Y.applyUpdate(this.shadow, update, origin);
    } catch (error) {
      return `The change could not be read (${(error as Error).message}).`;
    } finally {
      this.shadow.off("beforeObserverCalls", check);
    }
    // Structs or deletions waiting for history nobody sent: never let a later update integrate them under its writer.
    if (this.shadow.store.pendingStructs || this.shadow.store.pendingDs)
      return "The change refers to parts of the document the server does not have.";
    return checked ? verdict : null;
  }

  destroy() {
    this.shadow.destroy();
  }
}
