// Shared by the load generator's modules: the shape of an open room, bench users and wait helpers.
import type { BenchClient } from "./clients";
import type { RoomSpec } from "./protocol";
import type { Typist } from "./sections";

export type Room = {
  spec: RoomSpec;
  editors: Array<{ client: BenchClient; typist: Typist; nextAt: number }>;
  probe: BenchClient;
  probeTimer: NodeJS.Timeout | null;
};

export const user = (i: number) => ({ id: `bench-user-${i}`, name: `Bench Person ${i}` });
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function waitUntil(check: () => boolean, ms: number, what: string) {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}
