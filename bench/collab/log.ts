// The orchestrator's progress log: one line per event on stdout, stamped with the time of day.
export const log = (msg: string) => process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
