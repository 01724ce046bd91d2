import { randomUUID } from "node:crypto";
import path from "node:path";
import { startPinned } from "./process";
import { editorSection, probeSection, type ServerUnderTest, type StartContext } from "./types";

/** y-websocket@2.1.0's server utilities, memory only. Documents are never unloaded. */
export async function startBare(ctx: StartContext): Promise<ServerUnderTest> {
  const proc = await startPinned({
    script: "bench/collab/servers/bare-server.ts",
    cores: "0",
    env: { NODE_ENV: "production" },
    logFile: path.join(ctx.logDir, "bare.log"),
    ready: /^ready \d+/m,
    nodeArgs: ctx.nodeArgs,
    cwd: ctx.cwd,
  });
  const port = Number(/^ready (\d+)/m.exec(proc.log())![1]);
  const doc = () => `inquiry.${randomUUID()}`;
  return {
    kind: "bare",
    description: "y-websocket@2.1.0 bin/utils setupWSConnection, in memory, no auth",
    process: proc,
    database: ctx.databaseName,
    target: { server: "bare", protocol: "y-websocket", wsUrl: `ws://127.0.0.1:${port}/collab` },
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
    unloads: false,
    loadTimes: () => [],
    waitUnloaded: async () => {},
    stop: () => proc.stop(),
  };
}
