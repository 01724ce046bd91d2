import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { listNotes } from "../../collab/documents/root-cause-board";
import { createDatabaseStore } from "../../collab/store";
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

const waitForStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="save-status"][data-status="${status}"]`).waitFor();
/** A category's list of notes, found by its heading as a person would. */
const column = (page: Page, name: string) => page.getByRole("list", { name: new RegExp(`^${name}`) });
/** The sticky note with this text, wherever it is. */
const note = (scope: Page | Locator, text: string) => scope.getByRole("listitem").filter({ hasText: text });
const dotsLeft = (page: Page) => page.getByTestId("dots-left");

describeBrowser("the root-cause board, used together in separate browsers", () => {
  let app: RunningCommons;
  let a: Person;
  let b: Person;
  let fac: Person;
  let sip: Person;
  let url: string;
  let docName: string;

  const open = async (person: Person) => {
    await person.page.goto(url);
    await waitForHydration(person.page);
    await person.page.getByRole("heading", { level: 1, name: "Riverside: root causes" }).waitFor();
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { community, people } = await makeCommunityWithPeople(db);
    const { ada, ben, fay, sam } = people;
    url = `${app.url}/communities/${community.id}/board`;
    docName = documentName("root-cause-board", community.id);
    [a, b, fac, sip] = await newPeople(app.url, [ada.email, ben.email, fay.email, sam.email]);
    await Promise.all([open(a), open(b), open(fac)]);
    for (const p of [a, b, fac]) await waitForStatus(p.page, "saved");
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), fac?.close(), sip?.close()]);
    await app?.close();
  });

  it("shows five columns, refuses an empty note in words, and a new note reaches the other leader and the database", async () => {
    for (const name of ["Not yet sorted", "Systems and policies", "Knowledge", "Skills", "Dispositions"]) {
      await a.page.getByRole("heading", { level: 2, name: new RegExp(`^${name}`) }).waitFor();
    }
    // Facilitator controls are for the facilitator only.
    expect(await a.page.getByRole("heading", { name: "Facilitator controls" }).count()).toBe(0);
    await fac.page.getByRole("heading", { name: "Facilitator controls" }).waitFor();

    await a.page.getByRole("button", { name: "Add note" }).click();
    await a.page.getByRole("alert").filter({ hasText: "A note needs some text." }).waitFor();

    await a.page.getByLabel("A possible cause").fill("No shared calendar for family meetings");
    await a.page.getByRole("button", { name: "Add note" }).click();
    await note(column(a.page, "Not yet sorted"), "No shared calendar").waitFor();
    expect(await a.page.getByRole("alert").count()).toBe(0);
    await expect(a.page.getByLabel("A possible cause").inputValue()).resolves.toBe("");
    await note(column(b.page, "Not yet sorted"), "No shared calendar").filter({ hasText: "by Ada Member" }).waitFor();

    await waitForStatus(a.page, "saved");
    const doc = new Y.Doc();
    await createDatabaseStore(app.services.db).load(docName, doc);
    expect(listNotes(doc).map((n) => [n.text, n.authorName, n.category])).toEqual([
      ["No shared calendar for family meetings", "Ada Member", "unsorted"],
    ]);
    for (const p of [a, b, fac]) expectNoBrowserErrors(p);
  });

  it("moves a note with the keyboard, and the other leader sees it move", async () => {
    const select = note(b.page, "No shared calendar").getByLabel("Move to…");
    await select.focus();
    await select.selectOption({ label: "Skills" });
    await note(column(b.page, "Skills"), "No shared calendar").waitFor();
    await note(column(a.page, "Skills"), "No shared calendar").waitFor();
    expect(await note(column(a.page, "Not yet sorted"), "No shared calendar").count()).toBe(0);
    // The keyboard stays on the moved note's control.
    expect(await b.page.evaluate(() => document.activeElement?.getAttribute("id"))).toMatch(/^move-/);

    await waitForStatus(b.page, "saved");
    const doc = new Y.Doc();
    await createDatabaseStore(app.services.db).load(docName, doc);
    expect(listNotes(doc)[0].category).toBe("skills");
    for (const p of [a, b]) expectNoBrowserErrors(p);
  });

  it("counts dots live and keeps each leader within the budget", async () => {
    await a.page.getByLabel("A possible cause").fill("Policies written without families");
    await a.page.getByRole("button", { name: "Add note" }).click();
    await note(b.page, "Policies written without families").waitFor();
    const calendarA = note(a.page, "No shared calendar");
    const calendarB = note(b.page, "No shared calendar");

    await fac.page.getByLabel("Dots per person").fill("2");
    await fac.page.getByRole("button", { name: "Set dots" }).click();
    await dotsLeft(a.page).filter({ hasText: "You have 2 of 2 dots left" }).waitFor();
    await dotsLeft(b.page).filter({ hasText: "You have 2 of 2 dots left" }).waitFor();

    await calendarA.getByRole("button", { name: "Add a dot" }).click();
    await calendarB.getByTestId("note-dots").filter({ hasText: "1 dot" }).waitFor();
    await calendarB.getByRole("button", { name: "Add a dot" }).click();
    await calendarA.getByTestId("note-dots").filter({ hasText: "2 dots" }).waitFor();
    await calendarA.getByRole("button", { name: "Add a dot" }).click();
    await calendarB.getByTestId("note-dots").filter({ hasText: "3 dots" }).waitFor();

    // A has spent both dots: every "Add a dot" is disabled for A, not for B.
    await dotsLeft(a.page).filter({ hasText: "You have 0 of 2 dots left" }).waitFor();
    const addButtons = await a.page.getByRole("button", { name: "Add a dot" }).all();
    expect(addButtons).toHaveLength(2);
    for (const button of addButtons) await expect(button.isDisabled()).resolves.toBe(true);
    await expect(
      note(b.page, "Policies written").getByRole("button", { name: "Add a dot" }).isDisabled(),
    ).resolves.toBe(false);

    // Taking a dot back frees one.
    await calendarA.getByRole("button", { name: "Remove a dot" }).click();
    await dotsLeft(a.page).filter({ hasText: "You have 1 of 2 dots left" }).waitFor();
    await calendarB.getByTestId("note-dots").filter({ hasText: "2 dots" }).waitFor();
    for (const p of [a, b, fac]) expectNoBrowserErrors(p);
  });

  it("a locked board disables the leaders' controls, and a timer counts down for everyone", async () => {
    await fac.page.getByRole("button", { name: "Lock the board" }).click();
    for (const page of [a.page, b.page]) {
      await page.getByText("The facilitator has locked the board").waitFor();
      await expect(page.getByRole("button", { name: "Add note" }).isDisabled()).resolves.toBe(true);
      await expect(page.getByLabel("A possible cause").isDisabled()).resolves.toBe(true);
      const controls = [
        ...(await page.getByLabel("Move to…").all()),
        ...(await page.getByRole("button", { name: /^(Add a dot|Remove a dot|Move up|Move down|Edit)$/ }).all()),
      ];
      expect(controls.length).toBeGreaterThanOrEqual(2 * 5); // two notes: move, up, down, two dots (and Edit on one's own)
      for (const control of controls) await expect(control.isDisabled()).resolves.toBe(true);
    }

    await fac.page.getByLabel("Timer (minutes)").fill("1");
    await fac.page.getByRole("button", { name: "Start timer" }).click();
    for (const page of [a.page, b.page]) {
      const countdown = page.getByRole("timer");
      await countdown.filter({ hasText: /^(1:00|0:5\d) left$/ }).waitFor();
      const first = await countdown.textContent();
      await page.waitForTimeout(1_200);
      expect(await countdown.textContent(), "the countdown ticks").not.toBe(first);
    }
    await a.page.screenshot({ path: "/tmp/board.png", fullPage: true });
    await fac.page.screenshot({ path: "/tmp/board-facilitator.png", fullPage: true });

    await fac.page.getByRole("button", { name: "Stop timer" }).click();
    await a.page.getByRole("timer").waitFor({ state: "detached" });
    await fac.page.getByRole("button", { name: "Unlock the board" }).click();
    await expect(a.page.getByRole("button", { name: "Add note" }).isEnabled()).resolves.toBe(true);
    for (const p of [a, b, fac]) expectNoBrowserErrors(p);
  });

  it("a read-only viewer sees the notes and dots but no controls", async () => {
    await open(sip);
    await waitForStatus(sip.page, "read-only");
    await note(column(sip.page, "Skills"), "No shared calendar")
      .getByTestId("note-dots")
      .filter({ hasText: "2 dots" })
      .waitFor();
    expect(
      await sip.page
        .getByRole("button")
        .filter({ hasText: /dot|Move|Add note|Lock/ })
        .count(),
    ).toBe(0);
    expect(await sip.page.getByLabel("Move to…").count()).toBe(0);
    expectNoBrowserErrors(sip);
  });

  it("the author edits their own note, notes reorder by keyboard, and the facilitator may delete any note", async () => {
    // Only the author is offered Edit.
    expect(await note(b.page, "No shared calendar").getByRole("button", { name: "Edit" }).count()).toBe(0);
    expect(await note(b.page, "No shared calendar").getByRole("button", { name: "Delete" }).count()).toBe(0);
    await note(a.page, "No shared calendar").getByRole("button", { name: "Edit" }).click();
    const field = a.page.getByLabel("Note text");
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await field.fill("No shared calendar for family meetings or events");
    await a.page.getByRole("button", { name: "Save" }).click();
    await note(b.page, "or events").waitFor();
    expect(await a.page.evaluate(() => document.activeElement?.textContent)).toBe("Edit");

    // Into Skills, then up above the other note, all from the keyboard.
    await note(b.page, "Policies written").getByLabel("Move to…").selectOption({ label: "Skills" });
    await note(column(b.page, "Skills"), "Policies written").getByRole("button", { name: "Move up" }).press("Enter");
    const order = (page: Page) =>
      column(page, "Skills").getByRole("listitem").locator("p[id$=-text]").allTextContents();
    await expect
      .poll(() => order(a.page))
      .toEqual(["Policies written without families", "No shared calendar for family meetings or events"]);

    await note(fac.page, "Policies written").getByRole("button", { name: "Delete" }).click();
    await note(a.page, "Policies written").waitFor({ state: "detached" });
    await waitForStatus(fac.page, "saved");
    const doc = new Y.Doc();
    await createDatabaseStore(app.services.db).load(docName, doc);
    expect(listNotes(doc).map((n) => [n.text, n.category])).toEqual([
      ["No shared calendar for family meetings or events", "skills"],
    ]);
    for (const p of [a, b, fac]) expectNoBrowserErrors(p);
  });

  it("the leader, facilitator and read-only views pass axe, and no browser logged an error", async () => {
    const found: string[] = [];
    for (const [label, p] of [
      ["leader", a],
      ["facilitator", fac],
      ["read-only", sip],
    ] as const) {
      for (const v of await seriousAxeViolations(p.page)) found.push(`${label}: ${v}`);
    }
    // On a phone the columns stack.
    await a.page.setViewportSize({ width: 390, height: 844 });
    const [first, second] = await Promise.all(["Not yet sorted", "Skills"].map((n) => column(a.page, n).boundingBox()));
    expect(second!.y).toBeGreaterThan(first!.y);
    expect(second!.x).toBeCloseTo(first!.x, 0);
    await a.page.screenshot({ path: "/tmp/board-narrow.png", fullPage: true });
    for (const v of await seriousAxeViolations(a.page)) found.push(`leader (narrow): ${v}`);
    expect(found, `axe found serious or critical problems:\n\n${found.join("\n\n")}\n`).toEqual([]);
    for (const p of [a, b, fac, sip]) expectNoBrowserErrors(p);
  });
});
