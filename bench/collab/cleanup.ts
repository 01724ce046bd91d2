// What must be stopped if the run is interrupted, and the signal handlers that stop it.

/** What must be stopped if the run is interrupted (Ctrl-C, SIGTERM, the watchdog). */
export const cleanups = new Set<() => Promise<unknown>>();
export async function cleanUp() {
  for (const fn of [...cleanups].reverse()) await fn().catch(() => {});
  cleanups.clear();
}

/** On Ctrl-C or SIGTERM: stop what is registered in `cleanups`, then exit 130. */
export function cleanUpOnSignals() {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping the servers and dropping the database\n`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
}
