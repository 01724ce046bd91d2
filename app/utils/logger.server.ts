/** A structured logger: one JSON object per line on stdout (stderr for warnings and errors). */
import type { Logger } from "../kernel/logger";

export type { Logger } from "../kernel/logger";

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

/** A logger that writes lines at or above `level`. */
export function createLogger(level: keyof typeof levels = "info"): Logger {
  const min = levels[level];
  const write = (lvl: Exclude<keyof typeof levels, "silent">, msg: string, fields?: Record<string, unknown>) => {
    if (levels[lvl] < min) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...serialise(fields) });
    (levels[lvl] >= levels.warn ? process.stderr : process.stdout).write(line + "\n");
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
  };
}

function serialise(fields?: Record<string, unknown>) {
  if (!fields) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v;
  }
  return out;
}
