// The load generator's rooms under steady load: editors typing at a rate, probes, convergence.
import { connectClient, probeMarker } from "./clients";
import { user, waitUntil, withTimeout, type Room } from "./generator-shared";
import { collect, countFrame, countUpdate, probeReceiver, recordProbe } from "./generator-window";
import type { CollectResult, RoomSpec, Target } from "./protocol";
import { sectionsLength, Typist, writeProbe } from "./sections";

let rooms: Room[] = [];
let keysPerSec = 0;
let typingTimer: NodeJS.Timeout | null = null;
let probeIntervalMs = 200;
let probeSeq = 0;
let lean = true;

/** The per-editor rate last set. */
export const currentKeysPerSec = () => keysPerSec;

/** Collects the measurement window against the rooms open (and the rate set) once its grace period ends. */
export function collectRooms(graceMs: number): Promise<CollectResult> {
  return collect(graceMs, () => ({ rooms, keysPerSec }));
}

function startProbes() {
  for (const [index, room] of rooms.entries()) {
    const fire = () => {
      const key = `${index}-${probeSeq++}`;
      const sentAt = performance.now();
      recordProbe(key, sentAt, room);
      writeProbe(room.probe.doc, room.spec.probeField, probeMarker(key, sentAt));
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

/** Every editor types at `keysPerSec`, each on its own schedule (random phase). */
export function setRate(rate: number) {
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
          countUpdate();
          e.nextAt += interval;
        }
      }
    }
  }, 5);
}

export async function openRooms(target: Target, specs: RoomSpec[], probeMs: number, leanEditors: boolean) {
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
        probeField: spec.probeField,
        onFrame: countFrame,
      });
      return { client, typist: new Typist(client.doc, spec.editorFields[i]), nextAt: 0 };
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
export async function converge(timeoutMs: number) {
  setRate(0);
  for (const room of rooms) if (room.probeTimer) clearInterval(room.probeTimer);
  const typed = (room: Room) => room.editors.reduce((n, e) => n + e.typist.typed, 0);
  const same = () =>
    rooms.every((room) => {
      const total = typed(room);
      const fields = room.spec.editorFields;
      if (sectionsLength(room.probe.doc, fields) !== total) return false;
      return lean || room.editors.every((e) => sectionsLength(e.client.doc, fields) === total);
    });
  const started = performance.now();
  try {
    await waitUntil(same, timeoutMs, "rooms to converge");
  } catch {
    return {
      converged: false,
      ms: Math.round(performance.now() - started),
      typed: rooms.map(typed),
      held: rooms.map((r) => sectionsLength(r.probe.doc, r.spec.editorFields)),
    };
  }
  return { converged: true, ms: Math.round(performance.now() - started), textLengths: rooms.map(typed) };
}

export function closeRooms() {
  setRate(0);
  for (const room of rooms) {
    if (room.probeTimer) clearInterval(room.probeTimer);
    room.probe.destroy();
    for (const e of room.editors) e.client.destroy();
  }
  rooms = [];
}
