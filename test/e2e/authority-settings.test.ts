import { afterAll, beforeAll, expect, it } from "vitest";
import { notifications } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import {
  describeBrowser,
  expectNoBrowserErrors,
  newPerson,
  seriousAxeViolations,
  startBrowserApp,
  waitForHydration,
  type Person,
} from "../support/browser";
import { makeAuthority, makeUser } from "../support/factories";

describeBrowser("an admin chooses their authority's words and time zone", () => {
  let app: RunningCommons;
  let admin: Person;

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority } = await makeAuthority(db, 1);
    const person = await makeUser(db, authority.id, [{ role: "authority_admin" }], { name: "Alex Admin" });
    // A notification from a known moment: 13:00 UTC is 14:00 in London and 09:00 in New York.
    await db.insert(notifications).values({
      userId: person.id,
      title: "A school was added",
      link: "/admin/schools",
      createdAt: new Date("2026-10-14T13:00:00Z"),
    });
    admin = await newPerson(app.url, person.email);
  });
  afterAll(async () => {
    await admin?.close();
    await app?.close();
  });

  it("changes both by clicking, and the dates on another page follow", async () => {
    const page = admin.page;
    const main = page.getByRole("navigation", { name: "Main" }).first();
    const notificationDate = () => page.getByRole("listitem").filter({ hasText: "A school was added" }).textContent();

    await page.getByRole("link", { name: /^Notifications/ }).click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    expect(await notificationDate()).toContain("14 October 2026 at 14:00");
    expect(await page.locator("html").getAttribute("lang")).toBe("en-GB");

    await main.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await waitForHydration(page);
    expect(await page.getByLabel("English (UK)").isChecked()).toBe(true);
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Europe/London");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel("English (US)").check();
    await page.getByLabel("Time zone").selectOption("America/New_York");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("status").filter({ hasText: "Settings saved." }).waitFor();
    expect(await page.getByLabel("English (US)").isChecked()).toBe(true);
    expect(await page.getByLabel("Time zone").inputValue()).toBe("America/New_York");
    await expect(page.locator("main").textContent()).resolves.toContain("shows as 09:00 AM in America/New York");
    expect(await page.locator("html").getAttribute("lang")).toBe("en-US");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: /^Notifications/ }).click();
    await page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    expect(await notificationDate()).toContain("October 14, 2026 at 09:00 AM");

    // The words follow too: the admin's own role is now a district's.
    await main.getByRole("link", { name: "People" }).click();
    await page.getByRole("heading", { level: 1, name: /^People and roles/ }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain("District admin");
    expectNoBrowserErrors(admin);
  });
});
