/**
 * HOCUSPOCUS: @hocuspocus/server 3.4.4 with @hocuspocus/extension-database storing each document's
 * full state in its own table of the benchmark's throwaway Postgres database. Default timings
 * (store debounce 2 s, max 10 s, unload immediately). No auth hook: every connection may edit.
 * Prints `ready <port>` once listening, and one JSON line per load/store/unload for the orchestrator.
 */
import { Database } from "@hocuspocus/extension-database";
import { Server, type Extension } from "@hocuspocus/server";
import postgres from "postgres";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const sql = postgres(url, { max: 10, onnotice: () => {} });
await sql`create table if not exists hocuspocus_documents (name text primary key, data bytea not null, updated_at timestamptz not null default now())`;

const log = (fields: Record<string, unknown>) => process.stdout.write(JSON.stringify(fields) + "\n");

// Runs first (highest priority) and last, so it brackets the database extension's load.
const loadStarted = new Map<string, number>();
const timing: Extension = {
  priority: 1000,
  async onLoadDocument({ documentName }) {
    loadStarted.set(documentName, performance.now());
  },
  async afterLoadDocument({ documentName }) {
    const started = loadStarted.get(documentName);
    loadStarted.delete(documentName);
    if (started !== undefined) log({ msg: "document loaded", doc: documentName, ms: performance.now() - started });
  },
  async afterStoreDocument({ documentName }) {
    log({ msg: "document stored", doc: documentName });
  },
  async afterUnloadDocument({ documentName }) {
    log({ msg: "document unloaded", doc: documentName });
  },
};

const server = new Server({
  name: "bench",
  port: Number(process.env.PORT ?? 0),
  address: "127.0.0.1",
  quiet: true,
  stopOnSignals: false,
  extensions: [
    timing,
    new Database({
      fetch: async ({ documentName }) => {
        const [row] = await sql<{ data: Buffer }[]>`select data from hocuspocus_documents where name = ${documentName}`;
        return row ? new Uint8Array(row.data) : null;
      },
      store: async ({ documentName, state }) => {
        await sql`insert into hocuspocus_documents (name, data) values (${documentName}, ${state})
          on conflict (name) do update set data = excluded.data, updated_at = now()`;
      },
    }),
  ],
});
await server.listen();
process.stdout.write(`ready ${server.address.port}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 10_000).unref();
  await server.destroy(); // stores open documents first
  await sql.end({ timeout: 5 });
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
