import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProposal } from "../../db/queries/brokering";
import { getPlan, getPlanSchool } from "../../db/queries/plans";
import { getReport } from "../../db/queries/reports";
import { getSchoolScope } from "../../db/queries/school-scope";
import { getGrants } from "../../db/queries/users";
import { getVisitRecord, recordState } from "../../db/queries/visits";
import type { DatabaseHandle } from "../../db/client";
import { notifications } from "../../db/schema/index";
import type { CurrentActor } from "../../app/features/auth/guard.server";
import { decideProposal, proposeLink } from "../../app/features/brokering/service.server";
import { assignSip } from "../../app/features/deployment/service.server";
import type { OutgoingMail } from "../../app/features/notifications/mailer.server";
import { addComment } from "../../app/features/plans/comments.server";
import { listVisibleSections } from "../../db/queries/report-sections";
import { createReport, saveSection, shareReport } from "../../app/features/reports/service.server";
import type { NotifyingDeps } from "../../app/features/schools/service-deps.server";
import { completeVisitRecord, logVisit, savePreVisit } from "../../app/features/visits/service.server";
import { todayIn } from "../../app/kernel/dates";
import { canCommentOnPlan, canEditPlan } from "../../app/kernel/permissions";
import { createLogger } from "../../app/utils/logger.server";
import { testDatabases } from "../support/databases";
import { makeReportWorld } from "../support/report-fixtures";

/**
 * The school-improvement services called directly, as a job or an API would: each write is
 * followed by its consequences (notifications, mail) without going through a route.
 */
describe.each(await testDatabases())("school improvement services on $name", (database) => {
  let handle: DatabaseHandle;
  let world: Awaited<ReturnType<typeof makeReportWorld>>;
  const sent: OutgoingMail[] = [];
  let deps: NotifyingDeps;
  const db = () => handle.db;

  async function actor(person: { id: string; email: string; name: string }): Promise<CurrentActor> {
    return {
      userId: person.id,
      user: { id: person.id, email: person.email, name: person.name },
      grants: await getGrants(db(), person.id),
    };
  }
  const scopeOf = async (schoolId: string) => (await getSchoolScope(db(), schoolId, world.schoolYear))!;
  const notified = async (userId: string) =>
    (await db().select().from(notifications).where(eq(notifications.userId, userId))).map((n) => ({
      title: n.title,
      link: n.link,
    }));

  beforeAll(async () => {
    handle = await database.open();
    world = await makeReportWorld(db());
    deps = {
      db: db(),
      logger: createLogger("silent"),
      origin: "https://commons.example",
      mailer: { send: async (mail) => (sent.push(mail), { id: String(sent.length), status: "outbox" as const }) },
    };
  });
  afterAll(() => handle?.close());

  it("shares a report: its head and governor are notified in the app and by email; the head may not share", async () => {
    const sip = await actor(world.people.sip);
    const scope = await scopeOf(world.schools.ours.id);
    const created = await createReport(deps, sip, { scope, year: world.schoolYear }, { title: "Autumn visit report" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const report = (await getReport(db(), scope.schoolId, created.report.id))!;
    const target = { scope, report, terminology: "en-GB" as const, year: world.schoolYear };
    expect(await shareReport(deps, await actor(world.people.head), target)).toMatchObject({ ok: false, status: 403 });
    expect(await shareReport(deps, sip, target)).toEqual({ ok: true });
    const link = `/schools/${scope.schoolId}/reports/${report.id}`;
    for (const person of [world.people.head, world.people.governor]) {
      expect(await notified(person.id)).toContainEqual({
        title: `New report on ${scope.name}: Autumn visit report`,
        link,
      });
      expect(sent.find((m) => m.to === person.email)?.text).toContain(`https://commons.example${link}`);
    }
    expect(await shareReport(deps, sip, target)).toMatchObject({ ok: false, status: 409 });
  });

  it("tells only the people a section is addressed to: no governor is told of a report with nothing for governors", async () => {
    const sip = await actor(world.people.sip);
    const scope = await scopeOf(world.schools.ours.id);
    const created = await createReport(deps, sip, { scope, year: world.schoolYear }, { title: "Head's eyes only" });
    if (!created.ok) throw new Error("the report was not created");
    const report = (await getReport(db(), scope.schoolId, created.report.id))!;
    const target = { scope, report, terminology: "en-GB" as const, year: world.schoolYear };
    const sections = await listVisibleSections(db(), report.id, ["head", "governors", "authority"]);
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections)
      expect(
        await saveSection(deps, sip, target, {
          sectionId: section.id,
          heading: section.heading,
          body: section.body,
          audiences: ["head", "authority"],
        }),
      ).toEqual({ ok: true });
    const mailedBefore = sent.length;
    expect(await shareReport(deps, sip, target)).toEqual({ ok: true });
    const title = `New report on ${scope.name}: Head's eyes only`;
    const mailed = sent.slice(mailedBefore).map((m) => m.to);
    expect(mailed).toContain(world.people.head.email);
    expect(mailed).not.toContain(world.people.governor.email);
    expect((await notified(world.people.head.id)).map((n) => n.title)).toContain(title);
    expect((await notified(world.people.governor.id)).map((n) => n.title)).not.toContain(title);
  });

  it("logs an in-school visit, then runs its two-part record, telling the other side at each step", async () => {
    const sip = await actor(world.people.sip);
    const scope = await scopeOf(world.schools.ours.id);
    const target = { scope, assignment: scope.assignment! };
    // Today: a visit still to come (or later today) asks the school for its pre-visit part.
    const visitDate = todayIn();
    const logged = await logVisit(deps, sip, target, {
      visitDate,
      kind: "in_school",
      days: 1,
      purpose: "Autumn visit",
      allowOverspend: false,
    });
    expect(logged).toMatchObject({ ok: true, recordId: expect.any(String) });
    const recordId = (logged as { recordId: string }).recordId;
    const link = `/schools/${scope.schoolId}/visits/${recordId}`;
    expect(await notified(world.people.head.id)).toContainEqual({ title: "Pre-visit part to complete", link });

    const record = async () => ({ ...target, record: (await getVisitRecord(db(), target.assignment.id, recordId))! });
    const head = await actor(world.people.head);
    expect(
      await savePreVisit(deps, head, await record(), {
        selfEvaluationUpdate: "Attendance is up.",
        questions: "Look at year 3.",
      }),
    ).toEqual({ ok: true });
    expect(await notified(world.people.sip.id)).toContainEqual({ title: "Pre-visit part completed", link });

    const part = {
      performance: "Well.",
      keyFactors: "Leadership.",
      prioritiesAndTargets: "Attendance.",
      howToAchieve: "Family work.",
      agreedActions: "Calls.",
    };
    expect(await completeVisitRecord(deps, head, await record(), part)).toMatchObject({ ok: false, status: 403 });
    expect(await completeVisitRecord(deps, sip, await record(), part)).toEqual({ ok: true });
    expect(await notified(world.people.head.id)).toContainEqual({ title: "Visit record complete", link });
  });

  it("does not ask the school for its pre-visit part of a visit logged after it happened", async () => {
    const sip = await actor(world.people.sip);
    const scope = await scopeOf(world.schools.ours.id);
    const target = { scope, assignment: scope.assignment! };
    const before = await notified(world.people.head.id);
    const yesterday = new Date(Date.parse(`${todayIn()}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const logged = await logVisit(deps, sip, target, {
      visitDate: yesterday,
      kind: "in_school",
      days: 0.5,
      purpose: "Visit logged the day after",
      allowOverspend: true,
    });
    expect(logged).toMatchObject({ ok: true, recordId: expect.any(String), preVisitAsked: false });
    const recordId = (logged as { recordId: string }).recordId;
    expect(await notified(world.people.head.id)).toEqual(before);

    const record = async () => ({ ...target, record: (await getVisitRecord(db(), target.assignment.id, recordId))! });
    expect((await record()).record).toMatchObject({ preVisitAsked: false, preSubmittedAt: null });
    expect(recordState((await record()).record)).toBe("awaiting_sip");
    const head = await actor(world.people.head);
    expect(
      await savePreVisit(deps, head, await record(), { selfEvaluationUpdate: "Late.", questions: "Late?" }),
    ).toEqual({
      ok: false,
      status: 400,
      message: "This visit was logged after it happened: no pre-visit part is asked for.",
    });
    const part = {
      performance: "Well.",
      keyFactors: "Leadership.",
      prioritiesAndTargets: "Attendance.",
      howToAchieve: "Family work.",
      agreedActions: "Calls.",
    };
    expect(await completeVisitRecord(deps, sip, await record(), part)).toEqual({ ok: true });
    expect(recordState((await record()).record)).toBe("complete");
  });

  it("proposes a brokered link (the partner's head is asked) and tells the SIP when that head consents", async () => {
    const sip = await actor(world.people.sip);
    const scope = await scopeOf(world.schools.ours.id);
    const input = {
      priorityId: world.priorities.ours,
      partnerPriorityId: world.priorities.big,
      reason: "Their breakfast club moved attendance.",
    };
    const proposed = await proposeLink(deps, sip, { scope, year: world.schoolYear }, input);
    expect(proposed).toMatchObject({ ok: true });
    const proposalId = (proposed as { proposalId: string }).proposalId;
    expect(await notified(world.people.bigHead.id)).toContainEqual({
      title: "A School Improvement Partner would like to broker a link with your school",
      link: `/brokering/${proposalId}`,
    });

    const partner = await scopeOf(world.schools.bigGain.id);
    const proposal = (await getProposal(db(), proposalId))!;
    expect(await decideProposal(deps, await actor(world.people.bigHead), { proposal, partner }, "consented")).toEqual({
      ok: true,
    });
    expect(await notified(world.people.sip.id)).toContainEqual({
      title: `${partner.name} consented to a brokered link`,
      link: `/schools/${scope.schoolId}/brokering`,
    });
  });

  it("a SIP's comment on the plan reaches the school's head in the app and by email", async () => {
    const sip = await actor(world.people.sip);
    const scope = await scopeOf(world.schools.ours.id);
    const plan = (await getPlan(db(), scope.schoolId, world.schoolYear))!;
    const school = (await getPlanSchool(db(), scope.schoolId))!;
    const access = {
      actor: sip,
      scope,
      year: world.schoolYear,
      school,
      plan,
      canEdit: canEditPlan(sip, scope),
      canComment: canCommentOnPlan(sip, scope),
    };
    const added = await addComment(deps, sip, access, {
      subjectKind: "priority",
      subjectId: world.priorities.ours,
      body: "What does the data say for year 5?",
    });
    expect(added).toMatchObject({ ok: true });
    const rows = await db()
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, world.people.head.id),
          eq(notifications.body, "What does the data say for year 5?"),
        ),
      );
    expect(rows).toHaveLength(1);
    expect(
      sent.find((m) => m.to === world.people.head.email && m.subject.endsWith("new feedback on your improvement plan")),
    ).toBeTruthy();
  });

  it("assigns only one of the authority's SIPs, as a field error otherwise", async () => {
    const admin = await actor(world.people.admin);
    const target = { authorityId: world.authority.id, year: world.schoolYear, schoolId: world.schools.unrelated.id };
    expect(await assignSip(deps, admin, target, { sipUserId: world.people.head.id, dayBudget: 5 })).toMatchObject({
      ok: false,
      field: "sipUserId",
    });
    expect(await assignSip(deps, admin, target, { sipUserId: world.people.sip.id, dayBudget: 5 })).toEqual({
      ok: true,
    });
    expect((await scopeOf(world.schools.unrelated.id)).assignment).toMatchObject({
      sipUserId: world.people.sip.id,
      dayBudget: 5,
    });
  });
});
