import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCalendarDate, todayIn } from "../../app/kernel/dates";
import { previousSchoolYear, schoolYearOf } from "../../app/kernel/school-year";
import { logVisit as logVisitService } from "../../app/features/visits/service.server";
import { createLogger } from "../../app/utils/logger.server";
import { recordRead } from "../../db/queries/audit";
import { getSchoolScope } from "../../db/queries/school-scope";
import { assignSipToSchool } from "../../db/queries/sip-deployment";
import { getGrants } from "../../db/queries/users";
import { completeVisitPart, logVisit as logVisitRow } from "../../db/queries/visits";
import { auditLog, notifications, sipVisits, visitRecords } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

/** The page's text without tags, so assertions read like what a person sees. */
const text = async (res: Response) => (await visible(res)).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe.each(await testDatabases())("SIP visits, visit records and the audit log on $name", (database) => {
  let app: RunningCommons;
  let authorityId: string;
  let schoolId: string;
  let otherSchoolId: string;
  let assignmentId: string;
  let headId: string;
  let sipPerson: { id: string; email: string; name: string };
  let recordId: string;
  // Last year's work at the school, by a SIP who is not assigned this year (otherSip).
  const lastYear = previousSchoolYear(schoolYearOf(new Date()));
  const lastStart = Number(lastYear.slice(0, 4));
  const lastLabel = `${lastStart}–${String((lastStart + 1) % 100).padStart(2, "0")}`;
  const last = { visitId: "", completeId: "", awaitingSipId: "", awaitingSchoolId: "" };
  const clients: Record<"sip" | "head" | "governor" | "otherHead" | "otherSip" | "admin", TestClient> = {} as never;
  const year = schoolYearOf(new Date());
  // Visits are logged for today: one still to come asks the school for its pre-visit part.
  const today = todayIn();
  const visitsPath = () => `/schools/${schoolId}/visits`;
  const recordPath = () => `/schools/${schoolId}/visits/${recordId}`;
  const logTime = (client: TestClient, fields: Record<string, string>) =>
    client.post(visitsPath(), {
      intent: "log",
      visitDate: today,
      kind: "in_school",
      days: "1",
      purpose: "Autumn review",
      ...fields,
    });
  const visitCount = async () =>
    Number(
      (await app.services.db.select({ n: count() }).from(sipVisits).where(eq(sipVisits.assignmentId, assignmentId)))[0]
        .n,
    );
  const auditRows = () =>
    app.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.authorityId, authorityId), eq(auditLog.resourceId, recordId)));

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const db = app.services.db;
    const { authority, schools } = await makeAuthority(db, 2);
    authorityId = authority.id;
    [schoolId, otherSchoolId] = schools.map((s) => s.id);
    const people = {
      sip: await makeUser(db, authorityId, [{ role: "sip" }], { name: "Sam Partner" }),
      head: await makeUser(db, authorityId, [{ role: "school_leader", schoolId }], { name: "Hana Head" }),
      governor: await makeUser(db, authorityId, [{ role: "governor", schoolId }]),
      otherHead: await makeUser(db, authorityId, [{ role: "school_leader", schoolId: otherSchoolId }]),
      otherSip: await makeUser(db, authorityId, [{ role: "sip" }]),
      admin: await makeUser(db, authorityId, [{ role: "authority_admin" }], { name: "Ada Admin" }),
    };
    headId = people.head.id;
    sipPerson = people.sip;
    const previous = await assignSipToSchool(db, {
      authorityId,
      schoolId,
      sipUserId: people.otherSip.id,
      schoolYear: lastYear,
      dayBudget: 5,
    });
    const logLast = async (visitDate: string, askPreVisit: boolean) => {
      const row = await logVisitRow(
        db,
        { assignmentId: previous.id, visitDate, kind: "in_school", days: 1, purpose: "Last year's visit" },
        { allowOverspend: true, askPreVisit },
      );
      if (!row.ok || !row.recordId) throw new Error("last year's visit was not logged");
      return row;
    };
    const complete = await logLast(`${lastStart}-10-01`, false);
    last.visitId = complete.visitId;
    last.completeId = complete.recordId!;
    await completeVisitPart(db, previous.id, last.completeId, {
      performance: "Good, with reading a concern",
      keyFactors: "A settled staff",
      prioritiesAndTargets: "Reading at Key Stage 2",
      howToAchieve: "Phonics training",
      agreedActions: `Head teacher: present the reading plan to governors by ${lastStart + 1}-01-20\nSIP: find a partner school (spring term)`,
    });
    last.awaitingSipId = (await logLast(`${lastStart}-11-05`, false)).recordId!;
    last.awaitingSchoolId = (await logLast(`${lastStart}-12-03`, true)).recordId!;
    const assignment = await assignSipToSchool(db, {
      authorityId,
      schoolId,
      sipUserId: people.sip.id,
      schoolYear: year,
      dayBudget: 2,
    });
    assignmentId = assignment.id;
    for (const [key, person] of Object.entries(people)) {
      const client = new TestClient(app.url);
      expect((await client.signIn(person.email, TEST_PASSWORD)).status).toBe(302);
      clients[key as keyof typeof clients] = client;
    }
  });
  afterAll(() => app?.close());

  it("lets the SIP log an in-school visit, which opens a record awaiting the school and tells its head", async () => {
    const res = await logTime(clients.sip, {});
    expect(res.status).toBe(200);
    const page = await text(res);
    expect(page).toContain("1 day logged.");
    expect(page).toContain("1 of 2 days used");
    expect(page).toContain("1 day left of the 2-day budget.");
    const [record] = await app.services.db
      .select()
      .from(visitRecords)
      .where(eq(visitRecords.assignmentId, assignmentId));
    expect(record).toMatchObject({ visitDate: today, preVisitAsked: true, preSubmittedAt: null, completedAt: null });
    recordId = record.id;
    expect(page).toContain("The school's leaders have been asked for their pre-visit part.");
    expect(page).toContain(`Visit of ${formatCalendarDate(today, "date")} · Awaiting the school`);
    const alerts = await app.services.db.select().from(notifications).where(eq(notifications.userId, headId));
    expect(alerts).toEqual([expect.objectContaining({ title: "Pre-visit part to complete", link: recordPath() })]);
  });

  it("refuses time that is not in half-day steps or outside the school year, keeping the input", async () => {
    const before = await visitCount();
    const quarter = await logTime(clients.sip, { days: "0.75", purpose: "Quarter-day chat" });
    expect(quarter.status).toBe(400);
    const html = await visible(quarter);
    expect(html).toContain("Use whole or half days for the time, such as 4 or 4.5");
    expect(html).toMatch(/<input[^>]*name="purpose"[^>]*value="Quarter-day chat"/);
    expect(html).toMatch(/<input[^>]*name="days"[^>]*value="0.75"/);
    const lastYear = await logTime(clients.sip, { visitDate: `${Number(year.slice(0, 4)) - 1}-10-01` });
    expect(lastYear.status).toBe(400);
    expect(await visible(lastYear)).toContain("Choose a date in this school year");
    expect(await visitCount()).toBe(before);
  });

  it("warns before overspending: refused without the confirmation, recorded with it", async () => {
    const before = await visitCount();
    const refused = await logTime(clients.sip, { kind: "report_writing", days: "1.5", purpose: "Autumn report" });
    expect(refused.status).toBe(400);
    const html = await visible(refused);
    expect(html).toContain("Warning: this would take the school over its day budget (only 1 day left)");
    expect(html).toContain('This would go over the budget: only 1 day left. Tick "Record it anyway" to record it.');
    expect(html).toMatch(/<input[^>]*name="purpose"[^>]*value="Autumn report"/);
    expect(html).toMatch(/<option value="report_writing" selected="">/);
    expect(await visitCount()).toBe(before);

    const confirmed = await logTime(clients.sip, {
      kind: "report_writing",
      days: "1.5",
      purpose: "Autumn report",
      confirmOverspend: "on",
    });
    expect(confirmed.status).toBe(200);
    expect(await text(confirmed)).toContain("2.5 of 2 days used");
    expect(await visitCount()).toBe(before + 1);
  });

  it("lets leaders and admins read the visits but only the SIP log time", async () => {
    for (const reader of [clients.head, clients.admin]) {
      const res = await reader.request(visitsPath());
      expect(res.status).toBe(200);
      const page = await text(res);
      expect(page).toContain("2.5 of 2 days used");
      expect(page).toContain("Report writing · 1.5 days · Autumn report");
      expect(page).not.toContain("Log time");
    }
    const before = await visitCount();
    expect((await logTime(clients.head, {})).status).toBe(403);
    expect((await logTime(clients.admin, {})).status).toBe(403);
    expect(await visitCount()).toBe(before);
  });

  it("hides the school's visits and records from governors, other schools' heads and other SIPs (404)", async () => {
    for (const outsider of [clients.governor, clients.otherHead, clients.otherSip]) {
      expect((await outsider.request(visitsPath())).status).toBe(404);
      expect((await outsider.request(recordPath())).status).toBe(404);
      expect((await logTime(outsider, {})).status).toBe(404);
      expect(
        (await outsider.post(recordPath(), { intent: "pre", selfEvaluationUpdate: "xxx", questions: "yyy" })).status,
      ).toBe(404);
    }
    // A record id under another school is not found either.
    expect((await clients.otherHead.request(`/schools/${otherSchoolId}/visits/${recordId}`)).status).toBe(404);
  });

  it("runs the two-part record: the school first, then the SIP", async () => {
    const early = await clients.sip.post(recordPath(), {
      intent: "visit",
      performance: "Good",
      keyFactors: "Staff",
      prioritiesAndTargets: "Reading",
      howToAchieve: "Training",
      agreedActions: "Plan",
    });
    expect(early.status).toBe(400);
    expect(await text(early)).toContain("You can write this part once the school has completed its pre-visit part.");
    expect(
      (await clients.sip.post(recordPath(), { intent: "pre", selfEvaluationUpdate: "Not mine", questions: "Not mine" }))
        .status,
    ).toBe(403);

    const empty = await clients.head.post(recordPath(), {
      intent: "pre",
      selfEvaluationUpdate: "Attendance is up 2 points",
      questions: "",
    });
    expect(empty.status).toBe(400);
    const emptyHtml = await visible(empty);
    expect(emptyHtml).toContain("Write the questions you want the SIP to look at");
    expect(emptyHtml).toContain("Attendance is up 2 points</textarea>");

    const pre = await clients.head.post(recordPath(), {
      intent: "pre",
      selfEvaluationUpdate: "Attendance is up 2 points",
      questions: "Is our Year 9 mentoring working?",
    });
    expect(pre.status).toBe(200);
    expect(await text(pre)).toContain("Awaiting the SIP");
    expect(
      (
        await clients.head.post(recordPath(), {
          intent: "visit",
          performance: "Mine",
          keyFactors: "x",
          prioritiesAndTargets: "x",
          howToAchieve: "x",
          agreedActions: "x",
        })
      ).status,
    ).toBe(403);

    const missing = await clients.sip.post(recordPath(), {
      intent: "visit",
      performance: "Improving steadily",
      keyFactors: "",
      prioritiesAndTargets: "",
      howToAchieve: "",
      agreedActions: "",
    });
    expect(missing.status).toBe(400);
    expect(await visible(missing)).toContain("Answer: what are the key factors?");
    const done = await clients.sip.post(recordPath(), {
      intent: "visit",
      performance: "Improving steadily",
      keyFactors: "A stable senior team",
      prioritiesAndTargets: "Attendance to 95% by July",
      howToAchieve: "Weekly attendance panels",
      agreedActions: "Head: share the dashboard with governors",
    });
    expect(done.status).toBe(200);
    const page = await text(done);
    expect(page).toContain("The visit record is complete.");
    expect(page).toContain("How well is the school performing? Improving steadily");
    expect(page).toContain("Is our Year 9 mentoring working?");
    const [stored] = await app.services.db.select().from(visitRecords).where(eq(visitRecords.id, recordId));
    expect(stored.completedAt).not.toBeNull();
    expect(stored.preSubmittedBy).toBe(headId);

    const late = await clients.head.post(recordPath(), {
      intent: "pre",
      selfEvaluationUpdate: "Changed my mind",
      questions: "Too late?",
    });
    expect(late.status).toBe(400);
    expect(await visible(late)).toContain("This record is complete and can no longer be changed.");
  });

  it("writes an audit row for every read of a visit record, and none for refused ones", async () => {
    const before = (await auditRows()).length;
    for (const reader of [clients.head, clients.sip, clients.admin])
      expect((await reader.request(recordPath())).status).toBe(200);
    expect((await clients.governor.request(recordPath())).status).toBe(404);
    const rows = await auditRows();
    expect(rows).toHaveLength(before + 3);
    expect(rows.every((r) => r.action === "read" && r.resourceKind === "visit_record" && r.schoolId === schoolId)).toBe(
      true,
    );
    expect(new Set(rows.slice(-3).map((r) => r.actorId)).has(headId)).toBe(true);
  });

  it("shows the audit log to admins only, newest first, filtered and paginated", async () => {
    expect((await clients.sip.request("/admin/audit")).status).toBe(403);
    expect((await clients.head.request("/admin/audit")).status).toBe(403);
    const page = await text(await clients.admin.request("/admin/audit"));
    expect(page).toMatch(/Ada Admin \([^)]+\) Read visit record/);
    expect(page).toContain("Hana Head");
    const reports = await text(await clients.admin.request("/admin/audit?kind=report"));
    expect(reports).toContain("Nothing matches these filters");

    const existing = (await auditRows()).length;
    for (let i = 0; i < 60 - existing; i++) {
      await recordRead(app.services.db, {
        authorityId,
        actorId: headId,
        resourceKind: "visit_record",
        resourceId: recordId,
        schoolId,
      });
    }
    const first = await text(await clients.admin.request(`/admin/audit?school=${schoolId}`));
    expect(first).toContain("Page 1 of 2 · 60 reads");
    expect(first.match(/Read visit record/g)).toHaveLength(50);
    const second = await text(await clients.admin.request(`/admin/audit?school=${schoolId}&page=2`));
    expect(second).toContain("Page 2 of 2 · 60 reads");
    expect(second.match(/Read visit record/g)).toHaveLength(10);
    const elsewhere = await text(await clients.admin.request(`/admin/audit?school=${otherSchoolId}`));
    expect(elsewhere).toContain("Nothing matches these filters");
  });

  it("does not ask the school for the pre-visit part of a visit logged after it happened", async () => {
    const db = app.services.db;
    const before = await db.select().from(notifications).where(eq(notifications.userId, headId));
    // The service's clock is pinned to the middle of this school year, so a visit the day before is
    // "after the fact" on any day the test runs (1 September included, when no earlier date exists).
    const start = Number(year.slice(0, 4));
    const clock = () => new Date(`${start}-11-15T12:00:00Z`);
    const scope = (await getSchoolScope(db, schoolId, year))!;
    const sip = { userId: sipPerson.id, user: sipPerson, grants: await getGrants(db, sipPerson.id) };
    const logged = await logVisitService(
      { db, logger: createLogger("silent"), now: clock },
      sip,
      { scope, assignment: scope.assignment!, year },
      { visitDate: `${start}-11-14`, kind: "in_school", days: 1, purpose: "Yesterday's visit", allowOverspend: true },
    );
    expect(logged).toMatchObject({ ok: true, preVisitAsked: false });
    const [record] = await db
      .select()
      .from(visitRecords)
      .where(and(eq(visitRecords.assignmentId, assignmentId), eq(visitRecords.visitDate, `${start}-11-14`)));
    expect(record).toMatchObject({ preVisitAsked: false, preSubmittedAt: null });
    const after = await db.select().from(notifications).where(eq(notifications.userId, headId));
    expect(after).toHaveLength(before.length);
    // On the visit's own day it is still to come (it may be later that day): the school is asked.
    const sameDay = await logVisitService(
      { db, logger: createLogger("silent"), now: () => new Date(`${start}-11-14T08:00:00Z`) },
      sip,
      { scope, assignment: scope.assignment!, year },
      { visitDate: `${start}-11-14`, kind: "in_school", days: 0.5, purpose: "Same-day visit", allowOverspend: true },
    );
    expect(sameDay).toMatchObject({ ok: true, preVisitAsked: true });

    const path = `/schools/${schoolId}/visits/${record.id}`;
    const headView = await text(await clients.head.request(path));
    expect(headView).toContain("Awaiting the SIP");
    expect(headView).toContain("Not asked: logged after the visit.");
    expect(headView).not.toContain("Send the pre-visit part");
    const refused = await clients.head.post(path, {
      intent: "pre",
      selfEvaluationUpdate: "Late",
      questions: "Late?",
    });
    expect(refused.status).toBe(400);
    expect(await text(refused)).toContain("no pre-visit part is asked for");

    // Read first: the SIP's sections have Edit links; ?edit= opens the form without JavaScript.
    const sipView = await visible(await clients.sip.request(path));
    expect(sipView).not.toContain('name="performance"');
    expect(sipView).toMatch(/href="[^"]*\?edit=seen"[^>]*>Edit<span class="sr-only"> what was seen/);
    const editing = await visible(await clients.sip.request(`${path}?edit=actions`));
    expect(editing).toMatch(/<textarea[^>]*name="agreedActions"/);
    expect(editing).toContain("Complete the record");
    // The head may not edit the SIP's part: the same address just reads.
    const headEdit = await visible(await clients.head.request(`${path}?edit=actions`));
    expect(headEdit).not.toContain('name="agreedActions"');
    expect(headEdit).not.toContain(">Edit<");

    const missing = await clients.sip.post(`${path}?edit=actions`, {
      intent: "visit",
      performance: "Improving",
      keyFactors: "",
      prioritiesAndTargets: "Reading",
      howToAchieve: "Coaching",
      agreedActions: "Head: share the reading plan by 2030-03-02",
    });
    expect(missing.status).toBe(400);
    const kept = await visible(missing);
    expect(kept).toContain("Answer: what are the key factors?");
    expect(kept).toContain("Head: share the reading plan by 2030-03-02</textarea>");

    const done = await clients.sip.post(`${path}?edit=actions`, {
      intent: "visit",
      performance: "Improving",
      keyFactors: "Leadership",
      prioritiesAndTargets: "Reading",
      howToAchieve: "Coaching",
      agreedActions: "Head: share the reading plan by 2030-03-02\nSIP: broker a visit (spring term)",
    });
    expect(done.status).toBe(200);
    const donePage = await text(done);
    expect(donePage).toContain("The visit record is complete.");
    expect(await visible(await clients.sip.request(path))).not.toContain('name="agreedActions"');
    // Agreed actions read as a table: action, who, by when (the date in the authority's locale).
    expect(donePage).toContain(
      `Action Who By when Share the reading plan Head ${formatCalendarDate("2030-03-02", "date")} Broker a visit SIP spring term`,
    );
  });

  it("shows last year's visits and records with ?year= to the head and last year's SIP, read only", async () => {
    const lastVisits = `${visitsPath()}?year=${lastStart}`;
    for (const reader of [clients.head, clients.otherSip, clients.admin]) {
      const res = await reader.request(lastVisits);
      expect(res.status).toBe(200);
      const page = await text(res);
      expect(page).toContain(`SIP visits and time, ${lastLabel}`);
      expect(page).toContain(`You are looking at ${lastLabel} (read only)`);
      expect(page).toContain(`Visit of ${formatCalendarDate(`${lastStart}-10-01`, "date")} · Complete`);
      expect(page).toContain("3 of 5 days used");
      expect(page).not.toContain("Log time");
      expect(page).not.toContain("Remove");
    }
    // This year's SIP did not work with the school last year, and governors never see visits.
    expect((await clients.sip.request(lastVisits)).status).toBe(404);
    expect((await clients.governor.request(lastVisits)).status).toBe(404);
    // Last year's SIP still cannot see this year's visits or records.
    expect((await clients.otherSip.request(visitsPath())).status).toBe(404);
    expect((await clients.otherSip.request(recordPath())).status).toBe(404);

    // The record opens from its own address (its year comes from the record), read only.
    const record = await text(await clients.head.request(`/schools/${schoolId}/visits/${last.completeId}`));
    expect(record).toContain(`This record is from ${lastLabel}, a past school year: it is read only.`);
    expect(record).toContain(
      `Present the reading plan to governors Head teacher ${formatCalendarDate(`${lastStart + 1}-01-20`, "date")}`,
    );
    expect(
      await visible(await clients.head.request(`/schools/${schoolId}/visits/${last.awaitingSchoolId}`)),
    ).not.toContain("?edit=");
    const asked = await visible(
      await clients.head.request(`/schools/${schoolId}/visits/${last.awaitingSchoolId}?edit=pre`),
    );
    expect(asked).not.toContain("<textarea");
    expect(
      (await clients.sip.request(`/schools/${schoolId}/visits/${last.completeId}`)).status,
      "this year's SIP does not read last year's records",
    ).toBe(404);

    // The school's home offers the year it has data for, and shows that year's records as links.
    const home = await visible(await clients.head.request(`/schools/${schoolId}?year=${lastStart}`));
    expect(home).toContain(`<option value="${lastStart}" selected="">${lastLabel}</option>`);
    expect(home).toContain(`href="/schools/${schoolId}/visits/${last.completeId}"`);
    const sipHome = await visible(await clients.sip.request(`/schools/${schoolId}`));
    expect(sipHome).not.toContain(`<option value="${lastStart}"`);
  });

  it("refuses every write to last year's visits and records", async () => {
    const lastVisits = `${visitsPath()}?year=${lastStart}`;
    const rows = () => app.services.db.select().from(visitRecords);
    const before = await rows();
    const logged = await clients.otherSip.post(lastVisits, {
      intent: "log",
      visitDate: `${lastStart}-11-20`,
      kind: "in_school",
      days: "1",
      purpose: "Late entry",
    });
    expect(logged.status).toBe(403);
    expect((await clients.otherSip.post(lastVisits, { intent: "delete", visitId: last.visitId })).status).toBe(403);
    const visitPart = await clients.otherSip.post(`/schools/${schoolId}/visits/${last.awaitingSipId}`, {
      intent: "visit",
      performance: "Changed",
      keyFactors: "Changed",
      prioritiesAndTargets: "Changed",
      howToAchieve: "Changed",
      agreedActions: "Changed",
    });
    expect(visitPart.status).toBe(403);
    const pre = await clients.head.post(`/schools/${schoolId}/visits/${last.awaitingSchoolId}`, {
      intent: "pre",
      selfEvaluationUpdate: "Too late",
      questions: "Too late?",
    });
    expect(pre.status).toBe(403);
    expect(await rows()).toEqual(before);
    expect(await app.services.db.select().from(sipVisits).where(eq(sipVisits.id, last.visitId))).toHaveLength(1);
  });
});
