/**
 * The load generator: a child process (pinned to its own core by the orchestrator) that holds
 * every simulated client and answers commands over IPC. Latency is measured here, on one clock:
 * a probe client writes `~PROBE~<id>:<performance.now()>~` into the Y.Map "probe", and every editor
 * of the room records (time it receives that update − time written); see clients.ts. The work
 * itself lives in generator-rooms.ts, generator-window.ts and generator-documents.ts.
 */
import { bigDisconnect, bigWrite, memoryClose, memoryOpen, openOnce } from "./generator-documents";
import { closeRooms, collectRooms, converge, currentKeysPerSec, openRooms, setRate } from "./generator-rooms";
import { resetWindow } from "./generator-window";
import type { Command, Reply } from "./protocol";

// Every y-websocket provider adds a process "exit" listener; 200 of them are expected here.
process.setMaxListeners(0);

async function handle(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case "open-rooms":
      return openRooms(command.target, command.rooms, command.probeIntervalMs, command.lean);
    case "set-rate":
      setRate(command.keysPerSec);
      return { keysPerSec: currentKeysPerSec() };
    case "reset":
      resetWindow();
      return {};
    case "collect":
      return collectRooms(command.graceMs);
    case "converge":
      return converge(command.timeoutMs);
    case "close-rooms":
      closeRooms();
      return {};
    case "memory-open":
      return memoryOpen(command.target, command.docs, command.chars);
    case "memory-close":
      memoryClose();
      return {};
    case "big-write":
      return bigWrite(
        command.target,
        command.doc,
        command.cookies,
        command.fields,
        command.edits,
        command.ratePerWriter,
        command.waitSaved,
      );
    case "big-disconnect":
      bigDisconnect();
      return {};
    case "open-once":
      return openOnce(command.target, command.doc, command.cookie, command.fields, command.expectLength);
    case "exit":
      closeRooms();
      setTimeout(() => process.exit(0), 50);
      return {};
  }
}

if (!process.send) {
  process.stderr.write("load-generator.ts is started by bench/collab/run.ts (it needs an IPC channel)\n");
  process.exit(2);
}
process.on("message", (command: Command) => {
  handle(command).then(
    (result) => process.send!({ id: command.id, ok: true, result } satisfies Reply),
    (error: unknown) =>
      process.send!({
        id: command.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies Reply),
  );
});
// The orchestrator going away ends the generator too.
process.on("disconnect", () => process.exit(0));
