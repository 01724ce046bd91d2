import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
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

const waitForStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="save-status"][data-status="${status}"]`).waitFor();

describeBrowser("a facilitator starts a cohort and runs its first session with a leader", () => {
  let app: RunningCommons;
  let fac: Person;
  let ada: Person;
  let sessionUrl = "";
  let cohortUrl = "";
  const axeFindings: string[] = [];
  /** Runs axe on the page as it is now and remembers what it found (asserted at the end and at each step). */
  const axe = async (label: string, page: Page) => {
    const found = (await seriousAxeViolations(page)).map((v) => `${label}: ${v}`);
    axeFindings.push(...found);
    expect(found, `axe found serious or critical problems:\n\n${found.join("\n\n")}\n`).toEqual([]);
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority, schools } = await makeAuthority(db, 3);
    const users = {
      fay: await makeUser(db, authority.id, [{ role: "facilitator" }], { name: "Fay Facilitator" }),
      ada: await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[0].id }], {
        name: "Ada Leader",
      }),
    };
    await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[1].id }], { name: "Ben Leader" });
    await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[2].id }], { name: "Cleo Leader" });
    [fac, ada] = await newPeople(app.url, [users.fay.email, users.ada.email]);
  });
  afterAll(async () => {
    await Promise.all([fac?.close(), ada?.close()]);
    await app?.close();
  });

  it("starts a cohort from the dashboard, refusing a malformed school year", async () => {
    const page = fac.page;
    await page.getByRole("link", { name: "Start a cohort" }).click();
    await page.getByRole("heading", { level: 1, name: "Start a cohort" }).waitFor();
    await waitForHydration(page);
    await axe("new cohort", page);
    await page.getByLabel("Name").fill("Riverside Heads");
    await page.getByLabel("School year").fill("2030-2031");
    await page.getByRole("button", { name: "Start the cohort" }).click();
    await page.getByRole("alert").filter({ hasText: "four digits, a dash and two digits" }).waitFor();
    await page.getByLabel("School year").fill("2030-31");
    await page.getByRole("button", { name: "Start the cohort" }).click();
    await page.waitForURL(/\/cohorts\/[0-9a-f-]+\/members$/);
    cohortUrl = page.url().replace(/\/members$/, "");
    await page.getByRole("heading", { level: 1, name: "Riverside Heads: members" }).waitFor();
    expectNoBrowserErrors(fac);
  });

  it("adds two school leaders found with the filter", async () => {
    const page = fac.page;
    await waitForHydration(page);
    await axe("members (empty)", page);
    await page.getByRole("button", { name: "Add to the cohort" }).click();
    await page.getByRole("alert").filter({ hasText: "Choose at least one school leader." }).waitFor();

    const filter = page.getByLabel("Find by name or school");
    await filter.fill("ada");
    await page.getByText("1 of 3 shown").waitFor();
    await page.getByRole("checkbox", { name: /Ben Leader/ }).waitFor({ state: "hidden" });
    await page.getByRole("checkbox", { name: /Ada Leader/ }).check();
    await filter.fill("");
    await page.getByRole("checkbox", { name: /Ben Leader/ }).check();
    await page.getByRole("button", { name: "Add to the cohort" }).click();
    await page.getByRole("status").filter({ hasText: "Added Ada Leader and Ben Leader." }).waitFor();
    const leaders = page.getByRole("region", { name: "School leaders (2)" });
    await leaders.getByRole("listitem").filter({ hasText: "Ada Leader" }).waitFor();
    await leaders.getByRole("listitem").filter({ hasText: "Ben Leader" }).waitFor();
    // Only Cleo is left to add.
    expect(await page.getByRole("checkbox").count()).toBe(1);
    await axe("members", page);
    expectNoBrowserErrors(fac, [400]);
  });

  it("schedules a session with an agenda built from protocols, checking the link first", async () => {
    const page = fac.page;
    await page.getByRole("navigation", { name: "Cohort" }).getByRole("link", { name: "Sessions", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Riverside Heads: sessions" }).waitFor();
    await waitForHydration(page);
    await page.getByText("Schedule the first session").waitFor();
    await axe("sessions (empty)", page);

    await page.getByLabel("Title").fill("October: stories");
    await page.getByLabel("Date and time").fill("2030-10-14T14:00");
    await page.getByLabel("Length (minutes)").fill("120");
    await page.getByLabel("Protocol to add").selectOption("story-circle");
    await page.getByRole("button", { name: "Add to agenda" }).click();
    await page.getByRole("group", { name: "Item 3: Story circle" }).waitFor();
    // Move the story circle above "Reflection and commitments", by keyboard.
    await page.getByRole("button", { name: "Move up item 3" }).press("Enter");
    await page.getByRole("group", { name: "Item 2: Story circle" }).waitFor();
    await page.getByRole("group", { name: "Item 3: Reflection and commitments" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Move up");
    await page.getByRole("group", { name: "Item 1: Check-in" }).getByLabel("Minutes").fill("");
    await page.getByLabel("Place or online link").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Schedule session" }).click();
    await page.getByRole("alert").filter({ hasText: "starting with https:// or http://" }).waitFor();
    await page.getByRole("alert").filter({ hasText: "Enter the minutes for this item." }).waitFor();
    await axe("schedule form with errors", page);

    await page.getByLabel("Place or online link").fill("https://meet.example.org/riverside");
    await page.getByRole("group", { name: "Item 1: Check-in" }).getByLabel("Minutes").fill("15");
    await page.getByRole("button", { name: "Schedule session" }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
    sessionUrl = page.url();
    await page.getByRole("heading", { level: 1, name: "Riverside Heads: October: stories" }).waitFor();
    const agenda = await page
      .getByRole("region", { name: /^Agenda/ })
      .getByRole("listitem")
      .allTextContents();
    expect(agenda.map((t) => t.replace(/\s+/g, " ").slice(0, 40))).toEqual([
      expect.stringMatching(/^14:00–14:15 ?Check-in \(15 min\)/),
      expect.stringMatching(/^14:15–14:55 ?Story circle \(40 min\)/),
      expect.stringMatching(/^14:55–15:10 ?Reflection and commitments/),
    ]);
    expectNoBrowserErrors(fac);
  });

  it("takes attendance, and a leader sees the count but not the register", async () => {
    const page = fac.page;
    await waitForHydration(page);
    await page.getByRole("group", { name: "Ada Leader" }).getByLabel("Present").check();
    await page.getByRole("group", { name: "Ben Leader" }).getByLabel("Absent").check();
    await page.getByRole("button", { name: "Save attendance" }).click();
    await page.getByRole("status").filter({ hasText: "Attendance saved: 1 present, 1 absent." }).waitFor();
    await page.getByTestId("attendance-count").filter({ hasText: "1 of 2 leaders present" }).waitFor();

    await ada.page.goto(sessionUrl);
    await waitForHydration(ada.page);
    await ada.page.getByTestId("attendance-count").filter({ hasText: "1 of 2 leaders present" }).waitFor();
    expect(await ada.page.getByRole("radio").count()).toBe(0);
    expect(await ada.page.getByRole("link", { name: "Change the details or agenda" }).count()).toBe(0);
    expectNoBrowserErrors(fac);
    expectNoBrowserErrors(ada);
  });

  it("shares the session notes live between the facilitator and the leader", async () => {
    await Promise.all([waitForStatus(fac.page, "saved"), waitForStatus(ada.page, "saved")]);
    const notes = (page: Page) => page.getByRole("textbox", { name: "Session notes" });
    await notes(ada.page).click();
    await ada.page.keyboard.type("We agreed to meet every second Wednesday.");
    await notes(fac.page).filter({ hasText: "every second Wednesday" }).waitFor();
    await notes(fac.page).click();
    await fac.page.keyboard.press("Control+End");
    await fac.page.keyboard.press("Enter");
    await fac.page.keyboard.type("Next: bring one story each.");
    await notes(ada.page).filter({ hasText: "bring one story each" }).waitFor();
    // Each sees the other here.
    await ada.page
      .getByRole("list", { name: "People here now" })
      .getByText("Fay Facilitator")
      .waitFor({ state: "attached" });
    await Promise.all([waitForStatus(fac.page, "saved"), waitForStatus(ada.page, "saved")]);
    await axe("session (facilitator)", fac.page);
    await axe("session (leader)", ada.page);
    expectNoBrowserErrors(fac);
    expectNoBrowserErrors(ada);
  });

  it("shows the overview to both, with the dashboard for the facilitator", async () => {
    await fac.page.goto(cohortUrl);
    await waitForHydration(fac.page);
    await fac.page.getByRole("heading", { name: "Between-session practice" }).waitFor();
    await fac.page.getByText("No sessions held yet").waitFor();
    await axe("overview (facilitator)", fac.page);
    await ada.page.goto(cohortUrl);
    await waitForHydration(ada.page);
    await ada.page.getByRole("link", { name: "October: stories" }).waitFor();
    expect(await ada.page.getByRole("heading", { name: "Between-session practice" }).count()).toBe(0);
    await axe("overview (leader)", ada.page);
    await ada.page.goto(`${cohortUrl}/members`);
    await waitForHydration(ada.page);
    await axe("members (leader)", ada.page);
    expect(axeFindings).toEqual([]);
    expectNoBrowserErrors(fac);
    expectNoBrowserErrors(ada);
  });
});
