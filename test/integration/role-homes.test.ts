/**
 * Issue #10's role homes: each role's "To do" list is computed from the data, each item links to
 * where it is done, items go when the work is done, and nobody sees another school's items. The
 * service runs at a fixed `now` (15 November of this school year); the page is read over HTTP.
 */
import { projectors } from "../../collab/documents/projections";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTodo } from "../../app/features/dashboard/todo.server";
import type { Actor } from "../../app/kernel/permissions";
import { schoolYearOf } from "../../app/kernel/school-year";
import { assignSip, createCohort, createCommunity } from "../../db/queries/communities";
import { saveProjection } from "../../db/queries/document-projections";
import { createInvitation } from "../../db/queries/invitations";
import { addPlanComment } from "../../db/queries/plan-comments";
import { createSuggestion, decideSuggestion } from "../../db/queries/playlists";
import { createPracticeLog } from "../../db/queries/practice";
import { acknowledgeReport, createReport, shareReport } from "../../db/queries/reports";
import { getSchoolScope } from "../../db/queries/school-scope";
import { createSession, recordAttendance } from "../../db/queries/sessions";
import { openRound } from "../../db/queries/trust-survey";
import { getGrants } from "../../db/queries/users";
import { completeVisitPart, logVisit, savePreVisit } from "../../db/queries/visits";
import type { Database } from "../../db/client";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";
import { makePlan } from "../support/report-fixtures";

const year = schoolYearOf(new Date());
const start = Number(year.slice(0, 4));
const now = new Date(`${start}-11-15T12:00:00Z`);
const day = (d: number) => `${start}-11-${String(d).padStart(2, "0")}`;
const part = { performance: "p", keyFactors: "k", prioritiesAndTargets: "t", howToAchieve: "h", agreedActions: "a" };
const section = (audiences: Array<"head" | "governors" | "authority">) => ({
  kind: "progress",
  heading: "Progress",
  body: "Good progress.",
  audiences,
  position: 0,
});

async function makeWorld(db: Database) {
  const { authority, schools } = await makeAuthority(db, 3);
  const [ours, theirs, orphan] = schools;
  const at = (role: "school_leader" | "governor", s: { id: string }) => [{ role, schoolId: s.id }];
  const people = {
    head: await makeUser(db, authority.id, at("school_leader", ours), { name: "Hana Head" }),
    governor: await makeUser(db, authority.id, at("governor", ours), { name: "Gil Governor" }),
    sip: await makeUser(db, authority.id, [{ role: "sip" }], { name: "Sam Partner" }),
    otherHead: await makeUser(db, authority.id, at("school_leader", theirs), { name: "Oscar Other" }),
    otherGovernor: await makeUser(db, authority.id, at("governor", theirs), { name: "Greta Other" }),
    otherSip: await makeUser(db, authority.id, [{ role: "sip" }], { name: "Olu Other-Sip" }),
    facilitator: await makeUser(db, authority.id, [{ role: "facilitator" }], { name: "Fay Facilitator" }),
    admin: await makeUser(db, authority.id, [{ role: "authority_admin" }], { name: "Avery Admin" }),
  };
  await assignSip(db, { authorityId: authority.id, sipUserId: people.sip.id, schoolIds: [ours.id], schoolYear: year });
  await assignSip(db, {
    authorityId: authority.id,
    sipUserId: people.otherSip.id,
    schoolIds: [theirs.id],
    schoolYear: year,
  });
  const ourAssignment = (await getSchoolScope(db, ours.id, year))!.assignment!.id;
  const theirAssignment = (await getSchoolScope(db, theirs.id, year))!.assignment!.id;
  const ourPlan = await makePlan(db, ours.id, year, [{ title: "Attendance", area: "attendance" }]);
  const theirPlan = await makePlan(db, theirs.id, year, [{ title: "Reading", area: "quality_of_education" }]);
  const cohort = await createCohort(db, {
    authorityId: authority.id,
    name: "Cohort One",
    schoolYear: year,
    facilitatorIds: [people.facilitator.id],
    leaderIds: [people.head.id, people.otherHead.id],
  });
  const community = await createCommunity(db, {
    cohortId: cohort.id,
    name: "Riverside",
    memberIds: [people.head.id, people.otherHead.id],
  });
  return {
    authority,
    schools: { ours, theirs, orphan },
    people,
    ourAssignment,
    theirAssignment,
    ourPlan,
    theirPlan,
    cohort,
    community,
  };
}

describe.each(await testDatabases())("role homes' to-do lists on $name", (database) => {
  let app: RunningCommons;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  const db = () => app.services.db;
  const actorOf = async (user: { id: string }): Promise<Actor> => ({
    userId: user.id,
    grants: await getGrants(db(), user.id),
  });
  /** The person's to-do items at `now`, by key. */
  const todo = async (user: { id: string }) => {
    const list = await loadTodo(db(), await actorOf(user), now);
    return new Map(list.items.map((i) => [i.key, i]));
  };
  const keys = async (user: { id: string }) => [...(await todo(user)).keys()];

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    w = await makeWorld(db());
  });

  afterAll(async () => {
    await app?.close();
  });

  it("tells a head about a pre-visit form until they send it, and never another school's", async () => {
    const ahead = await logVisit(
      db(),
      { assignmentId: w.ourAssignment, visitDate: day(20), kind: "in_school", days: 1, purpose: "Autumn visit" },
      { allowOverspend: false },
    );
    const theirs = await logVisit(
      db(),
      { assignmentId: w.theirAssignment, visitDate: day(21), kind: "in_school", days: 1, purpose: "Their visit" },
      { allowOverspend: false },
    );
    if (!ahead.ok || !theirs.ok) throw new Error("visits not logged");
    const item = (await todo(w.people.head)).get(`pre-visit:${ahead.recordId}`);
    expect(item?.href).toBe(`/schools/${w.schools.ours.id}/visits/${ahead.recordId}?edit=pre#section-pre`);
    expect(item?.text).toContain("{date}");
    expect(item?.when).toEqual({ value: day(20), style: "day-month" });
    expect(await keys(w.people.head)).not.toContain(`pre-visit:${theirs.recordId}`);
    expect(await keys(w.people.otherHead)).toContain(`pre-visit:${theirs.recordId}`);
    expect(await keys(w.people.otherHead)).not.toContain(`pre-visit:${ahead.recordId}`);
    // Not the SIP's to write yet: the school goes first, and the visit is still ahead.
    expect(await keys(w.people.sip)).not.toContain(`record:${ahead.recordId}`);

    await savePreVisit(db(), w.ourAssignment, ahead.recordId!, {
      selfEvaluationUpdate: "Attendance up",
      questions: "None",
      userId: w.people.head.id,
    });
    expect(await keys(w.people.head)).not.toContain(`pre-visit:${ahead.recordId}`);
  });

  it("asks the SIP to write a record once the visit has happened, until it is complete", async () => {
    const done = await logVisit(
      db(),
      { assignmentId: w.ourAssignment, visitDate: day(5), kind: "in_school", days: 1, purpose: "Early visit" },
      { allowOverspend: false, askPreVisit: false },
    );
    if (!done.ok) throw new Error("visit not logged");
    const item = (await todo(w.people.sip)).get(`record:${done.recordId}`);
    expect(item?.text).toBe(`Write the visit record for ${w.schools.ours.name}, {date}`);
    expect(item?.href).toBe(`/schools/${w.schools.ours.id}/visits/${done.recordId}?edit=seen#section-visit`);
    expect(await keys(w.people.otherSip)).not.toContain(`record:${done.recordId}`);
    // A visit logged after the fact asks the head for nothing.
    expect(await keys(w.people.head)).not.toContain(`pre-visit:${done.recordId}`);
    expect(await completeVisitPart(db(), w.ourAssignment, done.recordId!, part)).toBe(true);
    expect(await keys(w.people.sip)).not.toContain(`record:${done.recordId}`);
  });

  it("shows SIP comments awaiting the head's reply to both sides, and drops them once the head replies", async () => {
    const priorityId = w.ourPlan.priorityIds[0];
    const root = await addPlanComment(db(), {
      planId: w.ourPlan.planId,
      subjectKind: "priority",
      subjectId: priorityId,
      parentId: null,
      authorId: w.people.sip.id,
      body: "What does the baseline include?",
    });
    await addPlanComment(db(), {
      planId: w.theirPlan.planId,
      subjectKind: "priority",
      subjectId: w.theirPlan.priorityIds[0],
      parentId: null,
      authorId: w.people.otherSip.id,
      body: "Their question",
    });
    const head = (await todo(w.people.head)).get(`reply:${w.schools.ours.id}`);
    expect(head?.text).toBe("1 comment from your SIP awaiting your reply on your improvement plan");
    expect(head?.href).toBe(`/schools/${w.schools.ours.id}/plan/priorities/${priorityId}#comment-${root.id}`);
    const sip = (await todo(w.people.sip)).get(`awaiting-head:${w.schools.ours.id}`);
    expect(sip?.text).toBe(`1 comment on ${w.schools.ours.name}'s plan awaiting the head teacher's reply`);
    expect(await keys(w.people.otherHead)).toContain(`reply:${w.schools.theirs.id}`);
    expect(await keys(w.people.head)).not.toContain(`reply:${w.schools.theirs.id}`);
    expect(await keys(w.people.sip)).not.toContain(`awaiting-head:${w.schools.theirs.id}`);

    await addPlanComment(db(), {
      planId: w.ourPlan.planId,
      subjectKind: "priority",
      subjectId: priorityId,
      parentId: root.id,
      authorId: w.people.head.id,
      body: "Every pupil on roll.",
    });
    expect(await keys(w.people.head)).not.toContain(`reply:${w.schools.ours.id}`);
    expect(await keys(w.people.sip)).not.toContain(`awaiting-head:${w.schools.ours.id}`);
  });

  it("takes a report from the SIP's draft, to the head's acknowledgement, to the governors' reading", async () => {
    const report = await createReport(db(), {
      assignmentId: w.ourAssignment,
      title: "Autumn report",
      sections: [section(["head", "governors", "authority"])],
    });
    const headOnly = await createReport(db(), {
      assignmentId: w.ourAssignment,
      title: "Note for the head",
      sections: [section(["head"])],
    });
    expect((await todo(w.people.sip)).get(`share:${report.id}`)?.href).toBe(
      `/schools/${w.schools.ours.id}/reports/${report.id}`,
    );
    expect(await keys(w.people.otherSip)).not.toContain(`share:${report.id}`);
    // A draft is the SIP's alone.
    expect(await keys(w.people.head)).not.toContain(`acknowledge:${report.id}`);
    expect(await keys(w.people.governor)).not.toContain(`governor-report:${report.id}`);

    await shareReport(db(), report.id);
    await shareReport(db(), headOnly.id);
    expect(await keys(w.people.sip)).not.toContain(`share:${report.id}`);
    expect((await todo(w.people.head)).get(`acknowledge:${report.id}`)?.text).toBe(
      "Read and acknowledge the report “Autumn report”",
    );
    expect(await keys(w.people.otherHead)).not.toContain(`acknowledge:${report.id}`);
    const governor = await keys(w.people.governor);
    expect(governor).toContain(`governor-report:${report.id}`);
    // Nothing in the head's note is addressed to governors.
    expect(governor).not.toContain(`governor-report:${headOnly.id}`);
    expect(await keys(w.people.otherGovernor)).not.toContain(`governor-report:${report.id}`);

    await acknowledgeReport(db(), report.id, w.people.head.id);
    expect(await keys(w.people.head)).not.toContain(`acknowledge:${report.id}`);
    expect(await keys(w.people.governor)).toContain(`governor-report:${report.id}`);
  });

  it("gives leaders and the facilitator the next session, practice and attendance to take", async () => {
    const past = await createSession(db(), w.cohort.id, {
      title: "November session",
      startsAt: new Date(`${day(10)}T16:00:00Z`),
      durationMinutes: 120,
      place: "Room 4",
      agenda: [],
    });
    const next = await createSession(db(), w.cohort.id, {
      title: "December session",
      startsAt: new Date(`${start}-12-08T16:00:00Z`),
      durationMinutes: 120,
      place: "Room 4",
      agenda: [{ template: "check-in", minutes: 10, note: "" }],
    });
    const head = await todo(w.people.head);
    const session = head.get(`session:head:${next.id}`);
    expect(session?.href).toBe(`/cohorts/${w.cohort.id}/sessions/${next.id}`);
    expect(session?.details).toEqual(["Check-in (10 min)"]);
    expect(head.get(`practice:${w.cohort.id}`)?.href).toBe(`/cohorts/${w.cohort.id}/practice`);
    const fac = await todo(w.people.facilitator);
    expect(fac.get(`attendance:${past.id}`)?.href).toBe(
      `/cohorts/${w.cohort.id}/sessions/${past.id}#attendance-heading`,
    );
    expect(fac.has(`session:facilitator:${next.id}`)).toBe(true);
    expect(await keys(w.people.sip)).not.toContain(`session:head:${next.id}`);

    await createPracticeLog(db(), {
      cohortId: w.cohort.id,
      authorId: w.people.head.id,
      sessionId: next.id,
      learningApplied: "Tried a protocol",
      insight: "It helped",
      sharedWithUserId: null,
      createdAt: new Date(`${day(12)}T09:00:00Z`),
    });
    expect(await keys(w.people.head)).not.toContain(`practice:${w.cohort.id}`);
    expect(await keys(w.people.otherHead)).toContain(`practice:${w.cohort.id}`);
    await recordAttendance(db(), past.id, [{ userId: w.people.head.id, present: true }]);
    expect(await keys(w.people.facilitator)).not.toContain(`attendance:${past.id}`);
  });

  it("gives the facilitator the survey, suggestions and questions still to choose", async () => {
    let fac = await todo(w.people.facilitator);
    expect(fac.get(`survey-open:${w.cohort.id}`)?.href).toBe(`/cohorts/${w.cohort.id}/survey`);
    const opened = await openRound(db(), { cohortId: w.cohort.id, round: "start" });
    if (!opened.ok) throw new Error("round not opened");
    fac = await todo(w.people.facilitator);
    expect(fac.has(`survey-open:${w.cohort.id}`)).toBe(false);
    expect(fac.get(`survey:${opened.round.id}`)?.text).toBe(
      "Trust survey (start of year) is collecting: 0 responses of 2",
    );

    const suggestion = await createSuggestion(db(), {
      playlistId: w.community.id,
      suggestedBy: w.people.head.id,
      title: "A reading",
      url: "https://example.org/reading",
      type: "reading",
      minutes: 10,
      why: "Useful",
    });
    expect((await todo(w.people.facilitator)).get(`suggestions:${w.community.id}`)?.text).toBe(
      "1 suggestion to approve or decline for Riverside's playlist",
    );
    expect(await keys(w.people.head)).not.toContain(`suggestions:${w.community.id}`);
    await decideSuggestion(db(), {
      id: suggestion.id,
      playlistId: w.community.id,
      status: "approved",
      decidedBy: w.people.facilitator.id,
    });
    expect(await keys(w.people.facilitator)).not.toContain(`suggestions:${w.community.id}`);

    expect((await todo(w.people.facilitator)).get(`hmw:${w.community.id}`)?.href).toBe(
      `/communities/${w.community.id}/questions`,
    );
    await saveProjection(db(), {
      docName: `hmw.${w.community.id}`,
      kind: "hmw",
      // The projector's own version: an older row would be recomputed from the (empty) document log.
      version: projectors.hmw.version,
      fields: { questions: 1, chosen: { id: "q1", text: "How might we…" }, search: [], searchText: "" },
      throughUpdateId: 0,
    });
    expect(await keys(w.people.facilitator)).not.toContain(`hmw:${w.community.id}`);
  });

  it("gives the admin schools without a SIP, overspent budgets and invitations waiting", async () => {
    let admin = await todo(w.people.admin);
    expect(admin.get(`needs-sip:${w.schools.orphan.id}`)?.text).toBe(`${w.schools.orphan.name} still needs a SIP`);
    expect(admin.get(`needs-sip:${w.schools.orphan.id}`)?.href).toBe(`/admin/sips/${w.schools.orphan.id}`);
    expect(admin.has(`needs-sip:${w.schools.ours.id}`)).toBe(false);
    expect(admin.has(`invitations:${w.authority.id}`)).toBe(false);

    await logVisit(
      db(),
      { assignmentId: w.theirAssignment, visitDate: day(1), kind: "preparation", days: 5, purpose: "Long prep" },
      { allowOverspend: true },
    );
    await createInvitation(db(), {
      authorityId: w.authority.id,
      email: "new-head@example.test",
      role: "school_leader",
      schoolId: w.schools.orphan.id,
      tokenHash: `hash-${Math.random()}`,
      invitedBy: w.people.admin.id,
      expiresAt: new Date(now.getTime() + 86_400_000 * 365),
    });
    await assignSip(db(), {
      authorityId: w.authority.id,
      sipUserId: w.people.sip.id,
      schoolIds: [w.schools.orphan.id],
      schoolYear: year,
    });
    admin = await todo(w.people.admin);
    expect(admin.has(`needs-sip:${w.schools.orphan.id}`)).toBe(false);
    expect(admin.get(`overspent:${w.schools.theirs.id}`)?.text).toBe(
      `${w.schools.theirs.name} has used 6 of its 5 SIP days: review the budget`,
    );
    expect(admin.get(`invitations:${w.authority.id}`)?.text).toBe("1 invitation not accepted yet");
    for (const other of [w.people.head, w.people.sip, w.people.governor, w.people.facilitator])
      expect((await keys(other)).filter((k) => /^(needs-sip|overspent|invitations):/.test(k))).toEqual([]);
  });

  it("says plainly when nothing is waiting, and what comes next", async () => {
    const quiet = await makeUser(db(), w.authority.id, [{ role: "governor", schoolId: w.schools.orphan.id }]);
    const list = await loadTodo(db(), await actorOf(quiet), now);
    expect(list.items).toEqual([]);
    expect(list.whatNext).toContain("shares a report with governors");
  });

  it("renders the list on /dashboard with the markup the browser tests rely on, links only to the person's own work", async () => {
    const page = async (user: { email: string }) => {
      const client = new TestClient(app.url);
      expect((await client.signIn(user.email, TEST_PASSWORD)).status).toBe(302);
      const res = await client.request("/dashboard");
      expect(res.status).toBe(200);
      return res.text();
    };
    const todoSection = (html: string) =>
      /<section aria-labelledby="todo-heading"[^>]*><h2 id="todo-heading"[^>]*>To do<\/h2>([\s\S]*?)<\/section>/.exec(
        html,
      )?.[1] ?? "";
    const links = (html: string) =>
      [...todoSection(html).matchAll(/<li[^>]*><a[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
        href: m[1].replace(/&amp;/g, "&"),
        text: m[2].replace(/<!-- -->/g, ""),
      }));

    const admin = links(await page(w.people.admin));
    expect(admin).toContainEqual({
      href: `/admin/sips/${w.schools.theirs.id}`,
      text: `${w.schools.theirs.name} has used 6 of its 5 SIP days: review the budget`,
    });
    const otherHead = links(await page(w.people.otherHead));
    expect(otherHead.some((l) => l.href.startsWith(`/schools/${w.schools.theirs.id}/plan`))).toBe(true);
    const headHtml = await page(w.people.head);
    expect(todoSection(headHtml)).not.toBe("");
    for (const l of links(headHtml)) expect(l.href).not.toContain(w.schools.theirs.id);
    const governor = links(await page(w.people.governor));
    expect(governor.map((l) => l.text)).toEqual([
      expect.stringMatching(/^Read the report “Autumn report”, shared \d+ \w+$/),
    ]);

    const quiet = await makeUser(db(), w.authority.id, [{ role: "governor", schoolId: w.schools.orphan.id }]);
    const html = await visible(
      await (async () => {
        const client = new TestClient(app.url);
        await client.signIn(quiet.email, TEST_PASSWORD);
        return client.request("/dashboard");
      })(),
    );
    expect(html).toContain("Nothing waiting for you");
  });
});
