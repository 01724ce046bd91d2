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

/** A section's text field: the rich-text editor once scripts run (the plain textarea before). */
const textOf = (section: Locator) => section.getByRole("textbox", { name: "Text", exact: true });

const HEAD_ONLY = "Staffing changes discussed with the head in confidence.";
const PM_ADVICE = "Advice for governors: the head teacher's objectives are on track.";

/** A link of the header's main menu, then the page it opens. */
async function menu(page: Page, label: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
  await page.waitForLoadState("networkidle");
  await waitForHydration(page);
}

describeBrowser("a SIP report, from writing to reading by audience", () => {
  let app: RunningCommons;
  let world: Awaited<ReturnType<typeof makeReportWorld>>;
  let sip: Person;
  let governor: Person;
  let head: Person;
  let stranger: Person;
  let reportUrl: string;

  const expectAccessible = async (person: Person) => expect(await seriousAxeViolations(person.page)).toEqual([]);
  /** Opens the report from the person's notifications, by clicking (the way a head or governor hears of it). */
  const openFromNotifications = async (person: Person) => {
    const { page } = person;
    await page.getByTestId("notifications-link").click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    await page
      .getByRole("main")
      .getByRole("link", { name: /Autumn term report/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "Autumn term report" }).waitFor();
    await waitForHydration(page);
    expect(page.url()).toBe(reportUrl);
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    world = await makeReportWorld(app.services.db);
    [sip, governor, head, stranger] = await newPeople(app.url, [
      world.people.sip.email,
      world.people.governor.email,
      world.people.head.email,
      world.people.otherHead.email,
    ]);
  });
  afterAll(async () => {
    await Promise.all([sip?.close(), governor?.close(), head?.close(), stranger?.close()]);
    await closePdfBrowser();
    await app?.close();
  });

  it("the SIP clicks from their home to the school's reports and starts a report, keeping input on error", async () => {
    const { page } = sip;
    await waitForHydration(page);
    await menu(page, "My schools");
    await page.getByRole("table").getByRole("link", { name: world.schools.ours.name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: world.schools.ours.name }).waitFor();
    await page.getByRole("navigation", { name: "School sections" }).getByRole("link", { name: "Reports" }).click();
    await page.getByText("No reports yet").waitFor();
    await waitForHydration(page);
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
    // A read view: the prefilled targets are a table with the date in words, and no form is open.
    const targets = page.getByRole("region", { name: "2. Priorities and targets" });
    await targets.getByRole("table", { name: "Targets" }).getByRole("cell", { name: "15 July 2027" }).waitFor();
    expect(await page.locator("textarea").count()).toBe(0);
    await expectAccessible(sip);
    expectNoBrowserErrors(sip);
  });

  it("the SIP edits a section with its Edit button: focus moves into the form, errors keep the input", async () => {
    const { page } = sip;
    const selfEval = page.getByRole("region", { name: "1. Self-evaluation" });
    await selfEval.getByRole("link", { name: /^Edit/ }).click();
    // Once scripts run, the text is written in the rich-text editor, with its toolbar.
    const bar = selfEval.getByRole("toolbar", { name: "Formatting for Text" });
    await bar.waitFor();
    const text = textOf(selfEval);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("heading");
    await expectAccessible(sip);
    await text.fill(HEAD_ONLY);
    // A heading from the toolbar, a bullet list from the "- " shortcut, bold from Ctrl+B.
    await page.keyboard.press("Enter");
    await bar.getByRole("button", { name: "Heading", exact: true }).click();
    await expect(bar.getByRole("button", { name: "Heading", exact: true }).getAttribute("aria-pressed")).resolves.toBe(
      "true",
    );
    await page.keyboard.type("Next steps");
    await page.keyboard.press("Enter");
    await page.keyboard.type("- Reading aloud ");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("daily");
    await page.keyboard.press("Control+b");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Maths talk");
    await text.locator("h2", { hasText: "Next steps" }).waitFor();
    await text.locator("ul > li strong", { hasText: "daily" }).waitFor();
    if (process.env.E2E_SCREENSHOTS) await selfEval.screenshot({ path: "/tmp/report-section-editor.png" });
    // What the form sends is Markdown, written into the (hidden) plain field as the SIP types.
    const sent = selfEval.locator('textarea[name="body"]');
    await expect.poll(() => sent.inputValue()).toMatch(/## Next steps\n\n- Reading aloud \*\*daily\*\*\n- Maths talk$/);
    await selfEval.getByLabel("Heading", { exact: true }).fill("");
    // Checked in the browser before anything is sent (the action checks the same schema without scripts).
    await selfEval.getByRole("button", { name: "Save section" }).click();
    await selfEval.getByText("Enter a heading").waitFor();
    expect(await text.textContent()).toContain(HEAD_ONLY);
    expect(await sent.inputValue()).toContain("## Next steps");
    await selfEval.getByLabel("Heading", { exact: true }).fill("Self-evaluation");
    await selfEval.getByLabel("Governors").uncheck();
    await save(page, selfEval.getByRole("button", { name: "Save section" }));
    // Back to reading, at the section: its heading has the focus and the new text is shown, formatted.
    await selfEval.getByText(HEAD_ONLY).waitFor();
    await selfEval.getByRole("heading", { level: 3, name: "Next steps" }).waitFor();
    await expect(selfEval.getByRole("listitem").allTextContents()).resolves.toEqual([
      "Reading aloud daily",
      "Maths talk",
    ]);
    await selfEval.locator("li strong", { hasText: "daily" }).waitFor();
    expect(await selfEval.textContent()).not.toMatch(/##|\*\*/);
    expect(await selfEval.locator("textarea").count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("1. Self-evaluation");
    await expect(selfEval.getByText("Confidential: not shown to the head teacher").count()).resolves.toBe(0);
    await expectAccessible(sip);

    const pm = page.getByRole("region", { name: /Advice on the head teacher's performance management/ });
    await pm.getByText("Confidential: not shown to the head teacher").waitFor();
    await pm.getByRole("link", { name: /^Edit/ }).click();
    await pm.getByRole("toolbar", { name: "Formatting for Text" }).waitFor();
    await textOf(pm).fill(PM_ADVICE);
    await save(page, pm.getByRole("button", { name: "Save section" }));
    await pm.getByText(PM_ADVICE).waitFor();
    expectNoBrowserErrors(sip);
  });

  it("the SIP shares the report", async () => {
    const { page } = sip;
    await page.getByRole("button", { name: "Share with the school" }).click();
    await page.locator('[aria-current="step"]', { hasText: "Shared" }).waitFor();
    await waitForHydration(page);
    expect(await page.getByRole("link", { name: /^Edit/ }).count()).toBe(0);
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
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain("Autumn term report");
    expect(text).toContain(HEAD_ONLY);
    expect(text).toContain(PM_ADVICE);
    // The section's heading and list are set as text, not as the Markdown they are stored in.
    expect(text).toContain("Next steps");
    expect(text).toContain("Reading aloud daily");
    expect(text).not.toMatch(/##|\*\*/);
    expect(text).toMatch(/Page 1 of \d/);
    expectNoBrowserErrors(sip);
  });

  it("a governor of the school, from their notification, sees only the governors' sections", async () => {
    await openFromNotifications(governor);
    const { page } = governor;
    await page
      .getByRole("heading", { level: 2, name: "Advice on the head teacher's performance management" })
      .waitFor();
    await page.getByText(PM_ADVICE).waitFor();
    expect(await page.content()).not.toContain(HEAD_ONLY);
    await expect(page.getByRole("heading", { name: "Self-evaluation" }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: /^Edit/ }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Acknowledge this report" }).count()).resolves.toBe(0);
    await expectAccessible(governor);
    expectNoBrowserErrors(governor);
  });

  it("the head, from their notification, reads their sections and acknowledges the report", async () => {
    await openFromNotifications(head);
    const { page } = head;
    await page.getByText(HEAD_ONLY).waitFor();
    // The SIP's heading and bullet list reach the head as a heading and a list.
    await page.getByRole("heading", { level: 3, name: "Next steps" }).waitFor();
    await page.getByRole("listitem").filter({ hasText: "Maths talk" }).waitFor();
    await page.locator("li strong", { hasText: "daily" }).waitFor();
    expect(await page.content()).not.toContain(PM_ADVICE);
    await expectAccessible(head);
    await page.getByRole("button", { name: "Acknowledge this report" }).click();
    await page.locator('[aria-current="step"]', { hasText: "Acknowledged" }).waitFor();
    await page.getByText(/Acknowledged by Hana Head on \d{1,2} \w+ \d{4}\./).waitFor();
    await expectAccessible(head);
    expectNoBrowserErrors(head);
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
