/**
 * The limit on password guesses, through the sign-in service with explicit client addresses and
 * device cookies (the HTTP tests all come from one address): the claim counts and decides in one
 * statement, a school's shared address cannot lock out people on their own browsers, and a stranger
 * guessing at an account does not lock its owner out of a browser they already use. ADR 016.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { signIn, type SignInResult } from "../../app/features/auth/service.server";
import { resetPassword } from "../../app/features/auth/account.server";
import { createToken } from "../../app/features/auth/tokens.server";
import { readDeviceToken } from "../../app/features/auth/trusted-device.server";
import { createPasswordReset } from "../../db/queries/password-resets";
import { findUserByEmail } from "../../db/queries/users";
import { createAuth } from "../../app/features/auth/sessions.server";
import { createLogger } from "../../app/utils/logger.server";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

let addressCounter = 0;
/** A fresh client address per test, so tests do not share the address bucket. */
const newAddress = () => `198.51.100.${++addressCounter}`;

describe.each(await testDatabases())("the sign-in throttle on $name", (database) => {
  let handle: DatabaseHandle;
  let deps: {
    db: DatabaseHandle["db"];
    logger: ReturnType<typeof createLogger>;
    auth: ReturnType<typeof createAuth>;
    realtime: { sessionEnded(sessionId: string): void; accessChanged(userId: string): void };
  };
  let authorityId: string;

  const newEmail = async () => (await makeUser(handle.db, authorityId, [{ role: "sip" }])).email;
  const attempt = (email: string, password: string, ip: string, deviceToken: string | null = null) =>
    signIn(deps, { ip, sessionId: null, deviceToken }, { email, password });
  /** Signs in rightly from `ip` and returns the trusted-device token the browser was given. */
  const trustedBrowser = async (email: string, ip: string) => {
    const result = await attempt(email, TEST_PASSWORD, ip);
    if (!result.ok) throw new Error(`could not sign in: ${result.reason}`);
    const token = readDeviceToken(result.cookies.find((c) => c.startsWith("commons_device="))?.split(";")[0]);
    if (!token) throw new Error("no device cookie was given");
    return token;
  };
  const outcome = (r: SignInResult) => (r.ok ? "signed-in" : r.reason);

  beforeAll(async () => {
    handle = await database.open();
    deps = {
      db: handle.db,
      logger: createLogger("silent"),
      auth: createAuth(handle.db, { idleMs: 3_600_000, absoluteMs: 86_400_000, secure: false }),
      realtime: { sessionEnded: () => {}, accessChanged: () => {} },
    };
    authorityId = (await makeAuthority(handle.db)).authority.id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("evaluates at most 5 passwords when 30 guesses arrive at once", async () => {
    const email = await newEmail();
    const ip = newAddress();
    // One of the 30 is the right password: it may be among the 5 evaluated, or refused.
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(email, i === 17 ? TEST_PASSWORD : `wrong password ${i}`, ip)),
    );
    const evaluated = results.filter((r) => outcome(r) !== "throttled");
    expect(evaluated.length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => outcome(r) === "throttled").length).toBeGreaterThanOrEqual(25);
  });

  it("refuses the sixth guess at an account, even the right password, from a new browser", async () => {
    const email = await newEmail();
    const ip = newAddress();
    for (let i = 0; i < 5; i++) expect(outcome(await attempt(email, "wrong password!", ip))).toBe("bad-credentials");
    const sixth = await attempt(email, TEST_PASSWORD, ip);
    expect(sixth).toMatchObject({ ok: false, reason: "throttled" });
    expect(!sixth.ok && sixth.reason === "throttled" && sixth.retryAfterMinutes).toBeGreaterThanOrEqual(14);
  });

  it("a right password gives the address its attempt back and clears the account", async () => {
    const email = await newEmail();
    const ip = newAddress();
    for (let i = 0; i < 4; i++) await attempt(email, "wrong password!", ip);
    expect(outcome(await attempt(email, TEST_PASSWORD, ip))).toBe("signed-in");
    // The account starts again: five more wrong guesses are answered, not refused.
    for (let i = 0; i < 5; i++) expect(outcome(await attempt(email, "wrong password!", ip))).toBe("bad-credentials");
  });

  it("a flood of guesses from a school's shared address does not lock out its staff on their own browsers", async () => {
    const school = newAddress();
    const head = await newEmail();
    const teacher = await newEmail();
    const headBrowser = await trustedBrowser(head, school);
    // 100 failures from the school's address (someone trying unknown accounts)…
    for (let i = 0; i < 100; i++) await attempt(`nobody-${i}@example.test`, "wrong password!", school);
    // …lock the address for browsers it does not know,
    expect(outcome(await attempt(teacher, TEST_PASSWORD, school))).toBe("throttled");
    // but the head's own browser still signs in, and keeps being trusted.
    expect(outcome(await attempt(head, TEST_PASSWORD, school, headBrowser))).toBe("signed-in");
    // A refused attempt did not count against the teacher's account: from elsewhere, five guesses are still answered.
    const home = newAddress();
    for (let i = 0; i < 4; i++)
      expect(outcome(await attempt(teacher, "wrong password!", home))).toBe("bad-credentials");
    expect(outcome(await attempt(teacher, TEST_PASSWORD, home))).toBe("signed-in");
  });

  it("a stranger guessing at an account does not lock its owner out of their own browser; the browser has its own limit", async () => {
    const email = await newEmail();
    const mine = await trustedBrowser(email, newAddress());
    const stranger = newAddress();
    for (let i = 0; i < 6; i++) await attempt(email, "wrong password!", stranger);
    expect(outcome(await attempt(email, TEST_PASSWORD, stranger))).toBe("throttled");
    expect(outcome(await attempt(email, TEST_PASSWORD, newAddress(), mine))).toBe("signed-in");
    // The trusted browser's own bucket: 5 wrong guesses, then refused.
    for (let i = 0; i < 5; i++)
      expect(outcome(await attempt(email, "wrong password!", newAddress(), mine))).toBe("bad-credentials");
    expect(outcome(await attempt(email, TEST_PASSWORD, newAddress(), mine))).toBe("throttled");
  });

  it("a device cookie of another account, or a made-up one, counts for nothing", async () => {
    const email = await newEmail();
    const othersBrowser = await trustedBrowser(await newEmail(), newAddress());
    const ip = newAddress();
    for (let i = 0; i < 5; i++) await attempt(email, "wrong password!", ip);
    expect(outcome(await attempt(email, TEST_PASSWORD, newAddress(), othersBrowser))).toBe("throttled");
    expect(outcome(await attempt(email, TEST_PASSWORD, newAddress(), "A".repeat(43)))).toBe("throttled");
  });

  it("a password reset forgets every trusted browser of the account", async () => {
    const email = await newEmail();
    const mine = await trustedBrowser(email, newAddress());
    const user = await findUserByEmail(handle.db, email);
    const { token, hash } = createToken();
    await createPasswordReset(handle.db, {
      userId: user!.id,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect(
      await resetPassword(deps, { ip: newAddress(), sessionId: null }, token, "a brand new passphrase"),
    ).not.toBeNull();
    // The old browser is an ordinary one again: the account's own limit applies to it.
    const ip = newAddress();
    for (let i = 0; i < 5; i++) await attempt(email, "wrong password!", ip);
    expect(outcome(await attempt(email, "a brand new passphrase", newAddress(), mine))).toBe("throttled");
  });
});
