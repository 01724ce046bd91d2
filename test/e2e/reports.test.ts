import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closePdfBrowser } from "../../app/features/reports/pdf.server";
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
import { pdfText } from "../support/pdf-text";
import { makeReportWorld } from "../support/report-fixtures";

/** Submits with the button and waits for the action and the reload of the page's data. */
async function save(page: Page, button: Locator) {
  const posted = page.waitForResponse((r) => r.request().method() === "POST");
  await button.click();
  await posted;
  await page.waitForLoadState("networkidle");
}

const HEAD_ONLY = "Staffing changes discussed with the head in confidence.";
const PM_ADVICE = "Advice for governors: the head teacher's objectives are on track.";

describeBrowser("a SIP report, from writing to reading by audience", () => {
  let app: RunningCommons;
  let world: Awaited<ReturnType<typeof makeReportWorld>>;
  let sip: Person;
  let governor: Person;
  let stranger: Person;
  let reportUrl: string;

  const expectAccessible = async (person: Person) => expect(await seriousAxeViolations(person.page)).toEqual([]);

  beforeAll(async () => {
    app = await startBrowserApp();
    world = await makeReportWorld(app.services.db);
    [sip, governor, stranger] = await newPeople(app.url, [
      world.people.sip.email,
      world.people.governor.email,
      world.people.otherHead.email,
    ]);
  });
  afterAll(async () => {
    await Promise.all([sip?.close(), governor?.close(), stranger?.close()]);
    await closePdfBrowser();
    await app?.close();
  });

  it("the SIP starts a report, keeping input on error", async () => {
    const { page } = sip;
    await page.goto(`${app.url}/schools/${world.schools.ours.id}/reports`);
    await waitForHydration(page);
    await page.getByText("No reports yet").waitFor();
    await expectAccessible(sip);
    await page.getByLabel("Title").fill("Au");
    await page.getByRole("button", { name: "Start report" }).click();
    await page.getByRole("alert").filter({ hasText: "at least 3 characters" }).waitFor();
    expect(await page.getByLabel("Title").inputValue()).toBe("Au");
    await page.getByLabel("Title").fill("Autumn term report");
    await page.getByRole("button", { name: "Start report" }).click();
    await page.getByRole("heading", { level: 1, name: "Autumn term report" }).waitFor();
    reportUrl = page.url();
    await waitForHydration(page);
    await expectAccessible(sip);
    expectNoBrowserErrors(sip);
  });

  it("the SIP writes a head-only section and the governors' PM advice, then shares", async () => {
    const { page } = sip;
    const selfEval = page.getByRole("region", { name: "1. Self-evaluation" });
    await selfEval.getByLabel("Text").fill(HEAD_ONLY);
    await selfEval.getByLabel("Governors").uncheck();
    await save(page, selfEval.getByRole("button", { name: "Save section" }));
    const pm = page.getByRole("region", { name: /Advice on the head teacher's performance management/ });
    await expect(pm.getByText("Confidential: not shown to the head teacher").count()).resolves.toBe(1);
    await pm.getByLabel("Text").fill(PM_ADVICE);
    await save(page, pm.getByRole("button", { name: "Save section" }));
    await expect(
      page.getByRole("region", { name: "1. Self-evaluation" }).getByLabel("Governors").isChecked(),
    ).resolves.toBe(false);
    await page.getByRole("button", { name: "Share with the school" }).click();
    await page.locator('[aria-current="step"]', { hasText: "Shared" }).waitFor();
    await waitForHydration(page);
    await expectAccessible(sip);
    expectNoBrowserErrors(sip);
  });

  it("the PDF downloads and contains the report", async () => {
    const { page } = sip;
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Autumn term report");
    expect(text).toContain(HEAD_ONLY);
    expect(text).toContain(PM_ADVICE);
    expectNoBrowserErrors(sip);
  });

  it("a governor of the school sees only the governors' sections", async () => {
    const { page } = governor;
    await page.goto(reportUrl);
    await waitForHydration(page);
    await page
      .getByRole("heading", { level: 2, name: "Advice on the head teacher's performance management" })
      .waitFor();
    await page.getByText(PM_ADVICE).waitFor();
    expect(await page.content()).not.toContain(HEAD_ONLY);
    await expect(page.getByRole("heading", { name: "Self-evaluation" }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Save section" }).count()).resolves.toBe(0);
    await expectAccessible(governor);
    expectNoBrowserErrors(governor);
  });

  it("a head of another school is told the report does not exist", async () => {
    const { page } = stranger;
    const res = await page.goto(reportUrl);
    expect(res?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "We could not find that page" }).waitFor();
    expect(await page.content()).not.toContain("Autumn term report");
    await expectAccessible(stranger);
    expectNoBrowserErrors(stranger, [404]);
  });
});
