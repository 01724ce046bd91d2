/**
 * `npm run bench:board`: is the root-cause board still quick with 200 notes and 20 people present?
 *
 * The production build with the demo network (bench/lighthouse/app.ts). Two Chromium profiles sign
 * in through the form as head1 (drags) and head2 (watches) and reach the board by clicking. Phase 1,
 * the baseline: the demo board plus a few notes, only the two browsers. Phase 2, the same board
 * grown to 200 notes with a long edit history, and 18 more people present (raw y-websocket
 * clients of the three demo members, each with its own presence, refining its notes' wording every
 * few seconds). In each phase, BOARD_DRAGS (default 30) pointer drags between two categories;
 * each is timed from the dragger's pointerup to the moment the note appears in the watcher's page.
 * Also: the board page's JavaScript as Chromium downloaded it, raw and gzip.
 * Writes bench/results/board-<timestamp>.json and prints the table for docs/performance.md.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { listNotes } from "../../collab/documents/board-shape";
import { editNote } from "../../collab/documents/root-cause-board";
import { DEMO_PASSWORD, startBenchApp } from "../lighthouse/app";
import { installDragger, installWatcher, measureDrag } from "./drag";
import { boardPageData, connectRaw, keepBusy, seedNotes, signInCookie } from "./people";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PORT = Number(process.env.BOARD_BENCH_PORT ?? 3109);
const DRAGS = Math.max(5, Number(process.env.BOARD_DRAGS ?? 30));
const NOTES = 200;
const PRESENT = 20;
const HISTORY_EDITS = 2_000;
const RESULTS = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../results");
const MEMBERS = ["facilitator1@demo.test", "head1@demo.test", "head2@demo.test"];

type Phase = { notes: number; present: number; samplesMs: number[]; p50: number; p95: number; max: number };

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const round = (n: number) => Math.round(n * 10) / 10;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openProfile(baseUrl: string, email: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "commons-board-bench-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    viewport: { width: 1440, height: 1000 },
    locale: "en-GB",
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${baseUrl}/dashboard`);
  return { context, page, dir };
}

/** "My community" in the header (a list first when they have several), then "Root causes" in its steps. */
async function clickToBoard(page: Page) {
  await page.locator("header nav[aria-label='Main']:visible").getByRole("link", { name: "My community" }).click();
  await page.waitForURL(/\/communities/);
  if (new URL(page.url()).pathname === "/communities")
    await page.locator("main a[href^='/communities/']").first().click();
  await page
    .getByRole("navigation", { name: "Inquiry steps" })
    .getByRole("link", { name: /Root causes/ })
    .click();
  await page.waitForURL(/\/board$/);
  await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 30_000 });
  return new URL(page.url()).pathname;
}

/** The board page's scripts as Chromium fetched them on a cold load (raw bytes and gzip -6). */
async function scriptWeight(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const pending: Promise<Buffer>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") pending.push(response.body());
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const all = await Promise.all(pending);
  await page.close();
  return {
    files: all.length,
    rawKB: round(all.reduce((n, b) => n + b.length, 0) / 1024),
    gzipKB: round(all.reduce((n, b) => n + gzipSync(b).length, 0) / 1024),
  };
}

async function measurePhase(dragger: Page, watcher: Page, notes: number, present: number): Promise<Phase> {
  const samples: number[] = [];
  for (let i = 0; i < DRAGS; i++) {
    const [from, to] = i % 2 === 0 ? ["knowledge", "skills"] : ["skills", "knowledge"];
    samples.push(await measureDrag(dragger, watcher, from, to));
  }
  return {
    notes,
    present,
    samplesMs: samples.map(round),
    p50: round(quantile(samples, 0.5)),
    p95: round(quantile(samples, 0.95)),
    max: round(Math.max(...samples)),
  };
}

async function main() {
  const startedAt = new Date();
  const app = await startBenchApp(PORT);
  const stops: Array<() => unknown> = [];
  try {
    const [a, b] = [await openProfile(app.url, "head1@demo.test"), await openProfile(app.url, "head2@demo.test")];
    stops.push(
      () => a.context.close(),
      () => b.context.close(),
      () => rm(a.dir, { recursive: true, force: true }),
      () => rm(b.dir, { recursive: true, force: true }),
    );
    const boardPath = await clickToBoard(a.page);
    await clickToBoard(b.page);
    const weight = await scriptWeight(b.context, app.url + boardPath);

    // The seeding client: facilitator1, who also writes the long history.
    const cookies = await Promise.all(MEMBERS.map((m) => signInCookie(app.url, m)));
    const who = await Promise.all(cookies.map((c) => boardPageData(app.url, boardPath, c)));
    const seeder = connectRaw(app.url, who[0].docName, cookies[0], who[0].me.name);
    stops.push(() => seeder.provider.destroy());
    await seeder.synced;
    seedNotes(seeder.doc, 8, who[0].me);
    await a.page.waitForTimeout(1_500);
    for (const p of [a.page, b.page]) await p.reload();
    for (const p of [a.page, b.page])
      await p.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 30_000 });
    await installDragger(a.page);
    await installWatcher(b.page);
    const baseline = await measurePhase(a.page, b.page, listNotes(seeder.doc).length, 2);
    console.log(`baseline: ${baseline.notes} notes, p95 ${baseline.p95} ms`);

    // Grow the board to 200 notes with a long history of wording changes.
    // In batches (one update per batch, a pause between), as the server's flood limit expects of a client.
    const grown: string[] = [];
    while (listNotes(seeder.doc).length < NOTES) {
      const batch = Math.min(20, NOTES - listNotes(seeder.doc).length);
      seeder.doc.transact(() => grown.push(...seedNotes(seeder.doc, batch, who[0].me, grown.length)));
      await pause(50);
    }
    for (let i = 0; i < HISTORY_EDITS; i += 100) {
      seeder.doc.transact(() => {
        for (let j = i; j < i + 100; j++)
          editNote(
            seeder.doc,
            grown[j % grown.length],
            `Cause ${(j % grown.length) + 1}, reworded ${Math.floor(j / grown.length) + 1} times`,
          );
      });
      await pause(50);
    }
    // 18 more people: the three members' accounts, six sockets each, every one its own presence.
    const raws = [];
    for (let i = 0; i < PRESENT - 2; i++) {
      const k = i % MEMBERS.length;
      raws.push(connectRaw(app.url, who[k].docName, cookies[k], `${who[k].me.name} (${i + 1})`));
    }
    await Promise.all(raws.map((r) => r.synced));
    for (const [i, r] of raws.entries()) {
      stops.push(() => r.provider.destroy());
      const mine = grown.filter((_, j) => j % raws.length === i);
      stops.push(keepBusy(r, mine, 5_000));
    }
    for (const p of [a.page, b.page]) await p.reload();
    for (const p of [a.page, b.page])
      await p.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 60_000 });
    await installDragger(a.page);
    await installWatcher(b.page);
    await a.page.waitForTimeout(3_000);
    const loaded = await measurePhase(a.page, b.page, listNotes(seeder.doc).length, PRESENT);
    console.log(`loaded: ${loaded.notes} notes, ${PRESENT} present, p95 ${loaded.p95} ms`);

    const result = {
      startedAt: startedAt.toISOString(),
      machine: { cores: os.cpus().length, node: process.version },
      drags: DRAGS,
      baseline,
      loaded,
      ratioP95: round(loaded.p95 / baseline.p95),
      boardPageScripts: weight,
      targets: { p95Ms: 150, gzipKB: 300 },
    };
    const file = path.join(RESULTS, `board-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
    await writeFile(file, JSON.stringify(result, null, 2) + "\n");
    console.log(`\n| Board | notes | people present | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|---:|`);
    for (const [name, p] of [
      ["baseline", baseline],
      ["200 notes, 20 people", loaded],
    ] as const)
      console.log(`| ${name} | ${p.notes} | ${p.present} | ${p.p50} | ${p.p95} | ${p.max} |`);
    console.log(`\np95 ratio (loaded / baseline): ${result.ratioP95}`);
    console.log(`board page JavaScript: ${weight.files} files, ${weight.rawKB} KB raw, ${weight.gzipKB} KB gzip`);
    console.log(`written ${path.relative(process.cwd(), file)}`);
  } finally {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => {});
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
