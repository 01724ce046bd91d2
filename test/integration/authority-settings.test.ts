/**
 * Issue #10's settings: an authority admin chooses terminology and time zone at /admin/settings,
 * and every label and date follows — role labels, <html lang>, session times shown and entered.
 * Only that authority's admins may see or change them; a bad zone is refused with the input kept.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuthority } from "../../db/queries/authorities";
import { cohortSessions } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { makeCohortWorld, type CohortWorld } from "../support/cohort-world";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

// 13:00 UTC on a Monday in October (British Summer Time): 14:00 in London, 09:00 in New York.
const STARTS_AT = new Date("2030-10-14T13:00:00Z");

/** The terminology radio button with this value, checked (React writes `checked` before `value`). */
const checkedRadio = (value: string) => new RegExp(`<input[^>]*checked=""[^>]*value="${value}"`);

describe.each(await testDatabases())("authority settings on $name", (database) => {
  let app: RunningCommons;
  let world: CohortWorld;
  let sessionId: string;
  const as: Record<"admin" | "head" | "facilitator" | "foreignAdmin", TestClient> = {} as never;

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const db = app.services.db;
    world = await makeCohortWorld(db);
    const elsewhere = await makeAuthority(db, 1);
    const foreignAdmin = await makeUser(db, elsewhere.authority.id, [{ role: "authority_admin" }]);
    const [session] = await db
      .insert(cohortSessions)
      .values({ cohortId: world.cohortId, title: "October session", startsAt: STARTS_AT, place: "Room 4" })
      .returning({ id: cohortSessions.id });
    sessionId = session.id;
    const emails = {
      admin: world.people.admin.email,
      head: world.people.member.email,
      facilitator: world.people.facilitator.email,
      foreignAdmin: foreignAdmin.email,
    };
    for (const [who, email] of Object.entries(emails) as [keyof typeof as, string][]) {
      as[who] = new TestClient(app.url);
      expect((await as[who].signIn(email, TEST_PASSWORD)).status).toBe(302);
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  const sessionPage = () => `/cohorts/${world.cohortId}/sessions/${sessionId}`;
  const settingsOf = async () => {
    const row = await getAuthority(app.services.db, world.authority.id);
    return { terminology: row?.terminology, timeZone: row?.timeZone };
  };

  it("starts every authority in en-GB and London time", async () => {
    expect(await settingsOf()).toEqual({ terminology: "en-GB", timeZone: "Europe/London" });
    const page = await visible(await as.facilitator.request(sessionPage()));
    expect(page).toContain('<html lang="en-GB"');
    expect(page).toContain("Monday, 14 October 2030 at 14:00");
    const people = await visible(await as.admin.request("/admin/people"));
    expect(people).toContain("Head teacher");
  });

  it("lets only this authority's admins see or change the settings", async () => {
    const form = { authorityId: world.authority.id, terminology: "en-US", timeZone: "America/New_York" };
    expect((await as.head.request("/admin/settings")).status).toBe(403);
    expect((await as.head.post("/admin/settings", form)).status).toBe(403);
    expect((await as.facilitator.post("/admin/settings", form)).status).toBe(403);
    // Another authority's admin may run their own settings, never this authority's.
    expect((await as.foreignAdmin.request("/admin/settings")).status).toBe(200);
    expect((await as.foreignAdmin.request(`/admin/settings?authority=${world.authority.id}`)).status).toBe(403);
    expect((await as.foreignAdmin.post("/admin/settings", form)).status).toBe(403);
    expect(await settingsOf()).toEqual({ terminology: "en-GB", timeZone: "Europe/London" });
  });

  it("shows the admin the current settings, with examples, linked from the admin area", async () => {
    const res = await as.admin.request("/admin/settings");
    expect(res.status).toBe(200);
    const page = await visible(res);
    expect(page).toMatch(/<h1[^>]*>Settings<\/h1>/);
    expect(page).toMatch(/<a[^>]*href="\/admin\/settings"[^>]*>Settings<\/a>/);
    expect(page).toMatch(checkedRadio("en-GB"));
    expect(page).toMatch(/<option value="Europe\/London" selected/);
    expect(page).toContain('<option value="America/New_York"');
    // What each choice changes, side by side.
    expect(page).toMatch(/Head teacher<\/td><td[^>]*>Principal/);
    expect(page).toMatch(/14 October 2026<\/td><td[^>]*>October 14, 2026/);
  });

  it("refuses a time zone that is not on the list, keeping what was chosen", async () => {
    const res = await as.admin.post("/admin/settings", {
      authorityId: world.authority.id,
      terminology: "en-US",
      timeZone: "Mars/Olympus_Mons",
    });
    expect(res.status).toBe(400);
    const page = await visible(res);
    expect(page).toContain("Choose a time zone from the list");
    expect(page).toMatch(checkedRadio("en-US"));
    expect(page).not.toMatch(checkedRadio("en-GB"));
    expect(page).toMatch(/aria-invalid="true"/);
    expect(await settingsOf()).toEqual({ terminology: "en-GB", timeZone: "Europe/London" });
  });

  it("saves en-US and New York, and every page follows: words, dates and session times", async () => {
    const res = await as.admin.post("/admin/settings", {
      authorityId: world.authority.id,
      terminology: "en-US",
      timeZone: "America/New_York",
    });
    expect(res.status).toBe(200);
    const saved = await visible(res);
    expect(saved).toContain("Settings saved.");
    expect(saved).toMatch(/<option value="America\/New_York" selected/);
    expect(await settingsOf()).toEqual({ terminology: "en-US", timeZone: "America/New_York" });

    const session = await visible(await as.facilitator.request(sessionPage()));
    expect(session).toContain('<html lang="en-US"');
    expect(session).toContain("Monday, October 14, 2030 at 09:00 AM");
    expect(session).not.toContain("14:00");
    const overview = await visible(await as.head.request(`/cohorts/${world.cohortId}`));
    expect(overview).toContain("Monday, October 14, 2030 at 09:00 AM");
    const dashboard = await visible(await as.head.request("/dashboard"));
    expect(dashboard).toContain("Principal");
    expect(dashboard).not.toContain("Head teacher");
    const people = await visible(await as.admin.request("/admin/people"));
    expect(people).toContain("Principal");
    expect(people).not.toContain("Head teacher");
  });

  it("reads and writes session times in New York time", async () => {
    const edit = await visible(await as.facilitator.request(`${sessionPage()}/edit`));
    expect(edit).toMatch(
      /type="datetime-local"[^>]*value="2030-10-14T09:00"|value="2030-10-14T09:00"[^>]*type="datetime-local"/,
    );
    expect(edit).toContain("In your authority's time zone (America/New York).");
    const res = await as.facilitator.post(`/cohorts/${world.cohortId}/sessions`, {
      title: "November session",
      startsAt: "2030-11-20T14:00",
      durationMinutes: "120",
      place: "Room 4",
      "agenda[0].template": "check-in",
      "agenda[0].minutes": "10",
    });
    expect(res.status).toBe(302);
    const [row] = await app.services.db
      .select({ startsAt: cohortSessions.startsAt })
      .from(cohortSessions)
      .where(eq(cohortSessions.title, "November session"));
    // 14:00 in New York in November (EST, UTC−5) is 19:00 UTC.
    expect(row.startsAt.toISOString()).toBe("2030-11-20T19:00:00.000Z");
  });

  it("leaves other authorities as they were", async () => {
    const foreign = await visible(await as.foreignAdmin.request("/admin/settings"));
    expect(foreign).toMatch(/<option value="Europe\/London" selected/);
    expect(foreign).toContain('<html lang="en-GB"');
  });
});
