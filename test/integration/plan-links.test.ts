import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schoolYearOf } from "../../app/kernel/school-year";
import { createPlan } from "../../db/queries/plan-links";
import { inquiryPriorityLinks } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeCommunityWithPeople, makeUser, TEST_PASSWORD } from "../support/factories";

/** The page's words without markup. */
const words = async (res: Response) => (await visible(res)).replace(/<[^>]+>/g, "");

describe.each(await testDatabases())("linking the inquiry to a school's plan (step 6) on $name", (database) => {
  let app: RunningCommons;
  let url: string;
  let communityId: string;
  let schools: Array<{ id: string; name: string }>;
  let priorities: Array<{ id: string; title: string }>;
  let forged: { id: string; title: string };
  const c: Record<"ada" | "ben" | "fay" | "sam" | "otto", TestClient> = {} as never;
  const links = () =>
    app.services.db.select().from(inquiryPriorityLinks).where(eq(inquiryPriorityLinks.communityId, communityId));
  /** Posts the picker the way a browser does, with a repeated checkbox name. */
  const save = (client: TestClient, schoolId: string, priorityIds: string[]) => {
    const body = new URLSearchParams({ schoolId });
    for (const id of priorityIds) body.append("priorityId", id);
    return client.request(url, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
  };

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const { db } = app.services;
    const made = await makeCommunityWithPeople(db);
    communityId = made.community.id;
    schools = made.schools;
    url = `/communities/${communityId}/plan`;
    const schoolYear = schoolYearOf(new Date());
    const plan = await createPlan(db, {
      schoolId: schools[0].id,
      schoolYear,
      priorities: [
        { title: "Close the reading gap for disadvantaged pupils", area: "Quality of education" },
        { title: "Build stronger partnerships with families", area: "Leadership and management" },
      ],
    });
    priorities = plan.priorities;
    // Otto leads a school outside the community; his plan's priority is what a forgery would use.
    const outside = await makeAuthority(db, 1);
    const ottoUser = await makeUser(
      db,
      outside.authority.id,
      [{ role: "school_leader", schoolId: outside.schools[0].id }],
      { name: "Otto Outsider" },
    );
    forged = (
      await createPlan(db, {
        schoolId: outside.schools[0].id,
        schoolYear,
        priorities: [{ title: "Otto's priority", area: "Quality of education" }],
      })
    ).priorities[0];
    const people = { ...made.people, otto: ottoUser };
    for (const [key, user] of Object.entries(people)) {
      c[key as keyof typeof c] = new TestClient(app.url);
      expect((await c[key as keyof typeof c].signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    }
  });
  afterAll(() => app?.close());

  it("is a 404 for someone outside the community, on reading and on writing", async () => {
    expect((await c.otto.request(url)).status).toBe(404);
    expect((await save(c.otto, schools[0].id, [priorities[0].id])).status).toBe(404);
    expect(await links()).toHaveLength(0);
  });

  it("tells a leader whose school has no plan yet what happens next", async () => {
    const html = await visible(await c.ben.request(url));
    expect(html).toContain("No plan yet");
    expect(html).toContain("You write it with your School Improvement Partner");
    expect(html).not.toContain("Save links");
  });

  it("a leader links the inquiry to priorities of their own school's plan, and can change the links", async () => {
    const before = await visible(await c.ada.request(url));
    expect(before).toContain(priorities[0].title);
    expect(before).toContain("Save links");
    const res = await save(c.ada, schools[0].id, [priorities[1].id]);
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("Links saved.");
    expect((await links()).map((l) => l.priorityId)).toEqual([priorities[1].id]);
    await save(c.ada, schools[0].id, [priorities[0].id, priorities[1].id]);
    expect((await links()).map((l) => l.priorityId).sort()).toEqual([priorities[0].id, priorities[1].id].sort());
    await save(c.ada, schools[0].id, [priorities[1].id]);
    expect((await links()).map((l) => l.priorityId)).toEqual([priorities[1].id]);
  });

  it("refuses a forged priority of another school's plan, another school, and non-ids", async () => {
    expect((await save(c.ada, schools[0].id, [forged.id])).status).toBe(403);
    expect((await save(c.ada, schools[0].id, [priorities[0].id, forged.id])).status).toBe(403);
    // Claiming Ben's school: Ada does not lead it.
    expect((await save(c.ada, schools[1].id, [forged.id])).status).toBe(403);
    // The facilitator leads no member school.
    expect((await save(c.fay, schools[0].id, [priorities[0].id])).status).toBe(403);
    expect((await save(c.ada, schools[0].id, ["not-an-id"])).status).toBe(400);
    expect((await links()).map((l) => l.priorityId)).toEqual([priorities[1].id]);
  });

  it("other members and the facilitator see how many priorities, not which; the school's SIP and leader see titles", async () => {
    for (const who of ["ben", "fay"] as const) {
      const html = await words(await c[who].request(url));
      expect(html, who).toContain(`Ada Member (${schools[0].name}): has linked 1 priority`);
      expect(html, who).not.toContain(priorities[1].title);
      expect(html, who).not.toContain(priorities[0].title);
    }
    for (const who of ["sam", "ada"] as const) {
      const html = await words(await c[who].request(url));
      expect(html, who).toContain(`Ada Member (${schools[0].name}): has linked 1 priority`);
      expect(html, who).toContain(priorities[1].title);
    }
    expect(await words(await c.sam.request(url))).toContain(
      `Ben Member (${schools[1].name}): has not linked a priority yet`,
    );
  });

  it("unticking everything removes the links", async () => {
    expect((await save(c.ada, schools[0].id, [])).status).toBe(200);
    expect(await links()).toHaveLength(0);
  });
});
