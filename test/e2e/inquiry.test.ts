import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { schoolYearOf } from "../../app/kernel/school-year";
import { documentName } from "../../collab/doc-names";
import { inquiryFields, inquiryText } from "../../collab/documents/inquiry";
import { createDatabaseStore } from "../../collab/store";
import { assignSip, createCohort, createCommunity } from "../../db/queries/communities";
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

/** The inquiry page's editor for one field (a Tiptap `.ProseMirror`). */
const editorOf = (page: Page, field: string) => page.locator(`[data-field="${field}"] .ProseMirror`);
const statusOf = (page: Page) => page.getByTestId("save-status");
const waitForStatus = (page: Page, status: string, timeout?: number) =>
  page.locator(`[data-testid="save-status"][data-status="${status}"]`).waitFor({ timeout });

/** With E2E_SCREENSHOTS set, saves the page to /tmp for a person to look at. */
const screenshot = async (page: Page, name: string) => {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `/tmp/${name}.png` });
};

/** A field's text as the page shows it, without other people's caret labels. */
const textOf = (page: Page, field: string) =>
  editorOf(page, field).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });

/**
 * How many updates the page's IndexedDB copy holds. IndexedDB runs a read after every write
 * transaction begun before it, so a count read after typing includes the typed edits.
 */
const localUpdates = (page: Page, docName: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction("updates").objectStore("updates").count();
          count.onerror = () => reject(count.error);
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
    `commons:${docName}`,
  );

/** Records every save status the page shows from now on (the "Saving…" stage can be brief). */
async function recordStatuses(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { seenStatuses: string[] };
    w.seenStatuses = [];
    const el = document.querySelector('[data-testid="save-status"]')!;
    const note = () => w.seenStatuses.push(`${el.getAttribute("data-status")}: ${el.textContent}`);
    note();
    new MutationObserver(note).observe(el, { attributes: true, characterData: true, childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
}

describeBrowser("the inquiry page, edited together in separate browsers", () => {
  let app: RunningCommons;
  let a: Person;
  let b: Person;
  let sip: Person;
  let url: string;
  let docName: string;
  let ids: { a: string; b: string };

  /** What the database holds for a field (a fresh load, not the server's memory). */
  const storedText = async (field: string) => {
    const doc = new Y.Doc();
    await createDatabaseStore(app.services.db).load(docName, doc);
    return inquiryText(doc, field);
  };

  const open = async (person: Person, page = person.page) => {
    await page.goto(url);
    await waitForHydration(page);
    await page.getByRole("heading", { level: 1, name: "Riverside: our inquiry" }).waitFor();
    await editorOf(page, inquiryFields.story(ids.a)).waitFor();
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority, schools } = await makeAuthority(db, 2);
    const ada = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[0].id }], {
      name: "Ada Member",
    });
    const ben = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[1].id }], {
      name: "Ben Member",
    });
    const sam = await makeUser(db, authority.id, [{ role: "sip" }], { name: "Sam Partner" });
    const schoolYear = schoolYearOf(new Date());
    const cohort = await createCohort(db, {
      authorityId: authority.id,
      name: "Cohort One",
      schoolYear,
      facilitatorIds: [],
      leaderIds: [ada.id, ben.id],
    });
    const community = await createCommunity(db, {
      cohortId: cohort.id,
      name: "Riverside",
      memberIds: [ada.id, ben.id],
    });
    await assignSip(db, { authorityId: authority.id, sipUserId: sam.id, schoolIds: [schools[0].id], schoolYear });
    ids = { a: ada.id, b: ben.id };
    url = `${app.url}/communities/${community.id}/inquiry`;
    docName = documentName("inquiry", community.id);
    [a, b, sip] = await newPeople(app.url, [ada.email, ben.email, sam.email]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), sip?.close()]);
    await app?.close();
  });

  it("two members see each other, and one's typing reaches the other live and the database", async () => {
    await Promise.all([open(a), open(b)]);
    for (const page of [a.page, b.page]) {
      const here = page.getByRole("list", { name: "People here now" });
      await here.getByRole("listitem").filter({ hasText: "Ada Member" }).waitFor();
      await here.getByRole("listitem").filter({ hasText: "Ben Member" }).waitFor();
      await waitForStatus(page, "saved");
    }

    const statuses = await recordStatuses(a.page);
    await editorOf(a.page, inquiryFields.story(ids.a)).click();
    await a.page.keyboard.type("A parent could not reach us.");
    await editorOf(b.page, inquiryFields.story(ids.a)).filter({ hasText: "A parent could not reach us." }).waitFor();
    await waitForStatus(a.page, "saved");
    const seen = await statuses();
    const saving = seen.findIndex((s) => s === "saving: Saving…");
    expect(saving, `statuses seen: ${seen.join(", ")}`).toBeGreaterThanOrEqual(0);
    expect(seen.slice(saving + 1)).toContain("saved: Saved");
    // "Saved" means in the database.
    expect(await storedText(inquiryFields.story(ids.a))).toContain("A parent could not reach us.");

    // B reads A's story (and may select in it, to comment) but writes only their own.
    await expect(editorOf(b.page, inquiryFields.story(ids.a)).getAttribute("aria-readonly")).resolves.toBe("true");
    await expect(editorOf(b.page, inquiryFields.story(ids.b)).getAttribute("aria-readonly")).resolves.toBe("false");
    await expect(editorOf(a.page, inquiryFields.story(ids.b)).getAttribute("aria-readonly")).resolves.toBe("true");
    await screenshot(a.page, "inquiry-member-a");
    await screenshot(b.page, "inquiry-member-b");
    expectNoBrowserErrors(a);
    expectNoBrowserErrors(b);
  });

  it("a read-only viewer sees edits live but cannot change anything", async () => {
    await open(sip);
    const page = sip.page;
    await waitForStatus(page, "read-only");
    await expect(statusOf(page).textContent()).resolves.toBe("Read-only");
    const storyA = editorOf(page, inquiryFields.story(ids.a));
    await storyA.filter({ hasText: "A parent could not reach us." }).waitFor();
    const editors = page.locator(".ProseMirror");
    expect(await editors.count()).toBe(4); // two stories, two "what I needed"
    for (const editable of await editors.evaluateAll((els) => els.map((e) => e.getAttribute("contenteditable")))) {
      expect(editable).toBe("false");
    }
    await screenshot(page, "inquiry-read-only");

    // A's next words arrive live.
    await a.page.keyboard.type(" They had no phone.");
    await storyA.filter({ hasText: "They had no phone." }).waitFor();

    // The viewer's typing goes nowhere: not on their screen, not to A, not to the database.
    const before = await textOf(page, inquiryFields.story(ids.a));
    for (const field of [inquiryFields.story(ids.a), inquiryFields.needed(ids.b)]) {
      await editorOf(page, field).click();
      await page.keyboard.type("SIP WAS HERE");
      await page.keyboard.press("Backspace");
    }
    expect(await textOf(page, inquiryFields.story(ids.a))).toBe(before);
    expect(await textOf(page, inquiryFields.needed(ids.b))).toBe("");
    // Anything the old socket carried is handled before the reopened page connects; A's marker comes after.
    await open(sip);
    await a.page.keyboard.type(" Marker.");
    await storyA.filter({ hasText: "Marker." }).waitFor();
    await waitForStatus(a.page, "saved");
    expect((await a.page.locator(".ProseMirror").allTextContents()).join("\n")).not.toContain("SIP WAS HERE");
    expect((await page.locator(".ProseMirror").allTextContents()).join("\n")).not.toContain("SIP WAS HERE");
    expect(await a.page.locator(".collaboration-carets__label", { hasText: "Sam Partner" }).count()).toBe(0);
    for (const field of [inquiryFields.story(ids.a), inquiryFields.needed(ids.b)]) {
      expect(await storedText(field)).not.toContain("SIP WAS HERE");
    }
    expect(await storedText(inquiryFields.story(ids.a))).toContain("Marker.");
    expectNoBrowserErrors(sip);
    expectNoBrowserErrors(a);
  });

  it("an edit made offline is kept on the device, and syncs when the member is back online", async () => {
    const storyA = inquiryFields.story(ids.a);
    await a.context.setOffline(true);
    await waitForStatus(a.page, "offline", 5_000);
    await editorOf(a.page, storyA).click();
    await a.page.keyboard.press("Control+End");
    await a.page.keyboard.type(" Written on the train.");
    await expect(statusOf(a.page).textContent()).resolves.toBe("Offline: your changes are kept on this device");
    await a.page.waitForTimeout(300);
    expect(await textOf(b.page, storyA)).not.toContain("Written on the train.");

    await a.context.setOffline(false);
    await editorOf(b.page, storyA).filter({ hasText: "Written on the train." }).waitFor();
    await waitForStatus(a.page, "saved");
    expect(await storedText(storyA)).toContain("Written on the train.");

    // Offline again; the tab is closed before the network returns: the edit lives only in IndexedDB.
    await a.context.setOffline(true);
    await waitForStatus(a.page, "offline", 5_000);
    const kept = await localUpdates(a.page, docName);
    await a.page.keyboard.type(" Kept on this device.");
    expect(await localUpdates(a.page, docName)).toBeGreaterThan(kept);
    await a.page.close();
    expect(await storedText(storyA)).not.toContain("Kept on this device.");
    expect(await textOf(b.page, storyA)).not.toContain("Kept on this device.");

    await a.context.setOffline(false);
    a.page = await a.context.newPage();
    await open(a);
    await editorOf(b.page, storyA).filter({ hasText: "Kept on this device." }).waitFor();
    await waitForStatus(a.page, "saved");
    expect(await storedText(storyA)).toContain("Written on the train. Kept on this device.");
    expect(await textOf(a.page, storyA)).toBe(await textOf(b.page, storyA));
    expectNoBrowserErrors(a);
    expectNoBrowserErrors(b);
  });

  it("the member and read-only views pass axe, and no browser logged an error", async () => {
    const found: string[] = [];
    for (const [label, page] of [
      ["member", a.page],
      ["read-only", sip.page],
    ] as const) {
      await waitForStatus(page, label === "member" ? "saved" : "read-only");
      for (const v of await seriousAxeViolations(page)) found.push(`${label}: ${v}`);
    }
    expect(found, `axe found serious or critical problems:\n\n${found.join("\n\n")}\n`).toEqual([]);
    for (const person of [a, b, sip]) expectNoBrowserErrors(person);
  });
});
