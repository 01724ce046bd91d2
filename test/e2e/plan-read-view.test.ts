/**
 * Issue #10, "reading first, editing on demand", in Chromium and by clicking only after sign-in:
 * the head reads the plan and a priority's target table, opens one section's form with its Edit
 * button (focus moves into the form), saves, and is back on the read view with the change (focus on
 * the button again). The SIP finds the comments folded behind their count, opens them and comments.
 * axe finds no serious or critical problem on any of these pages.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { schoolYearOf } from "../../app/kernel/school-year";
import { assignSip } from "../../db/queries/communities";
import { addPriority, addTarget, getOrCreatePlan } from "../../db/queries/plans";
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

const PRIORITY = "Raise attendance of disadvantaged pupils";
const inFourMonths = () => new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);

describeBrowser("the plan reads as a document and is edited one section at a time", () => {
  let app: RunningCommons;
  let head: Person;
  let sip: Person;
  let schoolName: string;
  const findings: string[] = [];
  const axe = async (page: Page, label: string) =>
    findings.push(...(await seriousAxeViolations(page)).map((v) => `${label}: ${v}`));
  const menu = async (page: Page, label: string) => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
    await page.waitForLoadState("networkidle");
    await waitForHydration(page);
  };
  const openPlan = async (page: Page) => {
    await page
      .getByRole("navigation", { name: "School sections" })
      .getByRole("link", { name: "Improvement plan" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Improvement plan" }).waitFor();
    await waitForHydration(page);
  };
  const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority, schools } = await makeAuthority(db, 1);
    const school = schools[0];
    schoolName = school.name;
    const hana = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: school.id }], {
      name: "Hana Head",
    });
    const sam = await makeUser(db, authority.id, [{ role: "sip" }], { name: "Sam Partner" });
    const year = schoolYearOf(new Date());
    await assignSip(db, { authorityId: authority.id, sipUserId: sam.id, schoolIds: [school.id], schoolYear: year });
    const plan = await getOrCreatePlan(db, school.id, year);
    const priority = await addPriority(db, plan.id, {
      title: PRIORITY,
      area: "behaviour_and_attitudes",
      rationale: "Persistent absence is twice the national rate.",
    });
    await addTarget(db, priority.id, {
      measure: "Attendance %",
      studentGroup: "Disadvantaged pupils",
      baseline: 89.5,
      target: 93,
      actual: null,
      byWhen: inFourMonths(),
    });
    [head, sip] = await newPeople(app.url, [hana.email, sam.email]);
  });
  afterAll(async () => {
    await Promise.all([head?.close(), sip?.close()]);
    await app?.close();
  });

  it("the head reads the target table, edits one section with the keyboard, saves and reads the change", async () => {
    const { page } = head;
    await waitForHydration(page);
    await menu(page, "My school");
    await openPlan(page);
    await axe(page, "plan (head)");
    // A read view: no field to fill until a section is opened (the year switcher is the only control).
    const fields = page.locator("main :is(textarea, select, input:not([type=hidden])):visible");
    expect(await fields.evaluateAll((els) => els.map((e) => e.getAttribute("name")))).toEqual(["year"]);
    await page.getByRole("link", { name: PRIORITY }).click();
    await page.getByRole("heading", { level: 1, name: PRIORITY }).waitFor();
    await waitForHydration(page);

    const table = page.getByRole("table", { name: /SMART targets/ });
    const row = table.getByRole("row").filter({ hasText: "Attendance %" });
    expect(await row.getByRole("cell").allTextContents()).toEqual([
      "89.5%",
      "93.0%",
      "—",
      "—",
      expect.stringMatching(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/),
      "No result yet",
    ]);
    await axe(page, "priority (head, reading)");

    // Edit from the keyboard: focus moves into the form that opens.
    const edit = page.getByRole("link", { name: "Edit SMART targets (1)" });
    expect(await edit.getAttribute("aria-expanded")).toBe("false");
    await edit.focus();
    await page.keyboard.press("Enter");
    const result = page.getByLabel("Latest result (%): Attendance % · Disadvantaged pupils");
    await result.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("actual");
    expect(await page.getByRole("link", { name: "Close SMART targets (1)" }).getAttribute("aria-expanded")).toBe(
      "true",
    );
    await axe(page, "priority (head, editing targets)");
    await result.fill("91.2");
    await page.getByRole("button", { name: "Save result" }).click();

    // Back to the read view, with the new figure, its change and status, and focus on the Edit button.
    await result.waitFor({ state: "detached" });
    await row.getByRole("cell", { name: "91.2%" }).waitFor();
    await row.getByRole("cell", { name: "+1.7 pp" }).waitFor();
    expect(await row.getByRole("cell").last().textContent()).toMatch(/^(On track|Behind)$/);
    expect(await activeText(page)).toBe("Edit SMART targets (1)");

    // Cancel closes without saving and returns focus too.
    await page.getByRole("link", { name: "Edit Progress" }).click();
    await page.getByLabel("Progress note").waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("body");
    await page.getByRole("link", { name: "Cancel" }).click();
    await page.getByLabel("Progress note").waitFor({ state: "detached" });
    expect(await activeText(page)).toBe("Edit Progress");
    expectNoBrowserErrors(head);
  });

  it("the SIP sees comments folded behind their count, opens them and comments", async () => {
    const { page } = sip;
    await waitForHydration(page);
    await menu(page, "My schools");
    await page.getByRole("heading", { level: 1, name: "Schools" }).waitFor();
    await page.getByRole("link", { name: schoolName, exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: schoolName }).waitFor();
    await openPlan(page);
    await axe(page, "plan (SIP)");
    expect(await page.getByRole("link", { name: /^Edit/ }).count()).toBe(0);
    await page.getByRole("link", { name: PRIORITY }).click();
    await page.getByRole("heading", { level: 1, name: PRIORITY }).waitFor();
    await waitForHydration(page);
    expect(await page.getByRole("link", { name: /^Edit/ }).count()).toBe(0);

    const fold = page.locator("details", { has: page.locator("summary", { hasText: "Comments on this priority" }) });
    const box = page.getByLabel("Comment on this priority");
    expect(await box.isVisible()).toBe(false);
    await fold.locator("summary").first().filter({ hasText: "(none yet)" }).click();
    await box.fill("Is 93% realistic by the summer? What does the trend show?");
    await fold.getByRole("button", { name: "Add comment" }).click();
    await fold.getByText("Is 93% realistic by the summer?").waitFor();
    await fold.locator("summary").first().filter({ hasText: "(1 open)" }).waitFor();
    await axe(page, "priority (SIP, comments open)");
    expectNoBrowserErrors(sip);
  });

  it("axe found no serious or critical problem on the pages visited", () => {
    expect(findings).toEqual([]);
  });
});
