import { afterAll, beforeAll, expect, it } from "vitest";
import { listMail } from "../../db/queries/mail";
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
import { makeAuthority, makeUser } from "../support/factories";

const NEW_PASSWORD = "a fresh and memorable sentence";

describeBrowser("a person who forgot their password", () => {
  let app: RunningCommons;
  let person: Person;
  let email: string;
  let authorityId: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    authorityId = (await makeAuthority(app.services.db, 1)).authority.id;
    email = (await makeUser(app.services.db, authorityId, [{ role: "facilitator" }], { name: "Fay Facilitator" }))
      .email;
    person = await openPerson(app.url);
  });
  afterAll(async () => {
    await person?.close();
    await app?.close();
  });

  it("asks for a link, opens it from the outbox, chooses a new password and signs in with it", async () => {
    const page = person.page;
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByRole("heading", { level: 1, name: "Forgot your password?" }).waitFor();
    await waitForHydration(page);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByRole("status").filter({ hasText: "If an account uses that address" }).waitFor();

    // No SMTP here: the mail waits in the authority's outbox (it is sent just after the answer).
    await expect
      .poll(async () => (await listMail(app.services.db, authorityId)).find((m) => m.toAddress === email)?.bodyText)
      .toMatch(/\/reset-password\//);
    const mail = (await listMail(app.services.db, authorityId)).find((m) => m.toAddress === email)!;
    const link = mail.bodyText.match(/http\S+\/reset-password\/[A-Za-z0-9_-]+/)![0];

    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
    await waitForHydration(page);
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Type the new password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save the password and sign in" }).click();
    await page.waitForURL(`${app.url}/dashboard`);
    await page.getByRole("heading", { level: 1, name: "Welcome, Fay Facilitator" }).waitFor();

    // Signing out and in again with the new password works; the link worked once.
    await signOut(page, app.url);
    await login(page, email, NEW_PASSWORD);
    expectNoBrowserErrors(person);
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name: "This link cannot be used" }).waitFor();
    await page.getByRole("link", { name: "Ask for a new link" }).waitFor();
    expectNoBrowserErrors(person, [404]);
  });
});
