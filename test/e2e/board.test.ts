import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { getBoardSettings, listClusters, listNotes } from "../../collab/documents/root-cause-board";
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

const SHOTS = process.env.BOARD_SCREENSHOTS; // a folder: also save the screenshots for docs/screenshots

const waitForStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="save-status"][data-status="${status}"]`).waitFor();
/** A place's list of notes (a category's loose notes, or a group), found by its heading as a person would. */
const column = (page: Page, name: string) => page.getByRole("list", { name: new RegExp(`^${name}`) });
/** The sticky note with this text, wherever it is. */
const note = (scope: Page | Locator, text: string) => scope.getByRole("listitem").filter({ hasText: text });
const handle = (page: Page, text: string) => note(page, text).getByRole("button", { name: /^Drag note/ });
/** dnd-kit's live region: what a screen reader hears during a drag. */
const announcer = (page: Page) => page.locator('[id^="DndLiveRegion"]');

/** Drags a note by its handle with the mouse and drops it on the middle of `target`. */
async function dragByPointer(page: Page, text: string, target: Locator) {
  const from = (await handle(page, text).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  // Let the library measure the drop areas once the drag has started (one animation frame or two).
  await page.waitForTimeout(100);
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 40), { steps: 20 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + Math.min(to.height / 2, 40) + 2, { steps: 2 });
  await page.waitForTimeout(100);
  await page.mouse.up();
}

/**
 * Picks a note up from the keyboard (Space on its handle), then for each step presses its key until
 * the announcement says the note is over the step's place, then drops it with Space. Returns what
 * was announced on the way.
 */
async function dragByKeyboard(page: Page, text: string, steps: Array<[key: string, place: RegExp]>) {
  const said: string[] = [];
  const heard = async () => said.push((await announcer(page).textContent()) ?? "");
  await handle(page, text).focus();
  await page.keyboard.press("Space");
  await announcer(page)
    .filter({ hasText: /^Picked up note/ })
    .waitFor();
  await heard();
  for (const [key, place] of steps) {
    for (let i = 0; i < 8 && !place.test(said.at(-1)!); i++) {
      await page.keyboard.press(key);
      await page.waitForTimeout(150);
      await heard();
    }
    expect(said.at(-1), `announcements: ${said.join(" / ")}`).toMatch(place);
  }
  await page.keyboard.press("Space");
  await announcer(page)
    .filter({ hasText: /^Dropped note/ })
    .waitFor();
  return said;
}

describeBrowser("the root-cause board, used together in separate browsers", () => {
  let app: RunningCommons;
  let a: Person;
  let b: Person;
  let fac: Person;
  let sip: Person;
  let docName: string;

  /** From the dashboard to the board, by the links a person would click. */
  const open = async (person: Person) => {
    const { page } = person;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("link", { name: "Riverside", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Riverside: home" }).waitFor();
    await page.getByRole("navigation", { name: "Inquiry steps" }).getByRole("link", { name: "4. Root causes" }).click();
    await page.getByRole("heading", { level: 1, name: "Riverside: root causes" }).waitFor();
    await waitForHydration(page);
  };
  const saved = async () => {
    const doc = new Y.Doc();
    await createDatabaseStore(app.services.db).load(docName, doc);
    return doc;
  };
  const addNote = async (page: Page, text: string) => {
    await page.getByLabel("A possible cause").fill(text);
    await page.getByRole("button", { name: "Add note" }).click();
    await note(page, text).waitFor();
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { community, people } = await makeCommunityWithPeople(db);
    const { ada, ben, fay, sam } = people;
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
    expect(await a.page.getByRole("heading", { name: "Facilitator controls" }).count()).toBe(0);
    await fac.page.getByRole("heading", { name: "Facilitator controls" }).waitFor();

    await a.page.getByRole("button", { name: "Add note" }).click();
    await a.page.getByRole("alert").filter({ hasText: "A note needs some text." }).waitFor();
    await addNote(a.page, "No shared calendar for family meetings");
    expect(await a.page.getByRole("alert").count()).toBe(0);
    await expect(a.page.getByLabel("A possible cause").inputValue()).resolves.toBe("");
    await note(column(b.page, "Not yet sorted"), "No shared calendar").filter({ hasText: "by Ada Member" }).waitFor();
    await note(column(a.page, "Not yet sorted"), "No shared calendar").filter({ hasText: "by you" }).waitFor();

    await waitForStatus(a.page, "saved");
    expect(listNotes(await saved()).map((n) => [n.text, n.authorName, n.category])).toEqual([
      ["No shared calendar for family meetings", "Ada Member", "unsorted"],
    ]);
    for (const p of [a, b, fac]) expectNoBrowserErrors(p);
  });

  it("drags a note between categories with the mouse, and the other leader sees it move", async () => {
    await dragByPointer(b.page, "No shared calendar", column(b.page, "Knowledge").locator(".."));
    await note(column(b.page, "Knowledge"), "No shared calendar").waitFor();
    await note(column(a.page, "Knowledge"), "No shared calendar").waitFor();
    expect(await note(column(a.page, "Not yet sorted"), "No shared calendar").count()).toBe(0);
    await waitForStatus(b.page, "saved");
    expect(listNotes(await saved())[0].category).toBe("knowledge");
    for (const p of [a, b]) expectNoBrowserErrors(p);
  });

  it("drags a note between categories from the keyboard, saying each step in plain words", async () => {
    const said = await dragByKeyboard(a.page, "No shared calendar", [["ArrowRight", /is over Skills/]]);
    expect(said[0]).toMatch(
      /^Picked up note 'No shared calendar for family meetings' from Knowledge, position 1 of 1\.$/,
    );
    await note(column(a.page, "Skills"), "No shared calendar").waitFor();
    await note(column(b.page, "Skills"), "No shared calendar").waitFor();
    // The keyboard stays on the moved note's handle.
    expect(await a.page.evaluate(() => document.activeElement?.id)).toMatch(/^handle-/);
    for (const p of [a, b]) expectNoBrowserErrors(p);
  });

  it("moves a note with the 'Move to…' menu, the non-drag way, and the keyboard stays on it", async () => {
    const select = note(b.page, "No shared calendar").getByLabel("Move to…");
    await select.focus();
    // The note's controls appear when the keyboard is inside the note.
    await expect
      .poll(() =>
        note(b.page, "No shared calendar")
          .getByTestId("note-controls")
          .evaluate((el) => getComputedStyle(el).opacity),
      )
      .toBe("1");
    await select.selectOption({ label: "Systems and policies" });
    await note(column(a.page, "Systems and policies"), "No shared calendar").waitFor();
    expect(await b.page.evaluate(() => document.activeElement?.id)).toMatch(/^move-/);
    for (const p of [a, b]) expectNoBrowserErrors(p);
  });

  it("groups notes in a named cluster by mouse and by keyboard, counts them, and folds the group away", async () => {
    await addNote(a.page, "Attendance data arrives a term late");
    await addNote(a.page, "Staff unsure how to read the data");
    await a.page.getByRole("button", { name: "New group in Knowledge" }).click();
    await a.page.getByLabel("Name of a new group in Knowledge").fill("Data");
    await a.page.getByRole("button", { name: "Add group" }).click();
    const group = (page: Page) => page.getByRole("region", { name: /^Data/ });
    await group(b.page).getByTestId("group-count").filter({ hasText: "0 notes" }).waitFor();

    await dragByPointer(a.page, "Attendance data arrives", group(a.page).getByRole("list").locator(".."));
    await group(b.page).getByTestId("group-count").filter({ hasText: "1 note" }).waitFor();
    await note(group(b.page), "Attendance data arrives").waitFor();

    // By keyboard, into the group: right from "not yet sorted" to Knowledge, then up into its group.
    await dragByKeyboard(b.page, "Staff unsure", [
      ["ArrowRight", /is over (Knowledge|the group 'Data' in Knowledge)/],
      ["ArrowUp", /is over the group 'Data' in Knowledge/],
    ]);
    await group(a.page).getByTestId("group-count").filter({ hasText: "2 notes" }).waitFor();
    await note(group(a.page), "Staff unsure").waitFor();

    // Folding is each person's own: Ben still sees the notes.
    await group(a.page).getByRole("button", { name: /^Data/ }).click();
    await expect(group(a.page).getByRole("button", { name: /^Data/ }).getAttribute("aria-expanded")).resolves.toBe(
      "false",
    );
    expect(await note(group(a.page), "Staff unsure").count()).toBe(0);
    await group(a.page).getByText("2 notes folded away").waitFor();
    expect(await note(group(b.page), "Staff unsure").count()).toBe(1);
    await group(a.page).getByRole("button", { name: /^Data/ }).click();

    await waitForStatus(b.page, "saved");
    const doc = await saved();
    const [cluster] = listClusters(doc);
    expect(cluster).toMatchObject({ name: "Data", category: "knowledge" });
    expect(
      listNotes(doc)
        .filter((n) => n.clusterId === cluster.id)
        .map((n) => n.text)
        .sort(),
    ).toEqual(["Attendance data arrives a term late", "Staff unsure how to read the data"]);
    for (const p of [a, b]) expectNoBrowserErrors(p);
  });

  it("passes axe while a note is being dragged from the keyboard", async () => {
    await handle(a.page, "Staff unsure").focus();
    await a.page.keyboard.press("Space");
    await announcer(a.page)
      .filter({ hasText: /^Picked up note/ })
      .waitFor();
    await a.page.keyboard.press("ArrowDown");
    const found = await seriousAxeViolations(a.page);
    await a.page.keyboard.press("Escape");
    await announcer(a.page)
      .filter({ hasText: /^Put note 'Staff unsure/ })
      .waitFor();
    expect(found, `axe during a drag:\n${found.join("\n")}`).toEqual([]);
    await note(column(a.page, "Data"), "Staff unsure").waitFor();
  });

  it("runs a hidden voting round on the notes and shows the dots once revealed", async () => {
    await fac.page.getByLabel("Dots per person").fill("2");
    await fac.page.getByRole("button", { name: "Start a voting round" }).click();
    await a.page.getByTestId("round-status").filter({ hasText: "you have 2 of 2 dots left" }).waitFor();
    await note(a.page, "No shared calendar").getByRole("button", { name: "Place a dot" }).click();
    await note(a.page, "No shared calendar").getByRole("button", { name: "Place a dot" }).click();
    await note(b.page, "Staff unsure").getByRole("button", { name: "Place a dot" }).click();
    await fac.page.getByTestId("round-status").filter({ hasText: "2 people have voted" }).waitFor();
    // Hidden until revealed: no note shows a count.
    expect(await b.page.getByTestId("note-dots").count()).toBe(0);
    await fac.page.getByRole("button", { name: "Reveal results" }).click();
    await note(b.page, "No shared calendar").getByTestId("note-dots").filter({ hasText: "2 dots" }).waitFor();
    await note(a.page, "Staff unsure").getByTestId("note-dots").filter({ hasText: "1 dot" }).waitFor();
    for (const p of [a, b, fac]) expectNoBrowserErrors(p);
  });

  it("a locked board stops the leaders, and a timer counts down for everyone", async () => {
    await fac.page.getByRole("button", { name: "Lock the board" }).click();
    for (const page of [a.page, b.page]) {
      await page.getByText("The facilitator has locked the board").waitFor();
      await expect(page.getByRole("button", { name: "Add note" }).isDisabled()).resolves.toBe(true);
      expect(await page.getByRole("button", { name: /^Drag note/ }).count()).toBe(0);
      expect(await page.getByLabel("Move to…").count()).toBe(0);
      expect(await page.getByRole("button", { name: /^New group/ }).count()).toBe(0);
    }
    // The facilitator may still tidy a locked board.
    expect(await fac.page.getByRole("button", { name: /^Drag note/ }).count()).toBe(3);

    await fac.page.getByLabel("Timer (minutes)").fill("1");
    await fac.page.getByRole("button", { name: "Start timer" }).click();
    for (const page of [a.page, b.page]) {
      const countdown = page.getByRole("timer");
      await countdown.filter({ hasText: /^(1:00|0:5\d) left$/ }).waitFor();
      const first = await countdown.textContent();
      await page.waitForTimeout(1_200);
      expect(await countdown.textContent(), "the countdown ticks").not.toBe(first);
    }
    await fac.page.getByRole("button", { name: "Stop timer" }).click();
    await a.page.getByRole("timer").waitFor({ state: "detached" });
    await fac.page.getByRole("button", { name: "Unlock the board" }).click();
    await expect(a.page.getByRole("button", { name: "Add note" }).isEnabled()).resolves.toBe(true);
    for (const p of [a, b, fac]) expectNoBrowserErrors(p);
  });

  it("the author edits their own note and the facilitator may delete any note", async () => {
    expect(await note(b.page, "No shared calendar").getByRole("button", { name: "Edit note" }).count()).toBe(0);
    expect(await note(b.page, "No shared calendar").getByRole("button", { name: "Delete note" }).count()).toBe(0);
    await note(a.page, "No shared calendar").getByRole("button", { name: "Edit note" }).click();
    const field = a.page.getByLabel("Note text");
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await field.fill("No shared calendar for family meetings or events");
    await a.page.getByRole("button", { name: "Save" }).click();
    await note(b.page, "or events").waitFor();
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Edit note");

    await addNote(b.page, "A note to remove");
    await note(fac.page, "A note to remove").getByRole("button", { name: "Delete note" }).click();
    await note(a.page, "A note to remove").waitFor({ state: "detached" });
    for (const p of [a, b, fac]) expectNoBrowserErrors(p);
  });

  it("a read-only viewer sees the notes and dots but no controls", async () => {
    await open(sip);
    await waitForStatus(sip.page, "read-only");
    await note(column(sip.page, "Systems and policies"), "No shared calendar")
      .getByTestId("note-dots")
      .filter({ hasText: "2 dots" })
      .waitFor();
    expect(
      await sip.page
        .getByRole("button")
        .filter({ hasText: /dot|Add note|Lock|group/ })
        .count(),
    ).toBe(0);
    expect(await sip.page.getByRole("button", { name: /^Drag note/ }).count()).toBe(0);
    expect(await sip.page.getByLabel("Move to…").count()).toBe(0);
    expectNoBrowserErrors(sip);
  });

  it("the facilitator picks the fishbone: the problem is drawn at the head and the notes sit on the bones", async () => {
    expect(await a.page.getByRole("radio", { name: /Fishbone/ }).count()).toBe(0);
    await fac.page.getByLabel("The problem we are exploring").fill("Persistent absence is rising in Year 8");
    await fac.page.getByRole("button", { name: "Save the problem" }).click();
    await fac.page.getByRole("radio", { name: /Fishbone/ }).check();
    for (const page of [a.page, b.page]) {
      await page.getByTestId("fishbone").waitFor();
      await page.getByTestId("fish-head").filter({ hasText: "Persistent absence is rising in Year 8" }).waitFor();
      await page.getByTestId("fish-spine").waitFor();
    }
    // Drawn: the head is to the right of the bones, upper bones above the spine and lower bones below.
    const box = (l: Locator) => l.boundingBox().then((r) => r!);
    const [head, spine, upper, lower] = await Promise.all([
      box(a.page.getByTestId("fish-head")),
      box(a.page.getByTestId("fish-spine")),
      box(a.page.locator('[data-category="systems-policies"]')),
      box(a.page.locator('[data-category="skills"]')),
    ]);
    expect(head.x).toBeGreaterThan(upper.x + upper.width);
    expect(upper.y + upper.height).toBeLessThanOrEqual(spine.y + 1);
    expect(lower.y).toBeGreaterThanOrEqual(spine.y + spine.height - 1);
    await note(a.page.locator('[data-category="systems-policies"]'), "No shared calendar").waitFor();
    // Dragging works on the bones too.
    // (A tall window, so the note and the lower bone are both on screen for the mouse.)
    await b.page.setViewportSize({ width: 1280, height: 1800 });
    await dragByPointer(b.page, "Attendance data arrives", column(b.page, "Dispositions").locator(".."));
    await note(b.page.locator('[data-category="dispositions"]'), "Attendance data arrives").waitFor();
    await b.page.setViewportSize({ width: 1280, height: 900 });
    await note(a.page.locator('[data-category="dispositions"]'), "Attendance data arrives").waitFor();
    await waitForStatus(fac.page, "saved");
    expect(getBoardSettings(await saved())).toMatchObject({
      template: "fishbone",
      problem: "Persistent absence is rising in Year 8",
    });
    for (const p of [a, b, fac]) expectNoBrowserErrors(p);
  });

  it("the 5 whys is a chain: each answer answers 'why?' to the one before", async () => {
    await fac.page.getByRole("radio", { name: /5 whys/ }).check();
    await a.page.getByLabel("Why does the problem happen?").fill("Families miss the first-day call");
    await a.page.getByRole("button", { name: "Add the answer" }).click();
    await b.page.getByLabel("Why does that happen? (why number 2)").fill("Calls are made at 9am");
    await b.page.getByRole("button", { name: "Add the answer" }).click();
    const chain = (page: Page) =>
      page.getByRole("list", { name: "The chain of whys" }).getByTestId("why-link").allInnerTexts();
    await expect
      .poll(async () =>
        (await chain(a.page)).map((t) =>
          t
            .split("\n")
            .filter((line) => line.trim())
            .slice(0, 2)
            .join(" "),
        ),
      )
      .toEqual(["Why? (1) Families miss the first-day call", "Why? (2) Calls are made at 9am"]);
    await fac.page.getByRole("radio", { name: /Four categories/ }).check();
    await a.page.getByRole("heading", { level: 2, name: /^Dispositions/ }).waitFor();
    for (const p of [a, b, fac]) expectNoBrowserErrors(p);
  });

  it("the leader, facilitator and read-only views pass axe, and the board stacks on a phone", async () => {
    const found: string[] = [];
    for (const [label, p] of [
      ["leader", a],
      ["facilitator", fac],
      ["read-only", sip],
    ] as const) {
      for (const v of await seriousAxeViolations(p.page)) found.push(`${label}: ${v}`);
    }
    await a.page.setViewportSize({ width: 390, height: 844 });
    const [first, second] = await Promise.all(
      ["Not yet sorted", "Skills"].map((n) =>
        a.page.getByRole("heading", { level: 2, name: new RegExp(`^${n}`) }).boundingBox(),
      ),
    );
    expect(second!.y).toBeGreaterThan(first!.y);
    expect(second!.x).toBeCloseTo(first!.x, 0);
    const wide = await a.page.evaluate(() =>
      // (Text kept for screen readers only is clipped to nothing, wherever its box is.)
      [...document.querySelectorAll("main *")]
        .filter((e) => !e.closest(".sr-only") && e.getBoundingClientRect().right > 391)
        .slice(0, 5)
        .map((e) => `${e.tagName}.${String(e.className).slice(0, 60)}`),
    );
    expect(wide, "nothing is wider than a phone").toEqual([]);
    for (const v of await seriousAxeViolations(a.page)) found.push(`leader (narrow): ${v}`);
    expect(found, `axe found serious or critical problems:\n\n${found.join("\n\n")}\n`).toEqual([]);
    for (const p of [a, b, fac, sip]) expectNoBrowserErrors(p);
  });

  // A fuller board, as docs/screenshots shows it; BOARD_SCREENSHOTS=<folder> also saves the pictures.
  it("a dozen notes, a group, a three-person round revealed, then the same board as a fishbone", async () => {
    const shot = (name: string) =>
      a.page.screenshot({ path: SHOTS ? `${SHOTS}/${name}.png` : undefined, fullPage: true });
    await a.page.setViewportSize({ width: 1280, height: 900 });
    const more: Array<[string, string]> = [
      ["Attendance policy last reviewed in 2019", "Systems and policies"],
      ["First-day calls depend on one office manager", "Systems and policies"],
      ["Tutors do not see the weekly absence list", "Systems and policies"],
      ["Few staff know the thresholds for persistent absence", "Knowledge"],
      ["Tutors unsure how to start a conversation about absence", "Skills"],
      ["Some families feel school is not for them", "Dispositions"],
      ["Staff see absence as the office's job", "Dispositions"],
    ];
    for (const [text] of more) await addNote(a.page, text);
    await a.page.getByRole("button", { name: "New group in Systems and policies" }).click();
    await a.page.getByLabel("Name of a new group in Systems and policies").fill("Who makes the calls");
    await a.page.getByRole("button", { name: "Add group" }).click();
    await a.page.getByRole("region", { name: /^Who makes the calls/ }).waitFor();
    const grouped = ["First-day calls depend", "Tutors do not see"];
    for (const [text, place] of more) {
      const label = grouped.some((g) => text.startsWith(g)) ? `${place}: Who makes the calls` : place;
      await note(a.page, text).getByLabel("Move to…").selectOption({ label });
    }
    await fac.page.getByLabel("Dots per person").fill("3");
    await fac.page.getByRole("button", { name: "Start a voting round" }).click();
    for (const [p, texts] of [
      [a, ["First-day calls depend", "First-day calls depend", "Staff see absence"]],
      [b, ["First-day calls depend", "Few staff know", "Staff unsure"]],
      [fac, ["Tutors do not see", "Staff see absence"]],
    ] as const) {
      for (const text of texts) await note(p.page, text).getByRole("button", { name: "Place a dot" }).click();
    }
    await fac.page.getByRole("button", { name: "Reveal results" }).click();
    await note(a.page, "First-day calls depend").getByTestId("note-dots").filter({ hasText: "3 dots" }).waitFor();
    await a.page.mouse.move(0, 0);
    await waitForStatus(a.page, "saved");
    await a.page.waitForTimeout(500); // the hovered note's menu fades out
    await shot("board");
    await a.page.setViewportSize({ width: 390, height: 844 });
    await shot("board-390");
    await fac.page.getByRole("radio", { name: /Fishbone/ }).check();
    await a.page.getByTestId("fishbone").waitFor();
    await a.page.waitForTimeout(300);
    await shot("board-fishbone-390");
    await a.page.setViewportSize({ width: 1280, height: 900 });
    await shot("board-fishbone");
    for (const p of [a, b, fac]) expectNoBrowserErrors(p);
  });
});
