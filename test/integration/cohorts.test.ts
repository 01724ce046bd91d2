/**
 * Cohorts, members and monthly sessions over HTTP (and the session notes over WebSocket): who may
 * do what (outsiders get 404, insiders without the right 403), validation that keeps the input,
 * and the facilitator's dashboard.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { schoolYearOf } from "../../app/kernel/school-year";
import { documentName } from "../../collab/doc-names";
import { createDatabaseStore } from "../../collab/store";
import { addNote } from "../../collab/documents/root-cause-board";
import { inquiryFields, writeParagraphs } from "../../collab/documents/inquiry";
import { sessionNotesFragment } from "../../collab/documents/session-notes";
import { appendDocumentUpdate } from "../../db/queries/collab";
import { assignSip, createCohort, createCommunity } from "../../db/queries/communities";
import { createSession, listSessions } from "../../db/queries/sessions";
import { seedSessions } from "../../server/seed/demo-sessions";
import {
  cohortMembers,
  cohortSessions,
  cohorts,
  communityMembers,
  practiceLogs,
  sessionAttendance,
  trustSurveyRespondents,
  trustSurveyRounds,
} from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { connectProvider, upgradeStatus, waitFor } from "../support/collab";
import { collabUrl, signIn as cookieFor } from "../support/collab-fixtures";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

type Person = Awaited<ReturnType<typeof makeUser>>;

const agenda = (overrides: Record<string, string> = {}) => ({
  title: "October: stories",
  startsAt: "2030-10-14T14:00",
  durationMinutes: "120",
  place: "Room 4, Civic Centre",
  "agenda[0].template": "check-in",
  "agenda[0].minutes": "10",
  "agenda[1].template": "story-circle",
  "agenda[1].minutes": "40",
  "agenda[1].note": "Mixed phases",
  ...overrides,
});

describe.each(await testDatabases())("cohorts, members and sessions on $name", (database) => {
  let app: RunningCommons;
  let authorityId: string;
  let schoolNames: string[];
  const people = {} as Record<"fay" | "gus" | "ada" | "ben" | "cleo" | "dan" | "sam", Person>;
  const clients = {} as Record<keyof typeof people, TestClient>;
  let cohortId: string;
  let sessionId: string;
  const db = () => app.services.db;
  const postMany = (client: TestClient, path: string, pairs: Array<[string, string]>) =>
    client.request(path, {
      method: "POST",
      body: new URLSearchParams(pairs),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const made = await makeAuthority(db(), 4);
    authorityId = made.authority.id;
    schoolNames = made.schools.map((s) => s.name);
    const leader = (i: number, name: string) =>
      makeUser(db(), authorityId, [{ role: "school_leader", schoolId: made.schools[i].id }], { name });
    people.fay = await makeUser(db(), authorityId, [{ role: "facilitator" }], { name: "Fay Facilitator" });
    people.gus = await makeUser(db(), authorityId, [{ role: "facilitator" }], { name: "Gus Cofacilitator" });
    people.ada = await leader(0, "Ada Leader");
    people.ben = await leader(1, "Ben Leader");
    people.cleo = await leader(2, "Cleo Leader");
    people.dan = await leader(3, "Dan Outsider");
    people.sam = await makeUser(db(), authorityId, [{ role: "sip" }], { name: "Sam Partner" });
    await assignSip(db(), {
      authorityId,
      sipUserId: people.sam.id,
      schoolIds: [made.schools[0].id],
      schoolYear: schoolYearOf(new Date()),
    });
    for (const key of Object.keys(people) as Array<keyof typeof people>) {
      clients[key] = new TestClient(app.url);
      expect((await clients[key].signIn(people[key].email, TEST_PASSWORD)).status).toBe(302);
    }
  });
  afterAll(() => app?.close());

  it("lets only a facilitator start a cohort, refusing bad input with 400 and keeping it", async () => {
    expect((await clients.ada.request("/cohorts/new")).status).toBe(403);
    expect(
      (await clients.ada.post("/cohorts/new", { authorityId, name: "Sneaky", schoolYear: "2030-31" })).status,
    ).toBe(403);
    const page = await visible(await clients.fay.request("/cohorts/new"));
    expect(page).toMatch(new RegExp(`name="schoolYear"[^>]*value="${schoolYearOf(new Date())}"`));

    const bad = await clients.fay.post("/cohorts/new", { authorityId, name: "Riverside Heads", schoolYear: "2030-32" });
    expect(bad.status).toBe(400);
    const html = await visible(bad);
    expect(html).toContain("The second year must follow the first, such as 2026-27.");
    expect(html).toMatch(/name="name"[^>]*value="Riverside Heads"/);
    expect((await clients.fay.post("/cohorts/new", { authorityId, name: "", schoolYear: "30-31" })).status).toBe(400);

    const ok = await clients.fay.post("/cohorts/new", { authorityId, name: "Riverside Heads", schoolYear: "2030-31" });
    expect(ok.status).toBe(302);
    cohortId = /\/cohorts\/([0-9a-f-]{36})\/members$/.exec(ok.headers.get("location") ?? "")![1];
    const members = await db().select().from(cohortMembers).where(eq(cohortMembers.cohortId, cohortId));
    expect(members).toEqual([{ cohortId, userId: people.fay.id, role: "facilitator" }]);

    const again = await clients.fay.post("/cohorts/new", {
      authorityId,
      name: "riverside heads",
      schoolYear: "2030-31",
    });
    expect(again.status).toBe(400);
    expect(await visible(again)).toContain("already exists for 2030-31");
    expect(await db().select().from(cohorts).where(eq(cohorts.authorityId, authorityId))).toHaveLength(1);

    const dashboard = await visible(await clients.fay.request("/dashboard"));
    expect(dashboard).toContain("Your cohorts");
    expect(dashboard).toContain(`href="/cohorts/${cohortId}"`);
    expect(dashboard).toContain('href="/cohorts/new"');
    expect(await visible(await clients.ada.request("/dashboard"))).toContain("You are not in a cohort yet");
  });

  it("adds and removes leaders and a co-facilitator, for facilitators only", async () => {
    const path = `/cohorts/${cohortId}/members`;
    const before = await visible(await clients.fay.request(path));
    for (const name of ["Ada Leader", "Ben Leader", "Cleo Leader", "Dan Outsider", schoolNames[0]])
      expect(before).toContain(name);
    expect(before).not.toContain("Sam Partner");

    const none = await postMany(clients.fay, path, [["intent", "add-leaders"]]);
    expect(none.status).toBe(400);
    expect(await visible(none)).toContain("Choose at least one school leader.");
    const wrong = await postMany(clients.fay, path, [
      ["intent", "add-leaders"],
      ["userIds", people.ada.id],
      ["userIds", people.sam.id],
    ]);
    expect(wrong.status).toBe(400);
    expect(await visible(wrong)).toContain("Choose only school leaders of this authority");

    const added = await postMany(clients.fay, path, [
      ["intent", "add-leaders"],
      ["userIds", people.ada.id],
      ["userIds", people.ben.id],
      ["userIds", people.cleo.id],
    ]);
    expect(added.status).toBe(200);
    expect(await visible(added)).toContain("Added Ada Leader and Ben Leader and Cleo Leader.");

    // Leaders see the members with their schools, but no way to change them.
    const asLeader = await visible(await clients.ada.request(path));
    expect(asLeader).toContain(schoolNames[1]);
    expect(asLeader).not.toContain("Add school leaders");
    expect(asLeader).not.toContain(">Remove<");
    expect(
      (
        await postMany(clients.ada, path, [
          ["intent", "add-leaders"],
          ["userIds", people.dan.id],
        ])
      ).status,
    ).toBe(403);
    expect((await clients.ada.post(path, { intent: "remove", userId: people.ben.id, role: "leader" })).status).toBe(
      403,
    );
    // Outsiders, a SIP included, are told the cohort does not exist.
    for (const who of ["dan", "sam"] as const) {
      expect((await clients[who].request(path)).status).toBe(404);
      expect((await clients[who].post(path, { intent: "remove", userId: people.ben.id, role: "leader" })).status).toBe(
        404,
      );
    }

    expect((await clients.fay.post(path, { intent: "add-facilitator", userId: people.ada.id })).status).toBe(400);
    const cofac = await clients.fay.post(path, { intent: "add-facilitator", userId: people.gus.id });
    expect(await visible(cofac)).toContain("Gus Cofacilitator is now a co-facilitator.");
    expect((await clients.gus.request(`/cohorts/${cohortId}/sessions`)).status).toBe(200);
    expect(
      (await clients.fay.post(path, { intent: "remove", userId: people.fay.id, role: "facilitator" })).status,
    ).toBe(403);

    // Removing a leader also takes them out of the cohort's communities.
    const community = await createCommunity(db(), {
      cohortId,
      name: "Temporary",
      memberIds: [people.cleo.id, people.ben.id],
    });
    expect((await clients.fay.post(path, { intent: "remove", userId: people.cleo.id, role: "leader" })).status).toBe(
      200,
    );
    expect((await clients.cleo.request(path)).status).toBe(404);
    const left = await db().select().from(communityMembers).where(eq(communityMembers.communityId, community.id));
    expect(left.map((m) => m.userId)).toEqual([people.ben.id]);
  });

  it("schedules a session, refusing a bad link and an item without minutes, and keeps what was typed", async () => {
    const path = `/cohorts/${cohortId}/sessions?index`;
    const empty = await visible(await clients.ada.request(`/cohorts/${cohortId}/sessions`));
    expect(empty).toContain("No sessions yet");
    expect(await visible(await clients.fay.request(`/cohorts/${cohortId}/sessions`))).toContain(
      "Schedule the first session",
    );

    const badLink = await clients.fay.post(path, agenda({ place: "javascript:alert(1)" }));
    expect(badLink.status).toBe(400);
    const html = await visible(badLink);
    expect(html).toContain("An online link must be a full web address starting with https:// or http://.");
    expect(html).toMatch(/name="title"[^>]*value="October: stories"/);
    expect(html).toMatch(/name="agenda\[1\].note"[^>]*value="Mixed phases"/);

    const noMinutes = await clients.fay.post(path, agenda({ "agenda[1].minutes": "" }));
    expect(noMinutes.status).toBe(400);
    expect(await visible(noMinutes)).toContain("Enter the minutes for this item.");
    expect(
      (await clients.fay.post(path, { ...agenda(), "agenda[0].template": "", "agenda[1].template": "" })).status,
    ).toBe(400);
    expect(await db().select().from(cohortSessions).where(eq(cohortSessions.cohortId, cohortId))).toHaveLength(0);

    // Without scripts, "Move up" goes through the server and comes back as the changed form (not an error).
    const moved = await clients.fay.post(path, {
      ...agenda(),
      __intent__: JSON.stringify({ type: "reorder", payload: { name: "agenda", from: 1, to: 0 } }),
    });
    expect(moved.status).toBe(200);
    expect(await visible(moved)).toMatch(/Item 1: Story circle[\s\S]*Item 2: Check-in/);
    expect(await db().select().from(cohortSessions).where(eq(cohortSessions.cohortId, cohortId))).toHaveLength(0);

    expect((await clients.ada.post(path, agenda())).status).toBe(403);
    expect((await clients.dan.post(path, agenda())).status).toBe(404);

    const ok = await clients.fay.post(path, agenda({ place: "https://meet.example.org/riverside" }));
    expect(ok.status).toBe(302);
    sessionId = /\/sessions\/([0-9a-f-]{36})$/.exec(ok.headers.get("location") ?? "")![1];
    const [stored] = await db().select().from(cohortSessions).where(eq(cohortSessions.id, sessionId));
    expect(stored).toMatchObject({
      title: "October: stories",
      durationMinutes: 120,
      place: "https://meet.example.org/riverside",
    });
    expect(stored.startsAt.toISOString()).toBe("2030-10-14T13:00:00.000Z");
    expect(stored.agenda).toEqual([
      { template: "check-in", minutes: 10, note: "" },
      { template: "story-circle", minutes: 40, note: "Mixed phases" },
    ]);

    const page = await visible(await clients.ada.request(`/cohorts/${cohortId}/sessions/${sessionId}`));
    expect(page).toContain("14:00–14:10");
    expect(page).toContain("14:10–14:50");
    expect(page).toContain("Story circle");
    expect(page).toContain("The agenda covers 50 of 120 minutes, leaving 70 minutes unplanned.");
    expect(page).toContain("Attendance not taken yet");
    expect(page).not.toContain("Change the details or agenda");
  });

  it("edits a session (facilitators only) and hides sessions of other cohorts", async () => {
    const edit = `/cohorts/${cohortId}/sessions/${sessionId}/edit`;
    expect((await clients.ada.request(edit)).status).toBe(403);
    expect((await clients.dan.request(edit)).status).toBe(404);
    expect(await visible(await clients.fay.request(edit))).toMatch(/name="startsAt"[^>]*value="2030-10-14T14:00"/);
    const res = await clients.fay.post(
      edit,
      agenda({ title: "October: stories and needs", "agenda[2].template": "what-i-needed", "agenda[2].minutes": "20" }),
    );
    expect(res.status).toBe(302);
    const [stored] = await db().select().from(cohortSessions).where(eq(cohortSessions.id, sessionId));
    expect(stored.title).toBe("October: stories and needs");
    expect(stored.agenda).toHaveLength(3);
    expect(await visible(await clients.fay.request(edit))).toContain(
      "3 items, 70 minutes in all. The agenda covers 70 of 120 minutes, leaving 50 minutes unplanned.",
    );

    const other = await createCohort(db(), {
      authorityId,
      name: "Other",
      schoolYear: "2030-31",
      facilitatorIds: [people.gus.id],
      leaderIds: [],
    });
    const foreign = await createSession(db(), other.id, {
      title: "Theirs",
      startsAt: new Date(),
      durationMinutes: 60,
      place: "",
      agenda: [],
    });
    expect((await clients.fay.request(`/cohorts/${cohortId}/sessions/${foreign.id}`)).status).toBe(404);
    expect((await clients.fay.request(`/cohorts/${cohortId}/sessions/not-an-id`)).status).toBe(404);
  });

  it("takes attendance: the facilitator marks each leader, leaders see the count only", async () => {
    const path = `/cohorts/${cohortId}/sessions/${sessionId}`;
    expect((await clients.fay.post(path, {})).status).toBe(400);
    expect((await clients.ada.post(path, { [`attendance.${people.ada.id}`]: "present" })).status).toBe(403);
    const res = await clients.fay.post(path, {
      [`attendance.${people.ada.id}`]: "present",
      [`attendance.${people.ben.id}`]: "absent",
      // Not a leader of the cohort (any more): ignored.
      [`attendance.${people.cleo.id}`]: "present",
    });
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("Attendance saved: 1 present, 1 absent.");
    const rows = await db().select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, sessionId));
    expect(Object.fromEntries(rows.map((r) => [r.userId, r.present]))).toEqual({
      [people.ada.id]: true,
      [people.ben.id]: false,
    });
    // Changing a mark replaces it.
    await clients.fay.post(path, { [`attendance.${people.ben.id}`]: "present" });
    const asLeader = await visible(await clients.ada.request(path));
    expect(asLeader).toContain("2 of 2 leaders present");
    expect(asLeader).not.toContain('type="radio"');
  });

  it("lists the session's practice logs, or points leaders to Between sessions", async () => {
    const path = `/cohorts/${cohortId}/sessions/${sessionId}`;
    expect(await visible(await clients.ben.request(path))).toContain(`href="/cohorts/${cohortId}/practice"`);
    await db().insert(practiceLogs).values({
      cohortId,
      authorId: people.ada.id,
      sessionId,
      learningApplied: "Ran a family coffee morning in Urdu and English",
      insight: "Twice as many parents came",
      sharedWithUserId: people.ben.id,
    });
    const page = await visible(await clients.ben.request(path));
    expect(page).toContain("Ran a family coffee morning in Urdu and English");
    expect(page).toContain("Twice as many parents came");
    expect(page).toMatch(/Shared with<\/dt><dd>Ben Leader/);
  });

  it("shows the facilitator's dashboard: attendance, survey, practice and inquiry stages", async () => {
    const path = `/cohorts/${cohortId}`;
    const empty = await visible(await clients.fay.request(path));
    expect(empty).toContain("No sessions held yet");
    expect(empty).toContain("No survey round yet");

    const past = await createSession(db(), cohortId, {
      title: "September: welcome",
      startsAt: new Date(Date.now() - 86_400_000),
      durationMinutes: 90,
      place: "",
      agenda: [],
    });
    await db()
      .insert(sessionAttendance)
      .values([
        { sessionId: past.id, userId: people.ada.id, present: true },
        { sessionId: past.id, userId: people.ben.id, present: false },
      ]);
    const [round] = await db().insert(trustSurveyRounds).values({ cohortId, round: "start" }).returning();
    await db().insert(trustSurveyRespondents).values({ roundId: round.id, userId: people.ada.id });
    // Ada logged practice since the last session (above); Ben did not.
    const community = await createCommunity(db(), {
      cohortId,
      name: "Family partnership",
      memberIds: [people.ada.id, people.ben.id],
    });
    const inquiry = new Y.Doc();
    writeParagraphs(inquiry, inquiryFields.story(people.ada.id), ["Parents' evening was half empty."]);
    await appendDocumentUpdate(db(), documentName("inquiry", community.id), Y.encodeStateAsUpdate(inquiry));

    const html = await visible(await clients.fay.request(path));
    expect(html).toMatch(/September: welcome \(\d+ \w+\)<\/th><td>1 of 2<\/td>/);
    expect(html).toContain("Open · 1 of 2 answered");
    expect(html).toContain("1 of 2 leaders logged practice since September: welcome");
    expect(html).toMatch(/Ada Leader<\/span><span class="[^"]*">Yes/);
    expect(html).toMatch(/Ben Leader<\/span><span class="[^"]*">No/);
    expect(html).toMatch(/Family partnership<\/a><span class="text-sm">Stories/);
    expect(html).toContain('Temporary</a><span class="text-sm">Not started');

    const board = new Y.Doc();
    addNote(board, { text: "Letters only in English", authorId: people.ben.id, authorName: "Ben" });
    await appendDocumentUpdate(db(), documentName("root-cause-board", community.id), Y.encodeStateAsUpdate(board));
    expect(await visible(await clients.fay.request(path))).toMatch(
      /Family partnership<\/a><span class="text-sm">Root causes/,
    );

    const leaderView = await visible(await clients.ada.request(path));
    expect(leaderView).toContain("Family partnership: your community");
    expect(leaderView).toContain("October: stories and needs");
    expect(leaderView).not.toContain("Between-session practice");
    expect((await clients.dan.request(path)).status).toBe(404);
  });

  it("opens the session notes over WebSocket to the cohort (leaders and facilitators) and refuses everyone else, SIPs included", async () => {
    const docName = documentName("session-notes", sessionId);
    const url = collabUrl(app.url, docName);
    const headers = async (who: keyof typeof people) => ({
      Cookie: await cookieFor(app.url, people[who].email),
      Origin: app.url,
    });
    expect(await upgradeStatus(url, await headers("ada"))).toBe(101);
    expect(await upgradeStatus(url, await headers("fay"))).toBe(101);
    expect(await upgradeStatus(url, await headers("sam"))).toBe(403);
    expect(await upgradeStatus(url, await headers("dan"))).toBe(403);
    expect(await upgradeStatus(url, await headers("cleo"))).toBe(403);

    const writer = connectProvider(app, docName, (await headers("ada")).Cookie);
    const reader = connectProvider(app, docName, (await headers("ben")).Cookie);
    try {
      await waitFor(() => writer.provider.synced && reader.provider.synced, "both to sync");
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText("Agreed: coffee mornings in two languages")]);
      sessionNotesFragment(writer.doc).push([p]);
      await waitFor(
        () => sessionNotesFragment(reader.doc).toString().includes("coffee mornings"),
        "the note at the other leader",
      );
    } finally {
      writer.provider.destroy();
      reader.provider.destroy();
    }
  });

  it("seeds the demo sessions: two held with attendance and notes, one to come", async () => {
    const leaders = [people.ada.id, people.ben.id];
    const demo = await createCohort(db(), {
      authorityId,
      name: "Demo",
      schoolYear: "2030-31",
      facilitatorIds: [people.fay.id],
      leaderIds: leaders,
    });
    const ctx = {
      db: db(),
      authorityId,
      schoolYear: "2030-31",
      cohortId: demo.id,
      communityId: "",
      facilitatorId: people.fay.id,
      headIds: leaders,
      schoolIds: [],
      sipIds: [],
      governorId: "",
    };
    await seedSessions(ctx);
    const sessions = await listSessions(db(), demo.id);
    const now = Date.now();
    expect(sessions.map((s) => [s.startsAt.getTime() < now, s.recorded, s.agenda.length > 0])).toEqual([
      [true, 2, true],
      [true, 2, true],
      [false, 0, true],
    ]);
    const notes = new Y.Doc();
    await createDatabaseStore(db()).load(documentName("session-notes", sessions[0].id), notes);
    expect(sessionNotesFragment(notes).toString()).toContain("second Wednesday of each month");
  });
});
