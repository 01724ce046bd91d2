import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inquiryFields } from "../../collab/documents/inquiry";
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
import { makeCommunityWithPeople } from "../support/factories";

const STORY = "A parent could not reach us by phone.";
const PHRASE = "could not reach";
/** A pair as the pages name it (in either order). */
const PAIR = /^(Ada Member and Ben Member|Ben Member and Ada Member)$/;

const editorOf = (page: Page, field: string) => page.locator(`[data-field="${field}"] .ProseMirror`);
const highlightIn = (page: Page, field: string) => page.locator(`[data-field="${field}"] mark.comment-highlight`);
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
/** A field's text without other people's caret labels. */
const textOf = (page: Page, field: string) =>
  editorOf(page, field).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });
/**
 * Focuses an editor the way Tab would. For 200 ms after gaining focus ProseMirror takes a caret at
 * the very start for the browser resetting it and puts its own back, so Ctrl+Home pressed sooner
 * (as no person could) would be undone: this waits that out.
 */
async function focusEditor(page: Page, field: string) {
  await editorOf(page, field).focus();
  await page.waitForTimeout(250);
}
/** With E2E_SCREENSHOTS set, saves the page to /tmp for a person to look at. */
const screenshot = async (page: Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
};

/** Lets the page handle queued events (the browser reports selection changes asynchronously). */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
const waitForStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="save-status"][data-status="${status}"]`).waitFor();

/** axe finds nothing serious on any of the pages, once each shows the given save status. */
async function expectAxeClean(pages: Array<[label: string, page: Page, status: string]>) {
  const found: string[] = [];
  for (const [label, page, status] of pages) {
    await waitForStatus(page, status);
    for (const v of await seriousAxeViolations(page)) found.push(`${label}: ${v}`);
  }
  expect(found, `axe found serious or critical problems:\n\n${found.join("\n\n")}\n`).toEqual([]);
}

describeBrowser("inline comments on the inquiry's stories, and the facilitator's peer-check pairs", () => {
  let app: RunningCommons;
  let ada: Person;
  let ben: Person;
  let fay: Person;
  let sam: Person;
  let url: string;
  let homeUrl: string;
  let ids: { ada: string; ben: string };

  const open = async (person: Person) => {
    await person.page.goto(url);
    await waitForHydration(person.page);
    await editorOf(person.page, inquiryFields.story(ids.ada)).waitFor();
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const world = await makeCommunityWithPeople(app.services.db);
    const { people } = world;
    ids = { ada: people.ada.id, ben: people.ben.id };
    homeUrl = `${app.url}/communities/${world.community.id}`;
    url = `${homeUrl}/inquiry`;
    [ada, ben, fay, sam] = await newPeople(app.url, [
      people.ada.email,
      people.ben.email,
      people.fay.email,
      people.sam.email,
    ]);
  });
  afterAll(async () => {
    await Promise.all([ada?.close(), ben?.close(), fay?.close(), sam?.close()]);
    await app?.close();
  });

  it("a member comments on a phrase of another's story by keyboard; everyone sees it live; the owner resolves it", async () => {
    const story = inquiryFields.story(ids.ada);
    await Promise.all([open(ada), open(ben), open(sam)]);
    await editorOf(ada.page, story).click();
    await ada.page.keyboard.type(STORY);
    await editorOf(ben.page, story).filter({ hasText: STORY }).waitFor();

    // Ben may select in Ada's story but not change it.
    const page = ben.page;
    await expect(editorOf(page, story).getAttribute("aria-readonly")).resolves.toBe("true");
    const button = page.locator(`[data-field="${story}"] ~ div`).getByRole("button", { name: "Comment on selection" });
    await expect(button.getAttribute("aria-disabled")).resolves.toBe("true");
    await focusEditor(page, story);
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("BEN WAS HERE");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Enter");
    expect(await textOf(page, story)).toBe(STORY);

    for (let i = 0; i < STORY.indexOf(PHRASE); i++) await page.keyboard.press("ArrowRight");
    for (let i = 0; i < PHRASE.length; i++) await page.keyboard.press("Shift+ArrowRight");
    await settle(page);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(PHRASE);
    await expect.poll(() => button.getAttribute("aria-disabled")).toBe("false");

    // Tab to the button; Escape closes the form without saving and gives the focus back.
    await page.keyboard.press("Tab");
    expect(await focusedText(page)).toBe("Comment on selection");
    await page.keyboard.press("Enter");
    const textarea = page.getByLabel("Your comment");
    await textarea.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    await page.keyboard.type("a draft");
    await page.keyboard.press("Escape");
    await textarea.waitFor({ state: "detached" });
    expect(await focusedText(page)).toBe("Comment on selection");

    // An empty comment is refused in words; then the real one.
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Add comment" }).click();
    await page.getByRole("alert").filter({ hasText: "Write a comment first." }).waitFor();
    await textarea.fill("Which phone number did we have? Did anyone try email?");
    await textarea.press("Tab");
    expect(await focusedText(page)).toBe("Add comment");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Comment added." }).waitFor();

    // Ada, Ben and the SIP see the highlight and the comment, live.
    for (const p of [ada.page, ben.page, sam.page]) {
      await highlightIn(p, story).filter({ hasText: PHRASE }).waitFor();
      expect(
        await highlightIn(p, story)
          .first()
          .evaluate((el) => el.firstChild?.textContent),
      ).toBe(PHRASE);
      const comment = p.getByTestId("inquiry-comment");
      await comment.filter({ hasText: "Did anyone try email?" }).waitFor();
      expect(await comment.textContent()).toContain("Ben Member");
      expect(await comment.locator("q").textContent()).toBe(PHRASE);
    }
    await ada.page.getByRole("heading", { name: "Comments on your story (1 open)" }).waitFor();
    // The SIP reads but cannot comment or resolve.
    expect(await sam.page.getByRole("button", { name: /Comment on selection|Resolve/ }).count()).toBe(0);
    await expectAxeClean([
      ["member", ada.page, "saved"],
      ["read-only", sam.page, "read-only"],
    ]);
    await screenshot(ada.page, "inquiry-comments-owner");
    await screenshot(ben.page, "inquiry-comments-commenter");

    // Ada writes before the phrase: the highlight stays on it.
    await focusEditor(ada.page, story);
    await ada.page.keyboard.press("Control+Home");
    await ada.page.keyboard.type("Last week, ");
    await expect.poll(() => textOf(ben.page, story)).toBe(`Last week, ${STORY}`);
    for (const p of [ada.page, ben.page])
      expect(
        await highlightIn(p, story)
          .first()
          .evaluate((el) => el.firstChild?.textContent),
      ).toBe(PHRASE);

    // Ada resolves it: folded under "Resolved (1)" and unhighlighted, for Ben too.
    await ada.page.getByRole("button", { name: "Resolve Ben Member's comment" }).click();
    await ben.page.getByText("Resolved (1)").waitFor();
    await highlightIn(ben.page, story).waitFor({ state: "detached" });
    await ben.page.getByRole("heading", { name: "Comments on Ada Member's story (0 open)" }).waitFor();
    for (const person of [ada, ben, sam]) expectNoBrowserErrors(person);
  });

  it("a reopened comment whose phrase is deleted stays listed, saying so", async () => {
    const story = inquiryFields.story(ids.ada);
    await ben.page.getByText("Resolved (1)").click();
    await ben.page.getByRole("button", { name: "Reopen Ben Member's comment" }).click();
    await highlightIn(ada.page, story).filter({ hasText: PHRASE }).waitFor();

    await focusEditor(ada.page, story);
    await ada.page.keyboard.press("Control+Home");
    const start = `Last week, ${STORY}`.indexOf(PHRASE);
    for (let i = 0; i < start; i++) await ada.page.keyboard.press("ArrowRight");
    for (let i = 0; i < PHRASE.length; i++) await ada.page.keyboard.press("Shift+ArrowRight");
    await settle(ada.page);
    expect(await ada.page.evaluate(() => window.getSelection()?.toString())).toBe(PHRASE);
    await ada.page.keyboard.press("Delete");
    await expect.poll(() => textOf(ben.page, story)).toBe("Last week, A parent  us by phone.");
    await ben.page.getByTestId("inquiry-comment").filter({ hasText: "(the commented text was removed)" }).waitFor();
    expect(await highlightIn(ben.page, story).count()).toBe(0);
    for (const person of [ada, ben]) expectNoBrowserErrors(person);
  });

  it("the facilitator pairs Ada and Ben on the home page; both then keep the notes of their pair", async () => {
    const notes = inquiryFields.peerCheck(ids.ada, ids.ben);
    await ada.page.getByTestId("no-pair").filter({ hasText: "Your facilitator has not paired you yet." }).waitFor();
    expect(
      await ada.page.getByTestId("no-pair").getByRole("link", { name: "community home" }).getAttribute("href"),
    ).toBe(new URL(homeUrl).pathname);
    expect(await ada.page.getByLabel("Your partner").count()).toBe(0);

    await fay.page.goto(homeUrl);
    await waitForHydration(fay.page);
    await fay.page.getByLabel("Member", { exact: true }).selectOption({ label: "Ada Member" });
    await fay.page.getByLabel("Partner", { exact: true }).selectOption({ label: "Ben Member" });
    await fay.page.getByRole("button", { name: "Pair them" }).click();
    await fay.page.getByRole("list", { name: "Pairs" }).getByText(PAIR).waitFor();

    await Promise.all([open(ada), open(ben), open(fay), open(sam)]);
    await ada.page.getByRole("heading", { name: "Notes with Ben Member" }).waitFor();
    await ben.page.getByRole("heading", { name: "Notes with Ada Member" }).waitFor();
    await editorOf(ada.page, notes).click();
    await ada.page.keyboard.type("Ben asks: who decided phone was enough?");
    await editorOf(ben.page, notes).filter({ hasText: "who decided phone was enough?" }).waitFor();

    // The facilitator writes in every pair's notes; the SIP reads them.
    await fay.page.getByRole("heading", { name: PAIR }).waitFor();
    await editorOf(fay.page, notes).filter({ hasText: "who decided phone was enough?" }).waitFor();
    await expect(editorOf(fay.page, notes).getAttribute("contenteditable")).resolves.toBe("true");
    await editorOf(sam.page, notes).filter({ hasText: "who decided phone was enough?" }).waitFor();
    await expect(editorOf(sam.page, notes).getAttribute("contenteditable")).resolves.toBe("false");
    await screenshot(fay.page, "inquiry-comments-facilitator");
    for (const person of [ada, ben, fay, sam]) expectNoBrowserErrors(person);
  });

  it("every view of the page, with comments and pairs, passes axe; no browser logged an error", async () => {
    await expectAxeClean([
      ["member", ada.page, "saved"],
      ["commenter", ben.page, "saved"],
      ["facilitator", fay.page, "saved"],
      ["read-only", sam.page, "read-only"],
    ]);
    for (const person of [ada, ben, fay, sam]) expectNoBrowserErrors(person);
  });
});
