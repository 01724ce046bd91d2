/**
 * The real `server/index.ts` in a child process that can be killed with SIGKILL (no shutdown
 * hook runs), then started again on the same database. Needs `remix build` first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { ROOT } from "../../server/start";

export type ChildServer = { url: string; child: ChildProcess; output: () => string; kill(): Promise<void> };

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function groupAlive(pgid: number) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts Commons on `port` and resolves once /healthz answers 200. */
export async function startChildServer(
  port: number,
  env: Record<string, string>,
  timeoutMs = 45_000,
): Promise<ChildServer> {
  // As `npm run serve` starts it: one node process (tsx as a loader, not a wrapper process).
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    detached: true, // its own process group, so SIGKILL reaches anything it started
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "",
      APP_URL: "",
      HOST: "127.0.0.1",
      PORT: String(port),
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, "SIGKILL");
      await exited;
    }
    // A PGlite folder's lock counts as free only once every process of the group is reaped.
    for (const end = Date.now() + 10_000; groupAlive(child.pid!) && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 20));
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Commons exited early:\n${output}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url, child, output: () => output, kill };
    if (Date.now() > deadline) {
      await kill();
      throw new Error(`Commons did not start within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
