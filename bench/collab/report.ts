import type { AttackResult } from "./attack-phase";
import type { bigDocPhase, loadPhase, memoryPhase } from "./phases";
import type { saturationPhase } from "./saturation-phase";
import { ratio } from "./stats";
import type { ServerKind } from "./servers/types";

export type ServerResult = {
  kind: ServerKind;
  description: string;
  memory: Awaited<ReturnType<typeof memoryPhase>>;
  load: Awaited<ReturnType<typeof loadPhase>>["result"];
  saturation: Awaited<ReturnType<typeof saturationPhase>>;
  convergence: { converged: boolean; ms: number; textLengths?: number[] };
  bigDoc: Awaited<ReturnType<typeof bigDocPhase>>;
  /** The server's counters after every phase (ours: refused and held updates), where it publishes them. */
  serverStatsAtEnd?: Record<string, unknown> | null;
  /** Other programs' CPU just before this server was measured (the run waits for a quiet machine). */
  quietGate: { quiet: boolean; foreignCpu: number; waitedMs: number };
  /** Issue 12's bloat and socket attacks (servers with sessions only), run after every measurement. */
  attacks?: AttackResult | null;
};

export type Target = { name: string; value: number | null; target: string; met: boolean | null; note?: string };

/** Measured while other programs kept using the cores, even after re-measuring: not to be judged. */
export function isDisturbed(r: ServerResult): boolean {
  return r.load.disturbed || r.saturation.steps.some((s) => s.disturbed);
}

/** The four targets, computed from one run's numbers. */
export function targets(results: Partial<Record<ServerKind, ServerResult>>): Target[] {
  const ours = results.ours;
  const bare = results.bare;
  const hp = results.hocuspocus;
  const p95 = (r?: ServerResult) => r?.load.latency.p95 ?? null;
  const sat = (r?: ServerResult) => r?.saturation.updatesPerSec ?? null;
  // A ratio involving a disturbed measurement is reported but not judged.
  const judged = (...rs: Array<ServerResult | undefined>) => rs.every((r) => r && !isDisturbed(r));
  const disturbedNote = (...rs: Array<ServerResult | undefined>) => {
    const bad = rs.filter((r): r is ServerResult => Boolean(r && isDisturbed(r))).map((r) => r.kind);
    return bad.length ? `not judged: ${bad.join(" and ")} disturbed by other programs` : null;
  };
  const check = (v: number | null, ok: (v: number) => boolean, ...rs: Array<ServerResult | undefined>) =>
    v === null || !judged(...rs) ? null : ok(v);
  const vsBare = ratio(p95(ours), p95(bare));
  const vsHp = ratio(p95(ours), p95(hp));
  const satRatio = ratio(sat(ours), sat(bare));
  const open = ours?.bigDoc.coldServerMedianMs ?? null;
  const generatorNote = (r?: ServerResult) =>
    r?.saturation.limitedByGenerator ? `${r.kind}'s limit was reached with the generator saturated` : null;
  return [
    {
      name: "ours p95 / bare p95 (steady load)",
      value: vsBare,
      target: "≤ 1.3",
      met: check(vsBare, (v) => v <= 1.3, ours, bare),
      note: disturbedNote(ours, bare) ?? undefined,
    },
    {
      name: "ours p95 / hocuspocus p95 (steady load)",
      value: vsHp,
      target: "≤ 1.0",
      met: check(vsHp, (v) => v <= 1.0, ours, hp),
      note: disturbedNote(ours, hp) ?? undefined,
    },
    {
      name: "ours saturation / bare saturation",
      value: satRatio,
      target: "≥ 0.7",
      met: check(satRatio, (v) => v >= 0.7, ours, bare),
      note:
        [disturbedNote(ours, bare), generatorNote(ours), generatorNote(bare)].filter(Boolean).join("; ") || undefined,
    },
    // A single-client open, timed by the server itself: noise from other programs matters little here.
    {
      name: "ours 10k-edit cold open, server-side median (ms)",
      value: open,
      target: "≤ 50",
      met: check(open, (v) => v <= 50),
    },
  ];
}

const fmt = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? "–" : Number(v.toFixed(digits)).toString();
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
  const kinds = (["bare", "hocuspocus", "ours", "ours-unguarded", "ours-nosaved"] as ServerKind[]).filter(
    (k) => run.results[k],
  );
  const row = (label: string, f: (r: ServerResult) => string) =>
    `| ${label} | ${kinds.map((k) => f(run.results[k]!)).join(" | ")} |`;
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
  const disturbed = kinds.filter(
    (k) => run.results[k]!.load.disturbed || run.results[k]!.saturation.steps.some((s) => s.disturbed),
  );
  if (disturbed.length) {
    lines.push("");
    lines.push(
      `**Other programs were using the machine while ${disturbed.join(", ")} ${disturbed.length === 1 ? "was" : "were"} measured ` +
        `even after re-measuring (see "other programs' CPU" and the JSON): those numbers are disturbed.**`,
    );
  }
  lines.push("");
  lines.push(`| | ${kinds.join(" | ")} |`);
  lines.push(`|---|${kinds.map(() => "---").join("|")}|`);
  lines.push(row("updates/s sent (steady)", (r) => fmt(r.load.updatesPerSec, 0)));
  lines.push(
    row(
      "fan-out latency p50 / p95 / p99 (ms)",
      (r) => `${fmt(r.load.latency.p50)} / **${fmt(r.load.latency.p95)}** / ${fmt(r.load.latency.p99)}`,
    ),
  );
  lines.push(row("probe deliveries seen / expected", (r) => `${r.load.probeSamples} / ${r.load.expectedSamples}`));
  lines.push(
    row("frames/s received by editors: updates + other (saved, acks, awareness)", (r) => {
      const f = r.load.framesReceivedPerSec;
      return `${f.update} + ${f.saved + f.ack + f.awareness + f.sync + f.other}`;
    }),
  );
  lines.push(row("server CPU (share of one core)", (r) => pct(r.load.serverCpu)));
  lines.push(row("Postgres CPU (all backends)", (r) => pct(r.load.postgresCpu)));
  lines.push(
    row(
      "load generator CPU / its event-loop delay p99",
      (r) => `${pct(r.load.generatorCpu)} / ${fmt(r.load.generatorLoopDelayP99Ms)} ms`,
    ),
  );
  lines.push(row("server RSS after steady load", (r) => mb(r.load.serverRssBytes)));
  lines.push(row("other programs' CPU during steady load (cores)", (r) => fmt(r.load.foreignCpu, 2)));
  lines.push(
    row(
      "5-s sub-windows pooled (thrown away as disturbed)",
      (r) => `${r.load.subWindows} (${r.load.rejectedSubWindows})`,
    ),
  );
  lines.push(
    row("saturation: updates/s with p95 < 50 ms", (r) =>
      r.saturation.updatesPerSec === null
        ? `< ${fmt(r.saturation.steps[0]?.targetUpdatesPerSec, 0)}`
        : `**${r.saturation.updatesPerSec}** (${r.saturation.keysPerSecPerEditor} keys/s/editor)${r.saturation.limitedByGenerator ? " †" : ""}`,
    ),
  );
  lines.push(row("all clients converged afterwards", (r) => (r.convergence.converged ? "yes" : "**no**")));
  lines.push(
    row(`memory per open document (${run.config.memoryDocs} docs, 1 client each)`, (r) => kb(r.memory.bytesPerDoc)),
  );
  lines.push(
    row(`${run.config.bigDocEdits / 1000}k-edit doc: warm open, client connect→synced (median ms)`, (r) =>
      fmt(r.bigDoc.warmClientMedianMs),
    ),
  );
  lines.push(
    row(`${run.config.bigDocEdits / 1000}k-edit doc: cold open, client connect→synced (median ms)`, (r) =>
      r.bigDoc.coldClientMs.length ? fmt(r.bigDoc.coldClientMedianMs) : "n/a (never unloads)",
    ),
  );
  lines.push(
    row(`${run.config.bigDocEdits / 1000}k-edit doc: cold open, server-side load (median ms)`, (r) =>
      r.bigDoc.coldServerMs.length ? fmt(r.bigDoc.coldServerMedianMs) : "n/a",
    ),
  );
  lines.push("");
  lines.push(
    "† the load generator's core was above 90% at the first failing step: that limit is at least partly the generator's.",
  );
  lines.push("");
  lines.push("| target | measured | goal | |");
  lines.push("|---|---|---|---|");
  for (const t of targets(run.results)) {
    lines.push(
      `| ${t.name} | ${fmt(t.value, 2)} | ${t.target} | ${t.met === null ? (t.value === null ? "not measured" : "not judged") : t.met ? "met" : "**missed**"}${t.note ? ` (${t.note})` : ""} |`,
    );
  }
  return lines.join("\n");
}
