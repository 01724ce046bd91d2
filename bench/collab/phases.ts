import type { BenchConfig } from "./config";
import type { GeneratorControl } from "./generator-control";
import { rssBytes, startWindow, waitForQuiet } from "./proc";
import type { CollectResult } from "./protocol";
import type { ServerUnderTest } from "./servers/types";
import { median, summarise } from "./stats";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (msg: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
export { log };

/** Median of a few RSS readings over `ms` (RSS moves with GC; a single reading is noisy). */
async function settledRss(pid: number, ms = 1_000): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    readings.push(rssBytes(pid));
    await sleep(ms / 5);
  }
  return median(readings)!;
}

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

/** Memory per open document: RSS after opening N documents with content, minus RSS before, over N. */
export async function memoryPhase(gen: GeneratorControl, sut: ServerUnderTest, config: BenchConfig) {
  const pid = sut.process.pid;
  // Warm the server up (first connection, JIT, lazy modules), then let it settle.
  await gen.send({ cmd: "memory-open", target: sut.target, docs: [sut.warmupDoc], chars: 100 });
  await gen.send({ cmd: "memory-close" });
  await sleep(config.settleMs);
  const before = await settledRss(pid);
  const started = performance.now();
  await gen.send({ cmd: "memory-open", target: sut.target, docs: sut.memoryDocs, chars: config.memoryCharsPerDoc });
  const openMs = performance.now() - started;
  await sleep(config.settleMs);
  const after = await settledRss(pid);
  await gen.send({ cmd: "memory-close" });
  await sleep(config.settleMs);
  const afterClose = await settledRss(pid);
  const docs = sut.memoryDocs.length;
  return {
    docs,
    charsPerDoc: config.memoryCharsPerDoc,
    rssBeforeBytes: before,
    rssOpenBytes: after,
    rssAfterCloseBytes: afterClose,
    bytesPerDoc: Math.round((after - before) / docs),
    openAllMs: Math.round(openMs),
  };
}

/** Steady load: every room's editors type at `keysPerSec`. Rooms stay open for the saturation phase. */
export async function loadPhase(gen: GeneratorControl, sut: ServerUnderTest, config: BenchConfig, keysPerSec: number) {
  const opened = await gen.send<{ clients: number; ms: number }>({
    cmd: "open-rooms",
    target: sut.target,
    rooms: sut.rooms,
    probeIntervalMs: config.probeIntervalMs,
    lean: config.leanEditors,
  });
  log(`${sut.kind}: ${opened.clients} clients synced in ${opened.ms} ms; steady load ${keysPerSec} keys/s per editor`);
  const { samples, ...measured } = await measureWindow(gen, sut, config, keysPerSec, config.warmupMs, config.measureMs);
  log(
    `${sut.kind}: p50 ${measured.latency.p50} p95 ${measured.latency.p95} p99 ${measured.latency.p99} ms; ` +
      `${Math.round(measured.updatesPerSec)} updates/s; server CPU ${(measured.serverCpu * 100).toFixed(0)}%, generator CPU ${(measured.generatorCpu * 100).toFixed(0)}%, ` +
      `other programs ${(measured.foreignCpu * 100).toFixed(0)}% of a core`,
  );
  const serverStats = (await sut.serverStats?.()) ?? null;
  // The raw samples go to a file of their own (run.ts), not into the result.
  return { result: { clientsOpened: opened.clients, openMs: opened.ms, ...measured, serverStats }, samples };
}

export type Step = Measured & { pass: boolean; why: string[]; generatorBound: boolean };

function judge(m: Measured, config: BenchConfig, disconnectsBefore: number): Step {
  const why: string[] = [];
  if (m.latency.p95 === null || m.latency.p95 >= config.saturationP95Ms)
    why.push(`p95 ${m.latency.p95} ms ≥ ${config.saturationP95Ms} ms`);
  if (m.updatesPerSec < 0.9 * m.targetUpdatesPerSec)
    why.push(`sent ${Math.round(m.updatesPerSec)}/s of ${m.targetUpdatesPerSec}/s`);
  if (m.disconnects > disconnectsBefore) why.push(`${m.disconnects - disconnectsBefore} disconnects`);
  return { ...m, pass: why.length === 0, why, generatorBound: m.generatorCpu > config.generatorSaturated };
}

/**
 * Saturation: step the per-editor rate up (doubling) until p95 ≥ 50 ms (or the rate cannot be
 * sent, or clients are dropped), then refine between the last pass and the first failure.
 */
export async function saturationPhase(
  gen: GeneratorControl,
  sut: ServerUnderTest,
  config: BenchConfig,
  startDisconnects: number,
) {
  const steps: Step[] = [];
  let lastPass: Step | null = null;
  let firstFail: Step | null = null;
  let disconnects = startDisconnects;
  const run = async (rate: number) => {
    const { samples: _samples, ...m } = await measureWindow(
      gen,
      sut,
      config,
      rate,
      config.stepWarmupMs,
      config.stepMeasureMs,
    );
    const step = judge(m, config, disconnects);
    disconnects = m.disconnects;
    steps.push(step);
    log(
      `${sut.kind}: step ${rate} keys/s/editor → ${Math.round(step.updatesPerSec)} updates/s, p95 ${step.latency.p95} ms, ` +
        `server ${(step.serverCpu * 100).toFixed(0)}%, generator ${(step.generatorCpu * 100).toFixed(0)}%, others ${(step.foreignCpu * 100).toFixed(0)}% ${step.pass ? "pass" : `FAIL (${step.why.join("; ")})`}`,
    );
    if (!step.pass) {
      // Let the backlog drain before anything else is measured.
      await gen.send({ cmd: "set-rate", keysPerSec: 0 });
      await sleep(config.settleMs + 1_000);
    }
    return step;
  };
  for (const rate of config.saturationSteps) {
    const step = await run(rate);
    if (step.pass) lastPass = step;
    else {
      firstFail = step;
      break;
    }
  }
  for (let i = 0; i < config.refineSteps && firstFail; i++) {
    const low = lastPass?.keysPerSecPerEditor ?? firstFail.keysPerSecPerEditor / 2;
    const rate = Math.round(Math.sqrt(low * firstFail.keysPerSecPerEditor) * 10) / 10;
    if (rate <= low || rate >= firstFail.keysPerSecPerEditor) break;
    const step = await run(rate);
    if (step.pass) lastPass = step;
    else firstFail = step;
  }
  await gen.send({ cmd: "set-rate", keysPerSec: 0 });
  return {
    /** Highest total update rate (all editors, measured) with p95 below the bound; null if none passed. */
    updatesPerSec: lastPass ? Math.round(lastPass.updatesPerSec) : null,
    keysPerSecPerEditor: lastPass?.keysPerSecPerEditor ?? null,
    firstFailKeysPerSecPerEditor: firstFail?.keysPerSecPerEditor ?? null,
    /** The generator was above its saturation share at the first failing step: the limit may be the generator's. */
    limitedByGenerator: firstFail ? firstFail.generatorBound : true,
    steps,
  };
}

/**
 * A document with 10,000 stored edits: written through clients, then opened again warm (still in
 * memory) and cold (after the server unloaded it), timed from connection start to synced on the
 * client, and server-side from the server's own load timing where it logs one.
 */
export async function bigDocPhase(gen: GeneratorControl, sut: ServerUnderTest, config: BenchConfig) {
  const doc = sut.bigDoc;
  const written = await gen.send<{ edits: number; textLength: number; ms: number }>({
    cmd: "big-write",
    target: sut.target,
    doc: doc.name,
    cookies: doc.writerCookies,
    edits: config.bigDocEdits,
    ratePerWriter: config.bigDocWriterRate,
    waitSaved: true,
  });
  log(`${sut.kind}: wrote ${written.edits} edits in ${written.ms} ms`);
  const warm: number[] = [];
  for (let i = 0; i < config.bigDocOpens; i++) {
    const r = await gen.send<{ ms: number; complete: boolean }>({
      cmd: "open-once",
      target: sut.target,
      doc: doc.name,
      cookie: doc.readerCookie,
      expectLength: written.textLength,
    });
    if (!r.complete) throw new Error(`${sut.kind}: warm open of the big document was incomplete`);
    warm.push(r.ms);
  }
  await gen.send({ cmd: "big-disconnect" });
  const cold: number[] = [];
  const server: number[] = [];
  let storage: Record<string, unknown> | null = null;
  if (sut.unloads) {
    await sut.waitUnloaded(doc.name);
    storage = (await sut.storage?.(doc.name)) ?? null;
    for (let i = 0; i < config.bigDocOpens; i++) {
      const loadsBefore = sut.loadTimes(doc.name).length;
      const r = await gen.send<{ ms: number; complete: boolean }>({
        cmd: "open-once",
        target: sut.target,
        doc: doc.name,
        cookie: doc.readerCookie,
        expectLength: written.textLength,
      });
      if (!r.complete) throw new Error(`${sut.kind}: cold open of the big document was incomplete (lost edits?)`);
      cold.push(r.ms);
      await sut.waitUnloaded(doc.name);
      const loads = sut.loadTimes(doc.name);
      if (loads.length === loadsBefore + 1) server.push(loads[loads.length - 1]);
      else log(`${sut.kind}: open ${i} was not a cold load (${loads.length - loadsBefore} loads logged)`);
    }
  }
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    edits: written.edits,
    writers: doc.writerCookies.length,
    writeMs: written.ms,
    storage,
    warmClientMs: warm.map((v) => round(v)),
    warmClientMedianMs: round(median(warm)),
    coldClientMs: cold.map((v) => round(v)),
    coldClientMedianMs: round(median(cold)),
    coldServerMs: server.map((v) => round(v)),
    coldServerMedianMs: round(median(server)),
  };
}
