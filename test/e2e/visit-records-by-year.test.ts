/**
 * A SIP after 1 September: from sign-in, by clicking only, to last year's visit record (read only,
 * its agreed actions as a table), then back to this year's record to write it one section at a time.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { formatCalendarDate, todayIn } from "../../app/kernel/dates";
import { previousSchoolYear, schoolYearOf } from "../../app/kernel/school-year";
import { insertSchools, type School } from "../../db/queries/schools";
import { assignSipToSchool } from "../../db/queries/sip-deployment";
import { completeVisitPart, logVisit } from "../../db/queries/visits";
import type { RunningCommons } from "../../server/start";
import {
  describeBrowser,
  expectNoBrowserErrors,
  newPerson,
  seriousAxeViolations,
  startBrowserApp,
  waitForHydration,
  type Person,
} from "../support/browser";
import { makeAuthority, makeUser } from "../support/factories";

const thisYear = schoolYearOf(new Date());
const lastYear = previousSchoolYear(thisYear);
const lastStart = Number(lastYear.slice(0, 4));
const label = (start: number) => `${start}–${String((start + 1) % 100).padStart(2, "0")}`;

describeBrowser("visit records by school year: last year's read view, this year's edit", () => {
  let app: RunningCommons;
  let school: School;
  let sip: Person;
  const violations: string[] = [];
  const checkAxe = async (name: string) => {
    for (const v of await seriousAxeViolations(sip.page)) violations.push(`${name}: ${v}`);
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority } = await makeAuthority(db, 0);
    [school] = await insertSchools(db, [
      {
        authorityId: authority.id,
        name: "Riverside Academy",
        reference: "RA1",
        phase: "secondary",
        category: "targeted",
        locality: "Riverside",
      },
    ]);
    const sipUser = await makeUser(db, authority.id, [{ role: "sip" }], { name: "Sam Partner" });
    await makeUser(db, authority.id, [{ role: "school_leader", schoolId: school.id }], { name: "Hana Head" });
    // The same SIP both years (continuity), as the demo's sip1 is.
    const [previous, current] = await Promise.all(
      [lastYear, thisYear].map((schoolYear) =>
        assignSipToSchool(db, {
          authorityId: authority.id,
          schoolId: school.id,
          sipUserId: sipUser.id,
          schoolYear,
          dayBudget: 5,
        }),
      ),
    );
    const old = await logVisit(
      db,
      {
        assignmentId: previous.id,
        visitDate: `${lastStart}-10-01`,
        kind: "in_school",
        days: 1,
        purpose: "Autumn visit",
      },
      { allowOverspend: false, askPreVisit: false },
    );
    if (!old.ok || !old.recordId) throw new Error("last year's visit was not logged");
    await completeVisitPart(db, previous.id, old.recordId, {
      performance: "Good, with Key Stage 3 reading below the national picture.",
      keyFactors: "A stable senior team and strong pastoral work with families.",
      prioritiesAndTargets: "Reading ages of Year 7 pupils within a year of their age by Easter.",
      howToAchieve: "A reading intervention led by the English department.",
      agreedActions: `Head teacher: share the attendance dashboard with governors by ${lastStart}-12-10\nSIP: broker a visit to a school with strong KS3 reading (spring term)`,
    });
    await logVisit(
      db,
      { assignmentId: current.id, visitDate: todayIn(), kind: "in_school", days: 1, purpose: "Learning walk" },
      { allowOverspend: false, askPreVisit: false },
    );
    sip = await newPerson(app.url, sipUser.email);
  });
  afterAll(async () => {
    await sip?.close();
    await app?.close();
  });

  it("reaches last year's record by clicking: the year switcher, then a read-only record", async () => {
    const { page } = sip;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My schools" }).click();
    // The home lists the school too: wait for the schools page before clicking its link.
    await page.getByRole("heading", { level: 1, name: "Schools" }).waitFor();
    await page.getByRole("main").getByRole("link", { name: "Riverside Academy" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Riverside Academy" }).waitFor();
    await waitForHydration(page);
    await page.getByRole("heading", { name: `SIP visits, ${label(lastStart + 1)}` }).waitFor();
    // Choosing a year submits at once when scripts run.
    await page.getByLabel("School year").selectOption({ label: label(lastStart) });
    await page.getByText(`You are looking at ${label(lastStart)} (read only)`).waitFor();
    expect(page.url()).toContain(`?year=${lastStart}`);
    await checkAxe("school home, last year");
    await page.getByRole("link", { name: `Visit of ${formatCalendarDate(`${lastStart}-10-01`, "date")}` }).click();
    await page.getByRole("heading", { level: 1, name: /^Visit record, / }).waitFor();
    await waitForHydration(page);
    await page.getByText(`This record is from ${label(lastStart)}, a past school year: it is read only.`).waitFor();
    const actions = page.getByTestId("agreed-actions");
    await actions
      .getByRole("row", { name: /Share the attendance dashboard with governors Head teacher 10 December/ })
      .waitFor();
    await actions.getByRole("row", { name: /SIP spring term/ }).waitFor();
    expect(await page.getByRole("link", { name: /^Edit / }).count()).toBe(0);
    await checkAxe("record, last year");
    await page.screenshot({ path: "docs/screenshots/visit-record-read-view.png", fullPage: true });
    expectNoBrowserErrors(sip);
  });

  it("goes back to this year and writes the record from a section's Edit button", async () => {
    const { page } = sip;
    await page.getByRole("navigation", { name: "School sections" }).getByRole("link", { name: "Visits" }).click();
    await page.getByRole("heading", { level: 1, name: `SIP visits and time, ${label(lastStart)}` }).waitFor();
    await waitForHydration(page);
    await page.getByRole("link", { name: `Back to ${label(lastStart + 1)}` }).click();
    await page.getByRole("heading", { level: 1, name: `SIP visits and time, ${label(lastStart + 1)}` }).waitFor();
    await page.getByRole("link", { name: `Visit of ${formatCalendarDate(todayIn(), "date")}` }).click();
    await page.getByRole("heading", { level: 1, name: /^Visit record, / }).waitFor();
    await waitForHydration(page);
    expect(await page.getByRole("textbox").count(), "forms stay hidden until Edit").toBe(0);
    await checkAxe("record, this year");

    await page.getByRole("link", { name: "Edit agreed actions" }).click();
    const actionsField = page.getByRole("textbox", { name: "Agreed actions", exact: true });
    await actionsField.waitFor();
    // Focus lands in the section whose Edit was pressed.
    await expect.poll(() => actionsField.evaluate((el) => el === document.activeElement)).toBe(true);
    await actionsField.fill("Head teacher: share the reading data with governors by 2030-03-02");
    await checkAxe("record, editing");
    await page.getByRole("button", { name: "Complete the record" }).click();
    // Refused: the other answers are missing; what was typed stays.
    await page.getByRole("alert").filter({ hasText: "Answer: how well is the school performing?" }).first().waitFor();
    expect(await actionsField.textContent()).toBe("Head teacher: share the reading data with governors by 2030-03-02");
    await page
      .getByRole("textbox", { name: "How well is the school performing?", exact: true })
      .fill("Improving: attendance is rising.");
    await page
      .getByRole("textbox", { name: "What are the key factors?", exact: true })
      .fill("A clear attendance strategy.");
    await page
      .getByRole("textbox", { name: "What are the key priorities and targets?", exact: true })
      .fill("Attendance to 95% by July.");
    await page
      .getByRole("textbox", { name: "How will the school achieve them?", exact: true })
      .fill("Weekly attendance panels.");
    await page.getByRole("button", { name: "Complete the record" }).click();
    await page.getByRole("status").filter({ hasText: "The visit record is complete." }).waitFor();
    await page.getByTestId("record-state").filter({ hasText: "Complete" }).waitFor();
    await page
      .getByTestId("agreed-actions")
      .getByRole("row", { name: /Share the reading data with governors Head teacher 2 March 2030/ })
      .waitFor();
    expect(await page.getByRole("textbox").count()).toBe(0);
    await checkAxe("record, complete");
    expect(violations).toEqual([]);
    expectNoBrowserErrors(sip);
  });
});
