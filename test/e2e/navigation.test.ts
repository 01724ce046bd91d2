/**
 * Issue #10's navigation, in Chromium: after signing in, a SIP reaches a school's plan, its visits,
 * a report and brokering, and a head their school's plan and their community, BY CLICKING ONLY (no
 * address typed after sign-in). axe finds no serious or critical problem on the new pages, with
 * unread notifications in the header.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { assignSip, createCohort, createCommunity } from "../../db/queries/communities";
import { createNotification } from "../../db/queries/notifications";
import { createReport } from "../../db/queries/reports";
import { getSchoolScope } from "../../db/queries/school-scope";
import { sipVisits } from "../../db/schema/index";
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
import { makeUser } from "../support/factories";
import { makeReportWorld } from "../support/report-fixtures";

const REPORT = "Spring term report";

describeBrowser("every role's work is reachable by clicking from the header", () => {
  let app: RunningCommons;
  let world: Awaited<ReturnType<typeof makeReportWorld>>;
  let sip: Person;
  let head: Person;
  const findings: string[] = [];

  /** Clicks a link of the header's main menu and waits for the page it opens. */
  async function menu(page: Page, label: string) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
    await page.waitForLoadState("networkidle");
    await waitForHydration(page);
  }
  async function axe(page: Page, label: string) {
    findings.push(...(await seriousAxeViolations(page)).map((v) => `${label}: ${v}`));
  }

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    world = await makeReportWorld(db);
    const { authority, schools, schoolYear, people } = world;
    const otherSip = await makeUser(db, authority.id, [{ role: "sip" }], { name: "Olu Other-Sip" });
    await assignSip(db, {
      authorityId: authority.id,
      sipUserId: otherSip.id,
      schoolIds: [schools.unrelated.id],
      schoolYear,
    });
    const assignment = (await getSchoolScope(db, schools.ours.id, schoolYear))!.assignment!;
    await db.insert(sipVisits).values({
      assignmentId: assignment.id,
      visitDate: `${schoolYear.slice(0, 4)}-10-02`,
      kind: "preparation",
      days: 0.5,
      purpose: "Read the self-evaluation",
    });
    await createReport(db, { assignmentId: assignment.id, title: REPORT, sections: [] });
    const cohort = await createCohort(db, {
      authorityId: authority.id,
      name: "Cohort One",
      schoolYear,
      facilitatorIds: [],
      leaderIds: [people.head.id, people.otherHead.id],
    });
    await createCommunity(db, {
      cohortId: cohort.id,
      name: "Riverside",
      memberIds: [people.head.id, people.otherHead.id],
    });
    for (const who of [people.sip, people.head])
      for (const n of [1, 2])
        await createNotification(db, { userId: who.id, title: `Something new ${n}`, link: "/dashboard" });
    [sip, head] = await newPeople(app.url, [people.sip.email, people.head.email]);
  });

  afterAll(async () => {
    await Promise.all([sip?.close(), head?.close()]);
    await app?.close();
  });

  it("a SIP reaches a school's plan, visits, a report and brokering from their home", async () => {
    const { page } = sip;
    const { ours, unrelated } = world.schools;
    await waitForHydration(page);
    await page.getByRole("link", { name: "Notifications 2 unread" }).waitFor();
    await axe(page, "SIP home");
    // The dashboard's assigned schools are links.
    await page.getByRole("link", { name: ours.name, exact: true }).waitFor();

    await menu(page, "My schools");
    await page.getByRole("heading", { level: 1, name: "Schools" }).waitFor();
    expect(await page.getByText(unrelated.name).count()).toBe(0);
    await axe(page, "/schools");
    await page.getByRole("table").getByRole("link", { name: ours.name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: ours.name }).waitFor();
    await page
      .getByRole("navigation", { name: "School sections" })
      .getByRole("link", { name: "Improvement plan" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Improvement plan" }).waitFor();
    await waitForHydration(page);
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Schools" }).waitFor();

    await menu(page, "Visits");
    await page.getByRole("heading", { level: 1, name: "Visits" }).waitFor();
    await axe(page, "/visits");
    await page.getByRole("table").getByRole("link", { name: ours.name }).click();
    await page.getByRole("heading", { level: 1, name: "SIP visits and time" }).waitFor();
    await waitForHydration(page);

    await menu(page, "Reports");
    await page.getByRole("heading", { level: 1, name: "Reports" }).waitFor();
    await axe(page, "/reports");
    await page.getByRole("link", { name: REPORT }).click();
    await page.getByRole("heading", { level: 1, name: REPORT }).waitFor();
    await waitForHydration(page);

    await menu(page, "Brokering");
    await page.getByRole("heading", { level: 1, name: "Brokering" }).waitFor();
    await axe(page, "/brokering");
    await page.getByRole("link", { name: ours.name }).click();
    await page.getByRole("heading", { level: 1, name: "Broker good practice" }).waitFor();
    await waitForHydration(page);
    expect(page.url()).toBe(`${app.url}/schools/${ours.id}/brokering`);
    expectNoBrowserErrors(sip);
  });

  it("a head reaches their school's plan and their community; the menu folds behind Menu on a phone", async () => {
    const { page } = head;
    const { ours } = world.schools;
    await waitForHydration(page);
    await menu(page, "My school");
    await page.getByRole("heading", { level: 1, name: ours.name }).waitFor();
    await axe(page, "head, school");
    await page
      .getByRole("navigation", { name: "School sections" })
      .getByRole("link", { name: "Improvement plan" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Improvement plan" }).waitFor();
    await waitForHydration(page);

    await menu(page, "My community");
    await page.getByRole("heading", { level: 1, name: "Riverside: home" }).waitFor();
    await axe(page, "head, community");

    await page.setViewportSize({ width: 390, height: 800 });
    // The folded menu opens from the keyboard.
    await page.locator("summary", { hasText: "Menu" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cohort", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Cohort One: overview" }).waitFor();
    await waitForHydration(page);
    await axe(page, "head, cohort (narrow)");
    expectNoBrowserErrors(head);
  });

  it("axe found no serious or critical problem on the pages visited", () => {
    expect(findings).toEqual([]);
  });
});
