/**
 * The vocabulary of the attack matrix (issue 12): the five roles a person can have towards a
 * shared document, the operations a modified client can try, what the server is expected to do
 * with each, and small readers of the server's and the clients' copies.
 */
import * as Y from "yjs";
import type { DocumentKind } from "../../collab/doc-names";
import type { RunningCommons } from "../../server/start";
import { waitFor } from "./collab";
import type { Client } from "./write-rules-fixtures";

export const roles = ["owner", "other member", "facilitator", "SIP", "removed member"] as const;
export type Role = (typeof roles)[number];

/** Who plays each role: Ada owns the regions under test, Ben is in her community, Fay facilitates, Sam is a SIP, Rita was removed. */
export const playedBy = {
  owner: "ada",
  "other member": "ben",
  facilitator: "fay",
  SIP: "sam",
  "removed member": "rita",
} as const;
export type Person = (typeof playedBy)[Role];

export type Operation =
  | "insert text"
  | "delete text"
  | "format text"
  | "map set"
  | "map delete"
  | "presence as another person"
  | "presence under another connection's client id";

/**
 * What the server does with a cell:
 * - accepted: applied, broadcast, stored;
 * - refused: the writer's socket is closed with 4422 and a reason, nothing is applied;
 * - dropped: a read-only connection's write is ignored, its socket stays open;
 * - forbidden: the WebSocket upgrade itself is refused with 403;
 * - stamped: presence is shown, but as the session's own person.
 */
export type Outcome = "accepted" | "refused" | "dropped" | "forbidden" | "stamped";

/** The five people, and Otto: a leader of the cohort outside the community (Ada's peer-check partner in one row). */
export type People = Record<Person | "otto", { id: string; name: string }>;

/** The honest clients' documents a row prepares its target with, through the kind's own functions. */
export type Honest = {
  ada: Y.Doc;
  fay: Y.Doc;
  people: People;
  /** Waits until the server and both honest replicas hold everything either wrote (one page acting on the other's change). */
  settle(): Promise<void>;
};

/** One cell's attacker, and what makes its change its own: a number and a token no other cell uses. */
export type CellContext = { writer: Person; people: People; cell: number; token: string };

export type Row<T = unknown> = {
  kind: DocumentKind;
  region: string;
  operation: Operation;
  /** Honest set-up for one cell (a fresh note, paragraph, question…), so each cell's effect is its own. */
  prepare?: (h: Honest, token: string) => T | Promise<T>;
  /** What the modified client does to its replica. `writer` is the attacker. */
  attack: (doc: Y.Doc, target: T, ctx: CellContext) => void;
  /** Whether a replica (a copy of it) shows this cell's change. */
  applied: (doc: Y.Doc, target: T, ctx: CellContext) => boolean;
  /** Puts the document back after the cell whatever happened (an honest facilitator unlocks the board). */
  after?: (h: Honest, target: T) => void;
  expect: Record<Role, Outcome>;
  /** The reason the writer is given when refused, where the row knows it (by role, or one for all). */
  why?: string | Partial<Record<Role, string>>;
};

/** A row with its target's type checked where it is written, stored among rows of other types. */
export const row = <T>(r: Row<T>): Row => r as unknown as Row;

/** A copy of a replica: the server's own copy may already have typed a root, and Yjs will not retype it. */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** The server's loaded copy of a document (it stays loaded while the suite's honest clients are on it). */
export function serverDoc(app: RunningCommons, docName: string): Y.Doc {
  const hosted = app.collab.registry.loaded().find((d) => d.name === docName);
  if (!hosted) throw new Error(`${docName} is not loaded on the server`);
  return hosted.doc;
}

/** Waits until the server holds everything the honest replicas wrote, and the watchers everything the server holds. */
export async function settle(app: RunningCommons, docName: string, writers: Y.Doc[], watchers: Y.Doc[]) {
  const covers = (doc: Y.Doc, of: Y.Doc) => {
    const have = Y.decodeStateVector(Y.encodeStateVector(doc));
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(of)))
      if ((have.get(client) ?? 0) < clock) return false;
    return true;
  };
  await waitFor(() => writers.every((w) => covers(serverDoc(app, docName), w)), "the honest set-up at the server");
  await waitFor(() => watchers.every((w) => covers(w, serverDoc(app, docName))), "the honest set-up at the watchers");
}

/** The clients whose changes a replica holds. */
export const clientsIn = (doc: Y.Doc) => new Set(Y.decodeStateVector(Y.encodeStateVector(doc)).keys());

/** The top-level block of a rich-text root whose text holds `token`, and that text. */
export function blockWith(doc: Y.Doc, root: string, token: string): { block: Y.XmlElement; text: Y.XmlText } | null {
  for (const child of doc.getXmlFragment(root).toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const text = child.get(0);
    if (text instanceof Y.XmlText && wordsOf(text).includes(token)) return { block: child, text };
  }
  return null;
}

/** The words of a text, without its formatting. */
const wordsOf = (text: Y.XmlText) =>
  (text.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === "string" ? d.insert : "")).join("");

/** A honest paragraph, as the editor writes one, appended to a rich-text root. */
export function appendParagraph(doc: Y.Doc, root: string, words: string) {
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(words)]);
  doc.getXmlFragment(root).push([p]);
}

/** The formatting on the first characters of the block holding `token`. */
export function marksAt(doc: Y.Doc, root: string, token: string): Record<string, unknown> {
  const found = blockWith(doc, root, token);
  const first = found?.text.toDelta()[0] as { attributes?: Record<string, unknown> } | undefined;
  return first?.attributes ?? {};
}

let pings = 0;
/**
 * The attacker's own presence, sent after its write: the server handles one socket's frames in
 * order, so once the watcher hears it, the write before it was handled (and broadcast, if kept).
 * Stops early if the server closed the attacker instead, so the caller can say so in words.
 */
export async function heardAfterWrite(attacker: Client, watcher: Client) {
  const ping = `after-write-${++pings}`;
  attacker.provider.awareness.setLocalStateField("ping", ping);
  await waitFor(
    () =>
      attacker.closeEvents.length > 0 ||
      watcher.provider.awareness.getStates().get(attacker.doc.clientID)?.ping === ping,
    "the watcher to hear the attacker after its write",
  );
}
