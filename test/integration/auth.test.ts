import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../../app/features/auth/sessions.server";
import type { DatabaseHandle } from "../../db/client";
import type { RunningCommons } from "../../server/start";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";
import { startTestApp, TestClient } from "../support/app";

const COOKIE = "commons_session";

describe.each(await testDatabases())("sign-in and sessions on $name", (database) => {
  let app: RunningCommons;
  let email: string;

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const { authority, schools } = await makeAuthority(app.services.db);
    const user = await makeUser(app.services.db, authority.id, [{ role: "school_leader", schoolId: schools[0].id }]);
    email = user.email;
  });
  afterAll(() => app?.close());

  /** A client that presents only this session id, like a replayed cookie. */
  const replay = (sessionId: string) => {
    const client = new TestClient(app.url);
    client.cookies.set(COOKIE, sessionId);
    return client;
  };

  it("signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const client = new TestClient(app.url);
    const res = await client.signIn(email, TEST_PASSWORD);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/dashboard");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    const dashboard = await client.request("/dashboard");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("Your school");
  });

  it("refuses a wrong password with a message and sets no cookie", async () => {
    const client = new TestClient(app.url);
    const res = await client.signIn(email, "not the password at all");
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie()).toHaveLength(0);
    expect(await res.text()).toContain("do not match an account");
  });

  it("gives a new session id on every sign-in and ends the one it replaces", async () => {
    const client = new TestClient(app.url);
    await client.signIn(email, TEST_PASSWORD);
    const first = client.cookies.get(COOKIE)!;
    expect(first).toBeTruthy();

    const again = await client.signIn(email, TEST_PASSWORD);
    expect(again.status).toBe(302);
    const second = client.cookies.get(COOKIE)!;
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    expect((await client.request("/dashboard")).status).toBe(200);
    const old = await replay(first).request("/dashboard");
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe("/login?redirectTo=%2Fdashboard");
    expect(await app.services.auth.isLive(first)).toBe(false);
  });

  it("ends the session on the server at sign-out, so a replayed cookie no longer works", async () => {
    const client = new TestClient(app.url);
    await client.signIn(email, TEST_PASSWORD);
    const sessionId = client.cookies.get(COOKIE)!;
    expect((await replay(sessionId).request("/dashboard")).status).toBe(200);

    const out = await client.post("/logout", {});
    expect(out.status).toBe(302);
    expect(out.headers.get("location")).toBe("/login?signedOut=1");
    expect(client.cookies.has(COOKIE)).toBe(false);

    const replayed = await replay(sessionId).request("/dashboard");
    expect(replayed.status).toBe(302);
    expect(replayed.headers.get("location")).toBe("/login?redirectTo=%2Fdashboard");
    expect(await app.services.auth.isLive(sessionId)).toBe(false);
  });

  it("uses a Secure cookie named __Host-commons_session when APP_URL is https", async () => {
    const origin = "https://commons.example.org";
    const secureApp = await startTestApp(await database.open(), { APP_URL: origin });
    try {
      const { authority, schools } = await makeAuthority(secureApp.services.db, 1);
      const grants = [{ role: "school_leader" as const, schoolId: schools[0].id }];
      const user = await makeUser(secureApp.services.db, authority.id, grants);
      const client = new TestClient(secureApp.url);
      const res = await client.post("/login", { email: user.email, password: TEST_PASSWORD }, { origin });
      expect(res.status).toBe(302);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-commons_session="));
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
      expect(cookie).not.toMatch(/Domain=/i);
      expect(client.cookies.has(COOKIE)).toBe(false);
      expect((await client.request("/dashboard")).status).toBe(200);
    } finally {
      await secureApp.close();
    }
  });
});

describe.each(await testDatabases())("session lifetimes (createAuth with a clock) on $name", (database) => {
  const HOUR = 3_600_000;
  const idleMs = 8 * HOUR;
  const absoluteMs = 3 * idleMs;
  let handle: DatabaseHandle;
  let userId: string;
  let clock: number;

  beforeAll(async () => {
    handle = await database.open();
    const { authority, schools } = await makeAuthority(handle.db, 1);
    userId = (await makeUser(handle.db, authority.id, [{ role: "school_leader", schoolId: schools[0].id }])).id;
  });
  afterAll(() => handle?.close());

  /** A session started at `start`; `at(ms)` uses it `ms` after the start. */
  async function signedIn() {
    const start = Date.UTC(2030, 0, 1, 9);
    clock = start;
    const auth = createAuth(handle.db, { idleMs, absoluteMs, secure: false, now: () => new Date(clock) });
    const cookie = (await auth.startSession(userId)).split(";")[0];
    const at = (ms: number) => {
      clock = start + ms;
      return auth.validate(cookie);
    };
    return { auth, cookie, at };
  }

  it("keeps an unused session until idleMs, and ends it once idleMs pass without activity", async () => {
    const kept = await signedIn();
    expect(await kept.at(idleMs - 60_000)).not.toBeNull();
    const idle = await signedIn();
    expect(await idle.at(idleMs + 60_000)).toBeNull();
    expect(await idle.auth.isLive(idle.cookie.split("=")[1])).toBe(false);
  });

  it("extends the idle limit on activity and refreshes the cookie", async () => {
    const { at } = await signedIn();
    const active = await at(0.75 * idleMs);
    expect(active).not.toBeNull();
    expect(active!.setCookie).toMatch(new RegExp(`^${COOKIE}=`));
    expect(await at(1.5 * idleMs)).not.toBeNull();
    expect(await at(2.25 * idleMs)).not.toBeNull();
    expect(await at(2.25 * idleMs + idleMs + 60_000)).toBeNull();
  });

  it("ends a session after absoluteMs even when it is used all the time", async () => {
    const { at } = await signedIn();
    for (let t = 0.75 * idleMs; t <= absoluteMs; t += 0.75 * idleMs) {
      expect(await at(t), `still signed in after ${t / HOUR} hours`).not.toBeNull();
    }
    // Used a moment ago, so only the absolute limit can end it.
    expect(await at(absoluteMs + 60_000)).toBeNull();
  });
});
