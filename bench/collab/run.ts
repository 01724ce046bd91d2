/**
 * `npm run bench:collab`: one run measures three collaboration servers under the same load on
 * this machine and writes bench/results/collab-<timestamp>.json (raw numbers) and .md (tables).
 *
 *   BENCH_QUICK=1          ~2-minute version (shorter windows, fewer documents)
 *   BENCH_ONLY=ours,bare   run a subset (ratios need the baselines of the same run)
 *   BENCH_PROFILE=1        start the servers with `node --cpu-prof` (slower: for finding hot spots,
 *                          not for the numbers); profiles and a summary land in bench/results/
 *   BENCH_KEYS_PER_SEC=n   steady-load keys/s per editor (default 5)
 *
 * Linux only: it pins processes with taskset and reads /proc. Traffic stays on 127.0.0.1.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "./config";
import { summariseProfile } from "./cpuprofile";
import { GeneratorControl } from "./generator-control";
import { bigDocPhase, loadPhase, log, measureWindow, memoryPhase, saturationPhase } from "./phases";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";
import { machineInfo, pinSelf, waitForQuiet } from "./proc";
import { markdown, targets, type ServerResult } from "./report";
import { startBare } from "./servers/bare";
import { startHocuspocus } from "./servers/hocuspocus";
import { startOurs } from "./servers/ours";
import type { ServerKind, ServerUnderTest, StartContext } from "./servers/types";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const RESULTS = path.join(ROOT, "bench", "results");
const HARD_LIMIT_MS = 25 * 60_000;

const starters: Record<ServerKind, (ctx: StartContext) => Promise<ServerUnderTest>> = {
  bare: startBare,
  hocuspocus: startHocuspocus,
  ours: startOurs,
};

async function benchServer(kind: ServerKind, gen: GeneratorControl, ctx: StartContext, keysPerSec: number): Promise<ServerResult> {
  const { config } = ctx;
  const quietGate = await waitForQuiet([process.pid, gen.pid], config.quietThreshold, config.quietMaxWaitMs);
  log(`${kind}: other programs use ${quietGate.foreignCpu} cores${quietGate.quiet ? "" : " (NOT quiet: results are disturbed)"}; starting`);
  const nodeArgs = ctx.nodeArgs.length ? [...ctx.nodeArgs, `--cpu-prof-name=${kind}.cpuprofile`] : [];
  const sut = await starters[kind]({ ...ctx, nodeArgs });
  try {
    log(`${kind}: pid ${sut.process.pid}, ${sut.description}`);
    const memory = await memoryPhase(gen, sut, config);
    log(`${kind}: memory ${(memory.bytesPerDoc / 1024).toFixed(1)} KB per open document (${memory.docs} documents)`);
    const load = await loadPhase(gen, sut, config, keysPerSec);
    const saturation = await saturationPhase(gen, sut, config, load.disconnects);
    const convergence = await gen.send<ServerResult["convergence"]>({ cmd: "converge", timeoutMs: 30_000 });
    log(`${kind}: rooms ${convergence.converged ? "converged" : "DID NOT converge"} (${convergence.ms} ms)`);
    await gen.send({ cmd: "close-rooms" });
    const bigDoc = await bigDocPhase(gen, sut, config);
    log(`${kind}: 10k-edit document cold open client ${bigDoc.coldClientMedianMs} ms, server ${bigDoc.coldServerMedianMs} ms; warm ${bigDoc.warmClientMedianMs} ms`);
    return { kind, description: sut.description, memory, load, saturation, convergence, bigDoc, quietGate };
  } finally {
    await gen.send({ cmd: "close-rooms" }).catch(() => {});
    await sut.stop();
  }
}

/**
 * If the generator cannot drive the configured load without saturating its own core, lower the
 * load (for every server alike) until it can. Measured against the bare server.
 */
async function calibrate(gen: GeneratorControl, ctx: StartContext) {
  const { config } = ctx;
  let keysPerSec = config.keysPerSec;
  const tries: Array<{ keysPerSec: number; generatorCpu: number }> = [];
  const sut = await startBare(ctx);
  try {
    await gen.send({ cmd: "open-rooms", target: sut.target, rooms: sut.rooms, probeIntervalMs: config.probeIntervalMs });
    for (let i = 0; i < 4; i++) {
      const m = await measureWindow(gen, sut, keysPerSec, 2_000, 4_000);
      tries.push({ keysPerSec, generatorCpu: m.generatorCpu });
      log(`calibration: ${keysPerSec} keys/s per editor → generator CPU ${(m.generatorCpu * 100).toFixed(0)}%`);
      if (m.generatorCpu <= config.generatorSaturated) break;
      keysPerSec = Math.max(1, Math.floor(keysPerSec * 0.7));
    }
  } finally {
    await gen.send({ cmd: "close-rooms" }).catch(() => {});
    await sut.stop();
  }
  return { keysPerSec, tries };
}

async function main() {
  const config = loadConfig();
  const only = (process.env.BENCH_ONLY ?? "bare,hocuspocus,ours").split(",").map((s) => s.trim()) as ServerKind[];
  const profile = process.env.BENCH_PROFILE === "1";
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  const logDir = path.join(RESULTS, "logs", stamp);
  mkdirSync(logDir, { recursive: true });
  const machine = machineInfo(); // before pinning: nproc reports the cores this process may use
  const pinned = pinSelf("1");
  log(`${machine.nproc} cores, Node ${machine.node}; ${config.quick ? "quick" : "full"} run; orchestrator ${pinned ? "pinned to core 1" : "not pinned"}`);

  const watchdog = setTimeout(() => {
    process.stderr.write(`benchmark exceeded ${HARD_LIMIT_MS / 60000} minutes: stopping\n`);
    process.exit(3);
  }, HARD_LIMIT_MS);
  watchdog.unref();

  let database: ThrowawayDatabase | null = null;
  const gen = new GeneratorControl(ROOT, "1");
  const results: Partial<Record<ServerKind, ServerResult>> = {};
  const errors: Record<string, string> = {};
  let calibration: Awaited<ReturnType<typeof calibrate>> | null = null;
  try {
    database = await createThrowawayDatabase();
    log(`throwaway database ${database.name}`);
    const profileDir = path.join(RESULTS, `profiles-${stamp}`);
    if (profile) mkdirSync(profileDir, { recursive: true });
    const ctx: StartContext = {
      cwd: ROOT,
      logDir,
      config,
      databaseUrl: database.url,
      nodeArgs: profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
    };
    calibration = await calibrate(gen, { ...ctx, nodeArgs: [] });
    for (const kind of only) {
      try {
        results[kind] = await benchServer(kind, gen, ctx, calibration.keysPerSec);
      } catch (error) {
        errors[kind] = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`${kind}: FAILED: ${errors[kind]}`);
      }
    }
    const finishedAt = new Date();
    const keysPerSec = calibration.keysPerSec;
    const loadNote =
      keysPerSec < config.keysPerSec
        ? `The generator saturated its core at ${config.keysPerSec} keys/s per editor, so every server was measured at ${keysPerSec} keys/s per editor.`
        : null;
    const generatorHot = Object.values(results).filter((r) => r.load.generatorCpu > config.generatorSaturated).map((r) => r.kind);
    const profiles = profile
      ? readdirSync(profileDir)
          .filter((f) => f.endsWith(".cpuprofile"))
          .map((f) => ({ file: path.join("bench", "results", `profiles-${stamp}`, f), top: summariseProfile(path.join(profileDir, f), 25) }))
      : [];
    const report = {
      benchmark: "collab",
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
      machine,
      pinning: { server: "core 0 (taskset -c 0)", generator: "core 1 (taskset -c 1)", orchestrator: pinned ? "core 1" : "unpinned", postgres: "unpinned" },
      config,
      load: {
        keysPerSecPerEditor: keysPerSec,
        totalUpdatesPerSec: config.rooms * config.editorsPerRoom * keysPerSec,
        lowered: loadNote,
        generatorAbove90PercentIn: generatorHot,
      },
      calibration,
      versions: { yjs: "13.6.33", "y-websocket (client)": "3.1.0", "y-websocket (bare server)": "2.1.0", hocuspocus: "3.4.4" },
      results,
      errors,
      targets: targets(results),
      profiles,
    };
    const base = path.join(RESULTS, `collab-${stamp}`);
    writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + "\n");
    const md = markdown({
      startedAt: startedAt.toISOString(),
      machine,
      quick: config.quick,
      keysPerSec,
      loadNote: [loadNote, generatorHot.length ? `Generator CPU was above 90% during the steady load of: ${generatorHot.join(", ")}.` : null].filter(Boolean).join(" ") || null,
      config,
      results,
    });
    writeFileSync(`${base}.md`, md + "\n");
    process.stdout.write(`\n${md}\n\nWrote ${path.relative(ROOT, base)}.json and .md (server logs in ${path.relative(ROOT, logDir)})\n`);
    for (const p of profiles) {
      process.stdout.write(`\nTop self time in ${p.file}:\n`);
      for (const f of p.top.slice(0, 15)) process.stdout.write(`  ${f.selfPercent.toFixed(1).padStart(5)}%  ${f.name}  ${f.location}\n`);
    }
    if (Object.keys(errors).length) process.exitCode = 1;
  } finally {
    await gen.stop();
    await database?.drop().catch((error) => log(`could not drop ${database?.name}: ${error}`));
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  },
);
