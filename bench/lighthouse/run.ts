/**
 * `npm run bench:lighthouse`: Lighthouse (desktop preset) on the production build with the demo
 * network, in Debian's Chromium, for the sign-in page, each demo role's home, the plan, a report,
 * and a community's board, "How might we…" and playlist (as its facilitator).
 * Writes bench/results/lighthouse.json and prints a table for docs/performance.md.
 *
 * Chromium is driven by playwright-core (sign-in through the form) and opened to Lighthouse on a
 * remote-debugging port; Lighthouse's tab shares the signed-in profile, so it measures the page a
 * person sees, not the sign-in redirect. LIGHTHOUSE_RUNS (default 1) runs each page that many times
 * and keeps the median, which steadies the performance score on a busy machine.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { chromium } from "playwright-core";
import { startBenchApp } from "./app";
import { findTargets, signIn } from "./pages";
import { failingAudits, markdownTable, median, scoresOf, TARGETS, type PageResult, type Scores } from "./report";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const APP_PORT = Number(process.env.LIGHTHOUSE_APP_PORT ?? 3108);
const DEBUG_PORT = Number(process.env.LIGHTHOUSE_DEBUG_PORT ?? 9308);
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));
const OUT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../results/lighthouse.json");

async function main() {
  const app = await startBenchApp(APP_PORT);
  const profile = await mkdtemp(path.join(os.tmpdir(), "commons-lighthouse-profile-"));
  // The persistent context is Chromium's default profile, the one Lighthouse's new tab opens in.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--remote-debugging-port=${DEBUG_PORT}`, "--no-sandbox", "--disable-gpu", "--no-first-run"],
    viewport: { width: 1350, height: 940 },
    locale: "en-GB",
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const targets = await findTargets(context, page, app.url);
    const results: PageResult[] = [];
    for (const target of targets) {
      await signIn(context, page, app.url, target.role);
      // Lighthouse gets the browser to itself: the sign-in tab is parked on a blank page.
      await page.goto("about:blank");
      const runs: Scores[] = [];
      let last: PageResult["failing"] = [];
      let finalPath = "";
      let serverResponseMs: number | null = null;
      for (let i = 0; i < RUNS; i++) {
        // Lighthouse sometimes fails to record the trace of a load (NO_NAVSTART) on a busy machine:
        // that run measured nothing, so it is repeated (at most twice more) and the repeat is said.
        let lhr = null;
        for (let attempt = 1; !lhr; attempt++) {
          const result = await lighthouse(
            app.url + target.path,
            {
              port: DEBUG_PORT,
              output: "json",
              logLevel: "error",
              onlyCategories: ["performance", "accessibility", "best-practices"],
            },
            desktopConfig,
          );
          if (!result) throw new Error(`Lighthouse returned nothing for ${target.path}`);
          const error = result.lhr.runtimeError;
          if (!error) lhr = result.lhr;
          else if (error.code === "NO_NAVSTART" && attempt < 3) console.log(`${target.name}: no trace recorded, again`);
          else throw new Error(`${target.path}: ${error.message}`);
        }
        serverResponseMs = lhr.audits["server-response-time"]?.numericValue ?? null;
        finalPath = new URL(lhr.finalDisplayedUrl).pathname;
        runs.push(scoresOf(lhr));
        last = failingAudits(lhr);
      }
      if (finalPath !== target.path)
        throw new Error(`${target.name}: Lighthouse ended on ${finalPath}, not ${target.path}`);
      const scores: Scores = {
        performance: median(runs.map((r) => r.performance)),
        accessibility: median(runs.map((r) => r.accessibility)),
        bestPractices: median(runs.map((r) => r.bestPractices)),
      };
      results.push({ ...target, finalPath, scores, runs, failing: last, serverResponseMs });
      console.log(`${target.name.padEnd(40)} ${JSON.stringify(scores)}`);
    }

    // The user agent says 156.0.0.0 (reduced); the binary tells the full version.
    const chromiumVersion =
      /[\d.]+/.exec(execFileSync(CHROMIUM, ["--version"], { encoding: "utf8" }))?.[0] ?? "unknown";
    const report = {
      date: new Date().toISOString(),
      preset: "desktop (lighthouse/core/config/desktop-config.js)",
      lighthouse: "12.8.2",
      chromium: chromiumVersion,
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", loadAverage: os.loadavg() },
      runsPerPage: RUNS,
      targets: TARGETS,
      pages: results,
    };
    await writeFile(OUT, JSON.stringify(report, null, 2) + "\n");
    console.log(`\nChromium ${chromiumVersion}, ${report.date}, ${RUNS} run(s) per page; written to ${OUT}\n`);
    console.log(markdownTable(results));
    const below = results.filter(
      (r) =>
        r.scores.performance < TARGETS.performance ||
        r.scores.accessibility < TARGETS.accessibility ||
        r.scores.bestPractices < TARGETS.bestPractices,
    );
    for (const r of below) {
      console.log(`\n${r.name} (${r.path}) loses points on:`);
      for (const a of r.failing)
        console.log(`  [${a.category}] ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
    }
  } finally {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
