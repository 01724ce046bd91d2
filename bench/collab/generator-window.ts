// The load generator's measurement window: sends, frames and probe latencies counted since the last reset.
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { FrameKind } from "./clients";
import { sleep, type Room } from "./generator-shared";
import type { CollectResult } from "./protocol";
import { summarise } from "./stats";

type ProbeRecord = { sentAt: number; latencies: number[]; room: Room };

let windowStart = performance.now();
let cpuStart = process.cpuUsage();
let updatesSent = 0;
let probesSent = 0;
let frames: Record<FrameKind, number> = { update: 0, sync: 0, awareness: 0, saved: 0, ack: 0, other: 0 };
export const countFrame = (kind: FrameKind) => frames[kind]++;
let inWindow = new Map<string, ProbeRecord>();
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

export function resetWindow() {
  windowStart = performance.now();
  cpuStart = process.cpuUsage();
  updatesSent = 0;
  probesSent = 0;
  frames = { update: 0, sync: 0, awareness: 0, saved: 0, ack: 0, other: 0 };
  inWindow = new Map();
  loopDelay.reset();
}

/** Counts one update typed by an editor. */
export function countUpdate() {
  updatesSent++;
}

/** Registers a probe just written by `room`'s probe client, so its editors' receipts are timed. */
export function recordProbe(key: string, sentAt: number, room: Room) {
  inWindow.set(key, { sentAt, latencies: [], room });
  probesSent++;
}

/** What an editor does when it sees a probe: record its latency (same clock as the sender). */
export function probeReceiver(room: Room) {
  return (marker: string) => {
    const now = performance.now();
    const body = marker.slice("~PROBE~".length, -1);
    const colon = body.lastIndexOf(":");
    const rec = inWindow.get(body.slice(0, colon));
    if (!rec || rec.room !== room) return; // sent before this window
    rec.latencies.push(now - Number(body.slice(colon + 1)));
  };
}

/**
 * Ends the window now (CPU, sends, frames), then waits `graceMs` so the last probes can arrive,
 * and computes latency over the probes sent inside the window. A probe some editor has still not
 * seen counts with the time it has waited (a lower bound ≥ graceMs), so an overloaded server
 * cannot look fast by delivering late or not at all. `load` is read after the grace period.
 */
export async function collect(
  graceMs: number,
  load: () => { rooms: Room[]; keysPerSec: number },
): Promise<CollectResult> {
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
  const { rooms, keysPerSec } = load();
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
