// The load generator's one-off document work: memory documents, the big document's writers, timed opens.
import { connectClient, type BenchClient } from "./clients";
import { sleep, user, waitUntil, withTimeout } from "./generator-shared";
import type { MemoryDocSpec, Target } from "./protocol";
import { sectionsLength, Typist } from "./sections";

let memoryClients: BenchClient[] = [];
export async function memoryOpen(target: Target, docs: MemoryDocSpec[], chars: number) {
  memoryClients = docs.map((d) => connectClient(target, d.name, d.cookie, user(5000)));
  await withTimeout(Promise.all(memoryClients.map((c) => c.synced)), 60_000, "memory documents to sync");
  for (const [i, c] of memoryClients.entries()) {
    const typist = new Typist(c.doc, docs[i].field);
    for (let i = 0; i < chars / 10; i++) typist.burst(10);
  }
  await waitUntil(() => memoryClients.every((c) => c.acknowledged()), 60_000, "memory documents to be acknowledged");
  return { docs: memoryClients.length };
}

export function memoryClose() {
  for (const c of memoryClients) c.destroy();
  memoryClients = [];
}

let writers: BenchClient[] = [];
export async function bigWrite(
  target: Target,
  doc: string,
  cookies: string[],
  fields: string[],
  edits: number,
  rate: number,
  waitSaved: boolean,
) {
  const started = performance.now();
  writers = cookies.map((cookie, i) => connectClient(target, doc, cookie, user(7000 + i)));
  await withTimeout(Promise.all(writers.map((w) => w.synced)), 30_000, "writers to sync");
  const before = sectionsLength(writers[0].doc, fields);
  const each = Math.ceil(edits / writers.length);
  await Promise.all(
    writers.map(async (w, i) => {
      const typist = new Typist(w.doc, fields[i]);
      const perTick = Math.max(1, Math.round(rate / 100));
      for (let done = 0; done < each;) {
        for (let i = 0; i < perTick && done < each; i++, done++) typist.key();
        await sleep(10);
      }
    }),
  );
  const total = before + each * writers.length;
  await waitUntil(() => writers.every((w) => sectionsLength(w.doc, fields) === total), 120_000, "writers to converge");
  if (waitSaved) await waitUntil(() => writers.every((w) => w.acknowledged()), 60_000, "edits to be acknowledged");
  return { edits: each * writers.length, textLength: total, ms: Math.round(performance.now() - started) };
}

export function bigDisconnect() {
  for (const w of writers) w.destroy();
  writers = [];
}

export async function openOnce(target: Target, doc: string, cookie: string, fields: string[], expectLength: number) {
  const client = connectClient(target, doc, cookie, user(8000));
  try {
    const ms = await withTimeout(client.synced, 30_000, "document to open");
    const length = sectionsLength(client.doc, fields);
    return { ms, length, complete: length === expectLength };
  } finally {
    client.destroy();
  }
}
