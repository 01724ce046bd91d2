import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSimilarPractice } from "../../db/queries/brokering";
import { insertSchools } from "../../db/queries/schools";
import { findMatches } from "../../app/features/brokering/matches.server";
import { schoolYearOf } from "../../app/kernel/school-year";
import { brokeringProposals, notifications } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { TEST_PASSWORD } from "../support/factories";
import { makePlan, makeReportWorld } from "../support/report-fixtures";

describe.each(await testDatabases())("brokering good practice on $name", (database) => {
  let app: RunningCommons;
  let world: Awaited<ReturnType<typeof makeReportWorld>>;
  const clients: Record<string, TestClient> = {};
  let page: string;
  let proposalId: string;
  const db = () => app.services.db;

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    world = await makeReportWorld(db());
    for (const [name, user] of Object.entries(world.people)) {
      clients[name] = new TestClient(app.url);
      expect((await clients[name].signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    }
    page = `/schools/${world.schools.ours.id}/brokering`;
  });
  afterAll(() => app?.close());

  it("ranks similar priorities by measured change, from targets and from linked inquiries' outcomes", async () => {
    const matches = await findSimilarPractice(db(), {
      authorityId: world.authority.id,
      schoolId: world.schools.ours.id,
      priorityId: world.priorities.ours,
    });
    expect(matches.map((m) => m.partnerSchoolId)).toEqual([
      world.schools.bigGain.id,
      world.schools.outcomeGain.id,
      world.schools.smallGain.id,
    ]);
    expect(matches.map((m) => m.change)).toEqual([expect.closeTo(6.2, 5), expect.closeTo(4, 5), expect.closeTo(1, 5)]);
    expect(matches[1].inquiries).toBe(1);
    expect(matches.every((m) => m.rank > 0)).toBe(true);
  });

  it("searches with the SIP's own words, and finds nothing for words no priority has", async () => {
    const reading = await findSimilarPractice(db(), {
      authorityId: world.authority.id,
      schoolId: world.schools.ours.id,
      priorityId: world.priorities.ours,
      words: "reading fluency",
    });
    expect(reading.map((m) => m.partnerSchoolId)).toEqual([world.schools.reading.id]);
    const none = await findSimilarPractice(db(), {
      authorityId: world.authority.id,
      schoolId: world.schools.ours.id,
      priorityId: world.priorities.ours,
      words: "orchestra",
    });
    expect(none).toEqual([]);
  });

  it("shows the SIP anonymised evidence only: no school's name or id", async () => {
    const res = await clients.sip.request(page);
    expect(res.status).toBe(200);
    const raw = await res.text();
    const text = await visible(new Response(raw));
    // Each card shows its own figures, biggest improvement first.
    expect(text).toContain(
      "A primary school in the local authority: Attendance, Disadvantaged pupils: 88.0% → 94.2% (+6.2 pp)",
    );
    expect(text.indexOf("88.0% → 94.2%")).toBeLessThan(text.indexOf("89.0% → 93.0% (+4.0 pp)"));
    expect(text.indexOf("89.0% → 93.0% (+4.0 pp)")).toBeLessThan(text.indexOf("90.0% → 91.0% (+1.0 pp)"));
    for (const school of [world.schools.bigGain, world.schools.outcomeGain, world.schools.smallGain]) {
      expect(raw).not.toContain(school.name);
      expect(raw).not.toContain(school.id);
    }
  });

  it("is the SIP's work: the school's head and the admin get 403, another school's head 404", async () => {
    expect((await clients.head.request(page)).status).toBe(403);
    expect((await clients.admin.request(page)).status).toBe(403);
    expect((await clients.otherHead.request(page)).status).toBe(404);
    expect((await clients.governor.request(page)).status).toBe(404);
  });

  it("refuses a proposal without a reason, keeping the input", async () => {
    const res = await clients.sip.post(page, {
      priorityId: world.priorities.ours,
      partnerPriorityId: world.priorities.big,
      reason: "short",
    });
    expect(res.status).toBe(400);
    const html = await visible(res);
    expect(html).toContain("Say a little more");
    expect(html).toMatch(/<textarea[^>]*name="reason"[^>]*>short<\/textarea>/);
    const notAMatch = await clients.sip.post(page, {
      priorityId: world.priorities.ours,
      partnerPriorityId: world.priorities.ours,
      reason: "Our own priority is not a partner.",
    });
    expect(notAMatch.status).toBe(400);
  });

  it("proposes a link and notifies the partner school's leaders", async () => {
    const res = await clients.sip.post(page, {
      priorityId: world.priorities.ours,
      partnerPriorityId: world.priorities.big,
      reason: "Their breakfast club lifted attendance by six points.",
    });
    expect(res.status).toBe(302);
    const [proposal] = await db()
      .select()
      .from(brokeringProposals)
      .where(eq(brokeringProposals.partnerSchoolId, world.schools.bigGain.id));
    expect(proposal).toMatchObject({
      status: "proposed",
      priorityId: world.priorities.ours,
      partnerPriorityId: world.priorities.big,
    });
    proposalId = proposal.id;
    const notes = await db().select().from(notifications).where(eq(notifications.userId, world.people.bigHead.id));
    expect(notes.map((n) => n.link)).toEqual([`/brokering/${proposalId}`]);
    expect(await visible(await clients.sip.request(page))).toContain("Proposed: waiting for the school's consent");
    expect(
      (
        await clients.sip.post(page, {
          priorityId: world.priorities.ours,
          partnerPriorityId: world.priorities.big,
          reason: "Asking a second time over.",
        })
      ).status,
    ).toBe(400);
  });

  it("lets only the partner school's head see and decide the proposal", async () => {
    for (const who of ["sip", "head", "bigGovernor", "smallHead", "admin"]) {
      expect((await clients[who].request(`/brokering/${proposalId}`)).status).toBe(404);
      expect((await clients[who].post(`/brokering/${proposalId}`, { decision: "consented" })).status).toBe(404);
    }
    const res = await clients.bigHead.request(`/brokering/${proposalId}`);
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("Their breakfast club lifted attendance by six points.");
  });

  it("names the partner school and its head only after consent", async () => {
    const before = await (await clients.sip.request(page)).text();
    expect(before).not.toContain(world.schools.bigGain.name);
    expect(before).not.toContain(world.people.bigHead.email);
    expect((await clients.bigHead.post(`/brokering/${proposalId}`, { decision: "consented" })).status).toBe(302);
    expect((await clients.bigHead.post(`/brokering/${proposalId}`, { decision: "declined" })).status).toBe(409);
    const after = await visible(await clients.sip.request(page));
    expect(after).toContain(world.schools.bigGain.name);
    expect(after).toContain(`contact Bea Bright (${world.people.bigHead.email})`);
    const sipNotes = await db().select().from(notifications).where(eq(notifications.userId, world.people.sip.id));
    expect(sipNotes.map((n) => n.title)).toContain(`${world.schools.bigGain.name} consented to a brokered link`);
  });

  it("lets the SIP add the consented school to a draft report's package of support", async () => {
    const base = `/schools/${world.schools.ours.id}/reports`;
    const created = await clients.sip.post(`${base}?index`, { title: "Spring term report" });
    const reportPath = created.headers.get("Location")!;
    // New reports already list consented partners in the package of support.
    expect(await visible(await clients.sip.request(reportPath))).toContain(
      `Brokered link with ${world.schools.bigGain.name}`,
    );
    const html = await (await clients.sip.request(reportPath)).text();
    const proposal = /name="proposalId" value="([0-9a-f-]+)"/.exec(html)?.[1];
    expect(proposal).toBe(proposalId);
    expect((await clients.sip.post(reportPath, { intent: "add-partner", proposalId })).status).toBe(302);
  });

  it("finds matches through the service: same pupils, real improvement on the priority's measure, no duplicates", async () => {
    const year = schoolYearOf(new Date());
    const search = (words?: string) =>
      findMatches(db(), {
        authorityId: world.authority.id,
        schoolId: world.schools.ours.id,
        year,
        priorityId: world.priorities.ours,
        words,
      });
    const before = (await search())!;
    expect(before.map((m) => [m.partnerSchoolId, m.improvement])).toEqual([
      [world.schools.bigGain.id, 6.2],
      [world.schools.outcomeGain.id, 4],
      [world.schools.smallGain.id, 1],
    ]);
    expect(before[0].best).toEqual({
      measure: "Attendance",
      studentGroup: "Disadvantaged pupils",
      baseline: 88,
      actual: 94.2,
    });
    // A nursery and a secondary with bigger gains (other pupils), a primary with the very same result
    // as the best one (a near-duplicate card) and one that got worse: none of them is offered.
    const base = { authorityId: world.authority.id, category: "universal" as const, locality: "Testville" };
    const [nursery, secondary, twin, worse] = await insertSchools(db(), [
      { ...base, name: "Tiny Steps Nursery", reference: "TN1", phase: "nursery" },
      { ...base, name: "Upper Hill High", reference: "UH1", phase: "secondary" },
      { ...base, name: "Twin Primary", reference: "TW1", phase: "primary" },
      { ...base, name: "Slipping Primary", reference: "SL1", phase: "primary" },
    ]);
    const attendance = (baseline: number, actual: number) => ({
      title: "Attendance of disadvantaged pupils",
      area: "attendance",
      rationale: "",
      target: { measure: "Attendance", group: "Disadvantaged pupils", baseline, target: baseline + 3, actual },
    });
    await makePlan(db(), nursery.id, year, [attendance(80, 95)]);
    await makePlan(db(), secondary.id, year, [attendance(82, 94)]);
    await makePlan(db(), twin.id, year, [attendance(88, 94.2)]);
    await makePlan(db(), worse.id, year, [attendance(92, 90)]);
    const after = (await search())!;
    const offered = after.map((m) => m.partnerSchoolId);
    // One card for the two schools with the very same result (either may be the one kept).
    expect(offered.slice(1)).toEqual([world.schools.outcomeGain.id, world.schools.smallGain.id]);
    expect([world.schools.bigGain.id, twin.id]).toContain(offered[0]);
    for (const id of [nursery.id, secondary.id, worse.id]) expect(offered).not.toContain(id);
    // The text search alone would have offered them.
    const raw = await findSimilarPractice(db(), {
      authorityId: world.authority.id,
      schoolId: world.schools.ours.id,
      priorityId: world.priorities.ours,
      limit: 50,
    });
    expect(raw.map((m) => m.partnerSchoolId)).toEqual(expect.arrayContaining([nursery.id, secondary.id, twin.id]));
    // The SIP's own words look for another measure: the Year 2 reading school, with its figures.
    const reading = (await search("reading fluency"))!;
    expect(reading.map((m) => [m.partnerSchoolId, m.best.baseline, m.best.actual])).toEqual([
      [world.schools.reading.id, 60, 70],
    ]);
    expect(
      await findMatches(db(), {
        authorityId: world.authority.id,
        schoolId: world.schools.ours.id,
        year,
        priorityId: world.priorities.big,
      }),
    ).toBeNull();
  });

  it("refuses a proposal for a school the rules no longer offer", async () => {
    const year = schoolYearOf(new Date());
    const [nursery] = await insertSchools(db(), [
      {
        authorityId: world.authority.id,
        name: "Little Acorns Nursery",
        reference: "LA1",
        phase: "nursery",
        category: "universal",
        locality: "Testville",
      },
    ]);
    const plan = await makePlan(db(), nursery.id, year, [
      {
        title: "Attendance of disadvantaged pupils",
        area: "attendance",
        target: { measure: "Attendance", group: "Disadvantaged pupils", baseline: 70, target: 80, actual: 90 },
      },
    ]);
    const res = await clients.sip.post(page, {
      priorityId: world.priorities.ours,
      partnerPriorityId: plan.priorityIds[0],
      reason: "A nursery's attendance work for our primary pupils.",
    });
    expect(res.status).toBe(400);
    expect(
      await db().select().from(brokeringProposals).where(eq(brokeringProposals.partnerSchoolId, nursery.id)),
    ).toEqual([]);
  });
});
