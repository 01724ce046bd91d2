import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { documentName } from "../../collab/doc-names";
import { chosenQuestion, listQuestions } from "../../collab/documents/hmw";
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

const waitForStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="save-status"][data-status="${status}"]`).waitFor();
const question = (page: Page, text: string) => page.locator("[data-question-id]").filter({ hasText: text });
const chosenBanner = (page: Page, text: string) =>
  page.getByTestId("chosen-question").filter({ hasText: `Our inquiry question: ${text}` });

async function draft(page: Page, text: string, sources: string[] = []) {
  await page.getByLabel("Your question").fill(text);
  for (const s of sources) await page.getByRole("checkbox", { name: s }).check();
  await page.getByRole("button", { name: "Add question" }).click();
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
    await person.page.goto(url);
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

    // A prompt shows its hint; a too-short question is refused in words.
    await a.page.getByRole("button", { name: "Remove the bad" }).click();
    await a.page.getByText("Prompt: How might we take away what gets in the way?").waitFor();
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

  it("a vote shows for everyone, and can be taken back", async () => {
    const vote = question(b.page, FIRST).getByRole("button", { name: "Vote" });
    await expect(vote.getAttribute("aria-pressed")).resolves.toBe("false");
    await vote.click();
    await question(a.page, FIRST).getByText("1 vote").waitFor();
    const remove = question(b.page, FIRST).getByRole("button", { name: "Remove my vote" });
    await expect(remove.getAttribute("aria-pressed")).resolves.toBe("true");
    // A's own button is unaffected by B's vote.
    await expect(
      question(a.page, FIRST).getByRole("button", { name: "Vote" }).getAttribute("aria-pressed"),
    ).resolves.toBe("false");
    await question(a.page, FIRST).getByRole("button", { name: "Vote" }).click();
    await question(b.page, FIRST).getByText("2 votes").waitFor();
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
    await onA.getByText("2 votes").waitFor();
  });

  it("the facilitator chooses the inquiry question; choosing another replaces it; the database agrees", async () => {
    const first = `${FIRST} Together.`;
    await open(fac);
    await question(fac.page, first).getByRole("button", { name: "Choose as our inquiry question" }).click();
    for (const page of [a.page, b.page, fac.page]) await chosenBanner(page, first).waitFor();
    await question(a.page, first).getByText("Chosen", { exact: true }).waitFor();

    // A member drafts another, and the facilitator chooses it instead: exactly one is chosen.
    await draft(a.page, SECOND, [NOTE_DATA]);
    await question(fac.page, SECOND).getByRole("button", { name: "Choose as our inquiry question" }).click();
    for (const page of [a.page, b.page, fac.page]) {
      await chosenBanner(page, SECOND).waitFor();
      await question(page, first).getByText("Refined", { exact: true }).waitFor();
      expect(await page.locator("[data-question-id]").getByText("Chosen", { exact: true }).count()).toBe(1);
      expect(await page.getByTestId("chosen-question").count()).toBe(1);
    }
    await question(a.page, SECOND).getByText(NOTE_DATA).waitFor();

    for (const page of [a.page, fac.page]) await waitForStatus(page, "saved");
    const stored = new Y.Doc();
    await createDatabaseStore(app.services.db).load(hmwDoc, stored);
    expect(chosenQuestion(stored)?.text).toBe(SECOND);
    expect(listQuestions(stored).filter((q) => q.status === "chosen")).toHaveLength(1);
    expect(listQuestions(stored).find((q) => q.text === first)?.votes).toBe(2);
    if (process.env.E2E_SCREENSHOTS) {
      // Scrolled to the top first: a full-page capture draws the sticky status bar where it was left.
      await a.page.evaluate(() => window.scrollTo(0, 0));
      await a.page.screenshot({ path: "/tmp/questions.png", fullPage: true });
    }
    for (const person of [a, b, fac]) expectNoBrowserErrors(person);
  });

  it("a read-only viewer sees the questions and the choice, with no controls", async () => {
    await open(sip);
    await waitForStatus(sip.page, "read-only");
    await chosenBanner(sip.page, SECOND).waitFor();
    await question(sip.page, SECOND).getByText(NOTE_DATA).waitFor();
    await question(sip.page, `${FIRST} Together.`).getByText("2 votes").waitFor();
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
