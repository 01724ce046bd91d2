/**
 * Shared set-up for the collaboration integration suites: a community with members, an outsider
 * and a SIP; databases that survive an app restart; raw sockets; and the "saved" message.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import postgres from "postgres";
import * as awarenessProtocol from "y-protocols/awareness";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { isFullySaved, readSavedMessage, type PersistedState } from "../../collab/saved-state";
import { schoolYearOf } from "../../app/kernel/school-year";
import { documentName } from "../../collab/doc-names";
import { inquiryFields } from "../../collab/documents/inquiry";
import { MessageType } from "../../collab/protocol";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client";
import { assignSip, createCohort, createCommunity } from "../../db/queries/communities";
import { TestClient } from "./app";
import { browserLikeSocket } from "./collab";
import { makeAuthority, makeUser, TEST_PASSWORD } from "./factories";
import { postgresAdminUrl, postgresAvailable } from "./services";

/**
 * Members a and b (leaders of schools 0 and 1), an outsider (school 2), a SIP of school 0 this year.
 * The server checks every write against the inquiry's rules, so tests write where the people may:
 * `sharedField` (Ada and Ben's peer check, either may write) and `storyOf(member)` (that member's own).
 */
export async function makeCommunity(db: Database) {
  const { authority, schools } = await makeAuthority(db, 3);
  const a = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[0].id }], {
    name: "Ada Member",
  });
  const b = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[1].id }], {
    name: "Ben Member",
  });
  const outsider = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[2].id }], {
    name: "Otto Outsider",
  });
  const sip = await makeUser(db, authority.id, [{ role: "sip" }], { name: "Sam Partner" });
  const schoolYear = schoolYearOf(new Date());
  const cohort = await createCohort(db, {
    authorityId: authority.id,
    name: "Cohort",
    schoolYear,
    facilitatorIds: [],
    leaderIds: [a.id, b.id, outsider.id],
  });
  const community = await createCommunity(db, { cohortId: cohort.id, name: "Community", memberIds: [a.id, b.id] });
  await assignSip(db, { authorityId: authority.id, sipUserId: sip.id, schoolIds: [schools[0].id], schoolYear });
  /** Another community of the same members: a fresh set of documents. */
  const another = async () =>
    (await createCommunity(db, { cohortId: cohort.id, name: "Another", memberIds: [a.id, b.id] })).id;
  return {
    authority,
    schools,
    cohort,
    community,
    users: { a, b, outsider, sip },
    docName: documentName("inquiry", community.id),
    /** The rich-text section Ada and Ben both may write (their peer check); type in `paragraphText(doc, sharedField)`. */
    sharedField: inquiryFields.peerCheck(a.id, b.id),
    /** A member's own story: only they (or a facilitator) may write it. */
    storyOf: (userId: string) => inquiryFields.story(userId),
    another,
  };
}

/**
 * The text of the first paragraph in a rich-text section, as the editor (y-prosemirror) stores it:
 * a `paragraph` element holding a Y.XmlText. The server refuses plain text placed directly at the
 * top level of a section, so tests type here. Creates the paragraph (with its text) in one
 * transaction of its own if the section has none yet; two clients that must edit the same text concurrently
 * should let one create it and wait for the other to receive it, or each would get its own paragraph.
 */
export function paragraphText(doc: Y.Doc, root: string): Y.XmlText {
  const section = doc.getXmlFragment(root);
  const paragraph = section
    .toArray()
    .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph");
  const first = paragraph?.get(0);
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  if (paragraph) paragraph.insert(0, [text]);
  else {
    const created = new Y.XmlElement("paragraph");
    created.insert(0, [text]);
    section.push([created]);
  }
  return text;
}

/**
 * Everything a section reads: each top-level block's text, one line per block. Anything that is not
 * an element at the top level (plain text the editor never writes there) is shown as `[...]`, so a
 * test comparing against what it typed fails rather than overlooking it. Reads without writing, so it
 * is safe on the server's own replica.
 */
export function sectionText(doc: Y.Doc, root: string): string {
  const textOf = (node: Y.XmlElement): string =>
    node
      .toArray()
      .map((child) =>
        child instanceof Y.XmlText ? child.toString() : child instanceof Y.XmlElement ? textOf(child) : "",
      )
      .join("");
  return doc
    .getXmlFragment(root)
    .toArray()
    .map((block) => (block instanceof Y.XmlElement ? textOf(block) : `[${String(block)}]`))
    .join("\n");
}

/** Signs in over HTTP and returns the Cookie header a browser would send. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const client = new TestClient(baseUrl);
  const res = await client.signIn(email, TEST_PASSWORD);
  if (res.status !== 302 || client.cookies.size === 0) throw new Error(`sign-in failed with ${res.status}`);
  return client.cookieHeader;
}

export const collabUrl = (baseUrl: string, docName: string) => `${baseUrl.replace(/^http/, "ws")}/collab/${docName}`;

/** The unmodified y-websocket client at any base URL (a child process, or an app restarted on a port). */
export function connectAt(
  baseUrl: string,
  docName: string,
  cookie: string,
  opts: { saved?: boolean; doc?: Y.Doc } = {},
) {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, "ws")}/collab`, docName, doc, {
    WebSocketPolyfill: browserLikeSocket({ cookie, origin: baseUrl }) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: opts.saved ? { saved: "1" } : {},
    maxBackoffTime: 200,
  });
  const saved = { latest: null as Uint8Array | null, state: null as PersistedState | null, count: 0 };
  // Our extension (type 100): the state vector that is durable in the database.
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    const body = decoding.clone(decoder);
    saved.latest = decoding.readVarUint8Array(decoder);
    saved.state = readSavedMessage(body);
    saved.count++;
  };
  const closes: number[] = [];
  provider.on("connection-close", (event) => {
    if (event) closes.push(event.code);
  });
  /** Whether the server's durable state covers everything this replica holds. */
  const fullySaved = () => isFullySaved(doc, saved.state);
  return { doc, provider, saved, closes, fullySaved };
}

export type RawSocket = {
  ws: WebSocket;
  frames: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array | string): void;
};

/** A hand-driven client: opens the socket (rejects on a refused upgrade) and records what it receives. */
export function openRaw(url: string, headers: Record<string, string>): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const frames: Uint8Array[] = [];
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.on("close", (code, reason) => done({ code, reason: reason.toString() })),
    );
    ws.on("message", (data: Buffer) => frames.push(new Uint8Array(data)));
    ws.on("open", () => resolve({ ws, frames, closed, send: (frame) => ws.send(frame) }));
    ws.on("unexpected-response", (_req, res) => {
      res.resume();
      reject(new Error(`upgrade refused with ${res.statusCode}`));
    });
    ws.on("error", reject);
  });
}

/** The close code a raw socket gets within `ms`, or -1 if it is still open then. */
export function closeCode(raw: RawSocket, ms = 3_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), ms)));
  return Promise.race([raw.closed.then((c) => c.code), late]).finally(() => clearTimeout(timer));
}

/** Frames a client would send, built with y-protocols. */
export const frames = {
  update(update: Uint8Array) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeUpdate(e, update);
    return encoding.toUint8Array(e);
  },
  syncStep2(doc: Y.Doc) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep2(e, doc);
    return encoding.toUint8Array(e);
  },
  syncStep1(doc: Y.Doc) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.sync);
    syncProtocol.writeSyncStep1(e, doc);
    return encoding.toUint8Array(e);
  },
  queryAwareness: () => new Uint8Array([MessageType.queryAwareness]),
};

/** Applies the sync frames a raw socket received to a local replica (other frames are skipped). */
export function replicaOf(received: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const frame of received) {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== MessageType.sync) continue;
    syncProtocol.readSyncMessage(d, encoding.createEncoder(), doc, "server");
  }
  return doc;
}

/** A database that outlives one app: closed with the app, opened again by the next one. */
export type ReopenableDatabase = {
  name: "pglite" | "postgres";
  open(): Promise<DatabaseHandle>;
  /** What a child `server/index.ts` needs to use it. */
  env: Record<string, string>;
  dispose(): Promise<void>;
};

async function pgliteFolder(): Promise<ReopenableDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "commons-collab-"));
  return {
    name: "pglite",
    open: () => openDatabase({ driver: "pglite", dataDir }),
    env: { DATA_DIR: dataDir, DATABASE_URL: "" },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresDatabase(): Promise<ReopenableDatabase> {
  const dbName = `commons_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${dbName}`;
  return {
    name: "postgres",
    open: () => openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 4 }),
    env: { DATABASE_URL: url.toString() },
    async dispose() {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** PGlite in a temporary folder, and a throwaway Postgres database when the server is there. */
export async function reopenableDatabases(): Promise<Array<{ name: string; create(): Promise<ReopenableDatabase> }>> {
  const pglite = { name: "pglite", create: pgliteFolder };
  return (await postgresAvailable()) ? [pglite, { name: "postgres", create: postgresDatabase }] : [pglite];
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function mulberry32(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const word = (len: number) => Array.from({ length: len }, () => "abcdefghijklmnopqrstuvwxyz "[int(27)]).join("");
  return { next, int, word, pick: <T>(items: readonly T[]) => items[int(items.length)] };
}

/** An awareness frame for `state` under `clientId`, as a hand-written client would send it. */
export function presenceFrame(clientId: number, state: Record<string, unknown>) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(state);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]));
  awareness.destroy();
  doc.destroy();
  return encoding.toUint8Array(e);
}
