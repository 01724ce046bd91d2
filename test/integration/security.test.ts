import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningCommons } from "../../server/start";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";
import { startTestApp, TestClient } from "../support/app";

const BAD_CREDENTIALS = "That email and password do not match an account. Check them and try again.";
const CROSS_SITE = "This form was sent from another website";

describe.each(await testDatabases())("security on $name", (database) => {
  let app: RunningCommons;
  let schoolId: string;
  let otherSchoolId: string;
  let newUser: () => Promise<string>;

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const { authority, schools } = await makeAuthority(app.services.db);
    const other = await makeAuthority(app.services.db, 1);
    schoolId = schools[0].id;
    otherSchoolId = other.schools[0].id;
    newUser = async () => (await makeUser(app.services.db, authority.id, [{ role: "school_leader", schoolId }])).email;
  });
  afterAll(() => app?.close());

  describe("Origin check", () => {
    it("refuses a sign-in with neither Origin nor Referer, and sets no cookie", async () => {
      const client = new TestClient(app.url);
      const res = await client.post("/login", { email: await newUser(), password: TEST_PASSWORD }, { origin: null });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(CROSS_SITE);
      expect(res.headers.getSetCookie()).toHaveLength(0);
      expect(client.cookies.size).toBe(0);
    });

    it("refuses a sign-in from a foreign Origin", async () => {
      const client = new TestClient(app.url);
      const fields = { email: await newUser(), password: TEST_PASSWORD };
      const res = await client.post("/login", fields, { origin: "https://evil.example" });
      expect(res.status).toBe(403);
      expect(res.headers.getSetCookie()).toHaveLength(0);
    });

    it("handles a sign-in from its own origin, or with only a same-origin Referer", async () => {
      const email = await newUser();
      const own = await new TestClient(app.url).post("/login", { email, password: TEST_PASSWORD });
      expect(own.status).toBe(302);
      expect(own.headers.get("location")).toBe("/dashboard");
      // A browser that hides the origin sends `Origin: null` or none at all; the Referer then decides.
      for (const origin of [null, "null"]) {
        const byReferer = await new TestClient(app.url).request("/login", {
          method: "POST",
          origin,
          headers: { "Content-Type": "application/x-www-form-urlencoded", Referer: `${app.url}/login` },
          body: new URLSearchParams({ email, password: TEST_PASSWORD }),
        });
        expect(byReferer.status, `Origin: ${origin}`).toBe(302);
      }
    });

    it("refuses a cross-site sign-out and keeps the session valid", async () => {
      const client = new TestClient(app.url);
      await client.signIn(await newUser(), TEST_PASSWORD);
      const res = await client.post("/logout", {}, { origin: "https://evil.example" });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(CROSS_SITE);
      expect((await client.request("/dashboard")).status).toBe(200);
    });
  });

  describe("sign-in throttling", () => {
    const attempt = async (email: string, password: string) => {
      const res = await new TestClient(app.url).signIn(email, password);
      return { status: res.status, text: await res.text(), cookies: res.headers.getSetCookie() };
    };

    it("locks an account after 5 wrong passwords, even against the right one", async () => {
      const email = await newUser();
      for (let i = 1; i <= 5; i++) {
        const res = await attempt(email, `wrong password ${i}`);
        expect(res.status, `attempt ${i}`).toBe(400);
        expect(res.text).toContain(BAD_CREDENTIALS);
      }
      const sixth = await attempt(email, TEST_PASSWORD);
      expect(sixth.status).toBe(429);
      expect(sixth.text).toContain("Too many sign-in attempts");
      expect(sixth.cookies).toHaveLength(0);
      // Keyed on the account, whatever the case of the address.
      expect((await attempt(email.toUpperCase(), TEST_PASSWORD)).status).toBe(429);
    });

    it("lets another account sign in from the same address", async () => {
      const locked = await newUser();
      for (let i = 0; i < 5; i++) await attempt(locked, "wrong password!");
      expect((await attempt(locked, TEST_PASSWORD)).status).toBe(429);
      const res = await new TestClient(app.url).signIn(await newUser(), TEST_PASSWORD);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/dashboard");
    });

    it("answers an unknown email exactly as a wrong password, and throttles it the same way", async () => {
      const known = await newUser();
      const unknown = `nobody-${Date.now()}@example.test`;
      // The address typed, and the per-response script nonce, are the only differences allowed.
      const mask = (text: string, email: string) =>
        text.replaceAll(email, "EMAIL").replace(/nonce="[^"]*"/g, 'nonce="N"');
      for (let i = 1; i <= 5; i++) {
        const [a, b] = [await attempt(known, "wrong password!"), await attempt(unknown, "wrong password!")];
        expect(b.status, `attempt ${i}`).toBe(a.status);
        expect(mask(b.text, unknown), `attempt ${i}`).toBe(mask(a.text, known));
        expect(b.text).toContain(BAD_CREDENTIALS);
      }
      const [a, b] = [await attempt(known, "wrong password!"), await attempt(unknown, "wrong password!")];
      expect([a.status, b.status]).toEqual([429, 429]);
      expect(b.text).toContain("Too many sign-in attempts");
      expect(mask(b.text, unknown)).toBe(mask(a.text, known));
    });
  });

  describe("access", () => {
    let leader: TestClient;
    beforeAll(async () => {
      leader = new TestClient(app.url);
      expect((await leader.signIn(await newUser(), TEST_PASSWORD)).status).toBe(302);
    });

    it("sends a visitor without a session to sign in, coming back afterwards", async () => {
      const res = await new TestClient(app.url).request("/dashboard");
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fdashboard");
    });

    it("refuses /admin to a school leader with a 403 in plain words", async () => {
      const res = await leader.request("/admin");
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/This area is for your local authority(&#x27;|')s administrators/);
    });

    it("shows a leader their own school", async () => {
      expect((await leader.request(`/schools/${schoolId}`)).status).toBe(200);
    });

    it("answers 404 for a school of another authority and for an id that is not a uuid", async () => {
      const foreign = await leader.request(`/schools/${otherSchoolId}`);
      expect(foreign.status).toBe(404);
      expect(await foreign.text()).toContain("We could not find that page");
      expect((await leader.request("/schools/not-a-uuid")).status).toBe(404);
    });
  });

  describe("Content-Security-Policy", () => {
    it("lets only this response's own scripts run: every inline script carries the nonce the header names", async () => {
      const first = await fetch(`${app.url}/login`);
      const csp = first.headers.get("content-security-policy") ?? "";
      const nonce = csp.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).toContain("script-src 'self' 'nonce-");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      const html = await first.text();
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
      // A new nonce on every response: one seen in a page is no use for the next.
      const second = await fetch(`${app.url}/login`);
      expect(second.headers.get("content-security-policy")).not.toContain(nonce!);
      expect(second.headers.get("x-frame-options")).toBe("DENY");
      expect(second.headers.get("x-content-type-options")).toBe("nosniff");
    });
  });
});
