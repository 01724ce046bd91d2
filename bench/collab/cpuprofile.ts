import { readFileSync } from "node:fs";
import path from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type HotFunction = { name: string; location: string; selfMs: number; selfPercent: number };

/**
 * Top functions by self time in a V8 .cpuprofile (`node --cpu-prof`). Percentages are of busy
 * time (idle and the program root excluded); the idle share is reported as its own row.
 */
export function summariseProfile(file: string, top = 25): HotFunction[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const grouped = new Map<string, { name: string; location: string; us: number }>();
  let busy = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const name = frame.functionName || "(anonymous)";
    if (name === "(idle)" || name === "(program)" || name === "(root)") {
      if (name === "(idle)") idle += us;
      continue;
    }
    busy += us;
    const file = frame.url ? shorten(frame.url) : "";
    const location = file ? `${file}:${frame.lineNumber + 1}` : "(native)";
    const key = `${name}@${location}`;
    const g = grouped.get(key) ?? { name, location, us: 0 };
    g.us += us;
    grouped.set(key, g);
  }
  const rows = [...grouped.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((g) => ({
      name: g.name,
      location: g.location,
      selfMs: Math.round(g.us / 1000),
      selfPercent: busy ? (g.us / busy) * 100 : 0,
    }));
  rows.push({ name: "(idle, not in the percentages)", location: "", selfMs: Math.round(idle / 1000), selfPercent: 0 });
  return rows;
}

/**
 * Inclusive time (self + everything called) of the functions whose name (or `name@file`) contains
 * one of `names`, as a share of busy time. Recursion is counted once.
 */
export function inclusiveTimes(file: string, names: string[]): Array<{ name: string; ms: number; percent: number }> {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++)
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const totals = new Map<string, number>();
  let busy = 0;
  const active = new Set<string>();
  const stack: Array<{ id: number; key: string | null; leave: boolean }> = [
    { id: profile.nodes[0].id, key: null, leave: false },
  ];
  while (stack.length) {
    const item = stack.pop()!;
    if (item.leave) {
      if (item.key) active.delete(item.key);
      continue;
    }
    const node = byId.get(item.id)!;
    const frame = node.callFrame;
    const us = selfUs.get(item.id) ?? 0;
    if (!["(idle)", "(program)", "(root)"].includes(frame.functionName)) busy += us;
    const key = `${frame.functionName || "(anonymous)"}@${frame.url ? shorten(frame.url) : "(native)"}`;
    const entered = !active.has(key);
    if (entered) active.add(key);
    for (const k of active) totals.set(k, (totals.get(k) ?? 0) + us);
    stack.push({ id: item.id, key: entered ? key : null, leave: true });
    for (const child of node.children ?? []) stack.push({ id: child, key: null, leave: false });
  }
  return [...totals]
    .filter(([k]) => names.some((n) => k.includes(n)))
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000), percent: busy ? Math.round((us / busy) * 1000) / 10 : 0 }))
    .sort((a, b) => b.ms - a.ms);
}

/** Where our server's busy time goes, by the pieces of collab/ and the libraries under them. */
export const OURS_BREAKDOWN = [
  "onUpdate@collab/hosted-document.ts",
  "flush@collab/hosted-document.ts",
  "onAwareness@collab/hosted-document.ts",
  "handle@collab/connection.ts",
  "decodeClientMessage@collab/messages.ts",
  "saved@collab/messages.ts",
  "compact@collab/hosted-document.ts",
  "foldUpdates@collab/store.ts",
  "mergeUpdates@yjs",
  "encodeStateVector@yjs",
  "applyUpdate@yjs",
  "nextWrite@postgres/src/connection.js",
  "data@postgres/src/connection.js",
  "execute@drizzle-orm/pg-core/query-builders/insert.js",
  "sendFrame@ws/lib/sender.js",
  "authorizeUpgrade@collab/authorize.ts",
  "recheck@collab/server.ts",
];

function shorten(url: string) {
  const p = url.replace(/^file:\/\//, "");
  const nm = p.lastIndexOf("node_modules/");
  if (nm >= 0) return p.slice(nm + "node_modules/".length);
  return path.relative(process.cwd(), p) || p;
}

// `tsx bench/collab/cpuprofile.ts <file.cpuprofile> [top]` prints the self-time table;
// `... <file> --inclusive [name…]` the inclusive times (default: OURS_BREAKDOWN).
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: tsx bench/collab/cpuprofile.ts <file.cpuprofile> [top | --inclusive [name…]]\n");
    process.exit(2);
  }
  if (rest[0] === "--inclusive") {
    const names = rest.length > 1 ? rest.slice(1) : OURS_BREAKDOWN;
    for (const f of inclusiveTimes(file, names))
      process.stdout.write(`${f.percent.toFixed(1).padStart(5)}%  ${String(f.ms).padStart(7)} ms  ${f.name}\n`);
  } else {
    for (const f of summariseProfile(file, Number(rest[0] ?? 30))) {
      process.stdout.write(
        `${f.selfPercent.toFixed(1).padStart(5)}%  ${String(f.selfMs).padStart(7)} ms  ${f.name}  ${f.location}\n`,
      );
    }
  }
}
