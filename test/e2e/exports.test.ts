import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closePdfBrowser } from "../../app/features/reports/pdf.server";
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
import { TEST_PASSWORD } from "../support/factories";
import { pdfText } from "../support/pdf-text";

/** Words the demo's "Family partnership" group wrote (server/seed/demo-story-data.ts), one per step. */
const STORY = "eleven families accounted for over half of the missed sessions";
const BOARD_NOTE = "Trip deposits are due in one payment, six weeks before the trip.";
const CHOSEN =
  "How might we make the first call about an absence a conversation about what would help the child come to school?";
const PEER_CHECK = "Assumption we checked: that families who do not come to school events are not interested";

describeBrowser("exporting the inquiry", () => {
  let app: RunningCommons;
  let head: Person;

  beforeAll(async () => {
    app = await startBrowserApp({ SEED_DEMO: "true", DEMO_PASSWORD: TEST_PASSWORD });
    head = await newPerson(app.url, "head1@demo.test");
  });
  afterAll(async () => {
    await head?.close();
    await closePdfBrowser();
    await app?.close();
  });

  it("a head clicks to the Family partnership inquiry and downloads a PDF with every step in it", async () => {
    const { page } = head;
    await waitForHydration(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My community" }).click();
    await page.getByRole("heading", { level: 1, name: /Family partnership/ }).waitFor();
    await waitForHydration(page);
    await page
      .getByRole("navigation", { name: "Inquiry steps" })
      .getByRole("link", { name: "1–3. Stories, needs and peer check" })
      .click();
    await page.getByRole("heading", { level: 2, name: "1. Stories" }).waitFor();
    await waitForHydration(page);

    const exports = page.getByRole("group", { name: "Export the inquiry" });
    await exports.getByRole("link", { name: "Download Markdown" }).waitFor();
    // The links are reachable from the keyboard: focus the PDF link and press Enter.
    const pdfLink = exports.getByRole("link", { name: "Download PDF" });
    await pdfLink.focus();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toMatch(/^family-partnership-inquiry-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf).replace(/\s+/g, " ");
    for (const words of [STORY, BOARD_NOTE, CHOSEN, PEER_CHECK, "3. Peer check", "4. Root causes", "5. How might we…"])
      expect(text).toContain(words);
    expect(text.toLowerCase()).toContain("our inquiry question (chosen)");

    expect(await seriousAxeViolations(page)).toEqual([]);
    expectNoBrowserErrors(head);
  });

  it("the head downloads the board as an SVG from the root-cause board, by clicking", async () => {
    const { page } = head;
    await page.getByRole("navigation", { name: "Inquiry steps" }).getByRole("link", { name: "4. Root causes" }).click();
    await page.getByRole("group", { name: "Download the board" }).waitFor();
    await waitForHydration(page);
    const links = page.getByRole("group", { name: "Download the board" });
    await links.getByRole("link", { name: "Download board (PNG)" }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      links.getByRole("link", { name: "Download board (SVG)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^family-partnership-board-[\d-]+\.svg$/);
    const svg = await readFile((await download.path())!, "utf8");
    expect(svg).toContain(">Systems and policies</text>");
    expect(svg).toContain(">Trip deposits are due in one</text>");
    expect(await seriousAxeViolations(page)).toEqual([]);
    expectNoBrowserErrors(head);
  });

  it("the head downloads the school's plan as a PDF from the plan page", async () => {
    const { page } = head;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My school" }).click();
    await page.getByRole("navigation", { name: "School sections" }).waitFor();
    await waitForHydration(page);
    await page
      .getByRole("navigation", { name: "School sections" })
      .getByRole("link", { name: "Improvement plan" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Improvement plan" }).waitFor();
    await waitForHydration(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("group", { name: "Export the plan" }).getByRole("link", { name: "Download PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-plan-\d{4}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(await readFile((await download.path())!)).replace(/\s+/g, " ");
    expect(text).toContain("Self-evaluation");
    expect(text).toContain("Priority 1:");
    expect(await seriousAxeViolations(page)).toEqual([]);
    expectNoBrowserErrors(head);
  });
});
