import { spawn, type ChildProcess } from "node:child_process";
import type { Command, Reply } from "./protocol";

type Pending = { resolve(value: unknown): void; reject(error: Error): void; timer: NodeJS.Timeout };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The load generator child process, pinned to its core, driven over IPC. */
export class GeneratorControl {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  readonly pid: number;

  constructor(cwd: string, cores: string, nodeArgs: string[] = []) {
    this.child = spawn(
      "taskset",
      ["-c", cores, process.execPath, ...nodeArgs, "--import", "tsx", "bench/collab/load-generator.ts"],
      {
        cwd,
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      },
    );
    this.pid = this.child.pid!;
    this.child.on("message", (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(`load generator: ${reply.error}`));
    });
    this.child.on("exit", (code) => {
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error(`load generator exited (${code})`));
      }
      this.pending.clear();
    });
  }

  /** Sends a command and waits for its answer (bounded: every command has a timeout). */
  send<T = unknown>(command: DistributiveOmit<Command, "id">, timeoutMs = 180_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`load generator did not answer ${command.cmd} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.child.send({ ...command, id } as Command);
    });
  }

  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    await this.send({ cmd: "exit" }, 5_000).catch(() => {});
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
