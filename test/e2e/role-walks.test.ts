/**
 * Issue #10's quality bar, in Chromium on the demo network: each demo role signs in and then reaches
 * its pages BY CLICKING ONLY (the header menu and the links inside <main>, breadth-first from home,
 * returning to a page with the browser's Back button or by replaying the clicks from the header).
 * On every page reached: axe finds no serious or critical problem, the browser logs no error, and no
 * request fails or answers 400+. The walk runs with unread notifications in every header (the badge
 * was itself an axe failure once). Each role must reach its named pages, within two clicks of home.
 * Finally each role completes (or at least opens) the first item of its home's "To do" list.
 * WALK_DEBUG=1 prints each page as it is reached.
 */
import type { Page, Response } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { notify } from "../../app/features/notifications/service.server";
import { unreadCount } from "../../db/queries/notifications";
import { findUserByEmail } from "../../db/queries/users";
import type { RunningCommons } from "../../server/start";
import {
  describeBrowser,
  expectNoBrowserErrors,
  login,
  openPerson,
  seriousAxeViolations,
  startBrowserApp,
  waitForHydration,
  type Person,
} from "../support/browser";
import { TEST_PASSWORD } from "../support/factories";

/** Pages one role walks at most, and at most this many pages of one shape (/schools/:id…): one school stands for all. */
const PAGE_CAP = 40;
const PER_SHAPE = 1;
/**
 * Pages deeper than this are not opened: the bar is two clicks, and a third level costs a replay per
 * page on a shared two-core machine.
 */
const MAX_DEPTH = 2;

type Visited = {
  key: string;
  shape: string;
  depth: number;
  /** The hrefs clicked from home, in order, to reach this page (the first is in the header or on home). */
  hrefs: string[];
  /** What the person read on each link clicked, for the report. */
  labels: string[];
  h1: string;
  title: string;
};

/** A page the role must reach: matched by its address's shape and its main heading. */
type MustReach = { name: string; path: RegExp; h1?: RegExp };

const ID = "[0-9a-f-]{36}";
const re = (pattern: string) => new RegExp(`^${pattern.replaceAll(":id", ID)}$`);

const ROLES: { email: string; mustReach: MustReach[] }[] = [
  {
    email: "admin@demo.test",
    mustReach: [
      { name: "schools", path: re("/admin/schools") },
      { name: "people", path: re("/admin/people") },
      { name: "a person", path: re("/admin/people/:id") },
      { name: "SIPs", path: re("/admin/sips") },
      { name: "audit", path: re("/admin/audit") },
    ],
  },
  {
    email: "facilitator1@demo.test",
    mustReach: [
      { name: "cohorts", path: re("/cohorts") },
      { name: "a cohort", path: re("/cohorts/:id") },
      { name: "sessions", path: re("/cohorts/:id/sessions") },
      { name: "survey", path: re("/cohorts/:id/survey") },
      { name: "playlist", path: re("/cohorts/:id/playlist") },
      { name: "outcomes", path: re("/cohorts/:id/outcomes") },
      { name: "communities", path: re("/cohorts/:id/communities") },
    ],
  },
  {
    email: "sip1@demo.test",
    mustReach: [
      { name: "My schools", path: re("/schools") },
      { name: "a school", path: re("/schools/:id") },
      { name: "its plan", path: re("/schools/:id/plan") },
      { name: "visits", path: /^\/(visits|schools\/[0-9a-f-]{36}\/visits)$/ },
      { name: "a visit record", path: re("/schools/:id/visits/:id") },
      { name: "reports", path: /^\/(reports|schools\/[0-9a-f-]{36}\/reports)$/ },
      { name: "a report", path: re("/schools/:id/reports/:id") },
      { name: "brokering", path: re("/brokering") },
    ],
  },
  {
    email: "head1@demo.test",
    mustReach: [
      { name: "My school", path: re("/schools/:id") },
      { name: "plan", path: re("/schools/:id/plan") },
      { name: "a priority", path: re("/schools/:id/plan/priorities/:id") },
      { name: "community", path: re("/communities/:id") },
      { name: "board", path: re("/communities/:id/board") },
      { name: "questions", path: re("/communities/:id/questions") },
      { name: "cohort", path: re("/cohorts/:id") },
      { name: "sessions", path: /^\/cohorts\/[0-9a-f-]{36}\/sessions(\/[0-9a-f-]{36})?$/ },
    ],
  },
  {
    email: "governor1@demo.test",
    mustReach: [
      { name: "their school", path: re("/schools/:id") },
      { name: "a report addressed to them", path: re("/schools/:id/reports/:id") },
    ],
  },
];

/** /schools/5861…/plan → /schools/:id/plan, so the walk opens two schools, not fifteen. */
const shapeOf = (key: string) => key.replace(new RegExp(ID, "g"), ":id").replace(/\?.*$/, "");
const keyOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

describeBrowser("every demo role, by clicking only: axe, errors and reach on every page", () => {
  let app: RunningCommons;
  let person: Person;
  /** Requests that failed or answered 400+ since the last check, for the page being checked. */
  const failures: string[] = [];
  const report: string[] = [];

  beforeAll(async () => {
    app = await startBrowserApp({ SEED_DEMO: "true", DEMO_PASSWORD: TEST_PASSWORD });
    const { db, mailer } = app.services;
    // Every header must carry an unread badge during the walk. The demo gives some roles unread
    // notifications; the others get one through the app's own notify service.
    for (const { email } of ROLES) {
      const user = (await findUserByEmail(db, email))!;
      if ((await unreadCount(db, user.id)) > 0) continue;
      await notify(
        { db, mailer },
        {
          userId: user.id,
          title: "Welcome to the spring term",
          body: "Your home lists what to do.",
          link: "/dashboard",
        },
      );
    }
    person = await openPerson(app.url);
    const watch = (response: Response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    };
    person.page.on("response", watch);
    person.page.on("requestfailed", (request) => {
      // A navigation that replaces a pending one aborts it; that is the browser, not the app.
      if (request.failure()?.errorText !== "net::ERR_ABORTED") failures.push(`failed ${request.url()}`);
    });
  }, 120_000);
  afterAll(async () => {
    if (report.length) console.log(report.join("\n"));
    await person?.close();
    await app?.close();
  });

  /** Links a person may follow from here: the header and <main>, same site, pages only. */
  async function linksOn(page: Page): Promise<{ href: string; key: string; label: string }[]> {
    const found = await page.evaluate(() => {
      const anchors = [...document.querySelectorAll<HTMLAnchorElement>("header a[href], main a[href]")];
      return anchors
        .filter((a) => a.getClientRects().length > 0 && !a.closest("form") && !a.hasAttribute("download"))
        .filter((a) => a.target !== "_blank" && a.origin === location.origin)
        .map((a) => ({
          href: a.getAttribute("href")!,
          url: a.href,
          label: (a.textContent ?? "").replace(/\s+/g, " ").trim(),
          hashOnly: a.pathname === location.pathname && a.search === location.search && a.hash !== "",
        }));
    });
    return found
      .filter((l) => !l.hashOnly && !l.href.startsWith("#"))
      .filter((l) => !/^\/(logout|login)\b|\.(pdf|csv)(\?|$)|\/pdf$|\/export\b/.test(new URL(l.url).pathname))
      .map((l) => ({ href: l.href, key: keyOf(l.url), label: l.label }));
  }

  /**
   * Waits until the page a click (or Back) started has arrived: a client-side navigation is over when
   * Remix's router is idle again, a full one when the new document has hydrated.
   */
  async function settle(page: Page) {
    await page.waitForLoadState("domcontentloaded");
    await page.waitForFunction(() => {
      const router = (window as { __remixRouter?: { state: { navigation: { state: string } } } }).__remixRouter;
      return router?.state.navigation.state === "idle";
    });
    await waitForHydration(page);
  }

  /** Clicks the link with this href (header or <main>) and waits for the page it opens. */
  async function click(page: Page, href: string) {
    await page.locator(`header a[href="${href}"]:visible, main a[href="${href}"]:visible`).first().click();
    await settle(page);
  }

  /** Goes home with the header's Dashboard link, then replays the clicks that reached `target`. */
  async function reach(page: Page, target: Visited) {
    if (keyOf(page.url()) === target.key) return;
    await click(page, "/dashboard");
    for (const href of target.hrefs) await click(page, href);
    expect(keyOf(page.url()), `replaying the clicks to ${target.key}`).toBe(target.key);
  }

  /**
   * The page's own checks: a heading, axe clean, no failed request, no error logged. Problems are
   * collected (labelled with the page and the clicks that reached it) so one run names them all.
   */
  async function check(page: Page, where: string, problems: string[]): Promise<{ h1: string; title: string }> {
    const h1 = (
      (await page
        .locator("h1")
        .first()
        .textContent({ timeout: 5_000 })
        .catch(() => "")) ?? ""
    ).trim();
    if (!h1) problems.push(`${where}: no <h1>`);
    const title = await page.title();
    for (const v of await seriousAxeViolations(page)) problems.push(`${where}: ${v}`);
    for (const f of failures.splice(0)) problems.push(`${where}: request ${f}`);
    for (const e of person.errors.splice(0)) problems.push(`${where}: ${e}`);
    return { h1, title };
  }

  /** A fresh sign-in (the previous role's cookie dropped) on the shared browser profile. */
  async function signInAs(page: Page, email: string) {
    await page.context().clearCookies();
    await login(page, email, TEST_PASSWORD);
    await waitForHydration(page);
    failures.length = 0;
    person.errors.length = 0;
  }

  /** Breadth-first walk from home; returns every page reached with its click depth. */
  async function walk(page: Page, problems: string[]): Promise<Visited[]> {
    const home: Visited = {
      key: keyOf(page.url()),
      shape: "/dashboard",
      depth: 0,
      hrefs: [],
      labels: [],
      h1: "",
      title: "",
    };
    Object.assign(home, await check(page, "home", problems));
    const seen = new Map<string, Visited>([[home.key, home]]);
    const perShape = new Map<string, number>([[home.shape, 1]]);
    const queue: Visited[] = [home];
    while (queue.length && seen.size < PAGE_CAP) {
      const from = queue.shift()!;
      if (from.depth >= MAX_DEPTH) continue;
      await reach(page, from);
      for (const link of await linksOn(page)) {
        if (seen.size >= PAGE_CAP) break;
        const shape = shapeOf(link.key);
        if (seen.has(link.key) || (perShape.get(shape) ?? 0) >= PER_SHAPE) continue;
        await click(page, link.href);
        const key = keyOf(page.url());
        const landed: Visited = {
          key,
          shape: shapeOf(key),
          depth: from.depth + 1,
          hrefs: [...from.hrefs, link.href],
          labels: [...from.labels, link.label],
          h1: "",
          title: "",
        };
        const known = seen.get(key);
        seen.set(link.key, known ?? landed); // a link that redirects is not followed twice
        if (!known) {
          Object.assign(landed, await check(page, `${key} (clicked ${landed.labels.join(" › ")})`, problems));
          seen.set(key, landed);
          if (process.env.WALK_DEBUG) console.log(new Date().toISOString(), landed.depth, key, landed.h1);
          perShape.set(landed.shape, (perShape.get(landed.shape) ?? 0) + 1);
          queue.push(landed);
        } else {
          // Already checked; only what this visit itself logged is new.
          const where = `${link.href} → ${key}`;
          for (const f of failures.splice(0)) problems.push(`${where}: request ${f}`);
          for (const e of person.errors.splice(0)) problems.push(`${where}: ${e}`);
        }
        await page.goBack();
        await settle(page);
        if (keyOf(page.url()) !== from.key) await reach(page, from);
      }
    }
    return [...new Map([...seen.values()].map((v) => [v.key, v])).values()];
  }

  for (const role of ROLES) {
    it(`${role.email} reaches every page of their work by clicking, each axe-clean and error-free`, async () => {
      const { page } = person;
      await signInAs(page, role.email);
      const badge = page.getByTestId("notifications-link");
      await expect(badge.textContent()).resolves.toMatch(/\d/);

      const problems: string[] = [];
      const pages = await walk(page, problems);
      report.push(
        `\n${role.email}: ${pages.length} pages`,
        ...pages.map((p) => `  ${p.depth}  ${p.shape.padEnd(48)} ${p.h1}  [${p.labels.join(" › ")}]`),
      );
      // Still unread at the end, so every page above was checked with the badge showing.
      await expect(badge.textContent()).resolves.toMatch(/\d/);

      const missing: string[] = [];
      for (const must of role.mustReach) {
        const hit = pages
          .filter((p) => must.path.test(p.key.replace(/\?.*$/, "")) && (!must.h1 || must.h1.test(p.h1)))
          .sort((a, b) => a.depth - b.depth)[0];
        if (!hit) missing.push(`${must.name}: not reached`);
        else if (hit.depth > 2) missing.push(`${must.name}: ${hit.depth} clicks (${hit.labels.join(" › ")})`);
      }
      expect(
        { problems, missing },
        `${role.email}: problems on pages, and pages not reached within two clicks of home`,
      ).toEqual({ problems: [], missing: [] });
      expectNoBrowserErrors(person);
    }, 300_000);
  }

  /** The home's "To do" list (the dashboard's contract: a section labelled by the "To do" heading). */
  async function todoItems(page: Page, email: string) {
    const section = page.locator("section[aria-labelledby='todo-heading']");
    const present = (await section.count()) > 0 && (await section.locator("h2#todo-heading").textContent()) === "To do";
    expect(
      present,
      `${email}'s home has no <section aria-labelledby="todo-heading"> with <h2 id="todo-heading">To do</h2>`,
    ).toBe(true);
    const links = section.getByRole("link");
    const texts = (await links.allTextContents()).map((t) => t.replace(/\s+/g, " ").trim());
    expect(texts.length, `${email}'s "To do" list has no items in the demo`).toBeGreaterThan(0);
    return { links, texts };
  }

  /** Which item each role completes: the one the issue names for that role, else the first. */
  const TODO_PICK: Record<string, RegExp> = {
    "head1@demo.test": /awaiting your reply/,
    "sip1@demo.test": /^Write the visit record/,
    "governor1@demo.test": /report/i,
  };

  for (const { email } of ROLES) {
    it(`${email} completes one to-do item from the home`, async () => {
      const { page } = person;
      await signInAs(page, email);
      const { links, texts } = await todoItems(page, email);
      const pick = Math.max(0, TODO_PICK[email] ? texts.findIndex((t) => TODO_PICK[email].test(t)) : 0);
      const item = texts[pick];
      await links.nth(pick).click();
      await settle(page);
      const problems: string[] = [];
      const { h1 } = await check(page, `to-do "${item}" → ${keyOf(page.url())}`, problems);
      expect(problems, problems.join("\n\n")).toEqual([]);
      // An item naming a report or a draft (“…”) opens that very document.
      const named = /“([^”]+)”/.exec(item)?.[1];
      if (named) await expect(page.locator("main").textContent()).resolves.toContain(named);
      expect(h1, `the page "${item}" opened`).not.toBe("");

      if (email === "head1@demo.test") {
        // The head answers their SIP: the reply appears, and home no longer lists the same item.
        const reply = page.getByRole("textbox", { name: "Reply" }).first();
        if (!(await reply.isVisible()))
          await page
            .locator("main summary, main button")
            .filter({ hasText: /comment/i })
            .first()
            .click();
        const words = `Thank you: we will add the Year 4 data (${Date.now()}).`;
        await reply.fill(words);
        await reply.locator("xpath=ancestor::form").getByRole("button", { name: "Reply" }).click();
        await page.getByText(words).waitFor();
        await click(page, "/dashboard");
        expect((await todoItems(page, email)).texts).not.toContain(item);
      } else if (email === "sip1@demo.test") {
        // The SIP lands where the record is written: an editable field is there.
        const editable = page.locator("main [contenteditable='true'], main textarea, main input[type='text']");
        await expect(editable.first().isVisible()).resolves.toBe(true);
      }
      expectNoBrowserErrors(person);
    }, 60_000);
  }
});
