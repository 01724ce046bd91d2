// The memory, steady-load and big-document phases run against each server.
import type { BenchConfig } from "./config";
import type { GeneratorControl } from "./generator-control";
import { log } from "./log";
import { measureWindow } from "./measure-window";
import { rssBytes } from "./proc";
import { sleep, type ServerUnderTest } from "./servers/types";
import { median } from "./stats";

/** Median of a few RSS readings over `ms` (RSS moves with GC; a single reading is noisy). */
async function settledRss(pid: number, ms = 1_000): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    readings.push(rssBytes(pid));
    await sleep(ms / 5);
  }
  return median(readings)!;
}

/** Memory per open document: RSS after opening N documents with content, minus RSS before, over N. */
export async function memoryPhase(gen: GeneratorControl, sut: ServerUnderTest, config: BenchConfig) {
  const pid = sut.process.pid;
  // Warm the server up (first connection, JIT, lazy modules), then let it settle.
  await gen.send({ cmd: "memory-open", target: sut.target, docs: [sut.warmupDoc], chars: 100 });
  await gen.send({ cmd: "memory-close" });
  await sleep(config.settleMs);
  const before = await settledRss(pid);
  const started = performance.now();
  await gen.send({ cmd: "memory-open", target: sut.target, docs: sut.memoryDocs, chars: config.memoryCharsPerDoc });
  const openMs = performance.now() - started;
  await sleep(config.settleMs);
  const after = await settledRss(pid);
  await gen.send({ cmd: "memory-close" });
  await sleep(config.settleMs);
  const afterClose = await settledRss(pid);
  const docs = sut.memoryDocs.length;
  return {
    docs,
    charsPerDoc: config.memoryCharsPerDoc,
    rssBeforeBytes: before,
    rssOpenBytes: after,
    rssAfterCloseBytes: afterClose,
    bytesPerDoc: Math.round((after - before) / docs),
    openAllMs: Math.round(openMs),
  };
}

/** Steady load: every room's editors type at `keysPerSec`. Rooms stay open for the saturation phase. */
export async function loadPhase(gen: GeneratorControl, sut: ServerUnderTest, config: BenchConfig, keysPerSec: number) {
  const opened = await gen.send<{ clients: number; ms: number }>({
    cmd: "open-rooms",
    target: sut.target,
    rooms: sut.rooms,
    probeIntervalMs: config.probeIntervalMs,
    lean: config.leanEditors,
  });
  log(`${sut.kind}: ${opened.clients} clients synced in ${opened.ms} ms; steady load ${keysPerSec} keys/s per editor`);
  const { samples, ...measured } = await measureWindow(gen, sut, config, keysPerSec, config.warmupMs, config.measureMs);
  log(
    `${sut.kind}: p50 ${measured.latency.p50} p95 ${measured.latency.p95} p99 ${measured.latency.p99} ms; ` +
      `${Math.round(measured.updatesPerSec)} updates/s; server CPU ${(measured.serverCpu * 100).toFixed(0)}%, generator CPU ${(measured.generatorCpu * 100).toFixed(0)}%, ` +
      `other programs ${(measured.foreignCpu * 100).toFixed(0)}% of a core`,
  );
  const serverStats = (await sut.serverStats?.()) ?? null;
  // The raw samples go to a file of their own (run.ts), not into the result.
  return { result: { clientsOpened: opened.clients, openMs: opened.ms, ...measured, serverStats }, samples };
}

/**
 * A document with 10,000 stored edits: written through clients, then opened again warm (still in
 * memory) and cold (after the server unloaded it), timed from connection start to synced on the
 * client, and server-side from the server's own load timing where it logs one.
 */
export async function bigDocPhase(gen: GeneratorControl, sut: ServerUnderTest, config: BenchConfig) {
  const doc = sut.bigDoc;
  const written = await gen.send<{ edits: number; textLength: number; ms: number }>({
    cmd: "big-write",
    target: sut.target,
    doc: doc.name,
    cookies: doc.writerCookies,
    fields: doc.writerFields,
    edits: config.bigDocEdits,
    ratePerWriter: config.bigDocWriterRate,
    waitSaved: true,
  });
  log(`${sut.kind}: wrote ${written.edits} edits in ${written.ms} ms`);
  const warm: number[] = [];
  for (let i = 0; i < config.bigDocOpens; i++) {
    const r = await gen.send<{ ms: number; complete: boolean }>({
      cmd: "open-once",
      target: sut.target,
      doc: doc.name,
      cookie: doc.readerCookie,
      fields: doc.writerFields,
      expectLength: written.textLength,
    });
    if (!r.complete) throw new Error(`${sut.kind}: warm open of the big document was incomplete`);
    warm.push(r.ms);
  }
  await gen.send({ cmd: "big-disconnect" });
  const cold: number[] = [];
  const server: number[] = [];
  let storage: Record<string, unknown> | null = null;
  if (sut.unloads) {
    await sut.waitUnloaded(doc.name);
    storage = (await sut.storage?.(doc.name)) ?? null;
    for (let i = 0; i < config.bigDocOpens; i++) {
      const loadsBefore = sut.loadTimes(doc.name).length;
      const r = await gen.send<{ ms: number; complete: boolean }>({
        cmd: "open-once",
        target: sut.target,
        doc: doc.name,
        cookie: doc.readerCookie,
        fields: doc.writerFields,
        expectLength: written.textLength,
      });
      if (!r.complete) throw new Error(`${sut.kind}: cold open of the big document was incomplete (lost edits?)`);
      cold.push(r.ms);
      await sut.waitUnloaded(doc.name);
      const loads = sut.loadTimes(doc.name);
      if (loads.length === loadsBefore + 1) server.push(loads[loads.length - 1]);
      else log(`${sut.kind}: open ${i} was not a cold load (${loads.length - loadsBefore} loads logged)`);
    }
  }
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    edits: written.edits,
    writers: doc.writerCookies.length,
    writeMs: written.ms,
    storage,
    warmClientMs: warm.map((v) => round(v)),
    warmClientMedianMs: round(median(warm)),
    coldClientMs: cold.map((v) => round(v)),
    coldClientMedianMs: round(median(cold)),
    coldServerMs: server.map((v) => round(v)),
    coldServerMedianMs: round(median(server)),
  };
}
