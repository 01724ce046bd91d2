/**
 * Issue #13's search, in the browser on the demo network: head1 types a word from a note on the
 * Family partnership board into the header's search box, sees it marked in the results, clicks
 * through and lands on the board with that note in view and focused. head6, who is not in the
 * community, searches the same word and finds nothing. The search page is axe-clean.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
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

const WORD = "deposits";

/** Types into the header's search box and submits with Enter, as a keyboard user would. */
async function searchFromHeader(page: Page, words: string) {
  const box = page.getByRole("search").getByLabel("Search");
  await box.fill(words);
  await box.press("Enter");
  await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === words);
  await page.getByRole("heading", { level: 1, name: "Search" }).waitFor();
  await waitForHydration(page);
}

describeBrowser("search", () => {
  let app: RunningCommons;
  let head1: Person | undefined;
  let head6: Person | undefined;

  beforeAll(async () => {
    app = await startBrowserApp({ SEED_DEMO: "true", DEMO_PASSWORD: TEST_PASSWORD });
  });
  afterAll(async () => {
    await Promise.all([head1?.close(), head6?.close()]);
    await app?.close();
  });

  it("finds a board note for a member and opens the board at it", async () => {
    head1 = await newPerson(app.url, "head1@demo.test");
    const { page } = head1;
    await waitForHydration(page);
    await searchFromHeader(page, WORD);

    const inquiries = page.getByRole("region", { name: /^Inquiries/ });
    const note = inquiries
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "Note on the root-cause board" }) });
    await expect(note.textContent()).resolves.toContain("Family partnership");
    await expect(note.locator("mark").first().textContent()).resolves.toMatch(/^deposits$/i);
    // The box keeps the words searched for.
    await expect(page.getByLabel("Words to find").inputValue()).resolves.toBe(WORD);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);

    await note.getByRole("link", { name: "Note on the root-cause board" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/board") && url.searchParams.has("note"));
    await page.getByRole("heading", { level: 1, name: /root causes/ }).waitFor();
    const target = page.locator('[data-search-target="true"]');
    await target.waitFor();
    await expect(target.textContent()).resolves.toContain("Trip deposits are due in one payment");
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.noteId)).resolves.toBe(
      await target.getAttribute("data-note-id"),
    );
    expectNoBrowserErrors(head1);
  });

  it("finds nothing of the community for someone outside it", async () => {
    head6 = await newPerson(app.url, "head6@demo.test");
    const { page } = head6;
    await waitForHydration(page);
    await searchFromHeader(page, WORD);
    await page.getByTestId("no-results").waitFor();
    await expect(page.getByTestId("search-result").count()).resolves.toBe(0);
    await expect(page.locator("main").textContent()).resolves.not.toContain("Family partnership");
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    expectNoBrowserErrors(head6);
  });
});
