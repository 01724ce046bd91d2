import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { schoolYearOf } from "../../app/kernel/school-year";
import { documentName } from "../../collab/doc-names";
import { addQuestion, chooseQuestion, initHmw } from "../../collab/documents/hmw";
import { addNote, initBoard, moveNote, vote } from "../../collab/documents/root-cause-board";
import { appendDocumentUpdate } from "../../db/queries/collab";
import { assignSip, createCohort, createCommunity } from "../../db/queries/communities";
import { listMail } from "../../db/queries/mail";
import { listForUser } from "../../db/queries/notifications";
import { getPlan, getPriorityItems, listPriorities } from "../../db/queries/plans";
import { inquiryPriorityLinks, outcomes, planComments } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe.each(await testDatabases())("a school's improvement plan and its feedback loop on $name", (database) => {
  let app: RunningCommons;
  const db = () => app.services.db;
  const year = schoolYearOf(new Date());
  let authorityId: string;
  let schoolId: string;
  let otherSchoolId: string;
  const people = {} as Record<
    "head" | "deputy" | "sip" | "otherSip" | "admin" | "governor" | "otherHead",
    { id: string; email: string; name: string }
  >;
  const clients = {} as Record<keyof typeof people, TestClient>;
  let priorityId: string;
  let targetId: string;
  const planUrl = () => `/schools/${schoolId}/plan`;
  const priorityUrl = () => `/schools/${schoolId}/plan/priorities/${priorityId}`;

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const made = await makeAuthority(db(), 2);
    authorityId = made.authority.id;
    [schoolId, otherSchoolId] = made.schools.map((s) => s.id);
    const make = (name: string, grants: Parameters<typeof makeUser>[2]) =>
      makeUser(db(), authorityId, grants, { name });
    people.head = await make("Hana Head", [{ role: "school_leader", schoolId }]);
    people.deputy = await make("Dev Deputy", [{ role: "school_leader", schoolId }]);
    people.sip = await make("Sam Partner", [{ role: "sip" }]);
    people.otherSip = await make("Olu Partner", [{ role: "sip" }]);
    people.admin = await make("Ann Admin", [{ role: "authority_admin" }]);
    people.governor = await make("Gwen Governor", [{ role: "governor", schoolId }]);
    people.otherHead = await make("Oscar Other", [{ role: "school_leader", schoolId: otherSchoolId }]);
    await assignSip(db(), { authorityId, sipUserId: people.sip.id, schoolIds: [schoolId], schoolYear: year });
    await assignSip(db(), { authorityId, sipUserId: people.otherSip.id, schoolIds: [otherSchoolId], schoolYear: year });
    for (const key of Object.keys(people) as (keyof typeof people)[]) {
      clients[key] = new TestClient(app.url);
      expect((await clients[key].signIn(people[key].email, TEST_PASSWORD)).status).toBe(302);
    }
  });
  afterAll(() => app?.close());

  it("opens the plan for leaders, the assigned SIP and admins, tells governors what they may see (403), and 404s for other schools and other SIPs", async () => {
    for (const who of ["head", "sip", "admin"] as const) {
      const res = await clients[who].request(planUrl());
      expect(res.status, who).toBe(200);
      expect(await visible(res)).toContain("No priorities yet");
    }
    expect(await visible(await clients.head.request(planUrl()))).toContain("No priorities yet — add the first one");
    for (const who of ["otherHead", "otherSip"] as const) {
      const res = await clients[who].request(planUrl());
      expect(res.status, who).toBe(404);
      expect(await visible(res)).not.toContain("Improvement plan");
    }
    // The school's governor: the plan stays confidential (ADR 010), but they are told where their reports are.
    const governor = await clients.governor.request(planUrl());
    expect(governor.status).toBe(403);
    const governorPage = await visible(governor);
    expect(governorPage).toContain("The improvement plan is not shared with governors");
    expect(governorPage).toMatch(
      new RegExp(`<a [^>]*href="/schools/${schoolId}/reports"[^>]*>Read the reports addressed to governors</a>`),
    );
    expect(governorPage).not.toContain("No priorities yet");
    // Reading never starts a plan.
    expect(await getPlan(db(), schoolId, year)).toBeNull();
  });

  it("lets a leader start the plan with a priority, and refuses the SIP and the admin (403)", async () => {
    const priority = {
      intent: "add-priority",
      title: "Raise attendance of disadvantaged pupils",
      area: "behaviour_and_attitudes",
      rationale: "Persistent absence is twice the national rate.",
    };
    for (const who of ["sip", "admin"] as const) {
      expect((await clients[who].post(`${planUrl()}?index`, priority)).status, who).toBe(403);
    }
    expect(await getPlan(db(), schoolId, year)).toBeNull();
    const res = await clients.head.post(`${planUrl()}?index`, priority);
    expect(res.status).toBe(302);
    const plan = await getPlan(db(), schoolId, year);
    const [stored] = await listPriorities(db(), plan!.id);
    expect(stored).toMatchObject({ title: priority.title, area: priority.area, targets: 0 });
    priorityId = stored.id;
    expect(res.headers.get("location")).toBe(priorityUrl());
    const page = await visible(await clients.sip.request(priorityUrl()));
    expect(page).toContain(priority.title);
    expect(page).toContain("Behaviour and attitudes");
    expect(page).not.toContain("Add a target");
  });

  it("refuses an invalid priority with 400 and keeps what was typed", async () => {
    const res = await clients.head.post(`${planUrl()}?index`, {
      intent: "add-priority",
      title: "Rdg",
      area: "castle",
      rationale: "Typed rationale stays",
    });
    expect(res.status).toBe(400);
    const html = await visible(res);
    expect(html).toContain("The title must be at least 5 characters");
    expect(html).toContain("Choose the area this priority improves");
    expect(html).toMatch(/<input[^>]*name="title"[^>]*value="Rdg"/);
    expect(html).toMatch(/<textarea[^>]*name="rationale"[^>]*>Typed rationale stays<\/textarea>/);
  });

  it("validates a SMART target (percentages 0–100, a sensible date) and keeps the input", async () => {
    const bad = {
      intent: "add-target",
      measure: "Attendance %",
      studentGroup: "Disadvantaged pupils",
      baseline: "150",
      target: "-3",
      actual: "",
      byWhen: "2099-01-01",
    };
    const res = await clients.head.post(`${priorityUrl()}?index`, bad);
    expect(res.status).toBe(400);
    const html = await visible(res);
    expect(html).toContain("The baseline must be between 0 and 100");
    expect(html).toContain("The target must be between 0 and 100");
    expect(html).toContain("The date the target is due must be between a year ago and five years from now");
    expect(html).toMatch(/<input[^>]*name="measure"[^>]*value="Attendance %"/);
    expect(html).toMatch(/<input[^>]*name="baseline"[^>]*value="150"/);
    expect((await getPriorityItems(db(), priorityId)).targets).toHaveLength(0);
  });

  it("adds targets, actions, a result, progress and http(s) evidence only", async () => {
    const target = {
      intent: "add-target",
      measure: "Attendance %",
      studentGroup: "Disadvantaged pupils",
      baseline: "89.5",
      target: "93",
      actual: "",
      byWhen: inAMonth(),
    };
    expect((await clients.head.post(`${priorityUrl()}?index`, target)).status).toBe(200);
    expect((await clients.sip.post(`${priorityUrl()}?index`, target)).status).toBe(403);
    let items = await getPriorityItems(db(), priorityId);
    expect(items.targets).toMatchObject([{ measure: "Attendance %", baseline: 89.5, target: 93, actual: null }]);
    targetId = items.targets[0].id;
    expect(
      (await clients.head.post(`${priorityUrl()}?index`, { intent: "set-actual", targetId, actual: "91.2" })).status,
    ).toBe(200);
    const action = {
      intent: "add-action",
      description: "Daily first-day calls to families",
      owner: "Attendance lead",
      due: inAMonth(),
      status: "in_progress",
    };
    expect((await clients.head.post(`${priorityUrl()}?index`, action)).status).toBe(200);
    expect(
      (
        await clients.head.post(`${priorityUrl()}?index`, {
          intent: "add-update",
          body: "Half-term review: calls started in all year groups.",
        })
      ).status,
    ).toBe(200);
    const script = await clients.head.post(`${priorityUrl()}?index`, {
      intent: "add-evidence",
      title: "Attendance report",
      url: "javascript:alert(1)",
    });
    expect(script.status).toBe(400);
    expect(await visible(script)).toContain("Enter a web link starting with https:// or http://");
    expect(
      (
        await clients.head.post(`${priorityUrl()}?index`, {
          intent: "add-evidence",
          title: "Attendance report",
          url: "https://example.org/attendance.pdf",
        })
      ).status,
    ).toBe(200);
    items = await getPriorityItems(db(), priorityId);
    expect(items.targets[0].actual).toBe(91.2);
    expect(items.actions).toMatchObject([{ owner: "Attendance lead", status: "in_progress" }]);
    expect(items.updates).toHaveLength(1);
    expect(items.evidence.map((e) => e.url)).toEqual(["https://example.org/attendance.pdf"]);
    const page = await visible(await clients.admin.request(priorityUrl()));
    expect(page).toContain("89.5%");
    expect(page).toContain("+1.7 pp");
    expect(page).toContain("Daily first-day calls to families");
  });

  it("saves a self-evaluation judgement per area, in the authority's words", async () => {
    const res = await clients.head.post(`${planUrl()}?index`, {
      intent: "self-evaluation",
      area: "quality_of_education",
      judgement: "requires_improvement",
      evidence: "Reading outcomes at KS2 are below national.",
    });
    expect(res.status).toBe(200);
    const short = await clients.head.post(`${planUrl()}?index`, {
      intent: "self-evaluation",
      area: "personal_development",
      judgement: "good",
      evidence: "Fine",
    });
    expect(short.status).toBe(400);
    expect(await visible(short)).toContain("The evidence must be at least 10 characters");
    const page = await visible(await clients.sip.request(planUrl()));
    expect(page).toContain("Requires improvement");
    expect(page).toContain("Reading outcomes at KS2 are below national.");
  });

  it("a SIP comment reaches every leader in the app and by email; the head's reply reaches the SIP; either resolves", async () => {
    const res = await clients.sip.post(`${priorityUrl()}?index`, {
      intent: "comment",
      subjectKind: "target",
      subjectId: targetId,
      body: "Is 93% realistic by the summer? What does the trend show?",
    });
    expect(res.status).toBe(200);
    for (const leader of [people.head, people.deputy]) {
      const [note] = await listForUser(db(), leader.id);
      expect(note).toMatchObject({
        title: "Sam Partner commented on a target in your plan",
        link: expect.stringContaining(priorityUrl()),
      });
    }
    const mail = (await listMail(db(), authorityId)).filter((m) =>
      m.subject.includes("new feedback on your improvement plan"),
    );
    expect(mail.map((m) => m.toAddress).sort()).toEqual([people.head.email, people.deputy.email].sort());
    expect(mail[0].bodyText).toContain("Is 93% realistic");
    expect(await listForUser(db(), people.sip.id)).toHaveLength(0);

    // The head sees the alert on the plan, and the thread beside the target.
    const headPage = await visible(await clients.head.request(priorityUrl()));
    expect(headPage).toContain("New feedback on this plan (1)");
    // The thread is folded behind its count (a closed disclosure), named after the target.
    expect(headPage).toMatch(
      new RegExp(
        `<details class="[^"]*" data-testid="threads-${targetId}"><summary[^>]*>Comments on Attendance % · Disadvantaged pupils <span[^>]*>\\(1 open\\)</span></summary>`,
      ),
    );

    const [thread] = await db().select().from(planComments);
    const reply = await clients.head.post(`${priorityUrl()}?index`, {
      intent: "comment",
      subjectKind: "target",
      subjectId: targetId,
      parentId: thread.id,
      body: "Yes: the autumn trend is +1.7 pp.",
    });
    expect(reply.status).toBe(200);
    const [sipNote] = await listForUser(db(), people.sip.id);
    expect(sipNote.title).toContain("Hana Head replied about a target");
    // Admins read but do not take part.
    expect(
      (
        await clients.admin.post(`${priorityUrl()}?index`, {
          intent: "comment",
          subjectKind: "target",
          subjectId: targetId,
          body: "Admin note",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await clients.admin.post(`${priorityUrl()}?index`, {
          intent: "thread-state",
          commentId: thread.id,
          resolved: "true",
        })
      ).status,
    ).toBe(403);

    expect(
      (
        await clients.sip.post(`${priorityUrl()}?index`, {
          intent: "thread-state",
          commentId: thread.id,
          resolved: "true",
        })
      ).status,
    ).toBe(200);
    const resolved = await visible(await clients.head.request(priorityUrl()));
    expect(resolved).toMatch(
      new RegExp(`data-testid="threads-${targetId}"><summary[^>]*>Comments on [^<]*<span[^>]*>\\(1 resolved\\)`),
    );
    expect(resolved).toContain("Resolved by Sam Partner");
    expect(
      (
        await clients.head.post(`${priorityUrl()}?index`, {
          intent: "thread-state",
          commentId: thread.id,
          resolved: "false",
        })
      ).status,
    ).toBe(200);
    const overview = await visible(await clients.sip.request(planUrl()));
    expect(overview).toMatch(/<dt[^>]*>Comments<\/dt><dd[^>]*>1 open<\/dd>/);
    expect(overview).toContain("(1 target in all)");
    expect(overview).toContain("0 of 1 action done");

    // Marking the alerts read clears them.
    expect((await clients.head.post(planUrl(), { intent: "mark-alerts-read" })).status).toBe(302);
    expect(await visible(await clients.head.request(planUrl()))).not.toContain("New feedback on this plan");
  });

  it("refuses an empty comment, a comment on another school's item and a reply to a missing thread", async () => {
    const empty = await clients.sip.post(`${priorityUrl()}?index`, {
      intent: "comment",
      subjectKind: "target",
      subjectId: targetId,
      body: "",
    });
    expect(empty.status).toBe(400);
    expect(await visible(empty)).toContain("Enter the comment");
    const foreign = await clients.sip.post(`${priorityUrl()}?index`, {
      intent: "comment",
      subjectKind: "priority",
      subjectId: otherSchoolId,
      body: "Wrong item",
    });
    expect(foreign.status).toBe(400);
    const orphan = await clients.sip.post(`${priorityUrl()}?index`, {
      intent: "comment",
      subjectKind: "target",
      subjectId: targetId,
      parentId: priorityId,
      body: "A reply",
    });
    expect(orphan.status).toBe(400);
    // Only the one thread and its reply from before were stored.
    expect(await db().select().from(planComments)).toHaveLength(2);
  });

  it("hides a school's priority from another school's head, even under their own school's address", async () => {
    expect((await clients.otherHead.request(priorityUrl())).status).toBe(404);
    expect((await clients.otherHead.request(`/schools/${otherSchoolId}/plan/priorities/${priorityId}`)).status).toBe(
      404,
    );
    expect(
      (await clients.otherHead.post(`${priorityUrl()}?index`, { intent: "add-update", body: "Sneaky update" })).status,
    ).toBe(404);
    expect((await clients.governor.request(`${priorityUrl()}/trail`)).status).toBe(403);
  });

  it("shows the evidence trail: linked inquiry → root-cause categories → chosen question → actions → outcomes, as a chart", async () => {
    const cohort = await createCohort(db(), {
      authorityId,
      name: "Leaders 1",
      schoolYear: year,
      facilitatorIds: [],
      leaderIds: [people.head.id],
    });
    const community = await createCommunity(db(), {
      cohortId: cohort.id,
      name: "Attendance matters",
      memberIds: [people.head.id],
    });
    await db().insert(inquiryPriorityLinks).values({ communityId: community.id, priorityId, linkedBy: people.head.id });
    const board = new Y.Doc();
    initBoard(board);
    const a = addNote(board, { text: "No first-day calling policy", authorId: people.head.id, authorName: "Hana" });
    const b = addNote(board, {
      text: "Staff unsure how to talk to families about absence",
      authorId: people.head.id,
      authorName: "Hana",
    });
    addNote(board, { text: "Timetable for breakfast club", authorId: people.head.id, authorName: "Hana" });
    moveNote(board, a, "systems-policies");
    moveNote(board, b, "skills");
    vote(board, a, people.head.id);
    vote(board, a, people.deputy.id);
    await appendDocumentUpdate(db(), documentName("root-cause-board", community.id), Y.encodeStateAsUpdate(board));
    const hmw = new Y.Doc();
    initHmw(hmw);
    chooseQuestion(
      hmw,
      addQuestion(hmw, {
        text: "How might we make every family feel missed on day one?",
        authorId: people.head.id,
        authorName: "Hana",
      }),
    );
    await appendDocumentUpdate(db(), documentName("hmw", community.id), Y.encodeStateAsUpdate(hmw));
    await db().insert(outcomes).values({
      cohortId: cohort.id,
      schoolId,
      studentGroup: "disadvantaged",
      measure: "attendance",
      baseline: 88,
      target: 92,
      actual: 90.5,
    });

    for (const who of ["head", "sip", "admin"] as const) {
      const res = await clients[who].request(`${priorityUrl()}/trail`);
      expect(res.status, who).toBe(200);
      const html = await visible(res);
      expect(html).toContain("Attendance matters");
      expect(html).toContain('data-testid="causes-');
      expect(html).toMatch(/<th scope="row">Systems and policies<\/th><td>1<\/td><td>2<\/td>/);
      expect(html).toMatch(/<th scope="row">Skills<\/th><td>1<\/td><td>0<\/td>/);
      expect(html).toMatch(/<th scope="row">Not yet sorted<\/th><td>1<\/td>/);
      expect(html).toContain("How might we make every family feel missed on day one?");
      expect(html).toContain("Daily first-day calls to families");
      expect(html).toContain('data-testid="outcomes-chart"');
      expect(html).toMatch(
        /<th scope="row">Attendance % · Disadvantaged pupils<\/th><td>89.5%<\/td><td>93.0%<\/td><td>91.2%<\/td><td>\+1.7 pp<\/td>/,
      );
      expect(html).toMatch(
        /Cohort: Attendance % · Disadvantaged \(pupil premium\)<\/th><td>88.0%<\/td><td>92.0%<\/td><td>90.5%<\/td><td>\+2.5 pp<\/td>/,
      );
      // The trail shows counts, never the notes' words.
      expect(html).not.toContain("No first-day calling policy");
    }
  });

  it("opens the school page for the assigned SIP, and offers each person only the sections they may open", async () => {
    const sipPage = await clients.sip.request(`/schools/${schoolId}`);
    expect(sipPage.status).toBe(200);
    const sipHtml = await visible(sipPage);
    for (const path of ["plan", "visits", "reports"]) expect(sipHtml).toContain(`href="/schools/${schoolId}/${path}"`);
    const govHtml = await visible(await clients.governor.request(`/schools/${schoolId}`));
    expect(govHtml).toContain(`href="/schools/${schoolId}/reports"`);
    expect(govHtml).not.toContain(`href="/schools/${schoolId}/plan"`);
    expect(govHtml).not.toContain(`href="/schools/${schoolId}/visits"`);
    expect((await clients.otherSip.request(`/schools/${schoolId}`)).status).toBe(404);
  });
});
