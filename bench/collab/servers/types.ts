import { inquiryFields } from "../../../collab/documents/inquiry";
import type { BenchConfig } from "../config";
import type { MemoryDocSpec, RoomSpec, Target } from "../protocol";
import type { ServerProcess } from "./process";

/**
 * `ours-unguarded` is ours with the write rules switched off (ADR 024), measured next to ours for
 * their cost. `ours-nosaved` is a diagnostic variant of ours (clients without `saved=1`), never in
 * the default run.
 */
export type ServerKind = "ours" | "bare" | "hocuspocus" | "ours-unguarded" | "ours-nosaved";

/** What every phase needs from a server under test: its process, how to reach it, and its documents. */
export type ServerUnderTest = {
  kind: ServerKind;
  description: string;
  process: ServerProcess;
  target: Target;
  /** The run's throwaway database (its backends are counted as Postgres CPU), or null. */
  database: string | null;
  rooms: RoomSpec[];
  /** A document used once to warm the server up before the memory baseline. */
  warmupDoc: MemoryDocSpec;
  memoryDocs: MemoryDocSpec[];
  bigDoc: { name: string; writerCookies: string[]; writerFields: string[]; readerCookie: string };
  /** Whether a document leaves memory when its last client leaves (bare never unloads). */
  unloads: boolean;
  /** Server-side load times (ms) the server logged for this document, oldest first. */
  loadTimes(doc: string): number[];
  /** Waits until the server has unloaded the document (after its last client left). */
  waitUnloaded(doc: string): Promise<void>;
  /** The server's own counters, where it publishes them (ours: the collab section of /healthz). */
  serverStats?(): Promise<Record<string, unknown>>;
  /** Facts about how the document is stored (ours: log rows and snapshot). */
  storage?(doc: string): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
};

export type StartContext = {
  cwd: string;
  logDir: string;
  config: BenchConfig;
  databaseUrl: string;
  databaseName: string;
  /** Extra node flags for the server process (profiling). */
  nodeArgs: string[];
};

/** JSON lines of a log that carry `msg`. */
export function logLines(log: string, msg: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const line of log.split("\n")) {
    if (!line.startsWith("{") || !line.includes(msg)) continue;
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (parsed.msg === msg) out.push(parsed);
    } catch {
      // not one of ours
    }
  }
  return out;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sections for servers without people (bare, Hocuspocus): the same inquiry shapes under made-up
 * person ids, so every server stores and sends the same kind of document.
 */
export const benchPerson = (i: number) => `bench-person-${i}`;
export const editorSection = (i: number) => inquiryFields.story(benchPerson(i));
export const probeSection = () => inquiryFields.needed(benchPerson(0));
