import type { LatencySummary } from "./stats";

/** Which client library speaks to a server. */
export type ClientProtocol = "y-websocket" | "hocuspocus";

/** How the load generator reaches the server under test (always on 127.0.0.1). */
export type Target = {
  server: "ours" | "bare" | "hocuspocus" | "ours-nosaved" | "ours-unguarded";
  protocol: ClientProtocol;
  /** y-websocket: base URL the room name is appended to; hocuspocus: the server URL. */
  wsUrl: string;
  /** Sent as the Origin header (ours checks it). */
  origin?: string;
  /** Extra URL parameters (ours: `saved=1`, like the browser client). */
  params?: Record<string, string>;
};

/**
 * One room: the document name, a cookie per client (empty strings when the server has no auth) and
 * the section each writes into (sections.ts): editor i types into `editorFields[i]`, the probe
 * client replaces its marker in `probeField`. On ours these are the signed-in person's own sections.
 */
export type RoomSpec = {
  name: string;
  editorCookies: string[];
  editorFields: string[];
  probeCookie: string;
  probeField: string;
};

/** A document one client opens and types into, in its own section. */
export type MemoryDocSpec = { name: string; cookie: string; field: string };

export type Command =
  | { cmd: "open-rooms"; id: number; target: Target; rooms: RoomSpec[]; probeIntervalMs: number; lean: boolean }
  | { cmd: "set-rate"; id: number; keysPerSec: number }
  | { cmd: "reset"; id: number }
  | { cmd: "collect"; id: number; graceMs: number }
  | { cmd: "converge"; id: number; timeoutMs: number }
  | { cmd: "close-rooms"; id: number }
  | { cmd: "memory-open"; id: number; target: Target; docs: MemoryDocSpec[]; chars: number }
  | { cmd: "memory-close"; id: number }
  | {
      cmd: "big-write";
      id: number;
      target: Target;
      doc: string;
      cookies: string[];
      /** The section each writer types into (one per cookie). */
      fields: string[];
      edits: number;
      ratePerWriter: number;
      waitSaved: boolean;
    }
  | { cmd: "big-disconnect"; id: number }
  | {
      cmd: "open-once";
      id: number;
      target: Target;
      doc: string;
      cookie: string;
      /** The sections whose characters are counted (the writers'). */
      fields: string[];
      expectLength: number;
    }
  | { cmd: "exit"; id: number };

export type CollectResult = {
  durationMs: number;
  /** Generator process CPU over the window, as a share of one core. */
  generatorCpu: number;
  /** Event-loop delay of the generator over the window (ms), a second sign of its saturation. */
  generatorLoopDelayP99Ms: number;
  updatesSent: number;
  updatesPerSec: number;
  targetUpdatesPerSec: number;
  probesSent: number;
  probeSamples: number;
  /** Receivers that should have seen each probe (editors of the room). */
  expectedSamples: number;
  latency: LatencySummary;
  /** Every latency sample of the window (ms), for pooling windows. */
  samples: number[];
  /** Frames the editors received per second, by kind (updates, "saved", acks, awareness…). */
  framesReceivedPerSec: Record<"update" | "sync" | "awareness" | "saved" | "ack" | "other", number>;
  disconnects: number;
};

export type Reply = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: string };
