import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCalendarDate, todayIn } from "../../app/kernel/dates";
import { schoolYearBounds, schoolYearOf } from "../../app/kernel/school-year";
import { recordRead } from "../../db/queries/audit";
import { assignSipToSchool } from "../../db/queries/sip-deployment";
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
  let recordId: string;
  const clients: Record<"sip" | "head" | "governor" | "otherHead" | "otherSip" | "admin", TestClient> = {} as never;
  const year = schoolYearOf(new Date());
  // Visits are logged for today: one still to come asks the school for its pre-visit part.
  const today = todayIn();
  const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
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

  // On the first day of a school year, no earlier date of the year exists to log.
  it.skipIf(yesterday < schoolYearBounds(year).start)(
    "does not ask the school for the pre-visit part of a visit logged after it happened",
    async () => {
      const before = await app.services.db.select().from(notifications).where(eq(notifications.userId, headId));
      const res = await logTime(clients.sip, {
        visitDate: yesterday,
        purpose: "Yesterday's visit",
        confirmOverspend: "on",
      });
      expect(res.status).toBe(200);
      expect(await text(res)).toContain(
        "It was logged after the visit, so the school is not asked for a pre-visit part.",
      );
      const [record] = await app.services.db
        .select()
        .from(visitRecords)
        .where(and(eq(visitRecords.assignmentId, assignmentId), eq(visitRecords.visitDate, yesterday)));
      expect(record).toMatchObject({ preVisitAsked: false, preSubmittedAt: null });
      const after = await app.services.db.select().from(notifications).where(eq(notifications.userId, headId));
      expect(after).toHaveLength(before.length);

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

      const done = await clients.sip.post(path, {
        intent: "visit",
        performance: "Improving",
        keyFactors: "Leadership",
        prioritiesAndTargets: "Reading",
        howToAchieve: "Coaching",
        agreedActions: "Head: share the reading plan",
      });
      expect(done.status).toBe(200);
      expect(await text(done)).toContain("The visit record is complete.");
    },
  );
});
