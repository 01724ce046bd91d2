import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMail } from "../../db/queries/mail";
import { createPasswordReset } from "../../db/queries/password-resets";
import { findUserByEmail } from "../../db/queries/users";
import { hashToken } from "../../app/features/auth/tokens.server";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

const mainOf = (html: string) => html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
const SENT = "If an account uses that address, we have sent a link to it.";
const UNUSABLE = "This link cannot be used: it has been used already or has expired.";
const NEW_PASSWORD = "a brand new passphrase";

describe.each(await testDatabases())("forgot password and own profile on $name", (database) => {
  let app: RunningCommons;
  let authorityId: string;
  const db = () => app.services.db;
  const person = () => makeUser(db(), authorityId, [{ role: "sip" }], { name: "Sam Partner" });

  /** The reset link's token from the newest mail to `email` (the link is mailed just after the answer). */
  async function resetToken(email: string): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const mail = (await listMail(db(), authorityId)).find((m) => m.toAddress === email);
      const token = mail?.bodyText.match(/\/reset-password\/([A-Za-z0-9_-]+)/)?.[1];
      if (token) return token;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no reset mail to ${email}`);
  }
  const ask = (email: string) => new TestClient(app.url).post("/forgot-password", { email });
  const reset = (client: TestClient, token: string, password = NEW_PASSWORD) =>
    client.post(`/reset-password/${token}`, { password, confirm: password });

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    authorityId = (await makeAuthority(db(), 1)).authority.id;
  });
  afterAll(() => app?.close());

  it("links to the form from sign-in, and answers a known and an unknown address alike", async () => {
    expect(await visible(await new TestClient(app.url).request("/login"))).toContain('href="/forgot-password"');
    const user = await person();
    const known = await ask(user.email.toUpperCase());
    const unknown = await ask(`nobody-${randomBytes(4).toString("hex")}@example.test`);
    expect([known.status, unknown.status]).toEqual([200, 200]);
    const knownMain = mainOf(await visible(known));
    expect(knownMain).toContain(SENT);
    expect(knownMain).toBe(mainOf(await visible(unknown)));

    const token = await resetToken(user.email);
    const mail = (await listMail(db(), authorityId)).find((m) => m.toAddress === user.email)!;
    expect(mail.subject).toBe("Reset your Commons password");
    expect(mail.status).toBe("outbox");
    expect(mail.bodyText).toContain(`${app.url}/reset-password/${token}`);
    expect((await listMail(db(), authorityId)).filter((m) => m.toAddress.startsWith("nobody-"))).toEqual([]);
  });

  it("works once: ends every session, signs in anew, and the old password no longer works", async () => {
    const user = await person();
    const elsewhere = new TestClient(app.url);
    expect((await elsewhere.signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    await ask(user.email);
    const token = await resetToken(user.email);
    const page = await new TestClient(app.url).request(`/reset-password/${token}`);
    expect(page.status).toBe(200);
    expect(await visible(page)).toContain(user.email);

    const short = await reset(new TestClient(app.url), token, "elevenchars");
    expect(short.status).toBe(400);
    expect(await visible(short)).toContain("Your password must be at least 12 characters");

    const browser = new TestClient(app.url);
    const done = await reset(browser, token);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/dashboard");
    expect((await browser.request("/dashboard")).status).toBe(200);
    expect((await elsewhere.request("/dashboard")).status).toBe(302);
    expect((await new TestClient(app.url).signIn(user.email, TEST_PASSWORD)).status).toBe(400);
    expect((await new TestClient(app.url).signIn(user.email, NEW_PASSWORD)).status).toBe(302);

    const again = await new TestClient(app.url).request(`/reset-password/${token}`);
    expect(again.status).toBe(404);
    const html = await visible(again);
    expect(html).toContain(UNUSABLE);
    expect(html).toContain('href="/forgot-password"');
    expect((await reset(new TestClient(app.url), token, "yet another passphrase")).status).toBe(404);
  });

  it("refuses an expired link in words and leaves the password alone", async () => {
    const user = await person();
    const token = randomBytes(32).toString("base64url");
    await createPasswordReset(db(), {
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() - 60_000),
    });
    const page = await new TestClient(app.url).request(`/reset-password/${token}`);
    expect(page.status).toBe(404);
    expect(await visible(page)).toContain(UNUSABLE);
    expect((await reset(new TestClient(app.url), token)).status).toBe(404);
    expect((await new TestClient(app.url).signIn(user.email, TEST_PASSWORD)).status).toBe(302);
  });

  it("limits requests per address typed, known or not, with the same answer", async () => {
    const user = await person();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask(user.email)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const unknown = `nobody-${randomBytes(4).toString("hex")}@example.test`;
    const unknownStatuses: number[] = [];
    for (let i = 0; i < 4; i++) unknownStatuses.push((await ask(unknown)).status);
    expect(unknownStatuses).toEqual(statuses);
    expect(await visible(await ask(user.email))).toContain("Too many requests for a link");
    await resetToken(user.email);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await listMail(db(), authorityId)).filter((m) => m.toAddress === user.email)).toHaveLength(3);
  });

  it("lets a person change their name, shown in the header", async () => {
    const user = await person();
    const client = new TestClient(app.url);
    await client.signIn(user.email, TEST_PASSWORD);
    const page = await visible(await client.request("/profile"));
    expect(page).toContain('href="/profile"');
    expect(page).toContain(user.email);
    const empty = await client.post("/profile", { intent: "name", name: "" });
    expect(empty.status).toBe(400);
    expect(await visible(empty)).toContain("Enter your name");
    const saved = await client.post("/profile", { intent: "name", name: "Samira Partner" });
    expect(saved.status).toBe(200);
    expect(await visible(saved)).toContain("Your name is saved.");
    expect((await findUserByEmail(db(), user.email))?.name).toBe("Samira Partner");
    expect(await visible(await client.request("/dashboard"))).toContain("Samira Partner");
    expect((await new TestClient(app.url).request("/profile")).status).toBe(302);
  });

  it("changes the password only with the current one, ending the other sessions and keeping this one", async () => {
    const user = await person();
    const [here, elsewhere] = [new TestClient(app.url), new TestClient(app.url)];
    await here.signIn(user.email, TEST_PASSWORD);
    await elsewhere.signIn(user.email, TEST_PASSWORD);
    const change = (current: string) =>
      here.post("/profile", { intent: "password", current, password: NEW_PASSWORD, confirm: NEW_PASSWORD });

    const wrong = await change("not my password at all");
    expect(wrong.status).toBe(400);
    expect(await visible(wrong)).toContain("That is not your current password");
    expect((await elsewhere.request("/dashboard")).status).toBe(200);

    const mismatch = await here.post("/profile", {
      intent: "password",
      current: TEST_PASSWORD,
      password: NEW_PASSWORD,
      confirm: `${NEW_PASSWORD}!`,
    });
    expect(mismatch.status).toBe(400);
    expect(await visible(mismatch)).toContain("The two passwords are not the same");

    const done = await change(TEST_PASSWORD);
    expect(done.status).toBe(200);
    expect(await visible(done)).toContain("Your password is changed.");
    expect((await here.request("/dashboard")).status).toBe(200);
    expect((await elsewhere.request("/dashboard")).status).toBe(302);
    expect((await new TestClient(app.url).signIn(user.email, NEW_PASSWORD)).status).toBe(302);
  });
});
