/**
 * The benchmark's load, in one place. `BENCH_QUICK=1` gives the ~2-minute version (same shape,
 * shorter windows, fewer documents); the full run aims at ≤ 10 minutes for all three servers.
 */
export type BenchConfig = {
  quick: boolean;
  rooms: number;
  editorsPerRoom: number;
  /** Keystrokes per second per editor in the steady-load phase. */
  keysPerSec: number;
  /** Editors skip applying others' updates locally (see clients.ts); BENCH_EDITORS=full applies everything. */
  leanEditors: boolean;
  /** One probe marker per room every this many ms (receivers measure fan-out latency). */
  probeIntervalMs: number;
  warmupMs: number;
  measureMs: number;
  /** Saturation: per-editor keys/s steps (doubling), then `refineSteps` geometric midpoints. */
  saturationSteps: number[];
  refineSteps: number;
  stepWarmupMs: number;
  /** Pause for a server to settle (memory readings, draining a backlog after a failed step). */
  settleMs: number;
  stepMeasureMs: number;
  /** The latency bound that defines saturation. */
  saturationP95Ms: number;
  /** Memory: documents opened at once, and characters typed into each (in bursts of 10). */
  memoryDocs: number;
  memoryCharsPerDoc: number;
  /** The large document: edits written, by how many writers (each paced below our rate limit). */
  bigDocEdits: number;
  bigDocWriters: number;
  bigDocWriterRate: number;
  /** Cold opens of the large document (each after an unload), and warm opens. */
  bigDocOpens: number;
  /** Generator CPU share above which the generator, not the server, is the bottleneck. */
  generatorSaturated: number;
  /** Before each server: wait up to this long for other programs to use < `quietThreshold` of a core. */
  quietMaxWaitMs: number;
  quietThreshold: number;
  /** A measured window in which other programs used more than this (cores) is measured again. */
  disturbedAbove: number;
  /** Windows per measurement at most (BENCH_ATTEMPTS; 1 = never re-measure). */
  maxAttempts: number;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const quick = env.BENCH_QUICK === "1" || env.BENCH_QUICK === "true";
  const keysPerSec = Number(env.BENCH_KEYS_PER_SEC ?? 5);
  return {
    quick,
    rooms: 10,
    editorsPerRoom: 20,
    keysPerSec,
    leanEditors: env.BENCH_EDITORS !== "full",
    probeIntervalMs: 200,
    warmupMs: quick ? 2_000 : 3_000,
    measureMs: quick ? 8_000 : 30_000,
    saturationSteps: [5, 10, 20, 40, 80, 160],
    refineSteps: quick ? 1 : 2,
    stepWarmupMs: quick ? 1_000 : 2_000,
    stepMeasureMs: quick ? 2_500 : 5_000,
    settleMs: quick ? 1_500 : 3_000,
    saturationP95Ms: 50,
    memoryDocs: quick ? 50 : 200,
    memoryCharsPerDoc: 500,
    bigDocEdits: 10_000,
    bigDocWriters: 10,
    bigDocWriterRate: 200,
    bigDocOpens: quick ? 2 : 5,
    generatorSaturated: 0.9,
    quietMaxWaitMs: Number(env.BENCH_WAIT_QUIET_S ?? 120) * 1000,
    quietThreshold: 0.15,
    disturbedAbove: 0.25,
    maxAttempts: Math.max(1, Number(env.BENCH_ATTEMPTS ?? 3)),
  };
}
