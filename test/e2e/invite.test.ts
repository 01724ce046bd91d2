import { afterAll, beforeAll, expect, it } from "vitest";
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

const INVITEE = "new.head@example.test";
const INVITEE_PASSWORD = "a long and memorable sentence";

describeBrowser("inviting a head teacher, who joins in their own browser", () => {
  let app: RunningCommons;
  let admin: Person;
  let invitee: Person;
  let adminEmail: string;
  let school: { id: string; name: string };

  beforeAll(async () => {
    app = await startBrowserApp();
    const { authority, schools } = await makeAuthority(app.services.db, 2);
    school = schools[1];
    adminEmail = (await makeUser(app.services.db, authority.id, [{ role: "authority_admin" }], { name: "Alex Admin" }))
      .email;
    [admin, invitee] = await Promise.all([openPerson(app.url), openPerson(app.url)]);
  });
  afterAll(async () => {
    await Promise.all([admin?.close(), invitee?.close()]);
    await app?.close();
  });

  it("admin invites, invitee accepts from the outbox link, and can sign in again", async () => {
    // The admin sends the invitation.
    const a = admin.page;
    await login(a, adminEmail);
    await a.goto(`${app.url}/admin/invitations`);
    await waitForHydration(a);
    await a.getByLabel("Email address").fill(INVITEE);
    await a.getByLabel("Role").selectOption({ label: "Head teacher" });
    await a.getByLabel(/^School/).selectOption({ label: school.name });
    await a.getByRole("button", { name: "Send invitation" }).click();
    const status = a.getByRole("status");
    await status.filter({ hasText: `Invitation for ${INVITEE} created` }).waitFor();
    await expect(status.textContent()).resolves.toContain("the email is in the outbox");
    await a.getByRole("listitem").filter({ hasText: INVITEE }).filter({ hasText: "Waiting" }).waitFor();

    // The email waits in the outbox (no SMTP here); the admin opens it and reads the link.
    await a.getByRole("link", { name: "Outbox" }).click();
    await a.getByRole("heading", { level: 1, name: "Outbox" }).waitFor();
    const message = a.getByRole("listitem").filter({ hasText: INVITEE });
    const link = message.getByRole("link", { name: /\/invite\// });
    expect(await link.isVisible()).toBe(false); // collapsed until opened
    await message.getByText("You are invited to Commons").click();
    await link.waitFor({ state: "visible" });
    const inviteUrl = (await link.getAttribute("href"))!;
    expect(inviteUrl).toMatch(new RegExp(`^${app.url}/invite/[A-Za-z0-9_-]{20,}$`));
    await expect(message.textContent()).resolves.toContain(`Head teacher of ${school.name}`);
    expectNoBrowserErrors(admin);

    // The invitee, in their own browser profile, opens the link and chooses a password.
    const b = invitee.page;
    await b.goto(inviteUrl);
    await b.getByRole("heading", { level: 1, name: /^Join Test Authority/ }).waitFor();
    await expect(b.locator("main").textContent()).resolves.toContain(INVITEE);
    await waitForHydration(b);
    await b.getByLabel("Your name").fill("Nadia Newhead");
    await b.getByLabel("Choose a password").fill(INVITEE_PASSWORD);
    await b.getByLabel("Type the password again").fill(INVITEE_PASSWORD);
    await b.getByRole("button", { name: "Accept and sign in" }).click();
    await b.waitForURL(`${app.url}/dashboard`);
    await b.getByRole("heading", { level: 1, name: "Welcome, Nadia Newhead" }).waitFor();
    await b.getByRole("link", { name: school.name }).waitFor();

    // Signing out and in again with the new password works.
    await signOut(b, app.url);
    await login(b, INVITEE, INVITEE_PASSWORD);
    await b.getByRole("link", { name: school.name }).waitFor();
    expectNoBrowserErrors(invitee);

    // The link worked once: opening it again says it cannot be used (a 404, on purpose).
    await b.goto(inviteUrl);
    await b.getByRole("heading", { level: 1, name: "This invitation cannot be used" }).waitFor();
    expectNoBrowserErrors(invitee, [404]);

    // And the admin's list shows the invitation as accepted.
    await a.goto(`${app.url}/admin/invitations`);
    await a.getByRole("listitem").filter({ hasText: INVITEE }).filter({ hasText: "Accepted" }).waitFor();
    expectNoBrowserErrors(admin);
  });
});
