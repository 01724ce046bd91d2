/**
 * `npm run bench:collab`: one run measures three collaboration servers under the same load on
 * this machine, and ours a second time with its write rules off (ours-unguarded, ADR 024: their
 * cost), and writes bench/results/collab-<timestamp>.json (raw numbers) and .md (tables).
 *
 *   BENCH_QUICK=1          ~2-minute version (shorter windows, fewer documents)
 *   BENCH_ONLY=ours,bare   run a subset (ratios need the baselines of the same run;
 *                          BENCH_ONLY=ours,ours-unguarded measures only the write rules' cost)
 *   BENCH_PROFILE=1        start the servers with `node --cpu-prof` (slower: for finding hot spots,
 *                          not for the numbers); profiles and a summary land in bench/results/
 *   BENCH_KEYS_PER_SEC=n   steady-load keys/s per editor (default 5)
 *   BENCH_EDITORS=full     editors apply every update locally (default: lean, see clients.ts)
 *   BENCH_WAIT_QUIET_S=n   wait up to n s per server for other programs to leave the cores (default 120)
 *   BENCH_ATTEMPTS=1       never re-measure a sub-window disturbed by other programs
 *   BENCH_ONLY=ours,ours-nosaved   diagnostic: ours again with editors that do not ask for "saved"
 *
 * Linux only: it pins processes with taskset and reads /proc. Traffic stays on 127.0.0.1.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { cleanUp, cleanUpOnSignals, cleanups } from "./cleanup";
import { loadConfig } from "./config";
import { GeneratorControl } from "./generator-control";
import { log } from "./log";
import { createThrowawayDatabase, type ThrowawayDatabase } from "./postgres";
import { machineInfo, pinSelf } from "./proc";
import { isDisturbed, type ServerResult } from "./report";
import { collectProfiles, writeResults } from "./results-files";
import { benchServer, calibrate, latencySamples } from "./server-runs";
import type { ServerKind, StartContext } from "./servers/types";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const RESULTS = path.join(ROOT, "bench", "results");
// Nominal: ~10 minutes (full) or ~3 (quick) on a quiet machine; waiting for other programs adds to it.
const HARD_LIMIT_MS = 35 * 60_000;

cleanUpOnSignals();

async function main() {
  const config = loadConfig();
  const only = (process.env.BENCH_ONLY ?? "bare,hocuspocus,ours,ours-unguarded")
    .split(",")
    .map((s) => s.trim()) as ServerKind[];
  const profile = process.env.BENCH_PROFILE === "1";
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  const logDir = path.join(RESULTS, "logs", stamp);
  mkdirSync(logDir, { recursive: true });
  const machine = machineInfo(); // before pinning: nproc reports the cores this process may use
  const pinned = pinSelf("1");
  log(
    `${machine.nproc} cores, Node ${machine.node}; ${config.quick ? "quick" : "full"} run; orchestrator ${pinned ? "pinned to core 1" : "not pinned"}`,
  );

  const watchdog = setTimeout(() => {
    process.stderr.write(`benchmark exceeded ${HARD_LIMIT_MS / 60000} minutes: stopping\n`);
    void cleanUp().finally(() => process.exit(3));
  }, HARD_LIMIT_MS);
  watchdog.unref();

  let database: ThrowawayDatabase | null = null;
  const profileDir = path.join(RESULTS, `profiles-${stamp}`);
  const gen = new GeneratorControl(ROOT, "1", profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}/generator`] : []);
  cleanups.add(() => gen.stop());
  const results: Partial<Record<ServerKind, ServerResult>> = {};
  const errors: Record<string, string> = {};
  try {
    database = await createThrowawayDatabase();
    const db = database;
    cleanups.add(() => db.drop());
    log(`throwaway database ${database.name}`);
    if (profile) mkdirSync(profileDir, { recursive: true });
    const ctx: StartContext = {
      cwd: ROOT,
      logDir,
      config,
      databaseUrl: database.url,
      databaseName: database.name,
      nodeArgs: profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
    };
    const calibration = await calibrate(gen, { ...ctx, nodeArgs: [] });
    for (const kind of only) {
      try {
        results[kind] = await benchServer(kind, gen, ctx, calibration.keysPerSec);
      } catch (error) {
        errors[kind] = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`${kind}: FAILED: ${errors[kind]}`);
      }
    }
    // A server measured while other programs kept the cores busy gets one more run, on a quieter machine.
    const discarded: ServerResult[] = [];
    for (const kind of only) {
      const first = results[kind];
      if (!first || !isDisturbed(first)) continue;
      log(`${kind}: its numbers were disturbed by other programs: measuring it once more`);
      try {
        const again = await benchServer(kind, gen, ctx, calibration.keysPerSec);
        const worse = isDisturbed(again) && again.load.foreignCpu >= first.load.foreignCpu;
        discarded.push(worse ? again : first);
        if (!worse) results[kind] = again;
      } catch (error) {
        log(`${kind}: the second run failed: ${error instanceof Error ? error.message : error}`);
      }
    }
    const finishedAt = new Date();
    await gen.stop(); // a profiled generator writes its profile as it exits
    const profiles = profile ? collectProfiles(ROOT, profileDir, [...only, "generator"]) : [];
    writeResults({
      root: ROOT,
      base: path.join(RESULTS, `collab-${stamp}`),
      logDir,
      startedAt,
      finishedAt,
      machine,
      pinned,
      config,
      calibration,
      results,
      discarded,
      errors,
      profiles,
      latencySamples,
    });
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
