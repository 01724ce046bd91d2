import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSimilarPractice } from "../../db/queries/brokering";
import { brokeringProposals, notifications } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { TEST_PASSWORD } from "../support/factories";
import { makeReportWorld } from "../support/report-fixtures";

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
    expect(await visible(new Response(raw))).toContain(
      "A primary school in the local authority: Attendance, Disadvantaged pupils: +6.2 pp",
    );
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
});
