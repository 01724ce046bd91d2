/**
 * The admin, notification and sign-in services called directly, without a page: a second entry point
 * (a job, an API) gets the same consequences (mail in the outbox, notifications, throttle, sessions).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { listMail } from "../../db/queries/mail";
import { listForUser } from "../../db/queries/notifications";
import { getGrants } from "../../db/queries/users";
import { changeRole, invitePerson } from "../../app/features/admin/service.server";
import type { CurrentActor } from "../../app/features/auth/guard.server";
import { signIn } from "../../app/features/auth/service.server";
import { createAuth } from "../../app/features/auth/sessions.server";
import { createMailer } from "../../app/features/notifications/mailer.server";
import { markNotificationRead, notify } from "../../app/features/notifications/service.server";
import { parseEnv } from "../../app/utils/env.server";
import { createLogger } from "../../app/utils/logger.server";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

describe.each(await testDatabases())("services without a page on $name", (database) => {
  let handle: DatabaseHandle;
  let deps: Awaited<ReturnType<typeof makeDeps>>;
  let authorityId: string;
  let schoolId: string;
  let admin: CurrentActor;

  async function makeDeps(h: DatabaseHandle) {
    const logger = createLogger("silent");
    const env = parseEnv({ NODE_ENV: "test", SEED_DEMO: "false", LOG_LEVEL: "silent" });
    const mailer = await createMailer({ db: h.db, logger, smtpUrl: null, from: env.mailFrom, logBodies: false });
    const auth = createAuth(h.db, { idleMs: env.sessionIdleMs, absoluteMs: env.sessionAbsoluteMs, secure: false });
    return { db: h.db, logger, env, mailer, auth };
  }

  beforeAll(async () => {
    handle = await database.open();
    deps = await makeDeps(handle);
    const { authority, schools } = await makeAuthority(handle.db);
    authorityId = authority.id;
    schoolId = schools[0].id;
    const user = await makeUser(handle.db, authorityId, [{ role: "authority_admin" }], { name: "Ada Admin" });
    admin = {
      userId: user.id,
      user: { id: user.id, email: user.email, name: user.name },
      grants: await getGrants(handle.db, user.id),
    };
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("notify writes the in-app notification, then queues its email", async () => {
    const head = await makeUser(handle.db, authorityId, [{ role: "school_leader", schoolId }]);
    const email = { authorityId, to: head.email, subject: "A report was shared", text: "Read it." };
    const result = await notify(deps, {
      userId: head.id,
      title: "A report was shared",
      body: "Read it.",
      link: "/dashboard",
      email,
    });
    expect(result.mail?.status).toBe("outbox");
    const [notification] = await listForUser(handle.db, head.id);
    expect(notification).toMatchObject({
      title: "A report was shared",
      body: "Read it.",
      link: "/dashboard",
      readAt: null,
    });
    expect(
      (await listMail(handle.db, authorityId)).some((m) => m.id === result.mail?.id && m.toAddress === head.email),
    ).toBe(true);
  });

  it("someone else's notification is not found, one's own is marked read", async () => {
    const [ben, cy] = [
      await makeUser(handle.db, authorityId, [{ role: "facilitator" }]),
      await makeUser(handle.db, authorityId, [{ role: "facilitator" }]),
    ];
    const { notification } = await notify(deps, { userId: ben.id, title: "Hello", link: "/dashboard" });
    expect(await markNotificationRead(deps, { userId: cy.id }, notification.id)).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await markNotificationRead(deps, { userId: ben.id }, notification.id)).toEqual({ ok: true, marked: 1 });
    expect(await markNotificationRead(deps, { userId: ben.id }, "not-an-id")).toEqual({ ok: false, reason: "invalid" });
  });

  it("inviting someone emails a single-use link to the outbox", async () => {
    const to = "new.head@example.test";
    const result = await invitePerson(deps, admin, {
      authorityId,
      email: to,
      role: "school_leader",
      schoolId,
      requestOrigin: "http://commons.test",
    });
    expect(result).toEqual({ ok: true, mailStatus: "outbox" });
    const mail = (await listMail(handle.db, authorityId)).find((m) => m.toAddress === to);
    expect(mail?.bodyText).toMatch(/Ada Admin has invited you .* as .* of Test School 1/);
    expect(mail?.bodyText).toMatch(/http:\/\/commons\.test\/invite\/[\w-]{40,}/);
  });

  it("inviting to a school outside the authority is a field error, and nothing is sent", async () => {
    const other = await makeAuthority(handle.db, 1);
    const to = "elsewhere@example.test";
    const result = await invitePerson(deps, admin, {
      authorityId,
      email: to,
      role: "governor",
      schoolId: other.schools[0].id,
      requestOrigin: "http://commons.test",
    });
    expect(result).toEqual({ ok: false, fieldErrors: { schoolId: ["Choose a school from the list"] } });
    expect((await listMail(handle.db, authorityId)).some((m) => m.toAddress === to)).toBe(false);
  });

  it("removing a person's last role takes them out of the authority", async () => {
    const gov = await makeUser(handle.db, authorityId, [{ role: "governor", schoolId }]);
    const result = await changeRole(deps, admin, {
      authorityId,
      personId: gov.id,
      role: "governor",
      schoolId,
      action: "remove",
    });
    expect(result).toEqual({ ok: true, leftAuthority: true });
    expect(await getGrants(handle.db, gov.id)).toEqual([]);
  });

  it("signing in starts a session; a wrong password is the same answer as an unknown email", async () => {
    const user = await makeUser(handle.db, authorityId, [{ role: "sip" }]);
    const client = { ip: "203.0.113.9", sessionId: null };
    const ok = await signIn(deps, client, { email: user.email, password: TEST_PASSWORD });
    expect(ok.ok && ok.cookies[0]).toMatch(/^commons_session=/);
    expect(ok.ok && ok.cookies[1]).toMatch(
      /^commons_device=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/,
    );
    expect(await signIn(deps, client, { email: user.email, password: "wrong password!" })).toEqual({
      ok: false,
      reason: "bad-credentials",
    });
    expect(await signIn(deps, client, { email: "nobody@example.test", password: "wrong password!" })).toEqual({
      ok: false,
      reason: "bad-credentials",
    });
  });
});
