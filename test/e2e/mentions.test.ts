/**
 * @mentions in two browser profiles: Ada types "@" in her story, narrows and picks Ben with the
 * keyboard; Ben sees the notification, clicks it and lands on Ada's story with the mention shown.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { schoolYearOf } from "../../app/kernel/school-year";
import { inquiryFields } from "../../collab/documents/inquiry";
import { createCohort, createCommunity } from "../../db/queries/communities";
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

const editorOf = (page: Page, field: string) => page.locator(`[data-field="${field}"] .ProseMirror`);

/** From the header's "My community" to the community's inquiry page, by clicking. */
async function openInquiry(page: Page) {
  await page.getByRole("navigation").getByRole("link", { name: "My community" }).click();
  await page
    .getByRole("link", { name: /Stories, needs and peer check/ })
    .first()
    .click();
  await page.getByRole("heading", { level: 1, name: /Lakeside/ }).waitFor();
  await waitForHydration(page);
}

describeBrowser("@mentions: offered in the editor, notified to the person, linked to the place", () => {
  let app: RunningCommons;
  let a: Person;
  let b: Person;
  let ids: { a: string; b: string };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority, schools } = await makeAuthority(db, 3);
    const leader = (i: number, name: string) =>
      makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[i].id }], { name });
    const ada = await leader(0, "Ada Writer");
    const ben = await leader(1, "Ben Reader");
    // In the cohort but not in the community: never offered.
    const bea = await leader(2, "Bea Outsider");
    const cohort = await createCohort(db, {
      authorityId: authority.id,
      name: "Cohort One",
      schoolYear: schoolYearOf(new Date()),
      facilitatorIds: [],
      leaderIds: [ada.id, ben.id, bea.id],
    });
    await createCommunity(db, { cohortId: cohort.id, name: "Lakeside", memberIds: [ada.id, ben.id] });
    ids = { a: ada.id, b: ben.id };
    [a, b] = await newPeople(app.url, [ada.email, ben.email]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await app?.close();
  });

  it("Ada mentions Ben with the keyboard; Escape closes the list", async () => {
    await openInquiry(a.page);
    const page = a.page;
    const story = editorOf(page, inquiryFields.story(ids.a));
    await story.click();
    await page.keyboard.type("I asked ");
    await page.keyboard.type("@");
    const list = page.getByRole("listbox", { name: "People to mention" });
    await list.waitFor();
    // Only people who can open the inquiry, never the writer herself.
    await expect(list.getByRole("option").allTextContents()).resolves.toEqual(["BRBen Reader"]);
    await expect(story.getAttribute("aria-controls")).resolves.toBe(await list.getAttribute("id"));
    await expect(story.getAttribute("aria-activedescendant")).resolves.toMatch(new RegExp(`-${ids.b}$`));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await list.waitFor({ state: "detached" });
    await expect(story.getAttribute("aria-activedescendant")).resolves.toBeNull();

    await page.keyboard.press("Backspace");
    // On a phone: the list stays on the screen and each person is a 44 px target.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.keyboard.type("@");
    await list.waitFor();
    const box = await list.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    expect((await list.getByRole("option").first().boundingBox())?.height).toBeGreaterThanOrEqual(44);
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: "/tmp/mentions/phone.png" });
    await page.keyboard.press("Escape");
    await page.keyboard.press("Backspace");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.keyboard.type("@be");
    await list.getByRole("option", { name: "Ben Reader", selected: true }).waitFor();
    await page.keyboard.press("Enter");
    await list.waitFor({ state: "detached" });
    await page.keyboard.type("for help.");
    const chip = story.locator('[data-type="mention"]');
    await expect(chip.textContent()).resolves.toBe("@Ben Reader");
    await expect(story.textContent()).resolves.toBe("I asked @Ben Reader for help.");
    expectNoBrowserErrors(a);
  });

  it("Ben sees the notification, clicks it and lands on the mention in Ada's story", async () => {
    const page = b.page;
    // Written by the collaboration server a moment after the save: reload until it is there.
    await page.getByTestId("notifications-link").click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    const item = page
      .getByTestId("notification")
      .filter({ hasText: "Ada Writer mentioned you in the Lakeside inquiry" });
    await expect
      .poll(
        async () => {
          await page.reload();
          return item.count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(1);
    await expect(item.textContent()).resolves.toContain("In Ada Writer's story.");
    await waitForHydration(page);
    await item.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: /Lakeside/ }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#story-${ids.a}`);
    const target = editorOf(page, inquiryFields.story(ids.a)).locator("[data-mention-target]");
    await target.waitFor();
    await expect(target.textContent()).resolves.toBe("@Ben Reader");
    await expect(target.isVisible()).resolves.toBe(true);
    const inView = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: "/tmp/mentions/landed.png" });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expectNoBrowserErrors(b);
  });
});
