import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

/** Kernel clock ticks per second (utime/stime in /proc are counted in these). */
export const CLK_TCK = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process, in seconds (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may contain spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLK_TCK;
}

/** Resident set size of a process, in bytes (VmRSS in /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * CPU seconds per Postgres backend serving `database` (its process title names the database), by pid.
 * Background processes shared with every database (WAL writer, checkpointer) are not included.
 */
export function postgresBackends(database: string | null): Map<number, number> {
  const out = new Map<number, number>();
  if (!database) return out;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmdline.startsWith("postgres:") || !cmdline.includes(` ${database} `)) continue;
      out.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** CPU used between two readings of `postgresBackends` (backends that ended meanwhile are not counted). */
function backendDelta(before: Map<number, number>, after: Map<number, number>) {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

/** Busy CPU seconds of the whole machine, all cores (/proc/stat). */
export function machineBusySeconds(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: count user, nice, system and steal. Interrupt
  // time is left out: loopback traffic between our own processes is partly accounted there.
  return (v[0] + v[1] + v[2] + v[7]) / CLK_TCK;
}

/** Microseconds during which some runnable task waited for a CPU (/proc/pressure/cpu), or null. */
export function cpuPressureMicros(): number | null {
  try {
    const match = /^some .*total=(\d+)/m.exec(readFileSync("/proc/pressure/cpu", "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * CPU and RSS of the server over a window, plus what else used the machine meanwhile: the
 * generator, Postgres, and everything else ("foreign": other programs competing for the cores).
 */
export function startWindow(pids: { server: number; generator: number }, database: string | null) {
  const t0 = performance.now();
  const cpu0 = cpuSeconds(pids.server);
  const gen0 = cpuSeconds(pids.generator);
  const self0 = cpuSeconds(process.pid);
  const pg0 = postgresBackends(database);
  const busy0 = machineBusySeconds();
  const psi0 = cpuPressureMicros();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(pids.server) - cpu0;
    const gen = cpuSeconds(pids.generator) - gen0;
    const self = cpuSeconds(process.pid) - self0;
    const pg = backendDelta(pg0, postgresBackends(database));
    const busy = machineBusySeconds() - busy0;
    const psi1 = cpuPressureMicros();
    return {
      seconds,
      /** Share of one core (1.0 = one core fully busy). */
      serverCpu: cpu / seconds,
      serverRssBytes: rssBytes(pids.server),
      /** The Postgres backends of the bench database (unpinned; shared WAL writer/checkpointer not included). */
      postgresCpu: pg / seconds,
      /** Cores' worth of CPU used by other programs on the machine during the window (0 = quiet machine). */
      foreignCpu: Math.max(0, busy - cpu - gen - self - pg) / seconds,
      /** Share of the window in which some task waited for a CPU (Linux PSI), null where unavailable. */
      cpuPressure: psi0 === null || psi1 === null ? null : (psi1 - psi0) / 1e6 / seconds,
    };
  };
}

export function machineInfo() {
  let cpuModel = os.cpus()[0]?.model ?? "unknown";
  cpuModel = cpuModel.replace(/\s+/g, " ").trim();
  let nproc = os.cpus().length;
  try {
    nproc = Number(execFileSync("nproc", { encoding: "utf8" }).trim());
  } catch {
    // keep os.cpus()
  }
  return {
    nproc,
    cpuModel,
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    clockTicksPerSecond: CLK_TCK,
  };
}

/** Pins this process (all its threads) to the given cores. */
export function pinSelf(cores: string) {
  try {
    execFileSync("taskset", ["-a", "-pc", cores, String(process.pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits (at most `maxMs`) until other programs use less than `threshold` of a core, measured over
 * 2-second windows, so the servers are not compared while something else loads the machine.
 * Returns the last reading and whether the machine was quiet.
 */
export async function waitForQuiet(ourPids: number[], database: string | null, threshold: number, maxMs: number) {
  const end = Date.now() + maxMs;
  let foreign = Infinity;
  let waitedMs = 0;
  const started = Date.now();
  for (;;) {
    const pg0 = postgresBackends(database);
    const ours0 = ourPids.reduce((s, pid) => s + safeCpu(pid), 0);
    const busy0 = machineBusySeconds();
    await new Promise((r) => setTimeout(r, 2_000));
    const ours1 = ourPids.reduce((s, pid) => s + safeCpu(pid), 0);
    const pg = backendDelta(pg0, postgresBackends(database));
    foreign = Math.max(0, machineBusySeconds() - busy0 - (ours1 - ours0) - pg) / 2;
    waitedMs = Date.now() - started;
    if (foreign < threshold || Date.now() >= end) break;
  }
  return { quiet: foreign < threshold, foreignCpu: Math.round(foreign * 100) / 100, waitedMs };
}

function safeCpu(pid: number) {
  try {
    return cpuSeconds(pid);
  } catch {
    return 0;
  }
}
