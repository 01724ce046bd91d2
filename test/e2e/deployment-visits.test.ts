import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { todayIn as todayInLondon } from "../../app/kernel/dates";
import { insertSchools, type School } from "../../db/queries/schools";
import { saveSipProfile, setCategoryBudgets } from "../../db/queries/sip-deployment";
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

describeBrowser("SIP deployment and visits, from assignment to a complete visit record", () => {
  let app: RunningCommons;
  let school: School;
  let admin: Person;
  let sip: Person;
  let head: Person;
  const violations: string[] = [];

  /** Opens a page, waits for it to be live, and collects axe's serious findings under a label. */
  const visit = async (person: Person, path: string, label: string) => {
    await person.page.goto(`${app.url}${path}`);
    await waitForHydration(person.page);
    await checkAxe(person.page, label);
  };
  const checkAxe = async (page: Page, label: string) => {
    for (const v of await seriousAxeViolations(page)) violations.push(`${label}: ${v}`);
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority } = await makeAuthority(db, 0);
    [school] = await insertSchools(db, [
      {
        authorityId: authority.id,
        name: "Hollybank Primary School",
        reference: "HB1",
        phase: "primary",
        category: "targeted",
        locality: "Riverside",
      },
    ]);
    await setCategoryBudgets(db, authority.id, { universal: 4, targeted: 2, intensive: 7 });
    const adminUser = await makeUser(db, authority.id, [{ role: "authority_admin" }], { name: "Ada Admin" });
    const sipUser = await makeUser(db, authority.id, [{ role: "sip" }], { name: "Sam Partner" });
    const other = await makeUser(db, authority.id, [{ role: "sip" }], { name: "Olu Other" });
    const headUser = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: school.id }], {
      name: "Hana Head",
    });
    await saveSipProfile(db, {
      authorityId: authority.id,
      userId: sipUser.id,
      locality: "Riverside",
      capacityDays: 30,
      expertise: ["targeted"],
    });
    await saveSipProfile(db, {
      authorityId: authority.id,
      userId: other.id,
      locality: "Northfield",
      capacityDays: 30,
      expertise: [],
    });
    [admin, sip, head] = await newPeople(app.url, [adminUser.email, sipUser.email, headUser.email]);
  });
  afterAll(async () => {
    await Promise.all([admin?.close(), sip?.close(), head?.close()]);
    await app?.close();
  });

  it("the admin accepts the top suggested SIP for the unassigned school", async () => {
    const page = admin.page;
    await visit(admin, "/admin/sips", "deployment");
    await page
      .getByRole("row", { name: /Hollybank Primary School/ })
      .getByText("Unassigned")
      .waitFor();
    await page.getByRole("link", { name: "Find a SIP for Hollybank Primary School" }).click();
    await page.getByRole("heading", { level: 1, name: "Hollybank Primary School" }).waitFor();
    await waitForHydration(page);
    await checkAxe(page, "suggestions");
    const first = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "1. Sam Partner" }) });
    await first.getByText("Locality (20 of 20): Works in Riverside, the school's locality").waitFor();
    await first.getByText("30 days of capacity left — enough for a 2-day budget").waitFor();
    await first.getByRole("button", { name: "Assign Sam Partner (2 days)" }).click();
    await page.getByRole("status").filter({ hasText: "The SIP was assigned." }).waitFor();
    await page.getByRole("heading", { name: "Assigned SIP: Sam Partner" }).waitFor();
    await checkAxe(page, "assigned");
    expectNoBrowserErrors(admin);
  });

  it("the SIP logs visits: the budget drops and going over it needs a confirmation", async () => {
    const page = sip.page;
    await visit(sip, `/schools/${school.id}/visits`, "visits (empty)");
    await page.getByTestId("budget-used").filter({ hasText: "0 of 2 days used" }).waitFor();
    await page.getByLabel("Date", { exact: true }).fill(todayInLondon());
    await page.getByLabel("What the time was for").selectOption({ label: "In school" });
    await page.getByLabel("Days", { exact: true }).fill("1");
    await page.getByLabel("Purpose").fill("First visit: agree priorities");
    await page.getByRole("button", { name: "Log time" }).click();
    await page.getByTestId("budget-used").filter({ hasText: "1 of 2 days used" }).waitFor();
    await page.getByTestId("budget-left").filter({ hasText: "1 day left of the 2-day budget." }).waitFor();
    await page.getByText(/Visit of .* · Awaiting the school/).waitFor();

    await page.getByLabel("What the time was for").selectOption({ label: "Report writing" });
    await page.getByLabel("Days", { exact: true }).fill("1.5");
    await page.getByLabel("Purpose").fill("Autumn report");
    await page
      .getByTestId("overspend-warning")
      .filter({ hasText: "Warning: this would take the school over its day budget (only 1 day left)" })
      .waitFor();
    await checkAxe(page, "visits (overspend warning)");
    await page.getByRole("button", { name: "Log time" }).click();
    await page.getByRole("alert").filter({ hasText: 'Tick "Record it anyway" to record it.' }).waitFor();
    expect(await page.getByTestId("budget-used").textContent()).toBe("1 of 2 days used");
    expect(await page.getByLabel("Purpose").inputValue()).toBe("Autumn report");
    await page.getByLabel("Record it anyway").check();
    await page.getByRole("button", { name: "Log time" }).click();
    await page.getByTestId("budget-used").filter({ hasText: "2.5 of 2 days used" }).waitFor();
    await page
      .getByText("Days remaining of the 2-day budget over the school year: 2.5 of 2 days used, 0.5 over budget.")
      .waitFor();
    await checkAxe(page, "visits (over budget)");
    expectNoBrowserErrors(sip);
  });

  it("the head fills in the pre-visit part, then the SIP completes the record", async () => {
    await visit(head, `/schools/${school.id}/visits`, "visits (head)");
    expect(await head.page.getByRole("button", { name: "Log time" }).count()).toBe(0);
    await head.page.getByRole("link", { name: /^Visit of / }).click();
    await head.page.getByRole("heading", { level: 1, name: /^Visit record, / }).waitFor();
    await waitForHydration(head.page);
    await checkAxe(head.page, "record (awaiting school)");
    // Read first: the head opens the school's section with its Edit button.
    await head.page.getByRole("link", { name: "Edit before the visit (the school)" }).click();
    // The form opens in the rich-text editor, with focus in it and no "required" error before anything is typed.
    await head.page.getByRole("toolbar", { name: "Formatting for Self-evaluation update" }).waitFor();
    await expect
      .poll(() => head.page.evaluate(() => document.activeElement?.getAttribute("aria-labelledby")))
      .toBe("pre-visit-selfEvaluationUpdate-label");
    expect(
      await head.page.locator('[aria-invalid="true"]').evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 200))),
    ).toEqual([]);
    // Leaving an editor empty is checked as leaving a field is: the error is named straight away.
    await head.page.getByRole("textbox", { name: "Questions for the SIP", exact: true }).click();
    await head.page.getByRole("textbox", { name: "Self-evaluation update", exact: true }).click();
    await head.page.getByRole("alert").filter({ hasText: "Write the questions you want the SIP to look at" }).waitFor();
    await head.page
      .getByRole("textbox", { name: "Self-evaluation update", exact: true })
      .fill("Attendance of disadvantaged pupils is up 2 points.");
    await head.page
      .getByRole("textbox", { name: "Questions for the SIP", exact: true })
      .fill("Is our Year 6 reading catch-up working?");
    await head.page.getByRole("button", { name: "Send the pre-visit part" }).click();
    await head.page.getByTestId("record-state").filter({ hasText: "Awaiting the SIP" }).waitFor();
    expectNoBrowserErrors(head);

    const page = sip.page;
    await page.getByRole("link", { name: /^Visit of / }).click();
    await page.getByRole("heading", { level: 1, name: /^Visit record, / }).waitFor();
    await waitForHydration(page);
    await page.getByText("Is our Year 6 reading catch-up working?").waitFor();
    await checkAxe(page, "record (awaiting SIP)");
    await page.getByRole("link", { name: "Edit what was seen" }).click();
    await page
      .getByRole("textbox", { name: "How well is the school performing?", exact: true })
      .fill("Improving: attendance and reading are both rising.");
    await page.getByRole("button", { name: "Complete the record" }).click();
    await page.getByRole("alert").filter({ hasText: "Answer: what are the key factors?" }).first().waitFor();
    await page
      .getByRole("textbox", { name: "What are the key factors?", exact: true })
      .fill("A stable senior team and strong work with families.");
    await page
      .getByRole("textbox", { name: "What are the key priorities and targets?", exact: true })
      .fill("Reading ages within a year by Easter.");
    await page
      .getByRole("textbox", { name: "How will the school achieve them?", exact: true })
      .fill("Daily small-group reading with trained assistants.");
    await page
      .getByRole("textbox", { name: "Agreed actions", exact: true })
      .fill("Head: share reading data with governors in March.");
    await page.getByRole("button", { name: "Complete the record" }).click();
    await page.getByTestId("record-state").filter({ hasText: "Complete" }).waitFor();
    await page.getByText("Daily small-group reading with trained assistants.").waitFor();
    await checkAxe(page, "record (complete)");
    expectNoBrowserErrors(sip);

    await visit(admin, "/admin/audit", "audit log");
    await admin.page
      .getByRole("cell", { name: /Hana Head/ })
      .first()
      .waitFor();
    expect(violations).toEqual([]);
    expectNoBrowserErrors(admin);
  });
});
