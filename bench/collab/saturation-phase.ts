// The saturation phase: raise the per-editor rate until p95 crosses the bound, then refine.
import type { BenchConfig } from "./config";
import type { GeneratorControl } from "./generator-control";
import { log } from "./log";
import { measureWindow, type Measured } from "./measure-window";
import { sleep, type ServerUnderTest } from "./servers/types";

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
