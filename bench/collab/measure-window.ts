// One measured window of steady load: quiet 5 s sub-windows, re-measured when disturbed, then pooled.
import type { BenchConfig } from "./config";
import type { GeneratorControl } from "./generator-control";
import { log } from "./log";
import { startWindow, waitForQuiet } from "./proc";
import type { CollectResult } from "./protocol";
import { sleep, type ServerUnderTest } from "./servers/types";
import { summarise } from "./stats";

export type Measured = Omit<CollectResult, "samples"> & {
  keysPerSecPerEditor: number;
  startedAt: string;
  serverCpu: number;
  serverRssBytes: number;
  postgresCpu: number;
  foreignCpu: number;
  cpuPressure: number | null;
  /** Sub-windows pooled, and sub-windows thrown away because other programs disturbed them. */
  subWindows: number;
  rejectedSubWindows: number;
  /** p95 of each pooled sub-window (ms), to show how steady the window was. */
  subWindowP95Ms: Array<number | null>;
  /** Not enough quiet sub-windows: disturbed ones were pooled too. */
  disturbed: boolean;
};

type SubWindow = CollectResult & {
  serverCpu: number;
  serverRssBytes: number;
  postgresCpu: number;
  foreignCpu: number;
  cpuPressure: number | null;
};

/** How long after a window ends its last probes may still arrive before they count as late. */
const PROBE_GRACE_MS = 500;
const SUB_WINDOW_MS = 5_000;

/**
 * Measures `measureMs` of load at `keysPerSec` after `warmupMs` of warm-up, as consecutive
 * sub-windows of 5 s whose samples are pooled. A sub-window in which other programs used more than
 * `disturbedAbove` of a core is thrown away and measured again after the machine calms down
 * (bounded: at most twice as many sub-windows as needed). The same rule applies to every server.
 */
export async function measureWindow(
  gen: GeneratorControl,
  sut: ServerUnderTest,
  config: BenchConfig,
  keysPerSec: number,
  warmupMs: number,
  measureMs: number,
): Promise<Measured & { samples: number[] }> {
  const subMs = Math.min(SUB_WINDOW_MS, measureMs);
  const needed = Math.max(1, Math.round(measureMs / subMs));
  const maxTries = config.maxAttempts > 1 ? needed * 2 : needed;
  await gen.send({ cmd: "set-rate", keysPerSec });
  await sleep(warmupMs);
  const startedAt = new Date().toISOString();
  const accepted: SubWindow[] = [];
  const rejected: SubWindow[] = [];
  for (let tries = 0; accepted.length < needed && tries < maxTries; tries++) {
    await gen.send({ cmd: "reset" });
    const window = startWindow({ server: sut.process.pid, generator: gen.pid }, sut.database);
    await sleep(subMs);
    const server = window();
    const result = await gen.send<CollectResult>({ cmd: "collect", graceMs: PROBE_GRACE_MS });
    const sub: SubWindow = { ...result, ...server };
    if (sub.foreignCpu <= config.disturbedAbove) {
      accepted.push(sub);
      continue;
    }
    rejected.push(sub);
    log(`${sut.kind}: other programs used ${sub.foreignCpu.toFixed(2)} cores during a sub-window: measuring it again`);
    await waitForQuiet([process.pid, gen.pid], sut.database, config.quietThreshold, config.quietMaxWaitMs / 4);
    await sleep(1_000); // let any backlog from the disturbance drain
  }
  const disturbed = accepted.length < needed;
  // Not enough quiet sub-windows: pool the least disturbed ones too, and say so.
  const pooled = disturbed
    ? accepted.concat(rejected.sort((a, b) => a.foreignCpu - b.foreignCpu).slice(0, needed - accepted.length))
    : accepted;
  return {
    ...pool(pooled),
    keysPerSecPerEditor: keysPerSec,
    startedAt,
    rejectedSubWindows: rejected.length,
    disturbed,
  };
}

/** Sums and duration-weighted means of sub-windows; latency percentiles over all their samples. */
function pool(subs: SubWindow[]) {
  const ms = subs.reduce((n, s) => n + s.durationMs, 0);
  const mean = (f: (s: SubWindow) => number) => subs.reduce((n, s) => n + f(s) * s.durationMs, 0) / ms;
  const sum = (f: (s: SubWindow) => number) => subs.reduce((n, s) => n + f(s), 0);
  const samples = subs.flatMap((s) => s.samples);
  const frames = Object.fromEntries(
    Object.keys(subs[0].framesReceivedPerSec).map((k) => [
      k,
      Math.round(mean((s) => s.framesReceivedPerSec[k as keyof SubWindow["framesReceivedPerSec"]])),
    ]),
  );
  return {
    durationMs: Math.round(ms),
    generatorCpu: mean((s) => s.generatorCpu),
    generatorLoopDelayP99Ms: Math.max(...subs.map((s) => s.generatorLoopDelayP99Ms)),
    updatesSent: sum((s) => s.updatesSent),
    updatesPerSec: (sum((s) => s.updatesSent) / ms) * 1000,
    targetUpdatesPerSec: subs[0].targetUpdatesPerSec,
    probesSent: sum((s) => s.probesSent),
    probeSamples: sum((s) => s.probeSamples),
    expectedSamples: sum((s) => s.expectedSamples),
    latency: summarise(samples),
    samples,
    framesReceivedPerSec: frames as SubWindow["framesReceivedPerSec"],
    disconnects: subs[subs.length - 1].disconnects,
    serverCpu: mean((s) => s.serverCpu),
    serverRssBytes: subs[subs.length - 1].serverRssBytes,
    postgresCpu: mean((s) => s.postgresCpu),
    foreignCpu: mean((s) => s.foreignCpu),
    cpuPressure: subs.every((s) => s.cpuPressure !== null) ? mean((s) => s.cpuPressure!) : null,
    subWindows: subs.length,
    subWindowP95Ms: subs.map((s) => s.latency.p95),
  };
}
