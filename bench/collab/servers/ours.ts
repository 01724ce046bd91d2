import path from "node:path";
import postgres from "postgres";
import { documentName } from "../../../collab/doc-names";
import { MAX_SOCKETS_PER_PERSON } from "../../../collab/server";
import { inquiryFields } from "../../../collab/documents/inquiry";
import { openDatabase } from "../../../db/client";
import { createCohort, createCommunity } from "../../../db/queries/communities";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../../../test/support/factories";
import { startPinned } from "./process";
import { logLines, sleep, type ServerUnderTest, type StartContext } from "./types";

/** Memory documents opened by one person: half the per-person socket limit, so none is refused. */
const DOCS_PER_MEMORY_PERSON = MAX_SOCKETS_PER_PERSON / 2;

/** The collaboration counters from GET /healthz. */
async function healthz(baseUrl: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseUrl}/healthz`);
  const body = (await res.json()) as { collab?: Record<string, unknown> };
  return body.collab ?? {};
}

/** Signs in through the real form (POST /login with our Origin) and returns the Cookie header. */
async function signIn(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: TEST_PASSWORD }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    redirect: "manual",
  });
  const cookies = res.headers.getSetCookie().map((line) => line.split(";")[0]);
  await res.arrayBuffer();
  if (res.status !== 302 || cookies.length === 0) throw new Error(`sign-in of ${email} failed with ${res.status}`);
  return cookies.join("; ");
}

export type OursVariant = {
  kind: "ours" | "ours-unguarded" | "ours-nosaved";
  withSaved: boolean;
  checkWrites: boolean;
};

const variants: Record<OursVariant["kind"], OursVariant> = {
  ours: { kind: "ours", withSaved: true, checkWrites: true },
  // The same server with the write rules off (bench-only entry point): their cost, by difference.
  "ours-unguarded": { kind: "ours-unguarded", withSaved: true, checkWrites: false },
  "ours-nosaved": { kind: "ours-nosaved", withSaved: false, checkWrites: true },
};

/**
 * OURS: the real Commons server (`server/index.ts`: Remix app, sessions, Origin check, the
 * collaboration server with durable persistence, write rules and its default options) on the run's
 * Postgres database. Every room is a community's inquiry document; every editor is a signed-in
 * member who types into their own story (the probe client into its person's "what I needed"),
 * which the inquiry's write rules accept.
 */
export async function startOurs(ctx: StartContext, kind: OursVariant["kind"] = "ours"): Promise<ServerUnderTest> {
  const { config } = ctx;
  const { withSaved, checkWrites } = variants[kind];
  // The people and communities, written before the server starts (this also applies the migrations).
  const handle = await openDatabase({ driver: "postgres", url: ctx.databaseUrl, maxConnections: 2 });
  const db = handle.db;
  const { authority, schools } = await makeAuthority(db, 2);
  const editors = [];
  for (let i = 0; i < config.editorsPerRoom; i++) {
    editors.push(
      await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[i % 2].id }], {
        name: `Editor ${i}`,
      }),
    );
  }
  // One person may hold at most MAX_SOCKETS_PER_PERSON sockets (issue 12), so the memory documents
  // are shared out among enough people, each opening well under that limit.
  const memoryPeople: Array<Awaited<ReturnType<typeof makeUser>>> = [];
  for (let i = 0; i < Math.max(1, Math.ceil(config.memoryDocs / DOCS_PER_MEMORY_PERSON)); i++) {
    memoryPeople.push(
      await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[0].id }], { name: `Memory ${i}` }),
    );
  }
  const memoryUser = memoryPeople[0];
  const memoryOwner = (docIndex: number) => Math.floor(docIndex / DOCS_PER_MEMORY_PERSON);
  const cohort = await createCohort(db, {
    authorityId: authority.id,
    name: "Bench cohort",
    schoolYear: "2026-27",
    facilitatorIds: [],
    leaderIds: [...editors.map((e) => e.id), ...memoryPeople.map((p) => p.id)],
  });
  const editorIds = editors.map((e) => e.id);
  const community = async (name: string, memberIds: string[]) =>
    documentName("inquiry", (await createCommunity(db, { cohortId: cohort.id, name, memberIds })).id);
  const roomNames: string[] = [];
  for (let i = 0; i < config.rooms; i++) roomNames.push(await community(`Room ${i}`, editorIds));
  const warmupName = await community("Warm-up", [memoryUser.id]);
  const memoryNames: string[] = [];
  for (let i = 0; i < config.memoryDocs; i++)
    memoryNames.push(await community(`Memory ${i}`, [memoryPeople[memoryOwner(i)].id]));
  const bigName = await community("Big document", [...editorIds, memoryUser.id]);
  await handle.close();

  const proc = await startPinned({
    // ours-unguarded: server/index.ts's start with `checkWrites: false` (the app has no such switch).
    script: checkWrites ? "server/index.ts" : "bench/collab/servers/ours-unguarded-server.ts",
    cores: "0",
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_URL: ctx.databaseUrl,
      SEED_DEMO: "false",
      // debug adds one line per document load ("document loaded", with its ms): the server-side open time.
      LOG_LEVEL: "debug",
    },
    logFile: path.join(ctx.logDir, `${kind}.log`),
    ready: /Commons is running at http:\/\/[^\s:]+:\d+/,
    nodeArgs: ctx.nodeArgs,
    cwd: ctx.cwd,
  });
  const port = Number(/Commons is running at http:\/\/[^\s:]+:(\d+)/.exec(proc.log())![1]);
  const baseUrl = `http://127.0.0.1:${port}`;
  const editorCookies: string[] = [];
  for (const e of editors) editorCookies.push(await signIn(baseUrl, e.email));
  const memoryCookies: string[] = [];
  for (const p of memoryPeople) memoryCookies.push(await signIn(baseUrl, p.email));
  const memoryCookie = memoryCookies[0];

  const sql = postgres(ctx.databaseUrl, { max: 1, onnotice: () => {} });
  const story = (id: string) => inquiryFields.story(id);
  return {
    kind,
    description:
      "Commons server/index.ts (NODE_ENV=production): sessions + Origin check + collab/ with Postgres persistence, default options" +
      (checkWrites ? " (write rules on)" : "; write rules OFF (checkWrites: false, bench-only entry point)") +
      (withSaved ? "" : "; clients WITHOUT saved=1 (diagnostic)"),
    process: proc,
    database: ctx.databaseName,
    // Like the browser client, editors ask for "saved" messages; the ours-nosaved variant leaves
    // them out (a diagnostic: how much of our cost is that signal).
    target: {
      server: kind,
      protocol: "y-websocket",
      wsUrl: `ws://127.0.0.1:${port}/collab`,
      origin: baseUrl,
      params: withSaved ? { saved: "1" } : {},
    },
    rooms: roomNames.map((name) => ({
      name,
      editorCookies,
      editorFields: editorIds.map(story),
      probeCookie: editorCookies[0],
      probeField: inquiryFields.needed(editorIds[0]),
    })),
    warmupDoc: { name: warmupName, cookie: memoryCookie, field: story(memoryUser.id) },
    memoryDocs: memoryNames.map((name, i) => ({
      name,
      cookie: memoryCookies[memoryOwner(i)],
      field: story(memoryPeople[memoryOwner(i)].id),
    })),
    bigDoc: {
      name: bigName,
      writerCookies: editorCookies.slice(0, config.bigDocWriters),
      writerFields: editorIds.slice(0, config.bigDocWriters).map(story),
      readerCookie: memoryCookie,
    },
    unloads: true,
    loadTimes: (name) =>
      logLines(proc.log(), "document loaded")
        .filter((l) => l.doc === name)
        .map((l) => Number(l.ms)),
    // The server unloads 2 s (its default grace) after the last client leaves, after a final flush;
    // /healthz counts the open documents.
    async waitUnloaded() {
      const end = Date.now() + 20_000;
      for (;;) {
        const stats = (await healthz(baseUrl)) as { openDocuments?: number };
        if (stats.openDocuments === 0) return;
        if (Date.now() > end) throw new Error(`ours still has ${stats.openDocuments} documents open`);
        await sleep(100);
      }
    },
    serverStats: () => healthz(baseUrl),
    async storage(name) {
      const [log] = await sql<
        { rows: string; bytes: string }[]
      >`select count(*) as rows, coalesce(sum(length(data)), 0) as bytes from collab_updates where doc_name = ${name}`;
      const [snap] = await sql<
        { bytes: number; folded: number }[]
      >`select length(data) as bytes, folded_updates as folded from collab_snapshots where doc_name = ${name}`;
      return {
        logRows: Number(log.rows),
        logBytes: Number(log.bytes),
        snapshotBytes: snap?.bytes ?? 0,
        foldedUpdateRows: snap?.folded ?? 0,
      };
    },
    async stop() {
      await proc.stop();
      await sql.end({ timeout: 5 });
    },
  };
}
