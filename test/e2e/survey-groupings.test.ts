import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCohort } from "../../db/queries/communities";
import { saveChallenge } from "../../db/queries/equity";
import { listCohortCommunities } from "../../db/queries/communities";
import { listRounds, submitResponse } from "../../db/queries/trust-survey";
import { schoolYearOf } from "../../app/kernel/school-year";
import { surveyItems } from "../../app/features/surveys/trust-survey";
import type { RunningCommons } from "../../server/start";
import {
  describeBrowser,
  expectNoBrowserErrors,
  login,
  newPerson,
  openPerson,
  seriousAxeViolations,
  signOut,
  startBrowserApp,
  waitForHydration,
  type Person,
} from "../support/browser";
import { makeAuthority, makeUser } from "../support/factories";

const names = ["Ava Absence", "Bo Absence", "Cy Absence", "Di Inclusion", "Ed Inclusion", "Flo Inclusion"];
const challenges = [
  { text: "Persistent absence of disadvantaged pupils has not moved.", tags: ["attendance", "disadvantaged"] },
  { text: "Persistent absence in Year 9 among disadvantaged families.", tags: ["attendance", "disadvantaged"] },
  { text: "Attendance drops every winter for families in temporary housing.", tags: ["attendance", "families"] },
  { text: "Pupils with SEND wait too long for support and exclusions rise.", tags: ["send", "inclusion"] },
  null, // Ed names his through the page.
  { text: "Families of pupils with SEND do not feel included; exclusions worry them.", tags: ["send", "inclusion"] },
];

async function axeClean(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** Answers every statement by clicking the radio labelled `label` in each statement's group. */
async function answerAll(page: Page, label: string, skip: number[] = []) {
  for (const [i, item] of surveyItems.entries()) {
    if (skip.includes(i)) continue;
    await page
      .getByRole("group", { name: `${i + 1}. ${item.text}` })
      .getByRole("radio", { name: label, exact: true })
      .check();
  }
}

describeBrowser("trust survey and communities, facilitator and leaders in the browser", () => {
  let app: RunningCommons;
  let fac: Person;
  let leader: Person;
  let base: string;
  let cohortId: string;
  const emails: string[] = [];
  const ids: string[] = [];

  const goto = async (page: Page, path: string, heading: string) => {
    await page.goto(`${app.url}${path}`);
    await waitForHydration(page);
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority, schools } = await makeAuthority(db, names.length);
    for (const [i, name] of names.entries()) {
      const u = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[i].id }], { name });
      emails.push(u.email);
      ids.push(u.id);
    }
    const fay = await makeUser(db, authority.id, [{ role: "facilitator" }], { name: "Fay Facilitator" });
    const cohort = await createCohort(db, {
      authorityId: authority.id,
      name: "Borough Leaders",
      schoolYear: schoolYearOf(new Date()),
      facilitatorIds: [fay.id],
      leaderIds: ids,
    });
    cohortId = cohort.id;
    base = `/cohorts/${cohort.id}`;
    [fac, leader] = await Promise.all([newPerson(app.url, fay.email), openPerson(app.url)]);
  });
  afterAll(async () => {
    await Promise.all([fac?.close(), leader?.close()]);
    await app?.close();
  });

  it("the facilitator opens the start-of-year round", async () => {
    await goto(fac.page, `${base}/survey`, "Borough Leaders: trust survey");
    await fac.page.getByText("No survey rounds yet").waitFor();
    await axeClean(fac.page);
    await fac.page.getByLabel("Round to open").selectOption({ label: "Start of year" });
    await fac.page.getByRole("button", { name: "Open round" }).click();
    await fac.page.getByRole("status").filter({ hasText: "The start of year round is open." }).waitFor();
    await fac.page.getByTestId("responded-start").filter({ hasText: "0 of 6 leaders have responded" }).waitFor();
    await axeClean(fac.page);
    expectNoBrowserErrors(fac);
  });

  it("keeps results hidden with 4 responses, then shows the chart at 5", async () => {
    const [round] = await listRounds(app.services.db, cohortId, ids[0]);
    // Three leaders answered earlier in the session; the fourth and fifth answer here.
    for (const userId of ids.slice(0, 3)) {
      await submitResponse(app.services.db, {
        roundId: round.id,
        userId,
        answers: surveyItems.map((i) => ({ facet: i.facet, item: i.id, value: 4 })),
      });
    }
    const page = leader.page;
    await login(page, emails[3]);
    await goto(page, `${base}/survey`, "Borough Leaders: trust survey");
    await axeClean(page);
    // One statement left out: the form says so and keeps the rest.
    await answerAll(page, "Agree", [4]);
    await page.getByRole("button", { name: "Send my answers" }).click();
    const missing = page.getByRole("group", { name: `5. ${surveyItems[4].text}` });
    await missing.getByRole("alert").filter({ hasText: "Choose an answer for this statement." }).waitFor();
    expect(
      await page
        .getByRole("group", { name: `1. ${surveyItems[0].text}` })
        .getByRole("radio", { name: "Agree", exact: true })
        .isChecked(),
    ).toBe(true);
    await axeClean(page);
    await missing.getByRole("radio", { name: "Disagree", exact: true }).check();
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByRole("status").filter({ hasText: "your answers are in" }).waitFor();
    await page.getByTestId("waiting-start").filter({ hasText: "waiting for 1 more response" }).waitFor();
    expect(await page.getByRole("figure").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Send my answers" }).count()).toBe(0);
    await axeClean(page);
    expectNoBrowserErrors(leader);
    await signOut(page, app.url);

    await login(page, emails[4]);
    await goto(page, `${base}/survey`, "Borough Leaders: trust survey");
    await answerAll(page, "Strongly agree");
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.getByRole("figure", { name: /How leaders answered, facet by facet/ }).waitFor();
    await page.getByRole("figure", { name: /Mean by round/ }).waitFor();
    expect(await page.getByTestId("waiting-start").count()).toBe(0);
    await page.getByText("Show these results as a table").click();
    await page.getByRole("row", { name: /Benevolence Start of year 0 0 0 8 2 4\.2/ }).waitFor();
    await axeClean(page);

    await fac.page.reload();
    await waitForHydration(fac.page);
    await fac.page.getByTestId("responded-start").filter({ hasText: "5 of 6 leaders have responded" }).waitFor();
    await fac.page.getByRole("figure", { name: /How leaders answered/ }).waitFor();
    expectNoBrowserErrors(leader);
    expectNoBrowserErrors(fac);
  });

  it("a leader names their equity challenge", async () => {
    for (const [i, c] of challenges.entries())
      if (c) await saveChallenge(app.services.db, { cohortId, userId: ids[i], ...c });
    const page = leader.page; // still Ed Inclusion
    await goto(page, `${base}/communities`, "Borough Leaders: communities");
    await page.getByText("You have not named your equity challenge yet.").waitFor();
    await axeClean(page);
    await page.getByRole("link", { name: "Name my challenge" }).click();
    await page.getByRole("heading", { level: 1, name: "Borough Leaders: my equity challenge" }).waitFor();
    await waitForHydration(page);
    await page
      .getByLabel("My equity challenge")
      .fill("Exclusions of pupils with SEND keep rising; we need inclusion that works.");
    await page.getByLabel("Tags").fill("SEND, Inclusion, exclusions, a, b, c");
    await page.getByRole("button", { name: "Save my challenge" }).click();
    await page.getByRole("alert").filter({ hasText: "Use at most 5 tags (you have 6)." }).waitFor();
    await axeClean(page);
    await page.getByLabel("Tags").fill("SEND, Inclusion, exclusions");
    await page.getByRole("button", { name: "Save my challenge" }).click();
    await page.getByRole("status").filter({ hasText: "Your equity challenge is saved." }).waitFor();
    await axeClean(page);
    await page.getByRole("link", { name: "Back to communities" }).click();
    await page.getByText("Tags: send, inclusion, exclusions").waitFor();
    expectNoBrowserErrors(leader, [400]);
  });

  it("the facilitator accepts a suggested grouping with the keyboard only", async () => {
    const page = fac.page;
    await goto(page, `${base}/communities`, "Borough Leaders: communities");
    const suggestion = page.getByRole("heading", {
      level: 3,
      name: /^Suggestion \d: Di Inclusion, Ed Inclusion, Flo Inclusion$/,
    });
    await suggestion.waitFor();
    const heading = (await suggestion.textContent())!;
    const n = heading.match(/Suggestion (\d)/)![1];
    await page
      .getByText(/^Common themes: SEND and inclusion \(all 3\)/)
      .first()
      .waitFor();
    await axeClean(page);

    // Tab from the top of the page to the suggestion's name field, then type, Tab and Enter.
    const target = `Name for suggestion ${n}`;
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate((label) => {
        const el = document.activeElement as HTMLInputElement | null;
        return !!el?.labels?.[0] && el.labels[0].textContent === label;
      }, target);
    }
    expect(reached, "the suggestion's name field is reachable by Tab").toBe(true);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Inclusion, not exclusion");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Create this community");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Inclusion, not exclusion is formed." }).waitFor();
    await page.getByRole("heading", { level: 3, name: "Inclusion, not exclusion" }).waitFor();
    expect(await page.getByRole("heading", { level: 3, name: /Di Inclusion, Ed Inclusion/ }).count()).toBe(0);
    await axeClean(page);
    const formed = (await listCohortCommunities(app.services.db, cohortId)).find(
      (c) => c.name === "Inclusion, not exclusion",
    );
    expect(formed?.members.map((m) => m.name)).toEqual(["Di Inclusion", "Ed Inclusion", "Flo Inclusion"]);

    await leader.page.reload();
    await waitForHydration(leader.page);
    await leader.page.getByText("Your community", { exact: true }).waitFor();
    await leader.page.getByRole("link", { name: "Open your community" }).waitFor();
    await axeClean(leader.page);
    expectNoBrowserErrors(fac);
    expectNoBrowserErrors(leader);
  });
});
