import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from "./data-dir-lock";

let dir: string;
let held: DataDirLock[];
const lockFile = () => path.join(dir, "commons.lock");
const acquire = () => {
  const lock = acquireDataDirLock(dir);
  held.push(lock);
  return lock;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "commons-lock-"));
  held = [];
});
afterEach(() => {
  for (const lock of held) lock.release();
  rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has certainly exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", () => resolve());
  });
  expect(child.pid).toBeTypeOf("number");
  return child.pid!;
}

describe("acquireDataDirLock", () => {
  it("writes this process's pid into commons.lock and removes it on release", () => {
    const lock = acquire();
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it("a second acquire while held throws DataDirLockedError naming the pid and the folder", () => {
    acquire();
    let caught: unknown;
    try {
      acquireDataDirLock(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataDirLockedError);
    const error = caught as DataDirLockedError;
    expect(error.name).toBe("DataDirLockedError");
    expect(error.message).toContain(`pid ${process.pid}`);
    expect(error.message).toContain(dir);
    expect(error.message).toContain("DATA_DIR");
    // The holder's lock is untouched by the failed attempt.
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
  });

  it("release then acquire works again", () => {
    acquire().release();
    const again = acquire();
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    again.release();
  });

  it("release is idempotent and does not remove a lock taken since", () => {
    const first = acquire();
    first.release();
    const second = acquire();
    first.release();
    expect(existsSync(lockFile())).toBe(true);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    second.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it("takes over a stale lock left by a dead process", async () => {
    const pid = await deadPid();
    writeFileSync(lockFile(), String(pid));
    acquire();
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
  });

  it.each(["garbage", "not-a-pid\n"])("takes over a lock file with unreadable content %j", (content) => {
    writeFileSync(lockFile(), content);
    acquire();
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
  });

  it("refuses while another live process holds the folder", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      await new Promise<void>((resolve, reject) => {
        child.once("spawn", resolve);
        child.once("error", reject);
      });
      writeFileSync(lockFile(), String(child.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(`pid ${child.pid}`);
    } finally {
      child.kill();
    }
  });

  it("fails plainly when the folder does not exist", () => {
    expect(() => acquireDataDirLock(path.join(dir, "missing"))).toThrow(/ENOENT/);
  });
});
