/**
 * The year of a cohort end to end, as issue #4's quality bar asks: a facilitator and two school
 * leaders, each in their own Chromium profile, go through one cycle — cohort and session, the
 * trust survey's threshold, a community formed from a suggestion (by keyboard), stories written
 * together, the root-cause board (by keyboard, seen live), a "How might we…" question chosen and
 * shown on the community's home, a playlist item done, practice shared with a peer, and an
 * outcome with its chart. Every page of the flow is checked with axe on the way.
 *
 * The four other leaders of the cohort (needed for five survey answers and for the grouping) act
 * over HTTP with TestClient, the way a browser without scripts would.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inquiryFields } from "../../collab/documents/inquiry";
import { listRounds } from "../../db/queries/trust-survey";
import { schoolYearOf } from "../../app/kernel/school-year";
import { surveyItems } from "../../app/features/surveys/trust-survey";
import type { RunningCommons } from "../../server/start";
import { TestClient } from "../support/app";
import {
  describeBrowser,
  expectNoBrowserErrors,
  newPeople,
  seriousAxeViolations,
  startBrowserApp,
  waitForHydration,
  type Person,
} from "../support/browser";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

const COHORT = "Northfield Leaders";
const COMMUNITY = "Attendance circle";
const SESSION = "Next month: stories";
const NOTE_ADA = "Letters home assume families read English";
const NOTE_BEN = "No one owns the first-day-absence call";
const QUESTION = "How might we make the first-day call a conversation, not a warning?";
const RESOURCE = "Working together to improve school attendance";

const leaders = [
  {
    name: "Ada Leader",
    text: "Persistent absence of our disadvantaged pupils has not moved in two years.",
    tags: "Attendance, Disadvantaged",
  },
  {
    name: "Ben Leader",
    text: "Disadvantaged families miss school; persistent absence rises every winter.",
    tags: "attendance, disadvantaged",
  },
  {
    name: "Cleo Leader",
    text: "Absence of pupils living in temporary housing keeps rising.",
    tags: "attendance, housing",
  },
  {
    name: "Dev Leader",
    text: "Pupils with SEND wait too long for support and exclusions rise.",
    tags: "send, inclusion",
  },
  { name: "Eve Leader", text: "Exclusions of pupils with SEND keep climbing at key stage 3.", tags: "send, inclusion" },
  {
    name: "Flo Leader",
    text: "Parents of pupils with SEND tell us they do not feel included.",
    tags: "send, inclusion",
  },
];

const waitForStatus = (page: Page, status: string) =>
  page.locator(`[data-testid="save-status"][data-status="${status}"]`).waitFor();
const editorOf = (page: Page, field: string) => page.locator(`[data-field="${field}"] .ProseMirror`);
const column = (page: Page, name: string) => page.getByRole("list", { name: new RegExp(`^${name}`) });
const note = (scope: Page | ReturnType<Page["locator"]>, text: string) =>
  scope.getByRole("listitem").filter({ hasText: text });
const question = (page: Page, text: string) => page.locator("[data-question-id]").filter({ hasText: text });
const resource = (page: Page, title: string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });

/** A date-and-time field's value two weeks from now at 16:00 (London time is what the form takes). */
function inTwoWeeks() {
  const d = new Date(Date.now() + 14 * 86_400_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}T16:00`;
}

describeBrowser("a cohort's cycle: a facilitator and two leaders in separate browsers", () => {
  let app: RunningCommons;
  let fac: Person;
  let ada: Person;
  let ben: Person;
  let cohortUrl = "";
  let cohortPath = "";
  let communityUrl = "";
  const users: Array<{ id: string; email: string; name: string }> = [];
  const axeFindings: string[] = [];

  /** axe on the page as it is now: asserted at once, and remembered for the last step. */
  const axe = async (label: string, page: Page) => {
    const found = (await seriousAxeViolations(page)).map((v) => `${label}: ${v}`);
    axeFindings.push(...found);
    expect(found, `axe found serious or critical problems:\n\n${found.join("\n\n")}\n`).toEqual([]);
  };
  const go = async (page: Page, url: string, heading: string | RegExp) => {
    await page.goto(url);
    await waitForHydration(page);
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  };
  /** One of the leaders without a browser, signed in over HTTP. */
  const client = async (i: number) => {
    const c = new TestClient(app.url);
    const res = await c.signIn(users[i].email, TEST_PASSWORD);
    expect(res.status, `${users[i].name} signs in`).toBe(302);
    return c;
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority, schools } = await makeAuthority(db, leaders.length);
    for (const [i, l] of leaders.entries()) {
      const u = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[i].id }], {
        name: l.name,
      });
      users.push({ id: u.id, email: u.email, name: l.name });
    }
    const fay = await makeUser(db, authority.id, [{ role: "facilitator" }], { name: "Fay Facilitator" });
    [fac, ada, ben] = await newPeople(app.url, [fay.email, users[0].email, users[1].email]);
  });
  afterAll(async () => {
    await Promise.all([fac?.close(), ada?.close(), ben?.close()]);
    await app?.close();
  });

  it("the facilitator starts the cohort, adds six leaders and schedules a session, all in the browser", async () => {
    const page = fac.page;
    await page.getByRole("link", { name: "Start a cohort" }).click();
    await page.getByRole("heading", { level: 1, name: "Start a cohort" }).waitFor();
    await waitForHydration(page);
    await axe("new cohort", page);
    await expect(page.getByLabel("School year").inputValue()).resolves.toBe(schoolYearOf(new Date()));
    await page.getByLabel("Name").fill(COHORT);
    await page.getByRole("button", { name: "Start the cohort" }).click();
    await page.waitForURL(/\/cohorts\/[0-9a-f-]+\/members$/);
    cohortUrl = page.url().replace(/\/members$/, "");
    cohortPath = new URL(cohortUrl).pathname;
    await page.getByRole("heading", { level: 1, name: `${COHORT}: members` }).waitFor();
    await waitForHydration(page);
    await axe("members (empty)", page);

    for (const l of leaders) await page.getByRole("checkbox", { name: new RegExp(l.name) }).check();
    await page.getByRole("button", { name: "Add to the cohort" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /^Added (\w+ Leader and ){5}\w+ Leader\.$/ })
      .waitFor();
    const region = page.getByRole("region", { name: "School leaders (6)" });
    for (const l of leaders) await region.getByRole("listitem").filter({ hasText: l.name }).waitFor();
    await axe("members", page);

    await page.getByRole("navigation", { name: "Cohort" }).getByRole("link", { name: "Sessions", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `${COHORT}: sessions` }).waitFor();
    await waitForHydration(page);
    await axe("sessions (empty)", page);
    await page.getByLabel("Title").fill(SESSION);
    await page.getByLabel("Date and time").fill(inTwoWeeks());
    await page.getByLabel("Length (minutes)").fill("120");
    await page.getByLabel("Place or online link").fill("https://meet.example.org/northfield");
    await page.getByLabel("Protocol to add").selectOption("story-circle");
    await page.getByRole("button", { name: "Add to agenda" }).click();
    await page.getByRole("group", { name: "Item 3: Story circle" }).waitFor();
    await page.getByRole("button", { name: "Schedule session" }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]+$/);
    await page.getByRole("heading", { level: 1, name: `${COHORT}: ${SESSION}` }).waitFor();
    await waitForHydration(page);
    await page
      .getByRole("region", { name: /^Agenda/ })
      .getByRole("listitem")
      .filter({ hasText: "Story circle" })
      .waitFor();
    await axe("session", page);

    // The leader sees the cohort and its session.
    await go(ada.page, `${cohortUrl}/sessions`, `${COHORT}: sessions`);
    await ada.page.getByRole("link", { name: SESSION }).waitFor();
    await axe("sessions (leader)", ada.page);
    expectNoBrowserErrors(fac);
    expectNoBrowserErrors(ada);
  });

  it("the survey's results stay hidden with four responses and appear with the fifth", async () => {
    await go(fac.page, `${cohortUrl}/survey`, `${COHORT}: trust survey`);
    await fac.page.getByLabel("Round to open").selectOption({ label: "Start of year" });
    await fac.page.getByRole("button", { name: "Open round" }).click();
    await fac.page.getByRole("status").filter({ hasText: "The start of year round is open." }).waitFor();
    await fac.page.getByTestId("responded-start").filter({ hasText: "0 of 6 leaders have responded" }).waitFor();
    await axe("survey (facilitator)", fac.page);

    // Ada and Ben answer in their browsers.
    for (const [person, label] of [
      [ada, "Agree"],
      [ben, "Strongly agree"],
    ] as const) {
      await go(person.page, `${cohortUrl}/survey`, `${COHORT}: trust survey`);
      for (const [i, item] of surveyItems.entries()) {
        await person.page
          .getByRole("group", { name: `${i + 1}. ${item.text}` })
          .getByRole("radio", { name: label, exact: true })
          .check();
      }
      await person.page.getByRole("button", { name: "Send my answers" }).click();
      await person.page.getByRole("status").filter({ hasText: "your answers are in" }).waitFor();
    }
    await ben.page.getByTestId("waiting-start").filter({ hasText: "waiting for 3 more responses" }).waitFor();
    await axe("survey (leader, answered)", ben.page);

    // Cleo and Dev answer over HTTP: four responses, still hidden for everyone.
    const [round] = await listRounds(app.services.db, new URL(cohortUrl).pathname.split("/")[2], users[0].id);
    const answer = async (i: number, value: string) => {
      const c = await client(i);
      const res = await c.post(`${cohortPath}/survey`, {
        intent: "answer",
        roundId: round.id,
        ...Object.fromEntries(surveyItems.map((s) => [s.id, value])),
      });
      expect(res.status, `${users[i].name}'s answers are accepted`).toBe(200);
    };
    await answer(2, "4");
    await answer(3, "3");
    for (const person of [ben, fac]) {
      await person.page.reload();
      await waitForHydration(person.page);
      await person.page
        .getByTestId("waiting-start")
        .filter({ hasText: "waiting for 1 more response before" })
        .waitFor();
      expect(await person.page.getByRole("figure").count()).toBe(0);
    }
    await fac.page.getByTestId("responded-start").filter({ hasText: "4 of 6 leaders have responded" }).waitFor();

    // Eve's is the fifth: the charts appear, for leaders and the facilitator alike.
    await answer(4, "5");
    for (const person of [ada, fac]) {
      await person.page.reload();
      await waitForHydration(person.page);
      await person.page.getByRole("figure", { name: /How leaders answered, facet by facet/ }).waitFor();
      expect(await person.page.getByTestId("waiting-start").count()).toBe(0);
    }
    await fac.page.getByTestId("responded-start").filter({ hasText: "5 of 6 leaders have responded" }).waitFor();
    await axe("survey results (leader)", ada.page);
    await axe("survey results (facilitator)", fac.page);
    for (const p of [fac, ada, ben]) expectNoBrowserErrors(p);
  });

  it("leaders name their challenges, and the facilitator forms Ada and Ben's community from a suggestion by keyboard", async () => {
    for (const [i, person] of [ada, ben].entries()) {
      const page = person.page;
      await go(page, `${cohortUrl}/communities`, `${COHORT}: communities`);
      await page.getByText("No communities yet").waitFor();
      await page.getByRole("link", { name: "Name my challenge" }).click();
      await page.getByRole("heading", { level: 1, name: `${COHORT}: my equity challenge` }).waitFor();
      await waitForHydration(page);
      await page.getByLabel("My equity challenge").fill(leaders[i].text);
      await page.getByLabel("Tags").fill(leaders[i].tags);
      await page.getByRole("button", { name: "Save my challenge" }).click();
      await page.getByRole("status").filter({ hasText: "Your equity challenge is saved." }).waitFor();
      if (i === 0) await axe("my equity challenge", page);
    }
    for (const i of [2, 3, 4, 5]) {
      const res = await (
        await client(i)
      ).post(`${cohortPath}/challenge`, { text: leaders[i].text, tags: leaders[i].tags });
      expect(res.status, `${leaders[i].name}'s challenge is saved`).toBe(200);
    }

    const page = fac.page;
    await go(page, `${cohortUrl}/communities`, `${COHORT}: communities`);
    const suggestion = page.getByRole("heading", {
      level: 3,
      name: /^Suggestion \d: Ada Leader, Ben Leader, Cleo Leader$/,
    });
    await suggestion.waitFor();
    await page
      .getByRole("heading", { level: 3, name: /^Suggestion \d: Dev Leader, Eve Leader, Flo Leader$/ })
      .waitFor();
    const n = (await suggestion.textContent())!.match(/Suggestion (\d)/)![1];
    await axe("communities (facilitator, suggestions)", page);

    // From the top of the page, Tab to the suggestion's name, type a name, Tab to its button and press Enter.
    await page.locator("body").focus();
    const target = `Name for suggestion ${n}`;
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(
        (label) => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent === label,
        target,
      );
    }
    expect(reached, "the suggestion's name field is reachable by Tab").toBe(true);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(COMMUNITY);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Create this community");
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: `${COMMUNITY} is formed.` })
      .waitFor();
    const formed = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: COMMUNITY }) });
    await formed.getByText("Ada Leader, Ben Leader, Cleo Leader").waitFor();
    await axe("communities (facilitator, formed)", page);

    // Each leader finds it as their community.
    for (const person of [ada, ben]) {
      await go(person.page, `${cohortUrl}/communities`, `${COHORT}: communities`);
      await person.page.getByText("Your community", { exact: true }).waitFor();
      await person.page.getByRole("link", { name: "Open your community" }).click();
      await person.page.getByRole("heading", { level: 1, name: `${COMMUNITY}: home` }).waitFor();
    }
    communityUrl = ada.page.url();
    expect(communityUrl).toMatch(/\/communities\/[0-9a-f-]+$/);
    await waitForHydration(ada.page);
    await ada.page.getByText("No inquiry question yet").waitFor();
    await axe("community home (no question yet)", ada.page);
    await axe("communities (leader)", ben.page);
    for (const p of [fac, ada, ben]) expectNoBrowserErrors(p);
  });

  it("Ada and Ben write their stories together, each seeing the other's words live", async () => {
    const [adaId, benId] = [users[0].id, users[1].id];
    for (const person of [ada, ben]) {
      await go(person.page, `${communityUrl}/inquiry`, `${COMMUNITY}: our inquiry`);
      await waitForStatus(person.page, "saved");
    }
    const here = ben.page.getByRole("list", { name: "People here now" });
    await here.getByRole("listitem").filter({ hasText: "Ada Leader" }).waitFor();

    await editorOf(ada.page, inquiryFields.story(adaId)).click();
    await ada.page.keyboard.type("A family told me our absence letters felt like threats.");
    await editorOf(ben.page, inquiryFields.story(adaId)).filter({ hasText: "felt like threats" }).waitFor();
    await editorOf(ben.page, inquiryFields.story(benId)).click();
    await ben.page.keyboard.type("Our first-day calls go unanswered in winter.");
    await editorOf(ada.page, inquiryFields.story(benId)).filter({ hasText: "go unanswered in winter" }).waitFor();
    // Each writes only their own story (the other's is read-only, selectable to comment on).
    await expect(editorOf(ben.page, inquiryFields.story(adaId)).getAttribute("aria-readonly")).resolves.toBe("true");
    await expect(editorOf(ada.page, inquiryFields.story(benId)).getAttribute("aria-readonly")).resolves.toBe("true");
    for (const person of [ada, ben]) await waitForStatus(person.page, "saved");
    await axe("inquiry (Ada)", ada.page);
    await axe("inquiry (Ben)", ben.page);
    for (const p of [ada, ben]) expectNoBrowserErrors(p);
  });

  it("on the root-cause board, notes are added, sorted and dotted by keyboard, and each leader sees the other's moves live", async () => {
    for (const person of [ada, ben]) {
      await go(person.page, `${communityUrl}/board`, `${COMMUNITY}: root causes`);
      await waitForStatus(person.page, "saved");
    }
    // Enter adds the note.
    await ada.page.getByLabel("A possible cause").fill(NOTE_ADA);
    await ada.page.getByLabel("A possible cause").press("Enter");
    await note(column(ben.page, "Not yet sorted"), NOTE_ADA).filter({ hasText: "by Ada Leader" }).waitFor();
    await ben.page.getByLabel("A possible cause").fill(NOTE_BEN);
    await ben.page.getByLabel("A possible cause").press("Enter");
    await note(column(ada.page, "Not yet sorted"), NOTE_BEN).waitFor();
    await expect(ada.page.getByLabel("A possible cause").evaluate((el) => el === document.activeElement)).resolves.toBe(
      true,
    );

    // The arrow keys on the "Move to…" select sort a note; the other leader sees it move.
    const adaMove = note(ada.page, NOTE_ADA).getByLabel("Move to…");
    await adaMove.focus();
    await ada.page.keyboard.press("ArrowDown");
    await note(column(ben.page, "Systems and policies"), NOTE_ADA).waitFor();
    await expect.poll(() => ada.page.evaluate(() => document.activeElement?.id)).toMatch(/^move-/);
    const benMove = note(ben.page, NOTE_BEN).getByLabel("Move to…");
    await benMove.focus();
    await ben.page.keyboard.press("ArrowDown");
    await note(column(ben.page, "Systems and policies"), NOTE_BEN).waitFor();
    // The note is drawn again in its new list; the keyboard comes back to its select.
    await expect.poll(() => ben.page.evaluate(() => document.activeElement?.id)).toMatch(/^move-/);
    await ben.page.keyboard.press("ArrowDown");
    await note(column(ada.page, "Knowledge"), NOTE_BEN).waitFor();
    expect(await note(column(ada.page, "Not yet sorted"), NOTE_BEN).count()).toBe(0);

    // Dots by keyboard, in a voting round the facilitator runs: hidden until revealed.
    await go(fac.page, `${communityUrl}/board`, `${COMMUNITY}: root causes`);
    await waitForStatus(fac.page, "saved");
    await fac.page.getByLabel("Dots per person").fill("3");
    await fac.page.getByRole("button", { name: "Start a voting round" }).click();
    await ada.page.getByTestId("round-status").filter({ hasText: "you have 3 of 3 dots left" }).waitFor();
    await note(ben.page, NOTE_ADA).getByRole("button", { name: "Place a dot" }).press("Enter");
    await note(ada.page, NOTE_BEN).getByRole("button", { name: "Place a dot" }).press("Space");
    await note(ada.page, NOTE_ADA).getByRole("button", { name: "Place a dot" }).press("Enter");
    await ada.page.getByTestId("round-status").filter({ hasText: "you have 1 of 3 dots left" }).waitFor();
    await ben.page.getByTestId("round-status").filter({ hasText: "you have 2 of 3 dots left" }).waitFor();
    await fac.page.getByTestId("round-status").filter({ hasText: "2 people have voted" }).waitFor();
    expect(await ben.page.getByTestId("note-dots").count()).toBe(0);
    await fac.page.getByRole("button", { name: "Reveal results" }).click();
    await note(ben.page, NOTE_ADA).getByTestId("note-dots").filter({ hasText: "2 dots" }).waitFor();
    await note(ada.page, NOTE_BEN).getByTestId("note-dots").filter({ hasText: "1 dot" }).waitFor();
    for (const person of [ada, ben]) await waitForStatus(person.page, "saved");
    await axe("board (Ada)", ada.page);
    await axe("board (Ben)", ben.page);
    for (const p of [ada, ben]) expectNoBrowserErrors(p);
  });

  it("a How might we… question is drafted from a note and voted on, the facilitator chooses it, and the community home shows it", async () => {
    for (const person of [ada, ben]) {
      await go(person.page, `${communityUrl}/questions`, `${COMMUNITY}: how might we…`);
      await waitForStatus(person.page, "saved");
    }
    await ada.page.getByLabel("Your question").fill(QUESTION);
    await ada.page.getByRole("checkbox", { name: NOTE_BEN }).check();
    await ada.page.getByRole("button", { name: "Add question" }).click();
    const onBen = question(ben.page, QUESTION);
    await onBen.getByText(NOTE_BEN).waitFor();
    await onBen.getByText("By Ada Leader").waitFor();
    // A voting round on the questions, run by the facilitator: Ben's dot shows once revealed.
    await go(fac.page, `${communityUrl}/questions`, `${COMMUNITY}: how might we…`);
    await waitForStatus(fac.page, "saved");
    await fac.page.getByLabel("Dots per person").fill("1");
    await fac.page.getByRole("button", { name: "Start a voting round" }).click();
    await onBen.getByRole("button", { name: "Place a dot" }).click();
    await fac.page.getByTestId("round-status").getByText("1 person has voted").waitFor();
    await fac.page.getByRole("button", { name: "Reveal results" }).click();
    const results = ada.page.getByTestId("round-results");
    await results.getByRole("heading", { name: "Round 1 results" }).waitFor();
    await expect(results.getByTestId("result-rows").locator("li").first().innerText()).resolves.toContain(QUESTION);
    await axe("questions (Ada)", ada.page);

    await question(fac.page, QUESTION).getByRole("button", { name: "Choose as our inquiry question" }).click();
    for (const page of [ada.page, ben.page, fac.page]) {
      const chosen = page.getByTestId("chosen-question");
      await chosen.getByTestId("chosen-text").filter({ hasText: QUESTION }).waitFor();
      // Shown with the board note it grew from.
      await chosen.getByTestId("chosen-sources").getByText(NOTE_BEN).waitFor();
    }
    await axe("questions (facilitator)", fac.page);
    await waitForStatus(fac.page, "saved");

    await go(ben.page, communityUrl, `${COMMUNITY}: home`);
    await ben.page
      .getByTestId("chosen-question")
      .filter({ hasText: `Our inquiry question: ${QUESTION}` })
      .waitFor();
    expect(await ben.page.getByText("No inquiry question yet").count()).toBe(0);
    await axe("community home (with question)", ben.page);
    for (const p of [fac, ada, ben]) expectNoBrowserErrors(p);
  });

  it("the facilitator adds a resource to the community's playlist; Ada sees it live and marks it done", async () => {
    const url = `${communityUrl}/playlist`;
    await go(fac.page, url, `${COMMUNITY}: playlist`);
    await go(ada.page, url, `${COMMUNITY}: playlist`);
    await waitForStatus(fac.page, "saved");
    await waitForStatus(ada.page, "read-only");
    await ada.page.getByText("Your facilitator has not added any resources yet").waitFor();
    await axe("playlist (leader, empty)", ada.page);

    const form = fac.page.getByRole("form", { name: "Add a resource" });
    await form.getByLabel("Title").fill(RESOURCE);
    await form
      .getByLabel("Web address")
      .fill("https://www.gov.uk/government/publications/working-together-to-improve-school-attendance");
    await form.getByLabel("Type").selectOption({ label: "Reading" });
    await form.getByLabel("Minutes").fill("40");
    await form.getByLabel("Why it matters").fill("The family support section gives words for a first conversation.");
    await form.getByRole("button", { name: "Add to the playlist" }).click();
    await fac.page
      .getByRole("status")
      .filter({ hasText: `“${RESOURCE}” was added to the playlist.` })
      .waitFor();
    await axe("playlist (facilitator)", fac.page);

    const item = resource(ada.page, RESOURCE);
    await item.waitFor();
    await item.getByRole("button", { name: "Mark as done" }).click();
    await item.getByLabel("Note (optional)").fill("Shared the family section with our attendance officer.");
    await item.getByRole("button", { name: "Save" }).click();
    await item.getByText("✓ Done").waitFor();
    await axe("playlist (leader, done)", ada.page);

    await fac.page.reload();
    await waitForHydration(fac.page);
    const progress = fac.page.getByTestId("progress-table");
    const row = (name: string) => progress.getByRole("row", { name: new RegExp(`^${name}`) });
    await row("Ada Leader")
      .getByRole("cell", { name: /^Done\s*“Shared the family section/ })
      .waitFor();
    await row("Ada Leader").getByRole("cell", { name: "1 of 1", exact: true }).waitFor();
    await row("Ben Leader").getByRole("cell", { name: "Not yet", exact: true }).waitFor();
    await row("Ben Leader").getByRole("cell", { name: "0 of 1", exact: true }).waitFor();
    await axe("playlist (facilitator, progress)", fac.page);
    for (const p of [fac, ada]) expectNoBrowserErrors(p);
  });

  it("Ada logs her practice shared with Ben, who is notified and reads it; the facilitator sees who logged", async () => {
    await go(ada.page, `${cohortUrl}/practice`, `${COHORT}: between sessions`);
    await ada.page.getByText(`Your log will be listed for ${SESSION}`).waitFor();
    await axe("practice (leader, empty)", ada.page);
    await ada.page.getByLabel("Learning applied").fill("Rewrote our first absence letter with two parents.");
    await ada.page
      .getByLabel("Insight captured")
      .fill("Parents answered the letter that asked a question, not the one that quoted the law.");
    await ada.page.getByLabel("Shared with", { exact: true }).selectOption({ label: "Ben Leader" });
    await ada.page.getByRole("button", { name: "Save my log" }).click();
    await ada.page.getByText("Saved, and Ben Leader has been notified.").waitFor();
    await ada.page.getByRole("list", { name: "Your logs" }).getByText("asked a question, not the one").waitFor();

    await go(ben.page, `${app.url}/dashboard`, /^Welcome, /);
    await ben.page.getByRole("link", { name: "Notifications 1 unread" }).click();
    await ben.page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    await waitForHydration(ben.page);
    await axe("notifications", ben.page);
    await ben.page.getByRole("link", { name: "Ada Leader shared an insight with you" }).click();
    await ben.page.waitForURL(/\/practice#log-/);
    await ben.page
      .getByRole("list", { name: "Logs shared with you" })
      .getByText("asked a question, not the one")
      .waitFor();
    await waitForHydration(ben.page);
    await axe("practice (peer)", ben.page);

    await go(fac.page, `${cohortUrl}/practice`, `${COHORT}: between sessions`);
    await fac.page
      .getByTestId("logged-summary")
      .filter({ hasText: "1 of 6 leaders have logged their practice." })
      .waitFor();
    await fac.page.getByRole("list", { name: "Logs per leader" }).getByText("Ada Leader: 1 log").waitFor();
    await axe("practice (facilitator)", fac.page);
    for (const p of [fac, ada, ben]) expectNoBrowserErrors(p);
  });

  it("Ada enters her school's outcome and sees the change and the chart", async () => {
    const page = ada.page;
    await go(page, `${cohortUrl}/outcomes`, `${COHORT}: outcomes`);
    await page.getByText("No outcomes yet — school leaders enter them at the end of the year").first().waitFor();
    expect(await page.getByRole("figure").count()).toBe(0);
    await axe("outcomes (empty)", page);
    await page.getByLabel("Student group").selectOption({ label: "Disadvantaged (pupil premium)" });
    await page.getByLabel("Measure", { exact: true }).selectOption({ label: "Attendance %" });
    await page.getByLabel("Baseline (%)").fill("88.5");
    await page.getByLabel("Target (%)").fill("92");
    await page.getByLabel("Actual (%)").fill("91.2");
    await page.getByRole("button", { name: "Save outcome" }).click();
    await page.getByRole("status").filter({ hasText: "Outcome saved." }).waitFor();
    await page.getByTestId("outcome-row").filter({ hasText: "+2.7 pp" }).waitFor();
    const chart = page.getByRole("figure", { name: "Whole cohort: Attendance %" });
    await chart.waitFor();
    await expect(chart.locator("svg rect").count()).resolves.toBe(2);
    await expect(chart.getByRole("table").textContent()).resolves.toContain("+2.7 pp");
    await axe("outcomes (with chart)", page);

    // Every page of the flow passed axe, and no browser logged an error.
    expect(axeFindings).toEqual([]);
    for (const p of [fac, ada, ben]) expectNoBrowserErrors(p);
  });
});
