import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvitation, findUsableInvitation, listInvitations } from "../../db/queries/invitations";
import { listMail } from "../../db/queries/mail";
import type { School } from "../../db/queries/schools";
import { findUserByEmail, getGrants } from "../../db/queries/users";
import { hashToken } from "../../app/features/auth/tokens.server";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

const mainOf = (html: string) => html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";

const UNUSABLE = "This invitation link cannot be used.";
const GOOD = "a long enough passphrase";

describe.each(await testDatabases())("invitations on $name", (database) => {
  let app: RunningCommons;
  let authorityId: string;
  let schools: School[];
  let adminId: string;
  let admin: TestClient;
  let head: TestClient;
  const db = () => app.services.db;
  const newEmail = () => `invitee-${randomBytes(4).toString("hex")}@Example.test`;

  /** Invites through the admin form; returns the token from the link in the stored mail. */
  async function invite(role: string, schoolId = "", email = newEmail()) {
    const res = await admin.post("/admin/invitations", { email, role, schoolId });
    expect(res.status).toBe(200);
    const mail = (await listMail(db(), authorityId)).find((m) => m.toAddress === email.toLowerCase());
    const token = mail?.bodyText.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeTruthy();
    return { email: email.toLowerCase(), token: token!, res, mail: mail! };
  }
  const accept = (client: TestClient, token: string, fields: Record<string, string>) =>
    client.post(`/invite/${token}`, fields);
  const newAccount = { name: "Priya Shah", password: GOOD, confirm: GOOD };

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const made = await makeAuthority(db(), 2);
    authorityId = made.authority.id;
    schools = made.schools;
    const adminUser = await makeUser(db(), authorityId, [{ role: "authority_admin" }], { name: "Alex Admin" });
    const headUser = await makeUser(db(), authorityId, [{ role: "school_leader", schoolId: schools[0].id }]);
    adminId = adminUser.id;
    admin = new TestClient(app.url);
    head = new TestClient(app.url);
    expect((await admin.signIn(adminUser.email, TEST_PASSWORD)).status).toBe(302);
    expect((await head.signIn(headUser.email, TEST_PASSWORD)).status).toBe(302);
  });
  afterAll(() => app?.close());

  it("stores the invitation email with its link in the outbox when there is no SMTP_URL", async () => {
    const { email, token, res, mail } = await invite("school_leader", schools[1].id);
    expect(await visible(res)).toContain(`Invitation for ${email} created. No mail server is set up`);
    expect(mail.status).toBe("outbox");
    expect(mail.subject).toBe("You are invited to Commons");
    expect(mail.bodyText).toContain(`${app.url}/invite/${token}`);
    expect(mail.bodyText).toContain(`Alex Admin has invited you`);
    const found = await findUsableInvitation(db(), hashToken(token));
    expect(found?.invitation).toMatchObject({
      email,
      role: "school_leader",
      schoolId: schools[1].id,
      invitedBy: adminId,
    });
  });

  it("accepts once: shows the role, creates the account and grant, signs in, then refuses the link", async () => {
    const { email, token } = await invite("school_leader", schools[1].id);
    const page = await new TestClient(app.url).request(`/invite/${token}`);
    expect(page.status).toBe(200);
    const html = await visible(page);
    expect(html).toContain(`Head teacher of ${schools[1].name}`);
    expect(html).toContain(email);

    const invitee = new TestClient(app.url);
    const res = await accept(invitee, token, newAccount);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/dashboard");
    expect(invitee.cookies.get("commons_session")).toBeTruthy();
    const user = await findUserByEmail(db(), email);
    expect(user?.name).toBe("Priya Shah");
    expect(await getGrants(db(), user!.id)).toEqual([{ role: "school_leader", authorityId, schoolId: schools[1].id }]);
    const dashboard = await invitee.request("/dashboard");
    expect(dashboard.status).toBe(200);
    const board = await visible(dashboard);
    expect(board).toContain("Your school");
    expect(board).toContain(schools[1].name);

    const again = await new TestClient(app.url).request(`/invite/${token}`);
    expect(again.status).toBe(404);
    expect(await visible(again)).toContain(UNUSABLE);
    const reuse = await accept(new TestClient(app.url), token, { ...newAccount, name: "Someone Else" });
    expect(reuse.status).toBe(404);
    expect((await findUserByEmail(db(), email))?.name).toBe("Priya Shah");
  });

  it("answers an expired invitation exactly as an unknown one, and will not accept it", async () => {
    const token = randomBytes(32).toString("base64url");
    const email = newEmail();
    await createInvitation(db(), {
      authorityId,
      email,
      role: "facilitator",
      schoolId: null,
      tokenHash: hashToken(token),
      invitedBy: adminId,
      expiresAt: new Date(Date.now() - 60_000),
    });
    const expired = await new TestClient(app.url).request(`/invite/${token}`);
    const unknown = await new TestClient(app.url).request(`/invite/${randomBytes(32).toString("base64url")}`);
    expect(expired.status).toBe(404);
    expect(unknown.status).toBe(404);
    const expiredMain = mainOf(await visible(expired));
    expect(expiredMain).toContain(UNUSABLE);
    expect(expiredMain).toBe(mainOf(await visible(unknown)));
    expect((await accept(new TestClient(app.url), token, newAccount)).status).toBe(404);
    expect(await findUserByEmail(db(), email)).toBeNull();
  });

  it("refuses an 11-character password and leaves the invitation usable", async () => {
    const { email, token } = await invite("facilitator");
    const res = await accept(new TestClient(app.url), token, {
      name: "Sam Lee",
      password: "elevenchars",
      confirm: "elevenchars",
    });
    expect(res.status).toBe(400);
    const html = await visible(res);
    expect(html).toContain("Your password must be at least 12 characters");
    expect(html).not.toContain('value="elevenchars"');
    expect(await findUserByEmail(db(), email)).toBeNull();
    expect(await findUsableInvitation(db(), hashToken(token))).not.toBeNull();
    expect((await accept(new TestClient(app.url), token, newAccount)).status).toBe(302);
  });

  it("refuses a confirmation that does not match", async () => {
    const { email, token } = await invite("sip");
    const res = await accept(new TestClient(app.url), token, { name: "Sam Lee", password: GOOD, confirm: `${GOOD}!` });
    expect(res.status).toBe(400);
    expect(await visible(res)).toContain("The two passwords are not the same");
    expect(await findUserByEmail(db(), email)).toBeNull();
    expect(await findUsableInvitation(db(), hashToken(token))).not.toBeNull();
  });

  it("lets only one of two simultaneous accepts of the same link succeed", async () => {
    const { email, token } = await invite("governor", schools[0].id);
    const results = await Promise.all([
      accept(new TestClient(app.url), token, newAccount),
      accept(new TestClient(app.url), token, { ...newAccount, name: "Second Tab" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 404]);
    const user = await findUserByEmail(db(), email);
    expect(await getGrants(db(), user!.id)).toEqual([{ role: "governor", authorityId, schoolId: schools[0].id }]);
    const accepted = (await listInvitations(db(), authorityId)).filter((i) => i.email === email && i.acceptedAt);
    expect(accepted).toHaveLength(1);
  });

  it("adds the role to an existing account once its password is given", async () => {
    const existing = await makeUser(db(), authorityId, [{ role: "school_leader", schoolId: schools[0].id }]);
    const { token } = await invite("governor", schools[1].id, existing.email.toUpperCase());
    const page = await new TestClient(app.url).request(`/invite/${token}`);
    expect(page.status).toBe(200);
    const html = await visible(page);
    expect(html).toContain("You already have a Commons account. Enter its password");
    expect(html).not.toContain("Choose a password");

    const wrong = await accept(new TestClient(app.url), token, { password: "not the right password" });
    expect(wrong.status).toBe(400);
    expect(await visible(wrong)).toContain("That password is not right");
    expect(await getGrants(db(), existing.id)).toHaveLength(1);
    expect(await findUsableInvitation(db(), hashToken(token))).not.toBeNull();

    const invitee = new TestClient(app.url);
    const right = await accept(invitee, token, { password: TEST_PASSWORD });
    expect(right.status).toBe(302);
    expect(right.headers.get("location")).toBe("/dashboard");
    expect(await getGrants(db(), existing.id)).toEqual(
      expect.arrayContaining([
        { role: "school_leader", authorityId, schoolId: schools[0].id },
        { role: "governor", authorityId, schoolId: schools[1].id },
      ]),
    );
    expect((await findUserByEmail(db(), existing.email))?.id).toBe(existing.id);
    const board = await visible(await invitee.request("/dashboard"));
    expect(board).toContain("Schools you govern");
    expect(board).toContain(schools[1].name);
  });

  it("limits password guesses for an existing account through an invitation, as sign-in does", async () => {
    const existing = await makeUser(db(), authorityId, [{ role: "sip" }]);
    const { token } = await invite("facilitator", "", existing.email);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await accept(new TestClient(app.url), token, { password: `guess number ${i}` })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const locked = await accept(new TestClient(app.url), token, { password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(await visible(locked)).toContain("Too many attempts");
    expect(await getGrants(db(), existing.id)).toEqual([{ role: "sip", authorityId, schoolId: null }]);
    expect((await new TestClient(app.url).signIn(existing.email, TEST_PASSWORD)).status).toBe(429);
  });

  it("requires a school for school roles, and one of the authority's own", async () => {
    const before = (await listInvitations(db(), authorityId)).length;
    const missing = await admin.post("/admin/invitations", { email: newEmail(), role: "school_leader", schoolId: "" });
    expect(missing.status).toBe(400);
    expect(await visible(missing)).toContain("Choose the school for this role");
    const other = await makeAuthority(db(), 1);
    const foreign = await admin.post("/admin/invitations", {
      email: newEmail(),
      role: "governor",
      schoolId: other.schools[0].id,
    });
    expect(foreign.status).toBe(400);
    expect(await visible(foreign)).toContain("Choose a school from the list");
    expect(await listInvitations(db(), authorityId)).toHaveLength(before);
  });

  it("forbids anyone but an admin from inviting or reading the outbox", async () => {
    const mailBefore = (await listMail(db(), authorityId)).length;
    const res = await head.post("/admin/invitations", { email: newEmail(), role: "facilitator", schoolId: "" });
    expect(res.status).toBe(403);
    expect(await listMail(db(), authorityId)).toHaveLength(mailBefore);
    const outbox = await head.request("/admin/outbox");
    expect(outbox.status).toBe(403);
    expect(await visible(outbox)).not.toContain("/invite/");
  });

  it("shows the admin the outbox with each email's subject and clickable link", async () => {
    const { email, token } = await invite("facilitator");
    const res = await admin.request("/admin/outbox");
    expect(res.status).toBe(200);
    const html = await visible(res);
    expect(html).toContain("No mail server is set up");
    expect(html).toContain(`You are invited to Commons</span> to ${email}`);
    expect(html).toContain(`<a href="${app.url}/invite/${token}"`);
  });
});
