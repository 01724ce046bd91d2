// Running one server through every phase, and calibrating the load against the bare server.
import { attackPhase } from "./attack-phase";
import { cleanups } from "./cleanup";
import type { GeneratorControl } from "./generator-control";
import { log } from "./log";
import { measureWindow } from "./measure-window";
import { bigDocPhase, loadPhase, memoryPhase } from "./phases";
import { waitForQuiet } from "./proc";
import type { ServerResult } from "./report";
import { saturationPhase } from "./saturation-phase";
import { startBare } from "./servers/bare";
import { startHocuspocus } from "./servers/hocuspocus";
import { startOurs } from "./servers/ours";
import type { ServerKind, ServerUnderTest, StartContext } from "./servers/types";

/** Every steady-load latency sample (ms) per server, written next to the JSON. */
export const latencySamples: Partial<Record<ServerKind, number[]>> = {};

const starters: Record<ServerKind, (ctx: StartContext) => Promise<ServerUnderTest>> = {
  bare: startBare,
  hocuspocus: startHocuspocus,
  ours: (ctx) => startOurs(ctx, "ours"),
  "ours-unguarded": (ctx) => startOurs(ctx, "ours-unguarded"),
  "ours-nosaved": (ctx) => startOurs(ctx, "ours-nosaved"),
};

export async function benchServer(
  kind: ServerKind,
  gen: GeneratorControl,
  ctx: StartContext,
  keysPerSec: number,
): Promise<ServerResult> {
  const { config } = ctx;
  const quietGate = await waitForQuiet(
    [process.pid, gen.pid],
    ctx.databaseName,
    config.quietThreshold,
    config.quietMaxWaitMs,
  );
  log(
    `${kind}: other programs use ${quietGate.foreignCpu} cores${quietGate.quiet ? "" : " (NOT quiet: results are disturbed)"}; starting`,
  );
  // One directory per server: --cpu-prof writes a profile per thread (the main thread's is the largest).
  const nodeArgs = ctx.nodeArgs.map((a) => (a.startsWith("--cpu-prof-dir=") ? `${a}/${kind}` : a));
  const sut = await starters[kind]({ ...ctx, nodeArgs });
  const stopSut = () => sut.stop();
  cleanups.add(stopSut);
  try {
    log(`${kind}: pid ${sut.process.pid}, ${sut.description}`);
    const memory = await memoryPhase(gen, sut, config);
    log(`${kind}: memory ${(memory.bytesPerDoc / 1024).toFixed(1)} KB per open document (${memory.docs} documents)`);
    const { result: load, samples } = await loadPhase(gen, sut, config, keysPerSec);
    latencySamples[kind] = samples.map((v) => Math.round(v * 100) / 100);
    const saturation = await saturationPhase(gen, sut, config, load.disconnects);
    const convergence = await gen.send<ServerResult["convergence"]>({ cmd: "converge", timeoutMs: 30_000 });
    log(`${kind}: rooms ${convergence.converged ? "converged" : "DID NOT converge"} (${convergence.ms} ms)`);
    await gen.send({ cmd: "close-rooms" });
    const bigDoc = await bigDocPhase(gen, sut, config);
    log(
      `${kind}: 10k-edit document cold open client ${bigDoc.coldClientMedianMs} ms, server ${bigDoc.coldServerMedianMs} ms; warm ${bigDoc.warmClientMedianMs} ms`,
    );
    const serverStatsAtEnd = (await sut.serverStats?.()) ?? null;
    // Last, so the counters above hold only what the honest load did.
    const attacks = sut.target.server.startsWith("ours") ? await attackPhase(sut.target, sut.warmupDoc) : null;
    if (attacks)
      log(
        `${kind}: bloat attack: ${attacks.bloat.framesSent} frames sent, closed ${attacks.bloat.closed ? attacks.bloat.closed.code : "never"}, document ${attacks.bloat.documentBytesBefore} → ${attacks.bloat.documentBytesAfter} bytes; ${attacks.sockets.opened} of ${attacks.sockets.tried} sockets opened`,
      );
    return {
      attacks,
      kind,
      description: sut.description,
      memory,
      load,
      saturation,
      convergence,
      bigDoc,
      serverStatsAtEnd,
      quietGate,
    };
  } finally {
    await gen.send({ cmd: "close-rooms" }).catch(() => {});
    await sut.stop();
    cleanups.delete(stopSut);
  }
}

/**
 * If the generator cannot drive the configured load without saturating its own core, lower the
 * load (for every server alike) until it can. Measured against the bare server.
 */
export async function calibrate(gen: GeneratorControl, ctx: StartContext) {
  const { config } = ctx;
  let keysPerSec = config.keysPerSec;
  const tries: Array<{ keysPerSec: number; generatorCpu: number }> = [];
  const sut = await startBare(ctx);
  const stopSut = () => sut.stop();
  cleanups.add(stopSut);
  try {
    await gen.send({
      cmd: "open-rooms",
      target: sut.target,
      rooms: sut.rooms,
      probeIntervalMs: config.probeIntervalMs,
      lean: config.leanEditors,
    });
    for (let i = 0; i < 4; i++) {
      const m = await measureWindow(gen, sut, config, keysPerSec, 2_000, 4_000);
      tries.push({ keysPerSec, generatorCpu: m.generatorCpu });
      log(`calibration: ${keysPerSec} keys/s per editor → generator CPU ${(m.generatorCpu * 100).toFixed(0)}%`);
      if (m.generatorCpu <= config.generatorSaturated) break;
      keysPerSec = Math.max(1, Math.floor(keysPerSec * 0.7));
    }
  } finally {
    await gen.send({ cmd: "close-rooms" }).catch(() => {});
    await sut.stop();
    cleanups.delete(stopSut);
  }
  return { keysPerSec, tries };
}

export type Calibration = Awaited<ReturnType<typeof calibrate>>;
