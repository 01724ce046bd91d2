/**
 * Issue #5's quality bar, end to end in Chromium with one browser profile per person: the admin
 * accepts a suggested SIP for an unassigned school → the SIP logs visits (the budget drops, an
 * overspend is warned) → the SIP comments on a plan target → the head sees the alert and replies →
 * the SIP writes and shares the report → the PDF downloads and contains it → a governor of the
 * school sees only the governors' sections → a head of another school sees nothing (404).
 * axe finds no serious or critical problem on any page of the flow.
 */
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closePdfBrowser } from "../../app/features/reports/pdf.server";
import { schoolYearOf } from "../../app/kernel/school-year";
import { todayIn as todayInLondon } from "../../app/kernel/dates";
import { listMail } from "../../db/queries/mail";
import { addPriority, addTarget, getOrCreatePlan } from "../../db/queries/plans";
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
import { pdfText } from "../support/pdf-text";

const COMMENT = "Is 94% realistic by the summer? What does the autumn trend show?";
const REPLY = "Yes: the autumn trend is up 1.7 points.";
const HEAD_ONLY = "Staffing changes discussed with the head in confidence.";
const PM_ADVICE = "Advice for governors: the head teacher's objectives are on track.";
const inSixMonths = () => new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);

/** Submits with the button and waits for the action and the reload of the page's data. */
async function save(page: Page, button: Locator) {
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await button.click();
  await posted;
  await page.waitForLoadState("networkidle");
}

describeBrowser("a SIP's year with a school, from assignment to a report read by audience", () => {
  let app: RunningCommons;
  let school: School;
  let authorityId: string;
  let targetId: string;
  let reportUrl: string;
  const emails = {} as Record<"admin" | "sip" | "head" | "governor" | "otherHead", string>;
  let admin: Person;
  let sip: Person;
  let head: Person;
  let governor: Person;
  let otherHead: Person;

  /** axe's serious findings on the page, labelled, so a failure says which page of the flow. */
  const axe = async (person: Person, label: string) =>
    (await seriousAxeViolations(person.page)).map((v) => `${label}: ${v}`);
  const open = async (person: Person, path: string) => {
    await person.page.goto(`${app.url}${path}`);
    await waitForHydration(person.page);
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority } = await makeAuthority(db, 0);
    authorityId = authority.id;
    const [ours, other] = await insertSchools(db, [
      {
        authorityId,
        name: "Hollybank Primary School",
        reference: "HB1",
        phase: "primary",
        category: "targeted",
        locality: "Riverside",
      },
      {
        authorityId,
        name: "Elm Street Primary School",
        reference: "ES1",
        phase: "primary",
        category: "universal",
        locality: "Northfield",
      },
    ]);
    school = ours;
    await setCategoryBudgets(db, authorityId, { universal: 4, targeted: 2, intensive: 7 });
    const people = {
      admin: await makeUser(db, authorityId, [{ role: "authority_admin" }], { name: "Ada Admin" }),
      sip: await makeUser(db, authorityId, [{ role: "sip" }], { name: "Sam Partner" }),
      otherSip: await makeUser(db, authorityId, [{ role: "sip" }], { name: "Olu Other" }),
      head: await makeUser(db, authorityId, [{ role: "school_leader", schoolId: ours.id }], { name: "Hana Head" }),
      governor: await makeUser(db, authorityId, [{ role: "governor", schoolId: ours.id }], { name: "Gil Governor" }),
      otherHead: await makeUser(db, authorityId, [{ role: "school_leader", schoolId: other.id }], {
        name: "Una Other",
      }),
    };
    for (const key of ["admin", "sip", "head", "governor", "otherHead"] as const) emails[key] = people[key].email;
    await saveSipProfile(db, {
      authorityId,
      userId: people.sip.id,
      locality: "Riverside",
      capacityDays: 30,
      expertise: ["targeted"],
    });
    await saveSipProfile(db, {
      authorityId,
      userId: people.otherSip.id,
      locality: "Northfield",
      capacityDays: 30,
      expertise: [],
    });
    // The head's plan already has its priority and target (writing them is plan.test.ts's flow).
    const plan = await getOrCreatePlan(db, ours.id, schoolYearOf(new Date()));
    const priority = await addPriority(db, plan.id, {
      title: "Raise attendance of disadvantaged pupils",
      area: "behaviour_and_attitudes",
      rationale: "Persistent absence is twice the national rate.",
    });
    targetId = (
      await addTarget(db, priority.id, {
        measure: "Attendance %",
        studentGroup: "Disadvantaged pupils",
        baseline: 89.5,
        target: 94,
        byWhen: inSixMonths(),
      })
    ).id;

    [admin, sip, head, governor, otherHead] = await newPeople(app.url, [
      people.admin.email,
      people.sip.email,
      people.head.email,
      people.governor.email,
      people.otherHead.email,
    ]);
  });
  afterAll(async () => {
    await Promise.all([admin?.close(), sip?.close(), head?.close(), governor?.close(), otherHead?.close()]);
    await closePdfBrowser();
    await app?.close();
  });

  it("1. the admin accepts the top suggested SIP for the unassigned school", async () => {
    const { page } = admin;
    const violations: string[] = [];
    await open(admin, "/admin/sips");
    await page
      .getByRole("row", { name: /Hollybank Primary School/ })
      .getByText("Unassigned")
      .waitFor();
    violations.push(...(await axe(admin, "deployment")));
    await page.getByRole("link", { name: "Find a SIP for Hollybank Primary School" }).click();
    await page.getByRole("heading", { level: 1, name: "Hollybank Primary School" }).waitFor();
    await waitForHydration(page);
    violations.push(...(await axe(admin, "suggestions")));
    const first = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "1. Sam Partner" }) });
    await first.getByText("Locality (20 of 20): Works in Riverside, the school's locality").waitFor();
    await first.getByRole("button", { name: "Assign Sam Partner (2 days)" }).click();
    await page.getByRole("status").filter({ hasText: "The SIP was assigned." }).waitFor();
    await page.getByRole("heading", { name: "Assigned SIP: Sam Partner" }).waitFor();
    violations.push(...(await axe(admin, "assigned")));
    await open(admin, "/admin/sips");
    await page
      .getByRole("row", { name: /Hollybank Primary School/ })
      .getByText("Sam Partner")
      .waitFor();
    expect(violations).toEqual([]);
    expectNoBrowserErrors(admin);
  });

  it("2. the SIP logs visits: the budget drops, and going over it is warned and needs a confirmation", async () => {
    const { page } = sip;
    const violations: string[] = [];
    await open(sip, `/schools/${school.id}/visits`);
    await page.getByTestId("budget-used").filter({ hasText: "0 of 2 days used" }).waitFor();
    violations.push(...(await axe(sip, "visits (empty)")));
    await page.getByLabel("Date", { exact: true }).fill(todayInLondon());
    await page.getByLabel("What the time was for").selectOption({ label: "In school" });
    await page.getByLabel("Days", { exact: true }).fill("1");
    await page.getByLabel("Purpose").fill("First visit: agree priorities");
    await page.getByRole("button", { name: "Log time" }).click();
    await page.getByTestId("budget-used").filter({ hasText: "1 of 2 days used" }).waitFor();
    await page.getByTestId("budget-left").filter({ hasText: "1 day left of the 2-day budget." }).waitFor();

    await page.getByLabel("What the time was for").selectOption({ label: "Report writing" });
    await page.getByLabel("Days", { exact: true }).fill("1.5");
    await page.getByLabel("Purpose").fill("Autumn report");
    await page
      .getByTestId("overspend-warning")
      .filter({ hasText: "Warning: this would take the school over its day budget (only 1 day left)" })
      .waitFor();
    violations.push(...(await axe(sip, "visits (overspend warning)")));
    await page.getByRole("button", { name: "Log time" }).click();
    await page.getByRole("alert").filter({ hasText: 'Tick "Record it anyway" to record it.' }).waitFor();
    expect(await page.getByTestId("budget-used").textContent()).toBe("1 of 2 days used");
    expect(await page.getByLabel("Purpose").inputValue()).toBe("Autumn report");
    await page.getByLabel("Record it anyway").check();
    await page.getByRole("button", { name: "Log time" }).click();
    await page.getByTestId("budget-used").filter({ hasText: "2.5 of 2 days used" }).waitFor();
    violations.push(...(await axe(sip, "visits (over budget)")));
    expect(violations).toEqual([]);
    expectNoBrowserErrors(sip);
  });

  it("3. the SIP comments on a target of the school's plan", async () => {
    const { page } = sip;
    await open(sip, `/schools/${school.id}/plan`);
    await page.getByRole("link", { name: "Raise attendance of disadvantaged pupils" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Raise attendance of disadvantaged pupils" }).waitFor();
    await waitForHydration(page);
    expect(await page.getByRole("button", { name: "Add target" }).count()).toBe(0);
    const thread = page.getByTestId(`threads-${targetId}`);
    // Comments are collapsed behind their count until opened.
    await thread.locator("summary").first().click();
    await thread.getByLabel("Comment on the target Attendance % (Disadvantaged pupils)").fill(COMMENT);
    await thread.getByRole("button", { name: "Add comment" }).click();
    await thread.getByText(COMMENT).waitFor();
    await thread.locator("summary", { hasText: "(1 open)" }).waitFor();
    expect(await axe(sip, "priority (SIP)")).toEqual([]);
    expectNoBrowserErrors(sip);
  });

  it("4. the head sees the alert (and the email), follows it and replies; the SIP reads the reply", async () => {
    const { page } = head;
    const violations: string[] = [];
    const mail = await listMail(app.services.db, authorityId);
    expect(mail.filter((m) => m.toAddress === emails.head).map((m) => m.subject)).toEqual([
      "Hollybank Primary School: new feedback on your improvement plan",
    ]);
    await open(head, `/schools/${school.id}/plan`);
    const alert = page.getByRole("status").filter({ hasText: "New feedback on this plan (1)" });
    await alert.waitFor();
    violations.push(...(await axe(head, "plan with alert")));
    await alert.getByRole("link", { name: "Sam Partner commented on a target in your plan" }).click();
    await page.getByRole("heading", { level: 1, name: "Raise attendance of disadvantaged pupils" }).waitFor();
    await waitForHydration(page);
    const thread = page.getByTestId(`threads-${targetId}`);
    await thread.getByText(COMMENT).waitFor();
    await thread.getByLabel("Reply").fill(REPLY);
    await thread.getByRole("button", { name: "Reply" }).click();
    await thread.getByText(REPLY).waitFor();
    violations.push(...(await axe(head, "priority (head replied)")));
    expectNoBrowserErrors(head);

    await sip.page.reload();
    await waitForHydration(sip.page);
    // After a reload the comments are collapsed again, behind their count.
    const sipThread = sip.page.getByTestId(`threads-${targetId}`);
    await sipThread.locator("summary").first().click();
    await sipThread.getByText(REPLY).waitFor();
    expect(violations).toEqual([]);
    expectNoBrowserErrors(sip);
  });

  it("5. the SIP writes the report, with a head-only section and advice for governors, and shares it", async () => {
    const { page } = sip;
    const violations: string[] = [];
    await open(sip, `/schools/${school.id}/reports`);
    await page.getByText("No reports yet").waitFor();
    violations.push(...(await axe(sip, "reports (empty)")));
    await page.getByLabel("Title").fill("Autumn term report");
    await page.getByRole("button", { name: "Start report" }).click();
    await page.getByRole("heading", { level: 1, name: "Autumn term report" }).waitFor();
    reportUrl = page.url();
    await waitForHydration(page);
    // Prefilled from the plan.
    await page
      .getByRole("region", { name: /Priorities and targets/ })
      .getByText("Raise attendance of disadvantaged pupils")
      .first()
      .waitFor();
    violations.push(...(await axe(sip, "report (draft)")));

    const selfEval = page.getByRole("region", { name: "1. Self-evaluation" });
    await selfEval.getByRole("link", { name: /^Edit/ }).click();
    await selfEval.getByRole("textbox", { name: "Text", exact: true }).fill(HEAD_ONLY);
    await selfEval.getByLabel("Governors").uncheck();
    await save(page, selfEval.getByRole("button", { name: "Save section" }));
    const pm = page.getByRole("region", { name: /Advice on the head teacher's performance management/ });
    await pm.getByText("Confidential: not shown to the head teacher").waitFor();
    await pm.getByRole("link", { name: /^Edit/ }).click();
    await pm.getByRole("textbox", { name: "Text", exact: true }).fill(PM_ADVICE);
    await save(page, pm.getByRole("button", { name: "Save section" }));
    await selfEval.getByText("For: Head teacher and local authority").waitFor();
    await page.getByRole("button", { name: "Share with the school" }).click();
    await page.locator('[aria-current="step"]', { hasText: "Shared" }).waitFor();
    await waitForHydration(page);
    violations.push(...(await axe(sip, "report (shared)")));
    expect(violations).toEqual([]);
    expectNoBrowserErrors(sip);
  });

  it("6. the PDF downloads and contains the report", async () => {
    const { page } = sip;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Autumn-term-report.pdf");
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    for (const expected of [
      "Autumn term report",
      "Hollybank Primary School",
      "Raise attendance of disadvantaged pupils",
      HEAD_ONLY,
      PM_ADVICE,
    ])
      expect(text).toContain(expected);
    expectNoBrowserErrors(sip);
  });

  it("7. a governor of the school sees only the governors' sections", async () => {
    const { page } = governor;
    await open(governor, `/schools/${school.id}`);
    await page.getByRole("link", { name: "Reports" }).first().click();
    await page.getByRole("link", { name: "Autumn term report" }).click();
    await page.getByRole("heading", { level: 1, name: "Autumn term report" }).waitFor();
    await waitForHydration(page);
    expect(page.url()).toBe(reportUrl);
    await page
      .getByRole("heading", { level: 2, name: "Advice on the head teacher's performance management" })
      .waitFor();
    await page.getByText(PM_ADVICE).waitFor();
    const html = await page.content();
    expect(html).not.toContain(HEAD_ONLY);
    expect(await page.getByRole("heading", { name: "Self-evaluation" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Save section" }).count()).toBe(0);
    // The plan itself is not the governors' to read: they are told so, with the way to their reports.
    const plan = await page.request.get(`${app.url}/schools/${school.id}/plan`);
    expect(plan.status()).toBe(403);
    expect(await plan.text()).not.toContain("Self-evaluation");
    expect(await axe(governor, "report (governor)")).toEqual([]);
    expectNoBrowserErrors(governor);
  });

  it("8. a head of another school sees nothing: every page of the school's records is not found", async () => {
    const { page } = otherHead;
    const res = await page.goto(reportUrl);
    expect(res?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "We could not find that page" }).waitFor();
    const html = await page.content();
    for (const secret of ["Autumn term report", HEAD_ONLY, PM_ADVICE, "Hollybank Primary School"])
      expect(html).not.toContain(secret);
    expect(await axe(otherHead, "not found")).toEqual([]);
    const statuses: Record<string, number> = {};
    for (const path of ["", "/plan", "/visits", "/reports", "/brokering"]
      .map((p) => `/schools/${school.id}${p}`)
      .concat(`${new URL(reportUrl).pathname}/pdf`)) {
      statuses[path] = (await page.request.get(`${app.url}${path}`)).status();
    }
    expect(Object.values(statuses)).toEqual(Object.keys(statuses).map(() => 404));
    expectNoBrowserErrors(otherHead, [404]);
  });
});
