import { randomUUID } from "node:crypto";
import path from "node:path";
import { startPinned } from "./process";
import { editorSection, logLines, probeSection, sleep, type ServerUnderTest, type StartContext } from "./types";

/** @hocuspocus/server 3.4.4 + extension-database on the run's Postgres database. */
export async function startHocuspocus(ctx: StartContext): Promise<ServerUnderTest> {
  const proc = await startPinned({
    script: "bench/collab/servers/hocuspocus-server.ts",
    cores: "0",
    env: { NODE_ENV: "production", DATABASE_URL: ctx.databaseUrl },
    logFile: path.join(ctx.logDir, "hocuspocus.log"),
    ready: /^ready \d+/m,
    nodeArgs: ctx.nodeArgs,
    cwd: ctx.cwd,
  });
  const port = Number(/^ready (\d+)/m.exec(proc.log())![1]);
  const doc = () => `inquiry.${randomUUID()}`;
  const count = (msg: string, name: string) => logLines(proc.log(), msg).filter((l) => l.doc === name).length;
  return {
    kind: "hocuspocus",
    description:
      "@hocuspocus/server 3.4.4 + @hocuspocus/extension-database 3.4.4 on Postgres (full state per store), no auth",
    process: proc,
    database: ctx.databaseName,
    target: { server: "hocuspocus", protocol: "hocuspocus", wsUrl: `ws://127.0.0.1:${port}` },
    rooms: Array.from({ length: ctx.config.rooms }, () => ({
      name: doc(),
      editorCookies: Array.from({ length: ctx.config.editorsPerRoom }, () => ""),
      editorFields: Array.from({ length: ctx.config.editorsPerRoom }, (_, i) => editorSection(i)),
      probeCookie: "",
      probeField: probeSection(),
    })),
    warmupDoc: { name: doc(), cookie: "", field: editorSection(0) },
    memoryDocs: Array.from({ length: ctx.config.memoryDocs }, () => ({
      name: doc(),
      cookie: "",
      field: editorSection(0),
    })),
    bigDoc: {
      name: doc(),
      writerCookies: Array.from({ length: ctx.config.bigDocWriters }, () => ""),
      writerFields: Array.from({ length: ctx.config.bigDocWriters }, (_, i) => editorSection(i)),
      readerCookie: "",
    },
    unloads: true,
    loadTimes: (name) =>
      logLines(proc.log(), "document loaded")
        .filter((l) => l.doc === name)
        .map((l) => Number(l.ms)),
    async waitUnloaded(name) {
      const end = Date.now() + 30_000;
      while (count("document unloaded", name) < count("document loaded", name)) {
        if (Date.now() > end) throw new Error(`hocuspocus did not unload ${name}`);
        await sleep(50);
      }
    },
    stop: () => proc.stop(),
  };
}
