import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as Y from "yjs";
import { schoolYearOf } from "../../app/kernel/school-year";
import { documentName } from "../../collab/doc-names";
import { addQuestion, chooseQuestion } from "../../collab/documents/hmw";
import { appendDocumentUpdate } from "../../db/queries/collab";
import { createPlan } from "../../db/queries/plan-links";
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

/** The list item of a step in the community's step navigation. */
const stepItem = (page: Page, label: string) =>
  page
    .getByRole("navigation", { name: "Inquiry steps" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: label }) });

describeBrowser("outcomes, the link to the school's plan, and the community home with presence", () => {
  let app: RunningCommons;
  let a: Person;
  let b: Person;
  let cohortUrl: string;
  let communityUrl: string;
  const axe: string[] = [];
  const checkAxe = async (label: string, page: Page) => {
    for (const v of await seriousAxeViolations(page)) axe.push(`${label}: ${v}`);
  };
  const go = async (page: Page, url: string) => {
    await page.goto(url);
    await waitForHydration(page);
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { cohort, community, schools, people } = await makeCommunityWithPeople(db);
    await createPlan(db, {
      schoolId: schools[0].id,
      schoolYear: schoolYearOf(new Date()),
      priorities: [
        { title: "Close the reading gap for disadvantaged pupils", area: "Quality of education" },
        { title: "Build stronger partnerships with families", area: "Leadership and management" },
      ],
    });
    const hmw = new Y.Doc();
    chooseQuestion(
      hmw,
      addQuestion(hmw, {
        text: "How might we meet families where they are?",
        authorId: people.ben.id,
        authorName: "Ben Member",
      }),
    );
    await appendDocumentUpdate(db, documentName("hmw", community.id), Y.encodeStateAsUpdate(hmw));
    cohortUrl = `${app.url}/cohorts/${cohort.id}`;
    communityUrl = `${app.url}/communities/${community.id}`;
    [a, b] = await newPeople(app.url, [people.ada.email, people.ben.email]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await app?.close();
  });

  it("a leader enters an outcome (a wrong figure is explained first) and sees the change and the chart", async () => {
    const page = a.page;
    await go(page, `${cohortUrl}/outcomes`);
    await page.getByText("No outcomes yet — school leaders enter them at the end of the year").first().waitFor();
    await checkAxe("outcomes (empty)", page);

    await page.getByLabel("Student group").selectOption({ label: "All pupils" });
    await page.getByLabel("Measure", { exact: true }).selectOption({ label: "Reading at expected standard %" });
    await page.getByLabel("Baseline (%)").fill("101");
    await page.getByLabel("Target (%)").fill("70");
    await page.getByRole("button", { name: "Save outcome" }).click();
    await page.getByRole("alert").filter({ hasText: "The baseline must be between 0 and 100" }).waitFor();
    await page.getByLabel("Baseline (%)").fill("62.3");
    await page.getByLabel("Actual (%)").fill("67.4");
    await page.getByRole("button", { name: "Save outcome" }).click();

    await page.getByRole("status").filter({ hasText: "Outcome saved." }).waitFor();
    const row = page.getByTestId("outcome-row");
    await row.filter({ hasText: "+5.1 pp" }).filter({ hasText: "−2.6 pp" }).waitFor();
    const chart = page.getByRole("figure", { name: "Whole cohort: Reading at expected standard %" });
    await chart.waitFor();
    await expect(chart.locator("svg rect").count()).resolves.toBe(2); // baseline and actual bars of the one group
    await expect(chart.getByRole("table").textContent()).resolves.toContain("+5.1 pp");
    await checkAxe("outcomes (with chart)", page);

    // The form is empty again; the same group and measure a second time is refused by the server, input kept.
    await expect(page.getByLabel("Baseline (%)").inputValue()).resolves.toBe("");
    await page.getByLabel("Student group").selectOption({ label: "All pupils" });
    await page.getByLabel("Measure", { exact: true }).selectOption({ label: "Reading at expected standard %" });
    await page.getByLabel("Baseline (%)").fill("55.5");
    await page.getByLabel("Target (%)").fill("60");
    await page.getByRole("button", { name: "Save outcome" }).click();
    await page.getByRole("alert").filter({ hasText: "is already entered for this school" }).waitFor();
    await expect(page.getByLabel("Baseline (%)").inputValue()).resolves.toBe("55.5");
    await expect(row.count()).resolves.toBe(1);
    await page.screenshot({ path: "/tmp/outcomes.png", fullPage: true });
    expectNoBrowserErrors(a, [400]);
  });

  it("a leader links the inquiry to a priority of their own school's plan; another member has no plan yet", async () => {
    await go(a.page, `${communityUrl}/plan`);
    await checkAxe("plan (leader with a plan)", a.page);
    await a.page.getByLabel("Build stronger partnerships with families").check();
    await a.page.getByRole("button", { name: "Save links" }).click();
    await a.page.getByRole("status").filter({ hasText: "Links saved." }).waitFor();
    await a.page.getByTestId("link-summary").filter({ hasText: "has linked 1 priority" }).waitFor();
    await expect(a.page.getByLabel("Build stronger partnerships with families").isChecked()).resolves.toBe(true);

    await go(b.page, `${communityUrl}/plan`);
    await b.page.getByText("No plan yet").waitFor();
    await b.page
      .getByTestId("link-summary")
      .filter({ hasText: "Ada Member" })
      .filter({ hasText: "has linked 1 priority" })
      .waitFor();
    expect(await b.page.getByText("Build stronger partnerships with families").count()).toBe(0);
    await checkAxe("plan (no plan yet)", b.page);
    for (const p of [a, b]) expectNoBrowserErrors(p);
  });

  it("the community home shows the chosen question and who is on which step, live", async () => {
    await go(b.page, `${communityUrl}/board`);
    await go(a.page, communityUrl);
    await a.page
      .getByTestId("chosen-question")
      .filter({ hasText: "How might we meet families where they are?" })
      .waitFor();
    const board = stepItem(a.page, "4. Root causes");
    await board.getByText("Ben Member is here").waitFor();
    await board.getByTitle("Ben Member").waitFor();
    await checkAxe("community home with presence", a.page);
    await a.page.screenshot({ path: "/tmp/community-home.png", fullPage: true });

    // Ben moves on to step 5: his avatar follows him.
    await b.page.getByRole("link", { name: "5. How might we…" }).click();
    await b.page.getByRole("heading", { level: 1, name: /how might we/ }).waitFor();
    await stepItem(a.page, "5. How might we…").getByText("Ben Member is here").waitFor();
    await board.getByText("Ben Member is here").waitFor({ state: "detached" });
    // And Ben sees Ada at home.
    await stepItem(b.page, "Home").getByText("Ada Member is here").waitFor();
    await checkAxe("questions with presence", b.page);

    // On the inquiry page presence rides on the page's own connection; Ada (at home) is on the
    // steps, not among the people in the inquiry document.
    await b.page.getByRole("link", { name: "1–3. Stories, needs and peer check" }).click();
    await b.page.getByRole("heading", { level: 1, name: /our inquiry/ }).waitFor();
    await stepItem(a.page, "1–3. Stories, needs and peer check").getByText("Ben Member is here").waitFor();
    await b.page
      .getByRole("list", { name: "People here now" })
      .getByRole("listitem")
      .filter({ hasText: "Ben Member" })
      .waitFor();
    await stepItem(b.page, "Home").getByText("Ada Member is here").waitFor();
    expect(
      await b.page
        .getByRole("list", { name: "People here now" })
        .getByRole("listitem")
        .filter({ hasText: "Ada Member" })
        .count(),
    ).toBe(0);

    expect(axe, `axe found serious or critical problems:\n\n${axe.join("\n\n")}\n`).toEqual([]);
    for (const p of [a, b]) expectNoBrowserErrors(p);
  });
});
