/**
 * Issue #10's role homes on the demo network, in Chromium: each demo role's home has a "To do"
 * list, axe-clean; a SIP opens the visit record to write from it; a head acknowledges the report
 * waiting for them, and the item leaves their list. Screenshots of every role's home go to
 * docs/screenshots/<role>-home.png (1280 wide, full page).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningCommons } from "../../server/start";
import {
  describeBrowser,
  expectNoBrowserErrors,
  login,
  openPerson,
  seriousAxeViolations,
  startBrowserApp,
  waitForHydration,
  type Person,
} from "../support/browser";
import { TEST_PASSWORD } from "../support/factories";

const roles = [
  ["admin", "admin@demo.test"],
  ["facilitator", "facilitator1@demo.test"],
  ["sip", "sip1@demo.test"],
  ["head", "head1@demo.test"],
  ["governor", "governor1@demo.test"],
] as const;

/** The "To do" section of the home page, as the markup contract names it. */
const todoOf = (page: Page) => page.locator('section[aria-labelledby="todo-heading"]');

describeBrowser("role homes on the demo network", () => {
  let app: RunningCommons;
  const people = new Map<string, Person>();

  beforeAll(async () => {
    app = await startBrowserApp({ SEED_DEMO: "true", DEMO_PASSWORD: TEST_PASSWORD });
  });

  afterAll(async () => {
    await Promise.all([...people.values()].map((p) => p.close()));
    await app?.close();
  });

  it.each(roles)("gives the %s a To do list on an axe-clean home", async (role, email) => {
    const person = await openPerson(app.url);
    people.set(role, person);
    await login(person.page, email, TEST_PASSWORD);
    await waitForHydration(person.page);
    const todo = todoOf(person.page);
    await todo.getByRole("heading", { level: 2, name: "To do" }).waitFor();
    // Every item is a link, or the list says plainly that nothing is waiting.
    const links = await todo.locator("li > a").count();
    if (links === 0) await todo.getByText("Nothing waiting for you").waitFor();
    else expect(await todo.locator("li").count()).toBe(links);
    expect(await seriousAxeViolations(person.page)).toEqual([]);
    await person.page.screenshot({ path: `docs/screenshots/${role}-home.png`, fullPage: true });
    expectNoBrowserErrors(person);
  });

  it("takes the SIP from a record to write to that visit record", async () => {
    const { page } = people.get("sip")!;
    const item = todoOf(page)
      .getByRole("link", { name: /^Write the visit record for / })
      .first();
    const name = (await item.textContent()) ?? "";
    const school = /^Write the visit record for (.+), \d+ \w+$/.exec(name)?.[1];
    expect(school, name).toBeTruthy();
    await item.click();
    await page.getByRole("heading", { level: 1, name: /^Visit record, / }).waitFor();
    expect(page.url()).toMatch(/\/schools\/[0-9a-f-]+\/visits\/[0-9a-f-]+\?edit=seen#section-visit$/);
    // The SIP lands in the form of their part, ready to write.
    await page.getByRole("textbox").first().waitFor();
    await page.getByText(school!).first().waitFor();
    expectNoBrowserErrors(people.get("sip")!);
  });

  it("lets the head acknowledge the report waiting for them, and the item goes", async () => {
    const { page } = people.get("head")!;
    const item = todoOf(page)
      .getByRole("link", { name: /^Read and acknowledge the report / })
      .first();
    const title = /“(.+)”/.exec((await item.textContent()) ?? "")?.[1];
    expect(title).toBeTruthy();
    await item.click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await waitForHydration(page);
    await page.getByRole("button", { name: "Acknowledge this report" }).click();
    await page.getByText(/^Acknowledged by /).waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await todoOf(page).getByRole("heading", { name: "To do" }).waitFor();
    expect(
      await todoOf(page)
        .getByRole("link", { name: `Read and acknowledge the report “${title}”` })
        .count(),
    ).toBe(0);
    expectNoBrowserErrors(people.get("head")!);
  });
});
