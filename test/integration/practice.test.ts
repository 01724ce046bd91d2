/**
 * Between sessions: a leader logs practice shared with a peer of the same cohort, the log is
 * attached to the cohort's next session, and the peer gets an in-app notification that only they
 * can read and mark read.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCohort } from "../../db/queries/communities";
import { listForUser, unreadCount } from "../../db/queries/notifications";
import { cohortSessions, notifications, practiceLogs } from "../../db/schema/index";
import { schoolYearOf } from "../../app/kernel/school-year";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeCommunityWithPeople, makeUser, TEST_PASSWORD } from "../support/factories";

const DAY = 86_400_000;

describe.each(await testDatabases())("practice logs and notifications on $name", (database) => {
  let app: RunningCommons;
  let world: Awaited<ReturnType<typeof makeCommunityWithPeople>>;
  let otto: { id: string; email: string; name: string };
  let olga: { id: string; email: string; name: string };
  let otherCohortId: string;
  let nextSessionId: string;
  const client: Record<"ada" | "ben" | "fay" | "sam" | "otto", TestClient> = {} as never;
  let path: string;
  const valid = () => ({
    learningApplied: "Ran a story circle with my family liaison team",
    insight: "Families had never been asked in a language they read",
    sharedWith: world.people.ben.id,
  });
  const logsBy = (userId: string) =>
    app.services.db.select().from(practiceLogs).where(eq(practiceLogs.authorId, userId));

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const db = app.services.db;
    world = await makeCommunityWithPeople(db);
    otto = await makeUser(db, world.authority.id, [{ role: "school_leader", schoolId: world.schools[0].id }], {
      name: "Otto Elsewhere",
    });
    olga = await makeUser(db, world.authority.id, [{ role: "school_leader", schoolId: world.schools[1].id }], {
      name: "Olga Elsewhere",
    });
    otherCohortId = (
      await createCohort(db, {
        authorityId: world.authority.id,
        name: "Cohort Two",
        schoolYear: schoolYearOf(new Date()),
        facilitatorIds: [],
        leaderIds: [otto.id, olga.id],
      })
    ).id;
    const now = Date.now();
    const sessions = await db
      .insert(cohortSessions)
      .values([
        { cohortId: world.cohort.id, title: "Session 2", startsAt: new Date(now - 7 * DAY) },
        { cohortId: world.cohort.id, title: "Session 4", startsAt: new Date(now + 40 * DAY) },
        { cohortId: world.cohort.id, title: "Session 3", startsAt: new Date(now + 5 * DAY) },
      ])
      .returning();
    nextSessionId = sessions.find((s) => s.title === "Session 3")!.id;
    const emails = {
      ada: world.people.ada.email,
      ben: world.people.ben.email,
      fay: world.people.fay.email,
      sam: world.people.sam.email,
      otto: otto.email,
    };
    for (const [key, email] of Object.entries(emails)) {
      const c = new TestClient(app.url);
      expect((await c.signIn(email, TEST_PASSWORD)).status).toBe(302);
      client[key as keyof typeof client] = c;
    }
    path = `/cohorts/${world.cohort.id}/practice`;
  });
  afterAll(() => app?.close());

  it("shows the page to the cohort only: leaders get the form, the SIP and outsiders get 404", async () => {
    expect((await client.otto.request(path)).status).toBe(404);
    expect((await client.sam.request(path)).status).toBe(404);
    const ada = await visible(await client.ada.request(path));
    expect(ada).toContain("Log your practice");
    expect(ada).toContain("Your log will be listed for Session 3");
    expect(ada).toContain("You have not logged anything yet.");
    // Only cohort leaders other than me are offered as peers.
    expect(ada).toMatch(/<option value="[^"]+">Ben Member<\/option>/);
    expect(ada).not.toContain(">Ada Member</option>");
    expect(ada).not.toContain("Otto Elsewhere");
    const fay = await visible(await client.fay.request(path));
    expect(fay).not.toContain("Log your practice");
    expect(fay).toContain("0 of 2 leaders have logged their practice.");
  });

  it("logs practice for the next session and notifies the peer with a link to the log", async () => {
    const res = await client.ada.post(path, valid());
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("Saved, and Ben Member has been notified.");
    const [log] = await logsBy(world.people.ada.id);
    expect(log).toMatchObject({
      cohortId: world.cohort.id,
      sessionId: nextSessionId,
      sharedWithUserId: world.people.ben.id,
      insight: valid().insight,
    });

    const [note] = await listForUser(app.services.db, world.people.ben.id);
    expect(note).toMatchObject({
      title: "Ada Member shared an insight with you",
      link: `/cohorts/${world.cohort.id}/practice#log-${log.id}`,
      readAt: null,
    });
    expect(await listForUser(app.services.db, world.people.ada.id)).toEqual([]);

    // The peer finds it on the page the link leads to; the facilitator sees every log.
    const ben = await visible(await client.ben.request(path));
    expect(ben).toContain(`id="log-${log.id}"`);
    expect(ben).toContain(valid().insight);
    expect(ben).toContain("For discussion at Session 3");
    const fay = await visible(await client.fay.request(path));
    expect(fay).toContain("1 of 2 leaders have logged their practice.");
    expect(fay).toContain(valid().learningApplied);
  });

  it("refuses a peer outside the cohort, oneself, and incomplete logs, keeping what was typed", async () => {
    const before = (await logsBy(world.people.ada.id)).length;
    const unreadBefore = await unreadCount(app.services.db, otto.id);
    const cases: Array<[Record<string, string>, string]> = [
      [{ ...valid(), sharedWith: otto.id }, "Choose a colleague from your cohort."],
      [{ ...valid(), sharedWith: world.people.fay.id }, "Choose a colleague from your cohort."],
      [{ ...valid(), sharedWith: world.people.ada.id }, "Choose a colleague from your cohort."],
      [{ ...valid(), sharedWith: "" }, "Choose the colleague you shared it with."],
      [{ ...valid(), insight: "" }, "Write the insight you captured."],
      [{ ...valid(), learningApplied: " " }, "Say what you applied from the last session."],
    ];
    for (const [fields, message] of cases) {
      const res = await client.ada.post(path, fields);
      expect(res.status, message).toBe(400);
      const html = await visible(res);
      expect(html).toContain(message);
      if (fields.insight) expect(html).toContain(`>${fields.insight}</textarea>`);
    }
    expect((await logsBy(world.people.ada.id)).length).toBe(before);
    expect(await unreadCount(app.services.db, otto.id)).toBe(unreadBefore);
  });

  it("lets only the cohort's leaders log: the facilitator gets 403, the SIP and outsiders 404", async () => {
    expect((await client.fay.post(path, { ...valid(), sharedWith: world.people.ada.id })).status).toBe(403);
    expect((await client.sam.post(path, valid())).status).toBe(404);
    expect((await client.otto.post(path, { ...valid(), sharedWith: olga.id })).status).toBe(404);
    expect(await logsBy(world.people.fay.id)).toEqual([]);
    expect(await logsBy(otto.id)).toEqual([]);
  });

  it("keeps a log without a session when none is scheduled", async () => {
    const res = await client.otto.post(`/cohorts/${otherCohortId}/practice`, { ...valid(), sharedWith: olga.id });
    expect(res.status).toBe(200);
    const [log] = await logsBy(otto.id);
    expect(log).toMatchObject({ cohortId: otherCohortId, sessionId: null, sharedWithUserId: olga.id });
    expect(await unreadCount(app.services.db, olga.id)).toBe(1);
  });

  it("counts unread notifications in the header, marks one read, and never someone else's", async () => {
    await client.ada.post(path, { ...valid(), insight: "A second insight for Ben" });
    expect(await unreadCount(app.services.db, world.people.ben.id)).toBe(2);
    // The link's accessible name is its text, starting with what is seen ("Notifications 2"), no aria-label.
    const header = await visible(await client.ben.request("/dashboard"));
    expect(notificationsLinkName(header)).toBe("Notifications 2 unread");
    expect(notificationsLinkName(await visible(await client.ada.request("/dashboard")))).toBe("Notifications");

    const page = await visible(await client.ben.request("/notifications"));
    expect(page).toContain("2 unread");
    // Newest first.
    expect(page.indexOf("A second insight for Ben")).toBeLessThan(page.indexOf(valid().insight));

    const [newest, older] = await listForUser(app.services.db, world.people.ben.id);
    // Ada cannot mark Ben's notification, not even by its id.
    expect((await client.ada.post("/notifications", { intent: "read", id: newest.id })).status).toBe(404);
    expect((await client.ada.post("/notifications", { intent: "read", id: "not-an-id" })).status).toBe(400);
    expect(await unreadCount(app.services.db, world.people.ben.id)).toBe(2);

    expect((await client.ben.post("/notifications", { intent: "read", id: newest.id })).status).toBe(200);
    const [row] = await app.services.db.select().from(notifications).where(eq(notifications.id, newest.id));
    expect(row.readAt).toBeInstanceOf(Date);
    expect(await unreadCount(app.services.db, world.people.ben.id)).toBe(1);
    expect(notificationsLinkName(await visible(await client.ben.request("/notifications")))).toBe(
      "Notifications 1 unread",
    );
    // Marking it again is harmless.
    expect((await client.ben.post("/notifications", { intent: "read", id: newest.id })).status).toBe(200);

    // "Mark all as read" only touches Ben's.
    const adaUnread = await unreadCount(app.services.db, world.people.ada.id);
    await client.ben.post(path, { ...valid(), sharedWith: world.people.ada.id });
    expect(await unreadCount(app.services.db, world.people.ada.id)).toBe(adaUnread + 1);
    expect((await client.ben.post("/notifications", { intent: "read-all" })).status).toBe(200);
    expect(await unreadCount(app.services.db, world.people.ben.id)).toBe(0);
    expect(await unreadCount(app.services.db, world.people.ada.id)).toBe(adaUnread + 1);
    expect(
      (await listForUser(app.services.db, world.people.ben.id)).find((n) => n.id === older.id)?.readAt,
    ).toBeInstanceOf(Date);
    expect(await visible(await client.ben.request("/notifications"))).toContain("You are up to date.");
  });

  it("shows an empty state to someone with no notifications, and asks the signed-out to sign in", async () => {
    expect(await visible(await client.fay.request("/notifications"))).toContain("No notifications yet");
    const res = await new TestClient(app.url).request("/notifications");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/login");
  });
});

/** The header's notifications link as a screen reader names it: its text, tags removed, spaces collapsed. */
function notificationsLinkName(html: string) {
  const link = /<a\b[^>]*data-testid="notifications-link"[^>]*>([\s\S]*?)<\/a>/.exec(html);
  expect(link?.[0], "the header has a notifications link").toBeDefined();
  expect(link![0]).not.toContain("aria-label");
  return link![1]
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
