import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { schoolYearOf } from "../../app/kernel/school-year";
import { documentName } from "../../collab/doc-names";
import { inquiryFields } from "../../collab/documents/inquiry";
import { createDatabaseStore } from "../../collab/store";
import { createCohort, createCommunity } from "../../db/queries/communities";
import { setPeerPair } from "../../db/queries/community-home";
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
const toolbarOf = (page: Page, name: string) => page.getByRole("toolbar", { name: `Formatting for ${name}` });

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

describeBrowser("the shared text editor: toolbar, markdown shortcuts, safe links, personal undo", () => {
  let app: RunningCommons;
  let a: Person;
  let b: Person;
  let ids: { a: string; b: string };
  let docName: string;

  /** The story's structure as stored in the database (a fresh load, not the server's memory). */
  const storedStory = async () => {
    const doc = new Y.Doc();
    await createDatabaseStore(app.services.db).load(docName, doc);
    return doc.getXmlFragment(inquiryFields.story(ids.a)).toString();
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority, schools } = await makeAuthority(db, 2);
    const ada = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[0].id }], {
      name: "Ada Writer",
    });
    const ben = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[1].id }], {
      name: "Ben Reader",
    });
    const cohort = await createCohort(db, {
      authorityId: authority.id,
      name: "Cohort One",
      schoolYear: schoolYearOf(new Date()),
      facilitatorIds: [],
      leaderIds: [ada.id, ben.id],
    });
    const community = await createCommunity(db, { cohortId: cohort.id, name: "Lakeside", memberIds: [ada.id, ben.id] });
    await setPeerPair(db, community.id, ada.id, ben.id);
    ids = { a: ada.id, b: ben.id };
    docName = documentName("inquiry", community.id);
    [a, b] = await newPeople(app.url, [ada.email, ben.email]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await app?.close();
  });

  it("formats with the toolbar and with markdown shortcuts, and the other browser and the database see it", async () => {
    await Promise.all([openInquiry(a.page), openInquiry(b.page)]);
    const story = editorOf(a.page, inquiryFields.story(ids.a));
    // An empty story says what to write; only its owner has a toolbar for it.
    await expect(story.locator("p").first().getAttribute("data-placeholder")).resolves.toMatch(/Tell the story/);
    await toolbarOf(a.page, "your story").waitFor();
    expect(await toolbarOf(b.page, "Ada Writer's story").count()).toBe(0);

    await story.click();
    await a.page.keyboard.type("## What happened");
    await a.page.keyboard.press("Enter");
    await a.page.keyboard.type("- first call home");
    await a.page.keyboard.press("Enter");
    await a.page.keyboard.type("second call home");
    await a.page.keyboard.press("Enter");
    await a.page.keyboard.press("Enter");
    // Bold from the toolbar, then typing continues in bold.
    await toolbarOf(a.page, "your story").getByRole("button", { name: "Bold" }).click();
    await expect(
      toolbarOf(a.page, "your story").getByRole("button", { name: "Bold" }).getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    await a.page.keyboard.type("Nobody answered.");

    const other = editorOf(b.page, inquiryFields.story(ids.a));
    await other.locator("h2", { hasText: "What happened" }).waitFor();
    await other.locator("ul > li", { hasText: "second call home" }).waitFor();
    await other.locator("strong", { hasText: "Nobody answered." }).waitFor();
    await expect.poll(storedStory, { timeout: 5000 }).toContain("<bold>Nobody answered.</bold>");
    expect(await storedStory()).toContain('<heading level="2">What happened</heading>');
    expect(await seriousAxeViolations(a.page)).toEqual([]);
    // For docs/screenshots/editor.png: the story mid-edit, caret still in it, at a laptop's size.
    if (process.env.E2E_SCREENSHOTS) {
      await a.page.setViewportSize({ width: 1280, height: 900 });
      await toolbarOf(a.page, "your story").evaluate((el) => el.scrollIntoView({ block: "center" }));
      await a.page.screenshot({ path: "/tmp/editor.png" });
    }
    // The toolbar is one Tab stop; arrow keys move along it.
    const bold = toolbarOf(a.page, "your story").getByRole("button", { name: "Bold" });
    await bold.focus();
    await a.page.keyboard.press("ArrowRight");
    const focused = await a.page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe("Italic");
  });

  it("links only web and email addresses, and keeps what was typed when refusing", async () => {
    const page = a.page;
    const story = editorOf(page, inquiryFields.story(ids.a));
    await story.locator("h2").dblclick({ position: { x: 12, y: 10 } }); // selects "What"
    const bar = toolbarOf(page, "your story");
    await bar.getByRole("button", { name: "Link" }).click();
    const address = page.getByLabel("Link address");
    await address.fill("javascript:alert(document.cookie)");
    await page.getByRole("button", { name: "Save link" }).click();
    await page.getByText("Use a web address").waitFor();
    await expect(address.inputValue()).resolves.toBe("javascript:alert(document.cookie)");
    await address.fill("educationendowmentfoundation.org.uk/parents");
    await page.getByRole("button", { name: "Save link" }).click();
    const link = story.locator("a");
    await expect(link.getAttribute("href")).resolves.toBe("https://educationendowmentfoundation.org.uk/parents");
    await expect(link.textContent()).resolves.toBe("What");
    await editorOf(b.page, inquiryFields.story(ids.a))
      .locator('a[href="https://educationendowmentfoundation.org.uk/parents"]')
      .waitFor();
  });

  it("undo takes back only the person's own words, never a colleague's", async () => {
    // Both write in the peer-check notes they share.
    const field = inquiryFields.peerCheck(ids.a, ids.b);
    const notesA = editorOf(a.page, field);
    const notesB = editorOf(b.page, field);
    await notesA.click();
    await a.page.keyboard.type("Ada tried daily calls.");
    await notesB.filter({ hasText: "Ada tried daily calls." }).waitFor();
    await notesB.click();
    await b.page.keyboard.press("End");
    await b.page.keyboard.type(" Ben tried texts.");
    await notesA.filter({ hasText: "Ben tried texts." }).waitFor();
    // Ada undoes (toolbar button): her sentence goes, Ben's stays, in both browsers.
    await toolbarOf(a.page, "your notes with Ben Reader")
      .getByRole("button", { name: "Undo your last change" })
      .click();
    await expect.poll(() => notesA.textContent()).not.toContain("Ada tried daily calls.");
    await expect.poll(() => notesB.textContent()).not.toContain("Ada tried daily calls.");
    expect(await notesA.textContent()).toContain("Ben tried texts.");
    expect(await notesB.textContent()).toContain("Ben tried texts.");
    expectNoBrowserErrors(a);
    expectNoBrowserErrors(b);
  });

  it("typing / offers blocks to start: arrows choose, Enter applies, Escape closes", async () => {
    const page = a.page;
    const needed = editorOf(page, inquiryFields.needed(ids.a));
    await needed.click();
    await page.keyboard.type("/");
    const menu = page.getByRole("listbox", { name: "Start a block" });
    await menu.waitFor();
    expect(await menu.getByRole("option").count()).toBeGreaterThanOrEqual(6);
    await page.keyboard.type("num");
    await expect(menu.getByRole("option").allTextContents()).resolves.toEqual(["Numbered list1. "]);
    await expect(needed.getAttribute("aria-activedescendant")).resolves.toMatch(/numbers$/);
    await page.keyboard.press("Enter");
    await page.keyboard.type("Time with the attendance officer");
    await needed.locator("ol > li", { hasText: "Time with the attendance officer" }).waitFor();
    expect(await needed.textContent()).not.toContain("/num");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("/");
    await menu.waitFor();
    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "detached" });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
