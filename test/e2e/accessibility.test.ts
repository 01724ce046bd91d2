import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createInvitation } from "../../db/queries/invitations";
import { createToken } from "../../app/features/auth/tokens.server";
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
import { makeAuthority, makeUser } from "../support/factories";

describeBrowser("accessibility (axe: no serious or critical violations)", () => {
  let app: RunningCommons;
  const people: Person[] = [];
  let emails: { admin: string; head: string; nobody: string };
  let ids: { school: string; head: string };
  let inviteToken: string;

  beforeAll(async () => {
    app = await startBrowserApp();
    const { db } = app.services;
    const { authority, schools } = await makeAuthority(db, 2);
    const admin = await makeUser(db, authority.id, [{ role: "authority_admin" }], { name: "Alex Admin" });
    const head = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[0].id }], {
      name: "Hana Head",
    });
    const nobody = await makeUser(db, authority.id, [], { name: "Nora Nobody" });
    emails = { admin: admin.email, head: head.email, nobody: nobody.email };
    ids = { school: schools[0].id, head: head.id };
    const { token, hash } = createToken();
    inviteToken = token;
    await createInvitation(db, {
      authorityId: authority.id,
      email: "invited.governor@example.test",
      role: "governor",
      schoolId: schools[1].id,
      tokenHash: hash,
      invitedBy: admin.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
  });
  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()));
    await app?.close();
  });

  const person = async () => {
    const p = await openPerson(app.url);
    people.push(p);
    return p;
  };

  /** Runs axe on each page state and collects every serious or critical problem, labelled. */
  const audit = () => {
    const found: string[] = [];
    return {
      async check(page: Page, label: string) {
        await waitForHydration(page);
        for (const v of await seriousAxeViolations(page))
          found.push(`${label} (${new URL(page.url()).pathname}): ${v}`);
      },
      assertClean() {
        expect(found, `axe found serious or critical problems:\n\n${found.join("\n\n")}\n`).toEqual([]);
      },
    };
  };

  it("sign-in page, with and without errors, and the invitation pages", async () => {
    const visitor = await person();
    const { page } = visitor;
    const a = audit();
    await page.goto(`${app.url}/login`);
    await a.check(page, "sign-in");

    await page.getByLabel("Email address").fill(emails.head);
    await page.getByLabel("Password").fill("wrong password entirely");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "do not match an account" }).waitFor();
    await a.check(page, "sign-in after a failed attempt");
    expectNoBrowserErrors(visitor, [400]);

    await page.goto(`${app.url}/invite/${inviteToken}`);
    await page.getByRole("heading", { level: 1, name: /^Join / }).waitFor();
    await a.check(page, "accept an invitation");
    expectNoBrowserErrors(visitor);

    await page.goto(`${app.url}/invite/no-such-invitation-token`);
    await page.getByRole("heading", { level: 1, name: "This invitation cannot be used" }).waitFor();
    await a.check(page, "unknown invitation");
    expectNoBrowserErrors(visitor, [404]);
    a.assertClean();
  });

  it("a head teacher's dashboard and school page, and the plain-words 404 and 403 pages", async () => {
    const head = await person();
    const { page } = head;
    const a = audit();
    await login(page, emails.head);
    await a.check(page, "head's dashboard");
    await page.goto(`${app.url}/schools/${ids.school}`);
    await page.getByRole("heading", { name: "About the school" }).waitFor();
    await a.check(page, "school page");
    expectNoBrowserErrors(head);

    await page.goto(`${app.url}/schools/00000000-0000-0000-0000-000000000000`);
    await page.getByRole("heading", { level: 1, name: "We could not find that page" }).waitFor();
    await a.check(page, "404 page");
    expectNoBrowserErrors(head, [404]);

    await page.goto(`${app.url}/admin`);
    await page.getByRole("heading", { level: 1, name: "You do not have access to this" }).waitFor();
    expect(await page.title()).toBe("You do not have access to this · Commons");
    await a.check(page, "403 page");
    expectNoBrowserErrors(head, [403]);
    a.assertClean();
  });

  it("the dashboard of someone with no roles yet", async () => {
    const nobody = await person();
    const a = audit();
    await login(nobody.page, emails.nobody);
    await nobody.page.getByText("You do not have a role in Commons yet").waitFor();
    await a.check(nobody.page, "dashboard with no roles");
    expectNoBrowserErrors(nobody);
    a.assertClean();
  });

  it("every admin page, including forms showing their errors", async () => {
    const admin = await person();
    const { page } = admin;
    const a = audit();
    await login(page, emails.admin);
    await page.goto(`${app.url}/admin`);
    await page.getByRole("heading", { level: 1, name: "Authority overview" }).waitFor();
    await a.check(page, "admin overview");

    await page.goto(`${app.url}/admin/schools`);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Add school" }).click();
    await page.locator("#add-school [aria-invalid=true]").first().waitFor();
    await a.check(page, "schools, add-school form with errors");

    await page.goto(`${app.url}/admin/schools/import`);
    await waitForHydration(page);
    await page.getByLabel("Or paste the CSV here").fill("name,reference\nNo Such Columns,X1");
    await page.getByRole("button", { name: "Import schools" }).click();
    await page.getByRole("heading", { name: /^Nothing was imported/ }).waitFor();
    await a.check(page, "school import with errors");
    expectNoBrowserErrors(admin, [400]);

    await page.goto(`${app.url}/admin/people`);
    await page.getByRole("heading", { level: 1, name: /^People and roles/ }).waitFor();
    await a.check(page, "people");
    await page.goto(`${app.url}/admin/people/${ids.head}`);
    await page.getByRole("heading", { level: 1, name: "Hana Head" }).waitFor();
    await a.check(page, "one person's roles");

    await page.goto(`${app.url}/admin/invitations`);
    await waitForHydration(page);
    await page.getByLabel("Email address").fill("new.facilitator@example.test");
    await page.getByLabel("Role").selectOption({ label: "Facilitator" });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page.getByRole("status").filter({ hasText: "new.facilitator@example.test" }).waitFor();
    await a.check(page, "invitations, after sending one");

    await page.goto(`${app.url}/admin/outbox`);
    await page.getByText("You are invited to Commons").first().click();
    await page
      .getByRole("link", { name: /\/invite\// })
      .first()
      .waitFor();
    await a.check(page, "outbox, with a message open");
    expectNoBrowserErrors(admin);
    a.assertClean();
  });
});
