import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export type DataDirLock = { release(): void };

/** Thrown when another live process holds the embedded database folder. */
export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another Commons process (pid ${pid}) is already using the embedded database in ${dataDir}. ` +
        `Stop that process first, or give this one its own folder with DATA_DIR.`,
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no lock of its own and two processes on one folder corrupt it, so the folder gets a
 * pid file created exclusively. A lock left by a dead process (crash, kill -9) is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, "commons.lock");
  // The pid is written to a private file first and then hard-linked into place: linking fails if
  // the lock exists, and the lock never exists empty, so a racing process never sees a half-written one.
  const temp = path.join(dataDir, `commons.lock.${process.pid}.${Date.now()}`);
  writeFileSync(temp, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(temp, file);
        return lockHandle(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const pid = readPid(file);
        if (pid !== null && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
        removeIfPresent(file); // left by a process that died (crash, kill -9)
      }
    }
    throw new Error(`Could not lock the embedded database folder ${dataDir}.`);
  } finally {
    removeIfPresent(temp);
  }
}

function lockHandle(file: string): DataDirLock {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      removeIfPresent(file);
    },
  };
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function removeIfPresent(file: string) {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
