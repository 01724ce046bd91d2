import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { schoolYearOf } from "../../app/kernel/school-year";
import { assignSip } from "../../db/queries/communities";
import type { RunningCommons } from "../../server/start";
import {
  describeBrowser,
  expectNoBrowserErrors,
  newPeople,
  seriousAxeViolations,
  startBrowserApp,
  waitForHydration,
  type Person,
} from "../support/browser";
import { makeAuthority, makeUser } from "../support/factories";

const inSixMonths = () => new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);

describeBrowser("the improvement plan and its feedback loop, in the browser", () => {
  let app: RunningCommons;
  let head: Person;
  let sip: Person;
  let planUrl: string;
  let priorityUrl: string;
  const axe: string[] = [];

  const checkAxe = async (label: string, page: Page) => {
    for (const v of await seriousAxeViolations(page)) axe.push(`${label}: ${v}`);
  };
  /** The target's comment threads (the priority's come first, then each target's). */
  const targetThreads = (page: Page) => page.locator('[data-testid^="threads-"]').nth(1);

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority, schools } = await makeAuthority(db, 1);
    const hana = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[0].id }], {
      name: "Hana Head",
    });
    const sam = await makeUser(db, authority.id, [{ role: "sip" }], { name: "Sam Partner" });
    await assignSip(db, {
      authorityId: authority.id,
      sipUserId: sam.id,
      schoolIds: [schools[0].id],
      schoolYear: schoolYearOf(new Date()),
    });
    planUrl = `${app.url}/schools/${schools[0].id}/plan`;
    [head, sip] = await newPeople(app.url, [hana.email, sam.email]);
  });
  afterAll(async () => {
    await Promise.all([head?.close(), sip?.close()]);
    await app?.close();
  });

  it("a head writes a priority with a target and an action", async () => {
    const page = head.page;
    await page.goto(planUrl);
    await waitForHydration(page);
    await page.getByText("No priorities yet — add the first one").waitFor();
    await checkAxe("empty plan", page);

    // The plan reads first; the priority form opens on demand.
    await page.getByRole("link", { name: "Add a priority" }).click();
    await page.getByLabel("Title").fill("Raise attendance of disadvantaged pupils");
    await page.getByLabel("Area", { exact: true }).selectOption({ label: "Behaviour and attitudes" });
    await page.getByLabel("Rationale").fill("Persistent absence is twice the national rate.");
    await page.getByRole("button", { name: "Add priority" }).click();
    await page.getByRole("heading", { level: 1, name: "Raise attendance of disadvantaged pupils" }).waitFor();
    priorityUrl = page.url();

    // A baseline over 100 is refused in the browser, and what was typed stays.
    await waitForHydration(page);
    await page.getByRole("link", { name: "Edit SMART targets (0)" }).click();
    await page.getByLabel("Measure").fill("Attendance %");
    await page.getByLabel("Student group").fill("Disadvantaged pupils");
    await page.getByLabel("Baseline (%)").fill("150");
    await page.getByLabel("Target (%)", { exact: true }).fill("94");
    await page.getByLabel("By when").fill(inSixMonths());
    await page.getByRole("button", { name: "Add target" }).click();
    await page.getByRole("alert").filter({ hasText: "The baseline must be between 0 and 100" }).waitFor();
    expect(await page.getByLabel("Measure").inputValue()).toBe("Attendance %");
    await page.getByLabel("Baseline (%)").fill("89.5");
    await page.getByRole("button", { name: "Add target" }).click();
    await page.getByRole("heading", { name: "SMART targets (1)" }).waitFor();
    // Saved: the form closes and the target is in the read view's table.
    await page.getByLabel("Measure").waitFor({ state: "detached" });
    await page
      .getByRole("table", { name: /SMART targets/ })
      .getByRole("cell", { name: "89.5%" })
      .waitFor();

    await page.getByRole("link", { name: "Edit Actions (0)" }).click();
    await page.getByLabel("Action", { exact: true }).fill("First-day calls home for every absence");
    await page.getByLabel("Owner").fill("Attendance lead");
    await page.getByLabel("Due", { exact: true }).fill(inSixMonths());
    await page.getByRole("button", { name: "Add action" }).click();
    await page.getByRole("heading", { name: "Actions (1)" }).waitFor();
    await page
      .getByRole("table", { name: /Actions/ })
      .getByRole("rowheader", { name: "First-day calls home for every absence" })
      .waitFor();
    await checkAxe("priority (head)", page);
    expectNoBrowserErrors(head);
  });

  it("the SIP comments on the target but is offered no editing", async () => {
    const page = sip.page;
    await page.goto(priorityUrl);
    await waitForHydration(page);
    expect(await page.getByRole("button", { name: "Add target" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: /^Edit/ }).count()).toBe(0);
    // The comments are folded behind their count; the SIP opens the target's.
    await targetThreads(page).getByText("Comments on Attendance % · Disadvantaged pupils (none yet)").click();
    await page
      .getByLabel("Comment on the target Attendance % (Disadvantaged pupils)")
      .fill("Is 94% realistic by the summer? What does the trend show?");
    await targetThreads(page).getByRole("button", { name: "Add comment" }).click();
    await targetThreads(page).getByText("Is 94% realistic by the summer?").waitFor();
    await targetThreads(page).locator("summary", { hasText: "(1 open)" }).waitFor();
    await checkAxe("priority (SIP)", page);
    expectNoBrowserErrors(sip);
  });

  it("the head sees the alert, follows it and replies", async () => {
    const page = head.page;
    await page.goto(planUrl);
    await waitForHydration(page);
    const alert = page.getByRole("status").filter({ hasText: "New feedback on this plan (1)" });
    await alert.waitFor();
    expect(
      await page
        .getByRole("definition")
        .filter({ hasText: /^1 open$/ })
        .count(),
    ).toBe(1);
    await checkAxe("plan with alert", page);
    await alert.getByRole("link", { name: "Sam Partner commented on a target in your plan" }).click();
    await page.getByRole("heading", { level: 1, name: "Raise attendance of disadvantaged pupils" }).waitFor();
    const thread = targetThreads(page);
    // The alert points at the comment, so its fold opens by itself.
    await thread.getByLabel("Reply").waitFor();
    await thread.getByLabel("Reply").fill("Yes: the autumn trend is up 1.7 pp.");
    await thread.getByRole("button", { name: "Reply" }).click();
    await thread.getByText("Yes: the autumn trend is up 1.7 pp.").waitFor();
    expectNoBrowserErrors(head);
  });

  it("the SIP sees the reply and resolves the thread", async () => {
    const page = sip.page;
    await page.goto(priorityUrl);
    await waitForHydration(page);
    const thread = targetThreads(page);
    await thread.locator("summary").first().click();
    await thread.getByText("Yes: the autumn trend is up 1.7 pp.").waitFor();
    await thread.getByRole("button", { name: "Resolve thread" }).click();
    await thread.locator("summary", { hasText: "(1 resolved)" }).first().waitFor();
    await thread.getByText("1 resolved thread").click();
    await thread.getByText("Resolved by Sam Partner").waitFor();
    await checkAxe("resolved thread", page);
    expectNoBrowserErrors(sip);
  });

  it("the evidence trail shows the outcomes chart with its figures, and every page passed axe", async () => {
    const page = sip.page;
    await page.getByRole("link", { name: "Evidence trail" }).click();
    const chart = page.getByTestId("outcomes-chart");
    await chart.waitFor();
    expect(await chart.locator("svg rect").count()).toBeGreaterThanOrEqual(1);
    expect(await chart.locator("table").textContent()).toContain("89.5%");
    await page.getByText("No inquiry linked to this priority").waitFor();
    await page.getByRole("cell", { name: "First-day calls home for every absence" }).waitFor();
    await checkAxe("evidence trail", page);
    await page.screenshot({ path: "/tmp/plan-trail.png", fullPage: true });
    expect(axe, `axe found serious or critical problems:\n\n${axe.join("\n\n")}\n`).toEqual([]);
    expectNoBrowserErrors(sip);
  });
});
