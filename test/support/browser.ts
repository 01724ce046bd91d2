/**
 * Browser end-to-end helpers: the real built app on an in-memory PGlite database, and one
 * Chromium profile (persistent context) per simulated person. Every page records console errors
 * and uncaught exceptions so each test can assert the app logged none.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { describe, expect } from "vitest";
import { openDatabase } from "../../db/client";
import type { RunningCommons } from "../../server/start";
import { startTestApp } from "./app";
import { TEST_PASSWORD } from "./factories";
import { chromiumAvailable, chromiumPath } from "./services";

/** `describe` when Chromium can run here; outside CI a missing browser skips (services.ts). */
export const describeBrowser = chromiumAvailable() ? describe : describe.skip;

/**
 * The real app over a fresh in-memory PGlite database. When it closes, it fails the suite if the
 * collaboration server refused any change: the pages' own editing paths must never break a
 * document's write rules (ADR 024). A suite that provokes refusals on purpose says how many.
 */
export async function startBrowserApp(
  env: Record<string, string> = {},
  options: { refusalsExpected?: number } = {},
): Promise<RunningCommons> {
  const app = await startTestApp(await openDatabase({ driver: "pglite", dataDir: null }), env);
  const close = app.close.bind(app);
  app.close = async () => {
    const refused = { ...app.collab.metrics.refusedUpdates };
    await close();
    const total = Object.values(refused).reduce((sum, n) => sum + n, 0);
    if (total !== (options.refusalsExpected ?? 0))
      throw new Error(`The collaboration server refused ${total} change(s) from the pages: ${JSON.stringify(refused)}`);
  };
  return app;
}

export type Person = {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far on this person's pages. */
  errors: string[];
  close(): Promise<void>;
};

/** Each page's error list (its person's), so `waitForHydration` can fail fast on a crash. */
const errorsOf = new WeakMap<Page, string[]>();

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A fresh browser profile (own cookies and storage) with one open page, watched for errors.
 * Relative addresses (`page.goto("/login")`) go to the app at `baseUrl`.
 */
export async function openPerson(baseUrl: string): Promise<Person> {
  const dir = await mkdtemp(path.join(tmpdir(), "commons-e2e-"));
  const context = await chromium
    .launchPersistentContext(dir, {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      locale: "en-GB",
      baseURL: baseUrl,
    })
    .catch(async (error: unknown) => {
      await rm(dir, { recursive: true, force: true });
      throw error;
    });
  context.setDefaultTimeout(15_000);
  const errors: string[] = [];
  const watch = (page: Page) => {
    errorsOf.set(page, errors);
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    errors,
    async close() {
      await context.close().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Asserts the person's pages logged no errors since the last check, then clears the list.
 * `expectedStatuses` allows Chromium's own "Failed to load resource" line for responses the test
 * asked for on purpose (a 404 page, a 400 from a refused form), and nothing else.
 */
export function expectNoBrowserErrors(person: Person, expectedStatuses: number[] = []) {
  const unexpected = person.errors.filter(
    (e) =>
      !expectedStatuses.some((s) => e.includes(`Failed to load resource: the server responded with a status of ${s} `)),
  );
  person.errors.length = 0;
  expect(unexpected, "the browser logged errors").toEqual([]);
}

/** Signs in through the form, the way a person does, and waits for the dashboard (the page's profile knows the app's address). */
export async function login(page: Page, email: string, password: string = TEST_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("/dashboard");
  await page.getByRole("heading", { level: 1, name: /^Welcome, / }).waitFor();
}

/** A fresh browser profile for the app at `baseUrl`, signed in as `email`; the profile is closed if signing in fails. */
export async function newPerson(baseUrl: string, email: string, password: string = TEST_PASSWORD): Promise<Person> {
  const person = await openPerson(baseUrl);
  try {
    await login(person.page, email, password);
    return person;
  } catch (error) {
    await person.close();
    throw error;
  }
}

/** Several people at once, each in their own signed-in profile; if any sign-in fails, every profile is closed. */
export async function newPeople(baseUrl: string, emails: string[]): Promise<Person[]> {
  const settled = await Promise.allSettled(emails.map((email) => newPerson(baseUrl, email)));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (!failed) return settled.map((r) => (r as PromiseFulfilledResult<Person>).value);
  await Promise.all(settled.map((r) => (r.status === "fulfilled" ? r.value.close() : undefined)));
  throw failed.reason;
}

/** Signs out with the header button and waits for the sign-in page. */
export async function signOut(page: Page, baseUrl: string) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.href.startsWith(`${baseUrl}/login`));
}

/**
 * Waits until Remix has hydrated the page, so client-side behaviour is live, and fails at once
 * (naming the page) if the page threw while loading, such as a hydration mismatch.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => "__remixContext" in window && document.readyState === "complete");
  await page.waitForLoadState("networkidle");
  const thrown = [...new Set((errorsOf.get(page) ?? []).filter((e) => e.startsWith("uncaught:")))];
  if (thrown.length) throw new Error(`${page.url()} threw in the browser while loading:\n${thrown.join("\n")}`);
}

/** axe's serious and critical violations on the current page, one readable line per node. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `[${v.impact}] ${v.id}: ${v.help}\n    at ${n.target.join(" ")}\n    ${n.failureSummary?.replace(/\n/g, "\n    ")}`,
      ),
    );
}
