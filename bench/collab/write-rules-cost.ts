// What the write rules (ADR 024) cost: ours (rules on) against ours-unguarded (rules off), same run.
import type { AttackResult } from "./attack-phase";
import { isDisturbed, type ServerResult } from "./report";
import type { ServerKind } from "./servers/types";
import { ratio } from "./stats";

type Row = {
  name: string;
  guarded: number | null;
  unguarded: number | null;
  /** guarded / unguarded. */
  ratio: number | null;
  /** Which way is worse for the rules: "higher" means a ratio above 1 is a cost. */
  worseWhen: "higher" | "lower";
};

/** Updates the server refused or held, from its counters at the end of the run (should be none). */
function guardCounters(r: ServerResult) {
  const stats = (r.serverStatsAtEnd ?? r.load.serverStats ?? {}) as {
    refusedUpdates?: Record<string, number>;
    heldUpdates?: number;
    closedConnections?: Record<string, number>;
  };
  const refused = Object.values(stats.refusedUpdates ?? {}).reduce((n, v) => n + v, 0);
  return { refused, held: stats.heldUpdates ?? 0, closedAsRefused: stats.closedConnections?.["4422"] ?? 0 };
}

/** The ratios guarded/unguarded, or null when either side was not measured in this run. */
export function writeRulesCost(results: Partial<Record<ServerKind, ServerResult>>) {
  const on = results.ours;
  const off = results["ours-unguarded"];
  if (!on || !off) return null;
  const row = (name: string, f: (r: ServerResult) => number | null | undefined, worseWhen: Row["worseWhen"]): Row => {
    const guarded = f(on) ?? null;
    const unguarded = f(off) ?? null;
    return { name, guarded, unguarded, ratio: ratio(guarded, unguarded), worseWhen };
  };
  // Server CPU per update under the same steady load: the most direct measure of the rules' work.
  const cpuPerUpdateUs = (r: ServerResult) =>
    r.load.updatesPerSec > 0 ? Math.round((r.load.serverCpu / r.load.updatesPerSec) * 1e6 * 10) / 10 : null;
  const rows: Row[] = [
    row("steady load: updates/s sent", (r) => Math.round(r.load.updatesPerSec), "lower"),
    row("steady load: fan-out latency p95 (ms)", (r) => r.load.latency.p95, "higher"),
    row("steady load: fan-out latency p99 (ms)", (r) => r.load.latency.p99, "higher"),
    row("steady load: server CPU (share of one core)", (r) => Math.round(r.load.serverCpu * 1000) / 1000, "higher"),
    row("steady load: server CPU per update (µs)", cpuPerUpdateUs, "higher"),
    row("saturation: updates/s with p95 < 50 ms", (r) => r.saturation.updatesPerSec, "lower"),
    row("memory per open document (bytes)", (r) => r.memory.bytesPerDoc, "higher"),
    row("10k-edit document: cold open, server-side median (ms)", (r) => r.bigDoc.coldServerMedianMs, "higher"),
    row(
      "10k-edit document: cold open, client connect→synced median (ms)",
      (r) => r.bigDoc.coldClientMedianMs,
      "higher",
    ),
    row("10k-edit document: warm open, client median (ms)", (r) => r.bigDoc.warmClientMedianMs, "higher"),
    row("10k-edit document: time to write it (ms)", (r) => r.bigDoc.writeMs, "higher"),
  ];
  return {
    rows,
    /** Refusals on the guarded server mean the load was not honest for the document kind. */
    guarded: guardCounters(on),
    unguarded: guardCounters(off),
    attacks: { guarded: on.attacks ?? null, unguarded: off.attacks ?? null },
    disturbed: [on, off].filter(isDisturbed).map((r) => r.kind),
    saturationLimitedByGenerator: [on, off].filter((r) => r.saturation.limitedByGenerator).map((r) => r.kind),
  };
}

export type WriteRulesCost = NonNullable<ReturnType<typeof writeRulesCost>>;

const show = (v: number | null) => (v === null ? "–" : String(v));

/** The Markdown table for docs/performance.md ("Write rules (ADR 024)"). */
export function writeRulesMarkdown(cost: WriteRulesCost): string {
  const lines = [
    "| write rules (ADR 024) | ours (rules on) | ours-unguarded (rules off) | on / off |",
    "|---|---|---|---|",
    ...cost.rows.map((r) => `| ${r.name} | ${show(r.guarded)} | ${show(r.unguarded)} | **${show(r.ratio)}** |`),
    "",
    `Updates refused by the rules on ours: ${cost.guarded.refused} (held: ${cost.guarded.held}; sockets closed as refused: ${cost.guarded.closedAsRefused}).`,
  ];
  const attacks = [cost.attacks.guarded, cost.attacks.unguarded];
  if (attacks.some(Boolean)) {
    const mb = (b: number) => (b / 1_048_576).toFixed(2);
    const bloat = (a: AttackResult | null) =>
      a
        ? `${a.bloat.framesSent} × ${mb(a.bloat.frameBytes)} MB sent; ${a.bloat.closed ? `closed ${a.bloat.closed.code} ("${a.bloat.closed.reason}")` : "never closed"}; document ${mb(a.bloat.documentBytesBefore)} → ${mb(a.bloat.documentBytesAfter)} MB`
        : "–";
    const sockets = (a: AttackResult | null) =>
      a ? `${a.sockets.opened} of ${a.sockets.tried} opened; refused ${JSON.stringify(a.sockets.refused)}` : "–";
    lines.push(
      "",
      "| attack (issue 12) | ours (rules on) | ours-unguarded (rules off) |",
      "|---|---|---|",
      `| 25 frames of 1.9 MB into one's own section | ${bloat(attacks[0])} | ${bloat(attacks[1])} |`,
      `| 200 sockets by one person | ${sockets(attacks[0])} | ${sockets(attacks[1])} |`,
    );
  }
  if (cost.disturbed.length)
    lines.push(`**Disturbed by other programs while measured: ${cost.disturbed.join(", ")}.**`);
  if (cost.saturationLimitedByGenerator.length)
    lines.push(
      `Saturation of ${cost.saturationLimitedByGenerator.join(", ")} was reached with the load generator's core above 90%: that limit is partly the generator's.`,
    );
  return lines.join("\n");
}
