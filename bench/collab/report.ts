import type { bigDocPhase, loadPhase, memoryPhase, saturationPhase } from "./phases";
import { ratio } from "./stats";
import type { ServerKind } from "./servers/types";

export type ServerResult = {
  kind: ServerKind;
  description: string;
  memory: Awaited<ReturnType<typeof memoryPhase>>;
  load: Awaited<ReturnType<typeof loadPhase>>;
  saturation: Awaited<ReturnType<typeof saturationPhase>>;
  convergence: { converged: boolean; ms: number; textLengths?: number[] };
  bigDoc: Awaited<ReturnType<typeof bigDocPhase>>;
  /** Other programs' CPU just before this server was measured (the run waits for a quiet machine). */
  quietGate: { quiet: boolean; foreignCpu: number; waitedMs: number };
};

export type Target = { name: string; value: number | null; target: string; met: boolean | null; note?: string };

/** The four targets, computed from one run's numbers. */
export function targets(results: Partial<Record<ServerKind, ServerResult>>): Target[] {
  const ours = results.ours;
  const bare = results.bare;
  const hp = results.hocuspocus;
  const p95 = (r?: ServerResult) => r?.load.latency.p95 ?? null;
  const sat = (r?: ServerResult) => r?.saturation.updatesPerSec ?? null;
  const check = (v: number | null, ok: (v: number) => boolean) => (v === null ? null : ok(v));
  const vsBare = ratio(p95(ours), p95(bare));
  const vsHp = ratio(p95(ours), p95(hp));
  const satRatio = ratio(sat(ours), sat(bare));
  const open = ours?.bigDoc.coldServerMedianMs ?? null;
  const generatorNote = (r?: ServerResult) => (r?.saturation.limitedByGenerator ? `${r.kind}'s limit was reached with the generator saturated` : null);
  return [
    { name: "ours p95 / bare p95 (steady load)", value: vsBare, target: "≤ 1.3", met: check(vsBare, (v) => v <= 1.3) },
    { name: "ours p95 / hocuspocus p95 (steady load)", value: vsHp, target: "≤ 1.0", met: check(vsHp, (v) => v <= 1.0) },
    {
      name: "ours saturation / bare saturation",
      value: satRatio,
      target: "≥ 0.7",
      met: check(satRatio, (v) => v >= 0.7),
      note: [generatorNote(ours), generatorNote(bare)].filter(Boolean).join("; ") || undefined,
    },
    { name: "ours 10k-edit cold open, server-side median (ms)", value: open, target: "≤ 50", met: check(open, (v) => v <= 50) },
  ];
}

const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? "–" : Number(v.toFixed(digits)).toString());
const pct = (v: number | null | undefined) => (v === null || v === undefined ? "–" : `${Math.round(v * 100)}%`);
const mb = (v: number | null | undefined) => (v === null || v === undefined ? "–" : `${(v / 1048576).toFixed(1)} MB`);
const kb = (v: number | null | undefined) => (v === null || v === undefined ? "–" : `${(v / 1024).toFixed(1)} KB`);

/** The markdown tables for docs/performance.md. */
export function markdown(run: {
  startedAt: string;
  machine: { nproc: number; cpuModel: string; node: string };
  quick: boolean;
  keysPerSec: number;
  loadNote: string | null;
  config: { rooms: number; editorsPerRoom: number; measureMs: number; memoryDocs: number; bigDocEdits: number };
  results: Partial<Record<ServerKind, ServerResult>>;
}) {
  const kinds = (["bare", "hocuspocus", "ours"] as ServerKind[]).filter((k) => run.results[k]);
  const row = (label: string, f: (r: ServerResult) => string) => `| ${label} | ${kinds.map((k) => f(run.results[k]!)).join(" | ")} |`;
  const lines: string[] = [];
  lines.push(
    `Run ${run.startedAt} on ${run.machine.nproc} cores (${run.machine.cpuModel}), Node ${run.machine.node}` +
      `${run.quick ? ", **BENCH_QUICK** (short windows)" : ""}. Server pinned to core 0, load generator to core 1; Postgres unpinned.`,
  );
  lines.push("");
  lines.push(
    `Steady load: ${run.config.rooms} rooms × ${run.config.editorsPerRoom} editors typing ${run.keysPerSec} keys/s each ` +
      `(${run.config.rooms * run.config.editorsPerRoom * run.keysPerSec} updates/s), one probe per room every 200 ms, ${run.config.measureMs / 1000} s measured after warm-up.` +
      (run.loadNote ? ` **${run.loadNote}**` : ""),
  );
  const disturbed = kinds.filter((k) => !run.results[k]!.quietGate.quiet || run.results[k]!.load.foreignCpu > 0.2);
  if (disturbed.length) {
    lines.push("");
    lines.push(
      `**Other programs were using the machine while ${disturbed.join(", ")} ${disturbed.length === 1 ? "was" : "were"} measured ` +
        `(see "other programs' CPU"): those numbers are disturbed and not comparable.**`,
    );
  }
  lines.push("");
  lines.push(`| | ${kinds.join(" | ")} |`);
  lines.push(`|---|${kinds.map(() => "---").join("|")}|`);
  lines.push(row("updates/s sent (steady)", (r) => fmt(r.load.updatesPerSec, 0)));
  lines.push(row("fan-out latency p50 / p95 / p99 (ms)", (r) => `${fmt(r.load.latency.p50)} / **${fmt(r.load.latency.p95)}** / ${fmt(r.load.latency.p99)}`));
  lines.push(row("probe deliveries seen / expected", (r) => `${r.load.probeSamples} / ${r.load.expectedSamples}`));
  lines.push(row("server CPU (share of one core)", (r) => pct(r.load.serverCpu)));
  lines.push(row("Postgres CPU (all backends)", (r) => pct(r.load.postgresCpu)));
  lines.push(row("load generator CPU", (r) => pct(r.load.generatorCpu)));
  lines.push(row("server RSS after steady load", (r) => mb(r.load.serverRssBytes)));
  lines.push(row("other programs' CPU during steady load (cores)", (r) => fmt(r.load.foreignCpu, 2)));
  lines.push(
    row("saturation: updates/s with p95 < 50 ms", (r) =>
      r.saturation.updatesPerSec === null
        ? `< ${fmt(r.saturation.steps[0]?.targetUpdatesPerSec, 0)}`
        : `**${r.saturation.updatesPerSec}** (${r.saturation.keysPerSecPerEditor} keys/s/editor)${r.saturation.limitedByGenerator ? " †" : ""}`,
    ),
  );
  lines.push(row("all clients converged afterwards", (r) => (r.convergence.converged ? "yes" : "**no**")));
  lines.push(row(`memory per open document (${run.config.memoryDocs} docs, 1 client each)`, (r) => kb(r.memory.bytesPerDoc)));
  lines.push(row(`${run.config.bigDocEdits / 1000}k-edit doc: warm open, client connect→synced (median ms)`, (r) => fmt(r.bigDoc.warmClientMedianMs)));
  lines.push(row(`${run.config.bigDocEdits / 1000}k-edit doc: cold open, client connect→synced (median ms)`, (r) => (r.bigDoc.coldClientMs.length ? fmt(r.bigDoc.coldClientMedianMs) : "n/a (never unloads)")));
  lines.push(row(`${run.config.bigDocEdits / 1000}k-edit doc: cold open, server-side load (median ms)`, (r) => (r.bigDoc.coldServerMs.length ? fmt(r.bigDoc.coldServerMedianMs) : "n/a")));
  lines.push("");
  lines.push("† the load generator's core was above 90% at the first failing step: that limit is at least partly the generator's.");
  lines.push("");
  lines.push("| target | measured | goal | |");
  lines.push("|---|---|---|---|");
  for (const t of targets(run.results)) {
    lines.push(`| ${t.name} | ${fmt(t.value, 2)} | ${t.target} | ${t.met === null ? "not measured" : t.met ? "met" : "**missed**"}${t.note ? ` (${t.note})` : ""} |`);
  }
  return lines.join("\n");
}
