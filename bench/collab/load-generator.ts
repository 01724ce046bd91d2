/**
 * The load generator: a child process (pinned to its own core by the orchestrator) that holds
 * every simulated client and answers commands over IPC. Latency is measured here, on one clock:
 * a probe client writes `~PROBE~<id>:<performance.now()>~` into the Y.Map "probe", and every editor
 * of the room records (time it receives that update − time written); see clients.ts.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { connectClient, probeMarker, Typist, type BenchClient, type FrameKind } from "./clients";
import type { CollectResult, Command, Reply, RoomSpec, Target } from "./protocol";
import { summarise } from "./stats";

type Room = {
  spec: RoomSpec;
  editors: Array<{ client: BenchClient; typist: Typist; nextAt: number }>;
  probe: BenchClient;
  probeTimer: NodeJS.Timeout | null;
};
type ProbeRecord = { sentAt: number; latencies: number[]; room: Room };

let rooms: Room[] = [];
let keysPerSec = 0;
let typingTimer: NodeJS.Timeout | null = null;
let probeIntervalMs = 200;

// The measurement window.
let windowStart = performance.now();
let cpuStart = process.cpuUsage();
let updatesSent = 0;
let probesSent = 0;
let frames: Record<FrameKind, number> = { update: 0, sync: 0, awareness: 0, saved: 0, ack: 0, other: 0 };
const countFrame = (kind: FrameKind) => frames[kind]++;
let inWindow = new Map<string, ProbeRecord>();
let probeSeq = 0;
let lean = true;
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
// Every y-websocket provider adds a process "exit" listener; 200 of them are expected here.
process.setMaxListeners(0);

const user = (i: number) => ({ id: `bench-user-${i}`, name: `Bench Person ${i}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
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

async function waitUntil(check: () => boolean, ms: number, what: string) {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}

function resetWindow() {
  windowStart = performance.now();
  cpuStart = process.cpuUsage();
  updatesSent = 0;
  probesSent = 0;
  frames = { update: 0, sync: 0, awareness: 0, saved: 0, ack: 0, other: 0 };
  inWindow = new Map();
  loopDelay.reset();
}

/**
 * Ends the window now (CPU, sends, frames), then waits `graceMs` so the last probes can arrive,
 * and computes latency over the probes sent inside the window. A probe some editor has still not
 * seen counts with the time it has waited (a lower bound ≥ graceMs), so an overloaded server
 * cannot look fast by delivering late or not at all.
 */
async function collect(graceMs: number): Promise<CollectResult> {
  const end = performance.now();
  const durationMs = end - windowStart;
  const cpu = process.cpuUsage(cpuStart);
  const sent = updatesSent;
  const probes = probesSent;
  const frameCounts = { ...frames };
  const loopP99 = loopDelay.percentile(99) / 1e6;
  const records = [...inWindow.values()].filter((r) => r.sentAt <= end);
  await sleep(graceMs);
  const now = performance.now();
  const all: number[] = [];
  let expected = 0;
  let seen = 0;
  for (const rec of records) {
    const editors = rec.room.editors.length;
    expected += editors;
    seen += rec.latencies.length;
    for (const l of rec.latencies) all.push(l);
    for (let i = rec.latencies.length; i < editors; i++) all.push(now - rec.sentAt);
  }
  const editors = rooms.reduce((n, r) => n + r.editors.length, 0);
  return {
    durationMs,
    generatorCpu: (cpu.user + cpu.system) / 1000 / durationMs,
    generatorLoopDelayP99Ms: loopP99,
    updatesSent: sent,
    updatesPerSec: (sent / durationMs) * 1000,
    targetUpdatesPerSec: editors * keysPerSec,
    probesSent: probes,
    probeSamples: seen,
    expectedSamples: expected,
    latency: summarise(all),
    samples: all,
    framesReceivedPerSec: Object.fromEntries(
      Object.entries(frameCounts).map(([k, n]) => [k, Math.round((n / durationMs) * 1000)]),
    ) as Record<FrameKind, number>,
    disconnects: rooms.reduce(
      (n, r) => n + r.editors.reduce((m, e) => m + e.client.disconnects(), 0) + r.probe.disconnects(),
      0,
    ),
  };
}

function startProbes() {
  for (const [index, room] of rooms.entries()) {
    const map = room.probe.doc.getMap<string>("probe");
    const fire = () => {
      const key = `${index}-${probeSeq++}`;
      const sentAt = performance.now();
      inWindow.set(key, { sentAt, latencies: [], room });
      probesSent++;
      map.set("t", probeMarker(key, sentAt));
    };
    // Spread the rooms' probes over the interval.
    setTimeout(
      () => {
        if (!rooms.includes(room)) return;
        fire();
        room.probeTimer = setInterval(fire, probeIntervalMs);
      },
      (index * probeIntervalMs) / rooms.length,
    );
  }
}

/** What an editor does when it sees a probe: record its latency (same clock as the sender). */
function probeReceiver(room: Room) {
  return (marker: string) => {
    const now = performance.now();
    const body = marker.slice("~PROBE~".length, -1);
    const colon = body.lastIndexOf(":");
    const rec = inWindow.get(body.slice(0, colon));
    if (!rec || rec.room !== room) return; // sent before this window
    rec.latencies.push(now - Number(body.slice(colon + 1)));
  };
}

/** Every editor types at `keysPerSec`, each on its own schedule (random phase). */
function setRate(rate: number) {
  keysPerSec = rate;
  if (typingTimer) clearInterval(typingTimer);
  typingTimer = null;
  if (rate <= 0) return;
  const interval = 1000 / rate;
  const now = performance.now();
  for (const room of rooms) for (const e of room.editors) e.nextAt = now + Math.random() * interval;
  typingTimer = setInterval(() => {
    const t = performance.now();
    for (const room of rooms) {
      for (const e of room.editors) {
        // Catch up at most 250 ms of lag, so an overloaded generator does not fire huge bursts.
        if (e.nextAt < t - 250) e.nextAt = t - 250;
        while (e.nextAt <= t) {
          e.typist.key();
          updatesSent++;
          e.nextAt += interval;
        }
      }
    }
  }, 5);
}

async function openRooms(target: Target, specs: RoomSpec[], probeMs: number, leanEditors: boolean) {
  probeIntervalMs = probeMs;
  lean = leanEditors;
  const started = performance.now();
  rooms = specs.map((spec) => {
    const room: Room = {
      spec,
      editors: [],
      probe: connectClient(target, spec.name, spec.probeCookie, user(9999)),
      probeTimer: null,
    };
    room.editors = spec.editorCookies.map((cookie, i) => {
      const client = connectClient(target, spec.name, cookie, user(i), {
        lean,
        onProbe: probeReceiver(room),
        onFrame: countFrame,
      });
      return { client, typist: new Typist(client.doc), nextAt: 0 };
    });
    return room;
  });
  const all = rooms.flatMap((r) => [r.probe, ...r.editors.map((e) => e.client)]);
  await withTimeout(Promise.all(all.map((c) => c.synced)), 60_000, "clients to sync");
  startProbes();
  return { clients: all.length, ms: Math.round(performance.now() - started) };
}

/**
 * Stops typing and waits until each room's probe client (a full client: it applies every update)
 * holds every character the room's editors typed, and, with full editors, until all of them agree.
 */
async function converge(timeoutMs: number) {
  setRate(0);
  for (const room of rooms) if (room.probeTimer) clearInterval(room.probeTimer);
  const typed = (room: Room) => room.editors.reduce((n, e) => n + e.typist.typed, 0);
  const same = () =>
    rooms.every((room) => {
      const total = typed(room);
      if (room.probe.doc.getText("bench").length !== total) return false;
      return lean || room.editors.every((e) => e.client.doc.getText("bench").length === total);
    });
  const started = performance.now();
  try {
    await waitUntil(same, timeoutMs, "rooms to converge");
  } catch {
    return {
      converged: false,
      ms: Math.round(performance.now() - started),
      typed: rooms.map(typed),
      held: rooms.map((r) => r.probe.doc.getText("bench").length),
    };
  }
  return { converged: true, ms: Math.round(performance.now() - started), textLengths: rooms.map(typed) };
}

function closeRooms() {
  setRate(0);
  for (const room of rooms) {
    if (room.probeTimer) clearInterval(room.probeTimer);
    room.probe.destroy();
    for (const e of room.editors) e.client.destroy();
  }
  rooms = [];
}

let memoryClients: BenchClient[] = [];
async function memoryOpen(target: Target, docs: Array<{ name: string; cookie: string }>, chars: number) {
  memoryClients = docs.map((d) => connectClient(target, d.name, d.cookie, user(5000)));
  await withTimeout(Promise.all(memoryClients.map((c) => c.synced)), 60_000, "memory documents to sync");
  for (const c of memoryClients) {
    const typist = new Typist(c.doc);
    for (let i = 0; i < chars / 10; i++) typist.burst(10);
  }
  await waitUntil(() => memoryClients.every((c) => c.acknowledged()), 60_000, "memory documents to be acknowledged");
  return { docs: memoryClients.length };
}

let writers: BenchClient[] = [];
async function bigWrite(
  target: Target,
  doc: string,
  cookies: string[],
  edits: number,
  rate: number,
  waitSaved: boolean,
) {
  const started = performance.now();
  writers = cookies.map((cookie, i) => connectClient(target, doc, cookie, user(7000 + i)));
  await withTimeout(Promise.all(writers.map((w) => w.synced)), 30_000, "writers to sync");
  const before = writers[0].doc.getText("bench").length;
  const each = Math.ceil(edits / writers.length);
  await Promise.all(
    writers.map(async (w) => {
      const typist = new Typist(w.doc);
      const perTick = Math.max(1, Math.round(rate / 100));
      for (let done = 0; done < each;) {
        for (let i = 0; i < perTick && done < each; i++, done++) typist.key();
        await sleep(10);
      }
    }),
  );
  const total = before + each * writers.length;
  await waitUntil(() => writers.every((w) => w.doc.getText("bench").length === total), 120_000, "writers to converge");
  if (waitSaved) await waitUntil(() => writers.every((w) => w.acknowledged()), 60_000, "edits to be acknowledged");
  return { edits: each * writers.length, textLength: total, ms: Math.round(performance.now() - started) };
}

async function openOnce(target: Target, doc: string, cookie: string, expectLength: number) {
  const client = connectClient(target, doc, cookie, user(8000));
  try {
    const ms = await withTimeout(client.synced, 30_000, "document to open");
    const length = client.doc.getText("bench").length;
    return { ms, length, complete: length === expectLength };
  } finally {
    client.destroy();
  }
}

async function handle(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case "open-rooms":
      return openRooms(command.target, command.rooms, command.probeIntervalMs, command.lean);
    case "set-rate":
      setRate(command.keysPerSec);
      return { keysPerSec };
    case "reset":
      resetWindow();
      return {};
    case "collect":
      return collect(command.graceMs);
    case "converge":
      return converge(command.timeoutMs);
    case "close-rooms":
      closeRooms();
      return {};
    case "memory-open":
      return memoryOpen(command.target, command.docs, command.chars);
    case "memory-close":
      for (const c of memoryClients) c.destroy();
      memoryClients = [];
      return {};
    case "big-write":
      return bigWrite(
        command.target,
        command.doc,
        command.cookies,
        command.edits,
        command.ratePerWriter,
        command.waitSaved,
      );
    case "big-disconnect":
      for (const w of writers) w.destroy();
      writers = [];
      return {};
    case "open-once":
      return openOnce(command.target, command.doc, command.cookie, command.expectLength);
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
