import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { listItems } from "../../collab/documents/playlist";
import { createDatabaseStore } from "../../collab/store";
import { cohortSessions, playlistProgress, resourceSuggestions } from "../../db/schema/index";
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
import { fixturePage, startLinkFixtureServer, type LinkFixtureServer } from "../support/link-fixture-server";

const waitForStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="save-status"][data-status="${status}"]`).waitFor();
/** The titles of the playlist, in order, as a person reads them. */
const titles = (page: Page) => page.getByRole("list", { name: "Resources" }).locator("h3 a").allTextContents();
const clean = (t: string) => t.replace(" (opens in a new tab)", "");
const resource = (page: Page, title: string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
/** What the drag library last said to screen readers (its live region). */
const announced = (page: Page) => page.locator("[id^='DndLiveRegion']").textContent();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Drags a card by its handle with the mouse until its middle is over another card's middle. */
async function dragCard(page: Page, title: string, ontoTitle: string) {
  const handle = page.getByRole("button", { name: `Reorder: ${title}` });
  // Both cards on screen: the mouse only reaches what the viewport shows.
  await resource(page, ontoTitle).evaluate((el) => el.scrollIntoView({ block: "start" }));
  const from = (await resource(page, title).boundingBox())!;
  const onto = (await resource(page, ontoTitle).boundingBox())!;
  const grip = (await handle.boundingBox())!;
  const start = { x: grip.x + grip.width / 2, y: grip.y + grip.height / 2 };
  const dy = onto.y + onto.height / 2 - (from.y + from.height / 2);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y + Math.sign(dy) * 10, { steps: 3 });
  await page.mouse.move(start.x, start.y + dy, { steps: 20 });
  await pause(200);
  await page.mouse.up();
}

describeBrowser("a playlist curated live, progress, a suggestion, and practice shared with a peer", () => {
  let app: RunningCommons;
  let fay: Person;
  let ada: Person;
  let ben: Person;
  let playlistUrl: string;
  let practiceUrl: string;
  let world: Awaited<ReturnType<typeof makeCommunityWithPeople>>;
  let site: LinkFixtureServer;
  let toolkitUrl: string;
  const axeFindings: string[] = [];
  const checkAxe = async (label: string, page: Page) => {
    for (const v of await seriousAxeViolations(page)) axeFindings.push(`${label}: ${v}`);
  };

  const addResource = async (
    page: Page,
    r: { title: string; url: string; type: string; minutes: string; why: string },
  ) => {
    const form = page.getByRole("form", { name: "Add a resource" });
    await form.getByLabel("Title").fill(r.title);
    await form.getByLabel("Web address").fill(r.url);
    await form.getByLabel("Type").selectOption({ label: r.type });
    await form.getByLabel("Minutes").fill(r.minutes);
    await form.getByLabel("Why it matters").fill(r.why);
    await form.getByRole("button", { name: "Add to the playlist" }).click();
  };

  beforeAll(async () => {
    // The fixture site is on 127.0.0.1, which the SSRF guard refuses unless it is allow-listed.
    site = await startLinkFixtureServer();
    toolkitUrl = `${site.origin}/family-toolkit`;
    app = await startBrowserApp({ LINK_PREVIEW_ALLOW_HOSTS: site.hostPort });
    world = await makeCommunityWithPeople(app.services.db);
    await app.services.db
      .insert(cohortSessions)
      .values({ cohortId: world.cohort.id, title: "Session 3", startsAt: new Date(Date.now() + 9 * 86_400_000) });
    playlistUrl = `${app.url}/communities/${world.community.id}/playlist`;
    practiceUrl = `${app.url}/cohorts/${world.cohort.id}/practice`;
    const { people } = world;
    [fay, ada, ben] = await newPeople(app.url, [people.fay.email, people.ada.email, people.ben.email]);
    for (const p of [fay, ada]) {
      await p.page.goto(playlistUrl);
      await waitForHydration(p.page);
    }
    await waitForStatus(fay.page, "saved");
    await waitForStatus(ada.page, "read-only");
  });
  afterAll(async () => {
    await Promise.all([fay?.close(), ada?.close(), ben?.close()]);
    await app?.close();
    await site?.close();
  });

  it("the facilitator adds two resources (a javascript: link is refused in words) and reorders them; the leader sees it live", async () => {
    await ada.page.getByText("Your facilitator has not added any resources yet").waitFor();
    await checkAxe("leader, empty playlist", ada.page);
    await checkAxe("facilitator, empty playlist", fay.page);

    await addResource(fay.page, {
      title: "Tuning protocol",
      url: "javascript:alert(1)",
      type: "Protocol",
      minutes: "0",
      why: "",
    });
    await fay.page
      .getByRole("alert")
      .filter({ hasText: "Only web addresses starting with https:// or http:// can be added." })
      .waitFor();
    await fay.page.getByRole("alert").filter({ hasText: "Minutes must be between 1 and 600." }).waitFor();
    await fay.page.getByRole("alert").filter({ hasText: "Say in a sentence why it matters" }).waitFor();
    // The first field with an error has the keyboard, and what was typed is kept.
    expect(await fay.page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("url");
    expect(await fay.page.getByLabel("Title").first().inputValue()).toBe("Tuning protocol");
    await checkAxe("facilitator, form errors", fay.page);

    await addResource(fay.page, {
      title: "Tuning protocol",
      url: "https://www.schoolreforminitiative.org/download/tuning-protocol/",
      type: "Protocol",
      minutes: "45",
      why: "To tune each other's plans with warm and cool feedback.",
    });
    await fay.page.getByRole("status").filter({ hasText: "“Tuning protocol” was added to the playlist." }).waitFor();
    await addResource(fay.page, {
      title: "Working with Parents to Support Children's Learning",
      url: "https://educationendowmentfoundation.org.uk/education-evidence/guidance-reports/supporting-parents",
      type: "Reading",
      minutes: "45",
      why: "Four recommendations on engaging the families we find hardest to reach.",
    });
    await addResource(fay.page, {
      title: "Family partnership toolkit",
      url: toolkitUrl,
      type: "Tool",
      minutes: "20",
      why: "Conversation guides for the first meeting with a family.",
    });
    const A = "Tuning protocol";
    const B = "Working with Parents to Support Children's Learning";
    const C = "Family partnership toolkit";
    await expect.poll(async () => (await titles(ada.page)).map(clean)).toEqual([A, B, C]);
    expect(await ada.page.getByRole("button", { name: /Move|Edit|Remove|Reorder/ }).count()).toBe(0);

    // Reorder with the Move buttons: the leader's list follows, and the keyboard stays on the control.
    const down = resource(fay.page, A).getByRole("button", { name: "Move down" });
    await down.focus();
    await fay.page.keyboard.press("Enter");
    await expect.poll(async () => (await titles(ada.page)).map(clean)).toEqual([B, A, C]);
    expect(await fay.page.evaluate(() => document.activeElement?.textContent)).toBe("Move down");

    // Reorder by keyboard drag: Space on the handle, arrows, Space; every step is announced.
    await fay.page.getByRole("button", { name: `Reorder: ${C}` }).focus();
    await fay.page.keyboard.press("Space");
    await expect.poll(() => announced(fay.page)).toMatch(`Picked up ${C}, at position 3 of 3.`);
    await checkAxe("facilitator, during a keyboard move", fay.page);
    for (const position of [2, 1]) {
      await fay.page.keyboard.press("ArrowUp");
      await expect.poll(() => announced(fay.page)).toMatch(`${C} is at position ${position} of 3.`);
      // Let the library finish scrolling the card into view before the next step.
      await pause(300);
    }
    await fay.page.keyboard.press("Space");
    await expect.poll(() => announced(fay.page)).toMatch(`${C} dropped at position 1 of 3.`);
    await expect.poll(async () => (await titles(ada.page)).map(clean)).toEqual([C, B, A]);
    expect(await fay.page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`Reorder: ${C}`);

    // Reorder by mouse drag: the last card onto the first.
    await dragCard(fay.page, A, C);
    await expect.poll(async () => (await titles(fay.page)).map(clean)).toEqual([A, C, B]);
    await expect.poll(async () => (await titles(ada.page)).map(clean)).toEqual([A, C, B]);

    // The fixture page's preview (fetched by the server, cached) shows on its card, for both people.
    for (const p of [fay, ada]) {
      const preview = resource(p.page, C).getByTestId("link-preview");
      await preview.getByText(fixturePage.description).waitFor({ timeout: 20_000 });
      await preview.getByText(fixturePage.title, { exact: true }).waitFor();
      const image = preview.locator("img");
      expect(await image.getAttribute("src")).toBe(`${site.origin}/image.svg`);
      expect(await image.getAttribute("referrerpolicy")).toBe("no-referrer");
      expect(await image.getAttribute("loading")).toBe("lazy");
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      // The card says where the resource is, and what kind.
      await resource(p.page, C).getByText("127.0.0.1").waitFor();
    }
    // Fetched once by the server, however many people looked.
    expect(site.hits.get("/family-toolkit")).toBe(1);
    await checkAxe("leader, playlist with previews", ada.page);

    // Filter by type: only the tool is shown, and reordering waits for the whole list.
    await fay.page.getByRole("button", { name: /^Tools/ }).click();
    await expect.poll(async () => (await titles(fay.page)).map(clean)).toEqual([C]);
    expect(await fay.page.getByRole("button", { name: /^Reorder:/ }).count()).toBe(0);
    await fay.page.getByText("Show all types to change the order.").waitFor();
    await fay.page.getByRole("button", { name: /^All/ }).click();
    await expect.poll(async () => (await titles(fay.page)).map(clean)).toEqual([A, C, B]);

    await waitForStatus(fay.page, "saved");
    const doc = new Y.Doc();
    await createDatabaseStore(app.services.db).load(documentName("playlist", world.community.id), doc);
    expect(listItems(doc).map((i) => i.title)).toEqual([A, C, B]);
    for (const p of [fay, ada]) expectNoBrowserErrors(p);
  });

  it("the leader marks a resource done with a note and suggests one; the facilitator approves it into the playlist", async () => {
    const parents = resource(ada.page, "Working with Parents");
    await parents.getByRole("button", { name: "Mark as done" }).click();
    await parents.getByLabel("Note (optional)").fill("Read it with my deputy before parents' evening.");
    await parents.getByRole("button", { name: "Save" }).click();
    await parents.getByText("✓ Done").waitFor();
    await parents.getByText("Your note: Read it with my deputy before parents' evening.").waitFor();
    const rows = await app.services.db.select().from(playlistProgress);
    expect(rows).toMatchObject([
      { userId: world.people.ada.id, status: "done", note: "Read it with my deputy before parents' evening." },
    ]);

    const suggest = ada.page.getByRole("form", { name: "Suggest a resource" });
    await suggest.getByLabel("Title").fill("Working together to improve school attendance");
    await suggest.getByLabel("Web address").fill("ftp://files.example.org/attendance.pdf");
    await suggest.getByLabel("Type").selectOption({ label: "Reading" });
    await suggest.getByLabel("Minutes").fill("40");
    await suggest
      .getByLabel("Why it matters")
      .fill("The family support section gave me the words for a first conversation.");
    await suggest.getByRole("button", { name: "Suggest this resource" }).click();
    await suggest
      .getByRole("alert")
      .filter({ hasText: "Only web addresses starting with https:// or http:// can be added." })
      .waitFor();
    await suggest
      .getByLabel("Web address")
      .fill("https://www.gov.uk/government/publications/working-together-to-improve-school-attendance");
    await suggest.getByRole("button", { name: "Suggest this resource" }).click();
    await ada.page.getByText("your suggestion is waiting for a facilitator").waitFor();
    await ada.page.getByRole("list", { name: "Your suggestions" }).getByText("Waiting for a facilitator").waitFor();
    await checkAxe("leader, playlist with progress and a suggestion", ada.page);

    await fay.page.reload();
    await waitForHydration(fay.page);
    await waitForStatus(fay.page, "saved");
    const waiting = fay.page.getByRole("list", { name: "Suggestions waiting for a decision" }).getByRole("listitem");
    await waiting.filter({ hasText: "suggested by Ada Member" }).waitFor();
    // The facilitator sees the leader's progress.
    await fay.page
      .getByTestId("progress-table")
      .getByRole("row", { name: /Ada Member/ })
      .getByText("Done")
      .first()
      .waitFor();
    await checkAxe("facilitator, suggestions and progress", fay.page);

    await waiting.getByRole("button", { name: "Approve" }).click();
    await fay.page.getByText("No suggestions waiting").waitFor();
    await expect
      .poll(async () => (await titles(ada.page)).map(clean))
      .toEqual([
        "Tuning protocol",
        "Family partnership toolkit",
        "Working with Parents to Support Children's Learning",
        "Working together to improve school attendance",
      ]);
    await resource(ada.page, "Working together to improve school attendance")
      .getByText("Suggested by Ada Member")
      .waitFor();
    // For docs/screenshots: the leader's playlist with progress and a preview, at 1280x900.
    await resource(ada.page, "Family partnership toolkit").getByTestId("link-preview").waitFor();
    await ada.page.setViewportSize({ width: 1280, height: 900 });
    await ada.page.getByRole("heading", { name: "Resources", exact: true }).evaluate((el) => {
      el.scrollIntoView({ block: "start" });
      window.scrollBy(0, -90);
    });
    await ada.page.screenshot({ path: "docs/screenshots/playlist.png" });
    await fay.page.screenshot({ path: "/tmp/playlist-facilitator.png", fullPage: true });
    await ada.page.screenshot({ path: "/tmp/playlist-leader.png", fullPage: true });
    const [decided] = await app.services.db.select().from(resourceSuggestions);
    expect(decided).toMatchObject({ status: "approved", decidedBy: world.people.fay.id });
    await waitForStatus(fay.page, "saved");
    const doc = new Y.Doc();
    await createDatabaseStore(app.services.db).load(documentName("playlist", world.community.id), doc);
    expect(listItems(doc).filter((i) => i.url.includes("gov.uk"))).toHaveLength(1);
    for (const p of [fay, ada]) expectNoBrowserErrors(p, [400]);
  });

  it("the leader logs practice shared with a peer, who sees the notification and the log", async () => {
    await ada.page.goto(practiceUrl);
    await waitForHydration(ada.page);
    await ada.page.getByText("Your log will be listed for Session 3").waitFor();
    await ada.page.getByRole("button", { name: "Save my log" }).click();
    await ada.page.getByRole("alert").filter({ hasText: "Say what you applied from the last session." }).waitFor();
    await ada.page.getByLabel("Learning applied").fill("Ran a tuning protocol on our parents' evening plan.");
    await ada.page
      .getByLabel("Insight captured")
      .fill("Cool feedback from a peer landed better than from my own team.");
    await ada.page.getByLabel("Shared with", { exact: true }).selectOption({ label: "Ben Member" });
    await ada.page.getByRole("button", { name: "Save my log" }).click();
    await ada.page.getByText("Saved, and Ben Member has been notified.").waitFor();
    await ada.page.getByRole("list", { name: "Your logs" }).getByText("Cool feedback from a peer").waitFor();
    await checkAxe("leader, practice", ada.page);

    await ben.page.goto(`${app.url}/dashboard`);
    await waitForHydration(ben.page);
    const link = ben.page.getByRole("link", { name: "Notifications 1 unread" });
    await link.click();
    await ben.page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    await waitForHydration(ben.page);
    await checkAxe("peer, notifications", ben.page);
    await ben.page.getByRole("link", { name: "Ada Member shared an insight with you" }).click();
    await ben.page.waitForURL(/\/practice#log-/);
    await ben.page
      .getByRole("list", { name: "Logs shared with you" })
      .getByText("Cool feedback from a peer landed better")
      .waitFor();
    await checkAxe("peer, practice", ben.page);
    await ben.page.screenshot({ path: "/tmp/practice-peer.png", fullPage: true });

    await ben.page.goto(`${app.url}/notifications`);
    await waitForHydration(ben.page);
    await ben.page.getByRole("button", { name: "Mark as read" }).click();
    await ben.page.getByRole("link", { name: "Notifications", exact: true }).waitFor();
    await ben.page.getByText("You are up to date.").waitFor();
    for (const p of [ada, ben]) expectNoBrowserErrors(p, [400]);
  });

  it("no page of the flow has serious or critical axe violations", async () => {
    await fay.page.goto(practiceUrl);
    await waitForHydration(fay.page);
    await fay.page.getByText("1 of 2 leaders have logged their practice.").waitFor();
    await checkAxe("facilitator, practice", fay.page);
    expect(axeFindings, `axe found serious or critical problems:\n\n${axeFindings.join("\n\n")}\n`).toEqual([]);
    expectNoBrowserErrors(fay);
  });
});
