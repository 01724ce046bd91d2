/**
 * The app under test, started the way it runs in production: `node server/index.ts` on the Remix
 * production build (`npm run bench:lighthouse` builds first), NODE_ENV=production, over a fresh
 * embedded database that the demo network is seeded into. A throwaway data folder, removed at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const DEMO_PASSWORD = "lighthouse-demo-password";

export type BenchApp = { url: string; stop(): Promise<void> };

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

export async function startBenchApp(port: number): Promise<BenchApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "commons-lighthouse-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: "true",
      DEMO_PASSWORD,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

  // Seeding the demo takes a while on a busy machine: wait for the banner, not a fixed time.
  const deadline = Date.now() + 180_000;
  while (!output.includes("Commons is running at")) {
    if (child.exitCode !== null) throw new Error(`the app exited before it started:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the app did not start in 3 minutes:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const health = await fetch(`${url}/healthz`);
  if (!health.ok) throw new Error(`/healthz answered ${health.status}`);

  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
