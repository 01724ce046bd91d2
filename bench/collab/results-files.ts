// The run's output: profile summaries, the JSON, samples and Markdown files, and the final printout.
import { readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchConfig } from "./config";
import { inclusiveTimes, OURS_BREAKDOWN, summariseProfile } from "./cpuprofile";
import type { machineInfo } from "./proc";
import { markdown, targets, type ServerResult } from "./report";
import type { Calibration } from "./server-runs";
import type { ServerKind } from "./servers/types";
import { writeRulesCost, writeRulesMarkdown } from "./write-rules-cost";

/** The largest profile (the main thread's) of each of `kinds` under `profileDir`, summarised. */
export function collectProfiles(root: string, profileDir: string, kinds: string[]) {
  return kinds.flatMap((kind) => {
    const dir = path.join(profileDir, kind);
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
    } catch {
      return [];
    }
    const main = files.map((f) => path.join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (!main) return [];
    const breakdown = kind.startsWith("ours") ? inclusiveTimes(main, OURS_BREAKDOWN) : [];
    return [{ server: kind, file: path.relative(root, main), top: summariseProfile(main, 25), breakdown }];
  });
}

/** Writes `<base>.json`, `<base>.latency-samples.json` and `<base>.md`, and prints the tables and profiles. */
export function writeResults(run: {
  root: string;
  base: string;
  logDir: string;
  startedAt: Date;
  finishedAt: Date;
  machine: ReturnType<typeof machineInfo>;
  pinned: boolean;
  config: BenchConfig;
  calibration: Calibration;
  results: Partial<Record<ServerKind, ServerResult>>;
  discarded: ServerResult[];
  errors: Record<string, string>;
  profiles: ReturnType<typeof collectProfiles>;
  latencySamples: Partial<Record<ServerKind, number[]>>;
}) {
  const { root, base, logDir, startedAt, finishedAt, machine, pinned, config, calibration, results, profiles } = run;
  const keysPerSec = calibration.keysPerSec;
  const loadNote =
    keysPerSec < config.keysPerSec
      ? `The generator saturated its core at ${config.keysPerSec} keys/s per editor, so every server was measured at ${keysPerSec} keys/s per editor.`
      : null;
  const generatorHot = Object.values(results)
    .filter((r) => r.load.generatorCpu > config.generatorSaturated)
    .map((r) => r.kind);
  const report = {
    benchmark: "collab",
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    machine,
    pinning: {
      server: "core 0 (taskset -c 0)",
      generator: "core 1 (taskset -c 1)",
      orchestrator: pinned ? "core 1" : "unpinned",
      postgres: "unpinned",
    },
    config,
    load: {
      keysPerSecPerEditor: keysPerSec,
      totalUpdatesPerSec: config.rooms * config.editorsPerRoom * keysPerSec,
      lowered: loadNote,
      generatorAbove90PercentIn: generatorHot,
    },
    calibration,
    versions: {
      yjs: "13.6.33",
      "y-websocket (client)": "3.1.0",
      "y-websocket (bare server)": "2.1.0",
      hocuspocus: "3.4.4",
    },
    results,
    /** Results replaced by a second run because other programs disturbed them (kept for the record). */
    discarded: run.discarded,
    errors: run.errors,
    targets: targets(results),
    /** ours (write rules on) / ours-unguarded (rules off), measured in this run (ADR 024). */
    writeRules: writeRulesCost(results),
    profiles,
  };
  writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + "\n");
  writeFileSync(
    `${base}.latency-samples.json`,
    JSON.stringify({ unit: "ms", phase: "steady load", servers: run.latencySamples }) + "\n",
  );
  const md = markdown({
    startedAt: startedAt.toISOString(),
    machine,
    quick: config.quick,
    keysPerSec,
    loadNote:
      [
        loadNote,
        generatorHot.length
          ? `Generator CPU was above 90% during the steady load of: ${generatorHot.join(", ")}.`
          : null,
      ]
        .filter(Boolean)
        .join(" ") || null,
    config,
    results,
  });
  const rules = report.writeRules ? `\n\n${writeRulesMarkdown(report.writeRules)}` : "";
  writeFileSync(`${base}.md`, md + rules + "\n");
  process.stdout.write(
    `\n${md}${rules}\n\nWrote ${path.relative(root, base)}.json and .md (server logs in ${path.relative(root, logDir)})\n`,
  );
  for (const p of profiles) {
    process.stdout.write(`\nTop self time in ${p.file}:\n`);
    for (const f of p.top.slice(0, 15))
      process.stdout.write(`  ${f.selfPercent.toFixed(1).padStart(5)}%  ${f.name}  ${f.location}\n`);
    if (p.breakdown.length) process.stdout.write(`Inclusive time in ${p.server}:\n`);
    for (const f of p.breakdown) process.stdout.write(`  ${f.percent.toFixed(1).padStart(5)}%  ${f.name}\n`);
  }
}
