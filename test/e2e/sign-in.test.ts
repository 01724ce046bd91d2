import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { RunningCommons } from "../../server/start";
import {
  describeBrowser,
  expectNoBrowserErrors,
  login,
  openPerson,
  signOut,
  startBrowserApp,
  waitForHydration,
  type Person,
} from "../support/browser";

// The one browser suite that runs on the demo network, so the demo seed itself is exercised.
const DEMO_PASSWORD = "e2e-demo-password-123";
const HEAD = "head1@demo.test";

describeBrowser("signing in and out in a browser", () => {
  let app: RunningCommons;
  const people: Person[] = [];
  let current: Person;

  beforeAll(async () => {
    app = await startBrowserApp({ SEED_DEMO: "true", DEMO_PASSWORD });
  });
  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
    await app?.close();
  });

  // A fresh profile per test, so no cookie carries over from one test to the next.
  const freshPerson = async () => {
    current = await openPerson(app.url);
    people.push(current);
    return current;
  };
  afterEach(() => current && expectNoBrowserErrors(current));

  it("a head teacher signs in, sees their school, and signs out", async () => {
    const { page } = await freshPerson();
    await login(page, HEAD, DEMO_PASSWORD);
    await expect(page.getByRole("link", { name: "Ashby Vale Primary School" }).isVisible()).resolves.toBe(true);
    await waitForHydration(page);

    await signOut(page, app.url);
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect(page.getByRole("status").textContent()).resolves.toContain("You have signed out.");
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("commons_session");

    // The old session is gone on the server too: the dashboard sends us back to sign in.
    await page.goto(`${app.url}/dashboard`);
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("a wrong password shows a message and leaves no session cookie", async () => {
    const { page, context } = await freshPerson();
    await page.goto(`${app.url}/login`);
    await waitForHydration(page);
    await page.getByLabel("Email address").fill(HEAD);
    await page.getByLabel("Password").fill("not-the-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "do not match an account" });
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    expect((await context.cookies()).map((c) => c.name)).not.toContain("commons_session");
    // The refused sign-in answers 400; Chromium notes that status in the console, nothing else may appear.
    expectNoBrowserErrors(current, [400]);
  });

  it("the sign-in form works with the keyboard alone", async () => {
    const { page } = await freshPerson();
    await page.goto(`${app.url}/login`);
    await waitForHydration(page);
    const focusedLabel = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.labels?.[0]?.textContent ?? el?.textContent ?? null;
      });

    // Tab to the email field (the page may already have put focus there), then type and submit.
    for (let i = 0; i < 5 && (await focusedLabel()) !== "Email address"; i++) await page.keyboard.press("Tab");
    expect(await focusedLabel()).toBe("Email address");
    await page.keyboard.type(HEAD);
    await page.keyboard.press("Tab");
    expect(await focusedLabel()).toBe("Password");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${app.url}/dashboard`);
    await expect(page.getByRole("link", { name: "Ashby Vale Primary School" }).isVisible()).resolves.toBe(true);
  });
});
