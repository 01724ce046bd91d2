import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { chosenQuestion, listQuestions } from "../../collab/documents/hmw";
import { listRounds } from "../../collab/documents/voting-rounds";
import { addNote, initBoard } from "../../collab/documents/root-cause-board";
import { createDatabaseStore } from "../../collab/store";
import { appendDocumentUpdate } from "../../db/queries/collab";
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

const FIRST = "How might we give families a real say in how PTA funds are spent?";
const SECOND = "How might we put PTA funds where students need them most?";
const NOTE_FUNDS = "PTA funds follow the loudest parents";
const NOTE_DATA = "We do not look at who benefits";

/** From wherever the person is to the community's "How might we…" step, by clicking links. */
async function openQuestions(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await page.getByRole("link", { name: "Riverside", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Riverside: home" }).waitFor();
  await page
    .getByRole("navigation", { name: "Inquiry steps" })
    .getByRole("link", { name: /How might we/ })
    .click();
}

const waitForStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="save-status"][data-status="${status}"]`).waitFor();
const question = (page: Page, text: string) => page.locator("[data-question-id]").filter({ hasText: text });
const chosenBanner = (page: Page, text: string) =>
  page.getByTestId("chosen-question").filter({ has: page.getByTestId("chosen-text").getByText(text, { exact: true }) });
const myDots = (page: Page, text: string) => question(page, text).getByTestId("my-dots");
const reaction = (page: Page, text: string, name: string) =>
  // A reaction's name is its label then its count ("Agree, 2").
  question(page, text).getByRole("button", { name: new RegExp(`^${name}, \\d+$`) });

async function draft(page: Page, text: string, sources: string[] = []) {
  await page.getByLabel("Your question").fill(text);
  for (const s of sources) await page.getByRole("checkbox", { name: s }).check();
  await page.getByRole("button", { name: "Add question" }).click();
}

/** Fails with the page's label when axe finds serious or critical problems. */
async function checkAxe(label: string, page: Page) {
  const found = await seriousAxeViolations(page);
  expect(found, `axe (${label}):\n\n${found.join("\n\n")}\n`).toEqual([]);
}

describeBrowser("the How might we… page, shared by a community", () => {
  let app: RunningCommons;
  let a: Person;
  let b: Person;
  let fac: Person;
  let sip: Person;
  let url: string;
  let hmwDoc: string;

  const open = async (person: Person) => {
    await openQuestions(person.page);
    await person.page.waitForURL(url);
    await waitForHydration(person.page);
    await person.page.getByRole("heading", { level: 1, name: "Riverside: how might we…" }).waitFor();
    await person.page.getByRole("heading", { level: 2, name: "Our questions" }).waitFor();
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { community, people } = await makeCommunityWithPeople(db);
    const { ada, ben, fay, sam } = people;
    // The board's notes, written straight into the database before anyone opens the page.
    const board = new Y.Doc();
    initBoard(board);
    addNote(board, { text: NOTE_FUNDS, authorId: ada.id, authorName: ada.name, category: "systems-policies" });
    addNote(board, { text: NOTE_DATA, authorId: ben.id, authorName: ben.name, category: "knowledge" });
    await appendDocumentUpdate(db, documentName("root-cause-board", community.id), Y.encodeStateAsUpdate(board));
    url = `${app.url}/communities/${community.id}/questions`;
    hmwDoc = documentName("hmw", community.id);
    [a, b, fac, sip] = await newPeople(app.url, [ada.email, ben.email, fay.email, sam.email]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), fac?.close(), sip?.close()]);
    await app?.close();
  });

  it("a question drafted from a board note reaches the other member live, with the note's text", async () => {
    await Promise.all([open(a), open(b)]);
    await waitForStatus(a.page, "saved");
    // The board's notes are offered as sources, grouped by category.
    const sources = a.page.getByRole("group", { name: /Which root causes/ });
    await sources.getByText("Systems and policies").waitFor();
    await sources.getByText("Knowledge").waitFor();
    await expect(a.page.getByLabel("Your question").inputValue()).resolves.toBe("How might we ");

    // A prompt chip puts its stem in the box, caret after it, and shows its hint.
    const box = a.page.getByLabel("Your question");
    await a.page.getByRole("button", { name: "Remove the bad" }).click();
    await a.page.getByText("Prompt: How might we take away what gets in the way?").waitFor();
    await expect(box.inputValue()).resolves.toBe("How might we take away ");
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await a.page.keyboard.type("the guesswork");
    // Another chip on an untouched stem swaps it; on the person's own words it goes in at the caret.
    await expect(box.inputValue()).resolves.toBe("How might we take away the guesswork");
    await box.fill("How might we ");
    await a.page.getByRole("button", { name: "Break the point of view into pieces" }).click();
    await expect(box.inputValue()).resolves.toBe("How might we first ");
    expect(
      await a.page
        .getByRole("list", { name: /prompt/ })
        .getByRole("button")
        .count(),
    ).toBe(9);
    // A too-short question is refused in words.
    await draft(a.page, "Short");
    await a.page.getByRole("alert").filter({ hasText: "Write the whole question (at least 10 characters)." }).waitFor();

    await draft(a.page, FIRST, [NOTE_FUNDS]);
    await a.page.getByText("Question added.").waitFor();
    await expect(a.page.getByLabel("Your question").inputValue()).resolves.toBe("How might we ");
    const onB = question(b.page, FIRST);
    await onB.getByText(NOTE_FUNDS).waitFor();
    await onB.getByText("By Ada Member").waitFor();
    await onB.getByText("Draft", { exact: true }).waitFor();
    expect(await onB.getByText(NOTE_DATA).count()).toBe(0);
    expectNoBrowserErrors(a);
    expectNoBrowserErrors(b);
  });

  it("reactions show for everyone; each person toggles only their own", async () => {
    const agreeB = reaction(b.page, FIRST, "Agree");
    await expect(agreeB.getAttribute("aria-pressed")).resolves.toBe("false");
    await agreeB.click();
    await expect(agreeB.getAttribute("aria-pressed")).resolves.toBe("true");
    const agreeA = reaction(a.page, FIRST, "Agree");
    await agreeA.getByText("1", { exact: true }).waitFor();
    // A's own toggle is unaffected by B's reaction.
    await expect(agreeA.getAttribute("aria-pressed")).resolves.toBe("false");
    await agreeA.click();
    await reaction(b.page, FIRST, "Agree").getByText("2", { exact: true }).waitFor();
    await reaction(a.page, FIRST, "Sparks an idea").click();
    await reaction(b.page, FIRST, "Sparks an idea").getByText("1", { exact: true }).waitFor();
    await reaction(a.page, FIRST, "Sparks an idea").click();
    await reaction(b.page, FIRST, "Sparks an idea").getByText("0", { exact: true }).waitFor();
  });

  it("refining rewrites the question for everyone and marks it refined", async () => {
    await question(b.page, FIRST).getByRole("button", { name: "Refine" }).click();
    const box = b.page.getByLabel("Refine the question");
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await box.fill("Too short");
    await b.page.getByRole("button", { name: "Save wording" }).click();
    await b.page.getByRole("alert").filter({ hasText: "at least 10 characters" }).waitFor();
    await box.fill(`${FIRST} Together.`);
    await b.page.getByRole("button", { name: "Save wording" }).click();
    const onA = question(a.page, `${FIRST} Together.`);
    await onA.getByText("Refined", { exact: true }).waitFor();
    await onA.getByText(NOTE_FUNDS).waitFor();
    await reaction(a.page, `${FIRST} Together.`, "Agree").getByText("2", { exact: true }).waitFor();
  });

  it("a hidden voting round: each sees only their own dots until the facilitator reveals, then sorted results", async () => {
    const first = `${FIRST} Together.`;
    await draft(a.page, SECOND, [NOTE_DATA]);
    await question(b.page, SECOND).waitFor();
    await open(fac);
    // Only the facilitator is offered a round.
    expect(await a.page.getByRole("button", { name: "Start a voting round" }).count()).toBe(0);
    await fac.page.getByLabel("Dots per person").fill("2");
    await fac.page.getByRole("button", { name: "Start a voting round" }).click();
    for (const page of [a.page, b.page]) {
      await page.getByRole("heading", { name: "Voting round 1" }).waitFor();
      await page.getByTestId("round-status").getByText("you have 2 of 2 dots left", { exact: false }).waitFor();
    }

    // Ada spends both dots on the second question, and cannot place a third.
    await question(a.page, SECOND).getByRole("button", { name: "Place a dot" }).click();
    await question(a.page, SECOND).getByRole("button", { name: "Place a dot" }).click();
    await myDots(a.page, SECOND).getByText("Your dots here: 2").waitFor();
    await expect(
      question(a.page, first).getByRole("button", { name: "Place a dot" }).getAttribute("aria-disabled"),
    ).resolves.toBe("true");

    // Ben sees that one person has voted, but not where: his own dots only, no results.
    await b.page.getByTestId("round-status").getByText("1 person has voted").waitFor();
    await myDots(b.page, SECOND).getByText("Your dots here: 0").waitFor();
    expect(await b.page.getByTestId("round-results").count()).toBe(0);
    expect(
      await question(b.page, SECOND)
        .getByText(/2 dots/)
        .count(),
    ).toBe(0);
    await question(b.page, first).getByRole("button", { name: "Place a dot" }).click();
    await myDots(b.page, first).getByText("Your dots here: 1").waitFor();
    await fac.page.getByTestId("round-status").getByText("2 people have voted").waitFor();
    // Neither sees the other's dot, and no one is offered the reveal but the facilitator.
    await myDots(a.page, first).getByText("Your dots here: 0").waitFor();
    expect(await b.page.getByRole("button", { name: "Reveal results" }).count()).toBe(0);
    await checkAxe("voting round open (member)", b.page);

    await fac.page.getByRole("button", { name: "Reveal results" }).click();
    for (const page of [a.page, b.page, fac.page]) {
      const results = page.getByTestId("round-results");
      await results.getByRole("heading", { name: "Round 1 results" }).waitFor();
      await expect(results.getByTestId("result-rows").locator("li").allInnerTexts()).resolves.toEqual([
        expect.stringContaining(SECOND),
        expect.stringContaining(first),
      ]);
      await results.getByText("2 people voted", { exact: false }).waitFor();
      // The round is over: no dots to place.
      expect(await page.getByRole("button", { name: "Place a dot" }).count()).toBe(0);
    }
    await expect(
      a.page.getByTestId("round-results").getByTestId("result-rows").locator("li").first().innerText(),
    ).resolves.toContain("2 dots");
    // The facilitator may start the next round; the first is kept.
    await fac.page.getByRole("button", { name: "Start a voting round" }).waitFor();
    await checkAxe("voting round revealed (facilitator)", fac.page);
    for (const person of [a, b, fac]) expectNoBrowserErrors(person);
  });

  it("the facilitator chooses the inquiry question; choosing another replaces it; the database agrees", async () => {
    const first = `${FIRST} Together.`;
    // Members may refine but not choose: the facilitator records the group's choice.
    expect(await a.page.getByRole("button", { name: "Choose as our inquiry question" }).count()).toBe(0);
    await question(fac.page, first).getByRole("button", { name: "Choose as our inquiry question" }).click();
    for (const page of [a.page, b.page, fac.page]) await chosenBanner(page, first).waitFor();
    await question(a.page, first).getByText("Chosen", { exact: true }).waitFor();
    // The hero card lists the notes the question came from.
    await a.page.getByTestId("chosen-sources").getByText(NOTE_FUNDS).waitFor();

    // The facilitator chooses the other instead: exactly one is chosen.
    await question(fac.page, SECOND).getByRole("button", { name: "Choose as our inquiry question" }).click();
    for (const page of [a.page, b.page, fac.page]) {
      await chosenBanner(page, SECOND).waitFor();
      await question(page, first).getByText("Refined", { exact: true }).waitFor();
      expect(await page.locator("[data-question-id]").getByText("Chosen", { exact: true }).count()).toBe(1);
      expect(await page.getByTestId("chosen-question").count()).toBe(1);
    }
    await question(a.page, SECOND).getByText(NOTE_DATA).waitFor();
    await a.page.getByTestId("chosen-sources").getByText(NOTE_DATA).waitFor();

    for (const page of [a.page, fac.page]) await waitForStatus(page, "saved");
    const stored = new Y.Doc();
    await createDatabaseStore(app.services.db).load(hmwDoc, stored);
    expect(chosenQuestion(stored)?.text).toBe(SECOND);
    expect(listQuestions(stored).filter((q) => q.status === "chosen")).toHaveLength(1);
    expect(listRounds(stored).map((r) => r.revealedAt !== null)).toEqual([true]);
    if (process.env.E2E_SCREENSHOTS) {
      // Scrolled to the top first: a full-page capture draws the sticky status bar where it was left.
      await a.page.evaluate(() => window.scrollTo(0, 0));
      await a.page.screenshot({ path: "/tmp/questions.png", fullPage: true });
    }
    // On a phone the page, results and hero included, fits the width: nothing scrolls sideways.
    await a.page.setViewportSize({ width: 390, height: 844 });
    await expect(a.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    if (process.env.E2E_SCREENSHOTS) await a.page.screenshot({ path: "/tmp/questions-390.png", fullPage: true });
    await a.page.setViewportSize({ width: 1280, height: 900 });
    for (const person of [a, b, fac]) expectNoBrowserErrors(person);
  });

  it("a read-only viewer sees the questions and the choice, with no controls", async () => {
    await open(sip);
    await waitForStatus(sip.page, "read-only");
    await chosenBanner(sip.page, SECOND).waitFor();
    await question(sip.page, SECOND).getByText(NOTE_DATA).waitFor();
    await question(sip.page, `${FIRST} Together.`).getByText("Agree: 2").waitFor();
    await sip.page.getByRole("heading", { name: "Round 1 results" }).waitFor();
    expect(await sip.page.getByLabel("Your question").count()).toBe(0);
    expect(await sip.page.locator("main button").count()).toBe(0);
    expect(await sip.page.locator("main textarea, main input").count()).toBe(0);
    if (process.env.E2E_SCREENSHOTS)
      await sip.page.screenshot({ path: "/tmp/questions-read-only.png", fullPage: true });
    expectNoBrowserErrors(sip);
  });

  it("the member, facilitator and read-only views pass axe, and no browser logged an error", async () => {
    const found: string[] = [];
    for (const [label, page] of [
      ["member", a.page],
      ["facilitator", fac.page],
      ["read-only", sip.page],
    ] as const) {
      for (const v of await seriousAxeViolations(page)) found.push(`${label}: ${v}`);
    }
    expect(found, `axe found serious or critical problems:\n\n${found.join("\n\n")}\n`).toEqual([]);
    for (const person of [a, b, fac, sip]) expectNoBrowserErrors(person);
  });
});
