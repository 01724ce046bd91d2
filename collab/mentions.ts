import * as Y from "yjs";
import type { Logger } from "../app/kernel/logger";
import { parseDocumentName, type DocumentKind } from "./doc-names";
import type { HostedDocument } from "./hosted-document";
import { findMentions } from "./mentions-shape";

/** A mention that is saved and not yet dealt with, and who wrote it (the person whose connection sent it). */
export type NewMention = { mentionId: string; personId: string; writerId: string; field: string };

/**
 * Tells people they were mentioned (the app's notifications, wired in by the process). Resolves
 * with the mention ids it has settled: notified now or before, or never to be notified (no access,
 * the writer themself). A mention it leaves out, or a rejection, is offered again after the next save.
 */
export type MentionSink = (docName: string, mentions: readonly NewMention[]) => Promise<readonly string[]>;

/** The kinds whose shared texts may mention people. */
const mentionKinds: readonly DocumentKind[] = ["inquiry", "session-notes"];

type Watched = {
  /** Who wrote through each Yjs client id (null: two people did, so nobody is credited). */
  writers: Map<number, string | null>;
  /** Mentions settled while the document is open (after a restart, the sink knows what it sent). */
  settled: Set<string>;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  leaving: boolean;
};

/** The person behind a transaction: a connection's update carries its identity as the origin. */
function writerOf(origin: unknown): string | null {
  const id = (origin as { identity?: { userId?: unknown } } | null)?.identity?.userId;
  return typeof id === "string" ? id : null;
}

/**
 * Finds new @mentions in hosted documents and hands them to the sink, off the broadcast path: a
 * durable write makes a check due `delayMs` later (like the projection). Only saved mentions count,
 * each is credited to the person whose connection wrote it (never to what the client claims), and
 * the sink settles each mention once. A mention whose writer this process never saw (written
 * before a restart) is settled without a notification: it cannot be credited to anyone.
 */
export class MentionWatcher {
  private readonly watched = new WeakMap<HostedDocument, Watched>();

  constructor(
    private readonly sink: MentionSink,
    private readonly delayMs: number,
    private readonly logger: Logger,
  ) {}

  /** Starts crediting the document's writes to their connections. Call before any peer's update is applied. */
  watch(doc: HostedDocument) {
    const kind = parseDocumentName(doc.name)?.kind;
    if (!kind || !mentionKinds.includes(kind) || this.watched.has(doc)) return;
    const state: Watched = { writers: new Map(), settled: new Set(), timer: null, running: null, leaving: false };
    this.watched.set(doc, state);
    doc.onTransaction((tr: Y.Transaction) => {
      const writer = writerOf(tr.origin);
      if (!writer) return;
      for (const [client, clock] of tr.afterState) {
        if (clock <= (tr.beforeState.get(client) ?? 0)) continue;
        const known = state.writers.get(client);
        state.writers.set(client, known === undefined || known === writer ? writer : null);
      }
    });
  }

  /** Called after each durable write: the document's mentions are checked within `delayMs`. */
  schedule(doc: HostedDocument) {
    const state = this.watched.get(doc);
    if (!state || state.timer || state.leaving) return;
    state.timer = setTimeout(() => {
      state.timer = null;
      void this.run(doc, state);
    }, this.delayMs);
    state.timer.unref();
  }

  /** The document is unloading: check what is due now, and wait for a check in progress. */
  async flush(doc: HostedDocument) {
    const state = this.watched.get(doc);
    if (!state) return;
    state.leaving = true;
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = null;
      await this.run(doc, state);
    } else await state.running;
  }

  /** The document is dropped with unsaved edits: nothing more is checked (saved mentions are offered again on its next load). */
  async discard(doc: HostedDocument) {
    const state = this.watched.get(doc);
    if (!state) return;
    state.leaving = true;
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    await state.running;
  }

  private run(doc: HostedDocument, state: Watched): Promise<void> {
    const next = (state.running ?? Promise.resolve()).then(() => this.check(doc, state));
    state.running = next;
    void next.finally(() => {
      if (state.running === next) state.running = null;
    });
    return next;
  }

  private async check(doc: HostedDocument, state: Watched) {
    await doc.settled();
    const saved = Y.decodeStateVector(doc.persistedStateVector);
    const fresh: NewMention[] = [];
    for (const m of findMentions(doc.doc)) {
      // A copied mention keeps its id: it is the same mention, told once.
      if (state.settled.has(m.mentionId) || fresh.some((f) => f.mentionId === m.mentionId)) continue;
      // Only what is durable counts: an unsaved mention is looked at again after the next save.
      if (m.writes.some((w) => w.clock >= (saved.get(w.client) ?? 0))) continue;
      const writers = new Set(m.writes.map((w) => state.writers.get(w.client)));
      const writerId = writers.size === 1 ? [...writers][0] : null;
      if (!writerId) {
        // Written before this process saw it, by two people, or partly under someone else's client id.
        state.settled.add(m.mentionId);
        this.logger.debug("mention not credited to anyone; not notified", { doc: doc.name, mention: m.mentionId });
        continue;
      }
      fresh.push({ mentionId: m.mentionId, personId: m.personId, writerId, field: m.field });
    }
    if (fresh.length === 0) return;
    try {
      for (const id of await this.sink(doc.name, fresh)) state.settled.add(id);
    } catch (error) {
      this.logger.warn("could not send mention notifications", { doc: doc.name, error });
      this.schedule(doc);
    }
  }
}
