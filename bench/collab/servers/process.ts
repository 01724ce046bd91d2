import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";

export type ServerProcess = {
  /** The pid of the node process itself (taskset execs node, so there is no wrapper process). */
  pid: number;
  child: ChildProcess;
  logFile: string;
  /** The log so far (stdout and stderr). */
  log(): string;
  stop(): Promise<void>;
};

/**
 * Starts a TypeScript server script under `taskset -c <cores> node --import tsx`, writing its output
 * to a file (so the orchestrator does no work per log line), and waits for `ready` in the log.
 */
export async function startPinned(options: {
  script: string;
  cores: string;
  env: Record<string, string>;
  logFile: string;
  ready: RegExp;
  nodeArgs?: string[];
  cwd: string;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const fd = openSync(options.logFile, "w");
  const child = spawn(
    "taskset",
    ["-c", options.cores, process.execPath, ...(options.nodeArgs ?? []), "--import", "tsx", options.script],
    {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", fd, fd],
    },
  );
  closeSync(fd);
  const log = () => readFileSync(options.logFile, "utf8");
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const end = Date.now() + (options.timeoutMs ?? 60_000);
  while (!options.ready.test(log())) {
    if (exited || Date.now() > end) {
      if (!exited) child.kill("SIGKILL");
      throw new Error(`${options.script} did not start; its log:\n${log().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    pid: child.pid!,
    child,
    logFile: options.logFile,
    log,
    async stop() {
      if (exited) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
