/**
 * The real `server/index.ts` in child processes, on an embedded database folder: the folder lock,
 * SIGTERM, start-up errors and the demo seed. Needs `remix build` first (npm test does it).
 *
 * It runs as `node --import tsx`, one process, not through the `tsx` command: that command relays
 * SIGTERM to its child and SIGKILLs it unless the child acknowledges within about 30 ms, which a
 * busy machine misses, and the graceful shutdown under test never runs.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { users } from "../../db/schema/index";
import { ROOT } from "../../server/start";
import { TestClient } from "../support/app";

type Commons = { child: ChildProcess; stdout: string; stderr: string; exit: Promise<number | null> };

const running: Commons[] = [];
const dirs: string[] = [];

function tempDataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "commons-process-"));
  dirs.push(dir);
  return dir;
}

function spawnCommons(env: Record<string, string>): Commons {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...{ NODE_ENV: "production", DATABASE_URL: "", APP_URL: "", HOST: "127.0.0.1", PORT: "0" },
      ...{ SEED_DEMO: "false", LOG_LEVEL: "warn" },
      ...env,
    },
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const proc: Commons = { child, stdout: "", stderr: "", exit };
  child.stdout!.on("data", (chunk) => (proc.stdout += chunk));
  child.stderr!.on("data", (chunk) => (proc.stderr += chunk));
  running.push(proc);
  return proc;
}

type Probe<T> = () => Promise<T | undefined> | T | undefined;

async function waitFor<T>(what: string, probe: Probe<T>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One GET on its own connection (so no keep-alive socket outlives it). */
function get(url: string) {
  return new Promise<number>((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => res.resume().on("end", () => resolve(res.statusCode!)));
    req.on("error", reject);
    req.end();
  });
}

/** Waits for the printed address, then for /healthz to answer 200. */
async function ready(proc: Commons) {
  const url = await waitFor("the server address", async () => {
    if (proc.child.exitCode !== null) throw new Error(`Commons exited early: ${proc.stderr}`);
    return /Commons is running at (http:\/\/\S+)/.exec(proc.stdout)?.[1].replace("localhost", "127.0.0.1");
  });
  await waitFor("/healthz", () => get(`${url}/healthz`).then((s) => (s === 200 ? true : undefined)));
  return url;
}

async function exitCode(proc: Commons, withinMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), withinMs)));
  try {
    return await Promise.race([proc.exit, late]);
  } finally {
    clearTimeout(timer);
  }
}

afterEach(async () => {
  for (const proc of running.splice(0)) {
    if (proc.child.exitCode === null && proc.child.signalCode === null) {
      proc.child.kill("SIGKILL");
      await proc.exit;
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the Commons process (embedded database)", () => {
  it("locks its data folder against a second process and releases it on SIGTERM", async () => {
    const dataDir = tempDataDir();
    const first = spawnCommons({ DATA_DIR: dataDir });
    await ready(first);
    expect(first.stdout).not.toContain("Demo network");
    const lockFile = path.join(dataDir, "commons.lock");
    expect(readFileSync(lockFile, "utf8")).toBe(String(first.child.pid));

    const second = spawnCommons({ DATA_DIR: dataDir });
    const code = await exitCode(second, 30_000);
    expect(code).not.toBe(0);
    expect(code).not.toBe("late");
    expect(second.stderr).toContain("Another Commons process");
    expect(second.stderr).toContain(`pid ${first.child.pid}`);
    expect(existsSync(lockFile)).toBe(true);

    first.child.kill("SIGTERM");
    expect(await exitCode(first, 10_000)).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  }, 90_000);

  it("refuses to start with a bad setting, naming it", async () => {
    const proc = spawnCommons({ DATA_DIR: tempDataDir(), PORT: "abc" });
    const code = await exitCode(proc, 30_000);
    expect(code).not.toBe(0);
    expect(code).not.toBe("late");
    expect(proc.stderr).toMatch(/PORT/);
    expect(proc.stdout).not.toContain("Commons is running");
  }, 60_000);

  it("finishes a request in flight on SIGTERM, closes its connection, then exits", async () => {
    const proc = spawnCommons({ DATA_DIR: tempDataDir() });
    const url = await ready(proc);
    const body = new URLSearchParams({ email: "nobody@example.test", password: "not the password at all" }).toString();
    // Expect: 100-continue tells us the server has taken the request before its body is sent.
    const agent = new Agent({ keepAlive: true });
    const req = request(`${url}/login`, {
      agent,
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Origin: url,
        Expect: "100-continue",
        Connection: "keep-alive",
      },
    });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on("response", (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, text }));
      });
      req.on("error", reject);
    });
    await new Promise<void>((resolve) => {
      req.on("continue", resolve);
      req.flushHeaders();
    });
    const socketClosed = new Promise((resolve) => req.socket!.once("close", resolve));

    proc.child.kill("SIGTERM");
    // Once new connections are refused the server is closing; only then send the body.
    await waitFor("the server to stop accepting", () =>
      get(`${url}/healthz`).then(
        () => undefined,
        () => true,
      ),
    );
    req.end(body);
    const res = await response;
    const answeredAt = Date.now();
    expect(res.status).toBe(400);
    expect(res.text).toContain("do not match an account");
    // The kept-alive connection is closed soon after the answer, not after the keep-alive timeout (5 s).
    await socketClosed;
    expect(Date.now() - answeredAt).toBeLessThan(2_500);
    agent.destroy();
    expect(await exitCode(proc, 10_000)).toBe(0);
  }, 90_000);

  it("seeds the demo network only into an empty database, and prints its sign-ins on every start", async () => {
    const dataDir = tempDataDir();
    const demo = { DATA_DIR: dataDir, SEED_DEMO: "true", DEMO_PASSWORD: "a demo password for tests" };
    const first = spawnCommons(demo);
    const url = await ready(first);
    expect(first.stdout).toContain("Demo network created");
    expect(first.stdout).toContain("head1@demo.test");
    expect(first.stdout).toContain("the DEMO_PASSWORD you set");
    expect(first.stdout).not.toContain("a demo password for tests");
    const signIn = await new TestClient(url).signIn("head1@demo.test", demo.DEMO_PASSWORD);
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).toBe("/dashboard");
    first.child.kill("SIGTERM");
    expect(await exitCode(first, 10_000)).toBe(0);

    const second = spawnCommons(demo);
    await ready(second);
    expect(second.stdout).toContain("Demo network ready");
    expect(second.stdout).toContain("admin@demo.test");
    expect(second.stdout).toContain("head1@demo.test");
    expect(second.stdout).toContain("the DEMO_PASSWORD you set");
    second.child.kill("SIGTERM");
    expect(await exitCode(second, 10_000)).toBe(0);

    // Not asked to seed (as in production), without the demo password: the demo is still in use, so
    // the sign-ins are printed, without claiming a password the accounts do not take.
    const third = spawnCommons({ DATA_DIR: dataDir, SEED_DEMO: "false" });
    await ready(third);
    expect(third.stdout).toContain("Demo network ready");
    expect(third.stdout).toContain("governor1@demo.test");
    expect(third.stdout).toContain("password: the one set when the demo was created");
    third.child.kill("SIGTERM");
    expect(await exitCode(third, 10_000)).toBe(0);

    const database = await openDatabase({ driver: "pglite", dataDir });
    try {
      const [row] = await database.db.select({ n: count() }).from(users);
      expect(row.n).toBe(22);
    } finally {
      await database.close();
    }
  }, 120_000);
});
