/**
 * Issue #11's "bring everyone here", in two Chromium profiles: a facilitator brings everyone to
 * Root causes and a member's page moves there (notice, polite announcement, focus on the heading);
 * the member stops following (remembered across a reload) and the next gathering leaves them where
 * they are, with an invitation instead; the facilitator ends the gathering and the invitation goes.
 * Both start at sign-in and reach the community by clicking.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { documentName } from "../../collab/doc-names";
import { currentGathering, gather } from "../../collab/documents/community-room";
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
import { connectProvider, waitFor } from "../support/collab";
import { signIn } from "../support/collab-fixtures";
import { makeCommunityWithPeople } from "../support/factories";

const heading = (page: Page, title: string) => page.getByRole("heading", { level: 1, name: `Riverside: ${title}` });
const notice = (page: Page) => page.getByTestId("follow-notice");
const announcer = (page: Page) => page.getByTestId("follow-announcer");

/** From the dashboard to the community's home page, by its link. */
async function openCommunity(page: Page) {
  await page.getByRole("link", { name: "Riverside", exact: true }).click();
  await heading(page, "home").waitFor();
  await waitForHydration(page);
}

/** Clicks a step in the community's menu and waits for its page. */
async function step(page: Page, label: string, title: string) {
  await page.getByRole("navigation", { name: "Inquiry steps" }).getByRole("link", { name: label }).click();
  await heading(page, title).waitFor();
  await waitForHydration(page);
}

describeBrowser("bring everyone here", () => {
  let app: RunningCommons;
  let fac: Person;
  let ada: Person;
  let base: string;
  let world: Awaited<ReturnType<typeof makeCommunityWithPeople>>;

  beforeAll(async () => {
    app = await startBrowserApp();
    world = await makeCommunityWithPeople(app.services.db);
    const { community, people } = world;
    base = `${app.url}/communities/${community.id}`;
    [fac, ada] = await newPeople(app.url, [people.fay.email, people.ada.email]);
    await Promise.all([openCommunity(fac.page), openCommunity(ada.page)]);
  });
  afterAll(async () => {
    await Promise.all([fac?.close(), ada?.close()]);
    await app?.close();
  });

  it("a facilitator brings everyone to Root causes and the member's page follows", async () => {
    // Only the facilitator is offered the gathering; the member is offered the way out.
    await expect(ada.page.getByRole("button", { name: "Bring everyone here" }).count()).resolves.toBe(0);
    await ada.page.getByRole("checkbox", { name: "Don't follow the facilitator" }).waitFor();
    await step(ada.page, "Stories, needs and peer check", "our inquiry");
    // Marks this document: if following reloaded the page, the mark would be gone.
    await ada.page.evaluate(() => Object.assign(window, { followMark: true }));

    await step(fac.page, "4. Root causes", "root causes");
    await fac.page.getByRole("button", { name: "Bring everyone here" }).click();
    await fac.page.getByTestId("gathering-status").filter({ hasText: "Gathered at Root causes" }).waitFor();

    // The member is taken there without a full page load, told why, and focus is on the new heading.
    await ada.page.waitForURL(`${base}/board`);
    await heading(ada.page, "root causes").waitFor();
    await notice(ada.page).filter({ hasText: "Fay Facilitator brought everyone to Root causes." }).waitFor();
    await announcer(ada.page).filter({ hasText: "Fay Facilitator brought everyone to Root causes." }).waitFor();
    await expect(announcer(ada.page).getAttribute("role")).resolves.toBe("status");
    await expect
      .poll(() => ada.page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toBe("Riverside: root causes");
    await expect(ada.page.evaluate(() => "followMark" in window)).resolves.toBe(true);
    expect(await seriousAxeViolations(ada.page)).toEqual([]);

    // "Go back" returns them to where they were, with focus on that page's heading.
    await notice(ada.page).getByRole("button", { name: "Go back to where I was" }).click();
    await ada.page.waitForURL(`${base}/inquiry`);
    await expect
      .poll(() => ada.page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toBe("Riverside: our inquiry");
    await expect(notice(ada.page).count()).resolves.toBe(0);
    // A new gathering, even to the same place, brings them again.
    await fac.page.getByRole("button", { name: "Bring everyone here" }).click();
    await ada.page.waitForURL(`${base}/board`);
    await notice(ada.page).filter({ hasText: "Fay Facilitator brought everyone to Root causes." }).waitFor();
    expectNoBrowserErrors(ada);
    expectNoBrowserErrors(fac);
  });

  it("a member who stops following stays where they are at the next gathering, even after a reload", async () => {
    await notice(ada.page).getByRole("button", { name: "Stop following" }).click();
    const optOut = ada.page.getByRole("checkbox", { name: "Don't follow the facilitator" });
    await expect.poll(() => optOut.isChecked()).toBe(true);
    await expect.poll(() => optOut.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect(notice(ada.page).count()).resolves.toBe(0);

    // Remembered: a fresh load of another step still has the box ticked.
    await step(ada.page, "Home", "home");
    await ada.page.reload();
    await waitForHydration(ada.page);
    await expect.poll(() => optOut.isChecked()).toBe(true);

    await step(fac.page, "5. How might we…", "how might we…");
    await fac.page.getByRole("button", { name: "Bring everyone here" }).click();
    await fac.page
      .getByTestId("gathering-status")
      .filter({ hasText: /Gathered at the “How might we…” questions/ })
      .waitFor();

    // Told, not moved.
    await notice(ada.page)
      .filter({
        hasText: "Fay Facilitator is bringing everyone to the “How might we…” questions. You stayed where you are.",
      })
      .waitFor();
    await ada.page.waitForTimeout(500);
    expect(ada.page.url()).toBe(base);
    await heading(ada.page, "home").waitFor();
    await notice(ada.page).getByRole("link", { name: "Go there" }).waitFor();

    // The facilitator ends the gathering: the invitation goes too.
    await fac.page.getByRole("button", { name: "Stop gathering" }).click();
    await expect.poll(() => fac.page.getByTestId("gathering-status").count()).toBe(0);
    await expect.poll(() => notice(ada.page).count()).toBe(0);
    expect(await seriousAxeViolations(fac.page)).toEqual([]);
    expectNoBrowserErrors(ada);
    expectNoBrowserErrors(fac);
  });

  it("a member's modified client cannot gather: the server drops the write", async () => {
    const room = documentName("community-room", world.community.id);
    const { ada: member, fay } = world.people;
    const raw = connectProvider(app, room, await signIn(app.url, member.email));
    await waitFor(() => raw.provider.synced, "the member's raw client synced");
    gather(raw.doc, { step: "playlist", section: null }, { id: member.id, name: member.name });
    // A facilitator's fresh replica, synced after the attempt, has no gathering; nor does Fay's page.
    await new Promise((r) => setTimeout(r, 500));
    const check = connectProvider(app, room, await signIn(app.url, fay.email));
    await waitFor(() => check.provider.synced, "the facilitator's raw client synced");
    expect(currentGathering(check.doc)).toBeNull();
    await expect(fac.page.getByTestId("gathering-status").count()).resolves.toBe(0);
    raw.provider.destroy();
    check.provider.destroy();
  });
});
