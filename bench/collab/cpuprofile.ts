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
    .map((g) => ({ name: g.name, location: g.location, selfMs: Math.round(g.us / 1000), selfPercent: busy ? (g.us / busy) * 100 : 0 }));
  rows.push({ name: "(idle, not in the percentages)", location: "", selfMs: Math.round(idle / 1000), selfPercent: 0 });
  return rows;
}

function shorten(url: string) {
  const p = url.replace(/^file:\/\//, "");
  const nm = p.lastIndexOf("node_modules/");
  if (nm >= 0) return p.slice(nm + "node_modules/".length);
  return path.relative(process.cwd(), p) || p;
}

// `tsx bench/collab/cpuprofile.ts <file.cpuprofile> [top]` prints the table.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: tsx bench/collab/cpuprofile.ts <file.cpuprofile> [top]\n");
    process.exit(2);
  }
  for (const f of summariseProfile(file, Number(top ?? 30))) {
    process.stdout.write(`${f.selfPercent.toFixed(1).padStart(5)}%  ${String(f.selfMs).padStart(7)} ms  ${f.name}  ${f.location}\n`);
  }
}
