import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previousSchoolYear, schoolYearOf } from "../../app/kernel/school-year";
import { insertSchools, type School } from "../../db/queries/schools";
import { assignSipToSchool, getCategoryBudgets, listSips, saveSipProfile } from "../../db/queries/sip-deployment";
import { logVisit } from "../../db/queries/visits";
import { createReport } from "../../db/queries/reports";
import { sipAssignments } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

describe.each(await testDatabases())("SIP deployment on $name", (database) => {
  let app: RunningCommons;
  let authorityId: string;
  let riverside: School; // intensive, Riverside, unassigned; Rosa had it last year
  let meadow: School; // universal, assigned to Rosa this year
  let spare: School; // targeted, unassigned, used for assign/unassign
  let rosa: Awaited<ReturnType<typeof makeUser>>;
  let victor: Awaited<ReturnType<typeof makeUser>>;
  let admin: TestClient;
  let sipClient: TestClient;
  let headClient: TestClient;
  const year = schoolYearOf(new Date());

  const assignmentOf = async (schoolId: string) => {
    const [row] = await app.services.db
      .select()
      .from(sipAssignments)
      .where(and(eq(sipAssignments.schoolId, schoolId), eq(sipAssignments.schoolYear, year)));
    return row ?? null;
  };

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const db = app.services.db;
    const made = await makeAuthority(db, 0);
    authorityId = made.authority.id;
    const school = (name: string, category: "universal" | "targeted" | "intensive", locality: string) => ({
      authorityId,
      name: `${name} ${Math.random().toString(36).slice(2, 8)}`,
      reference: `R${Math.random().toString(36).slice(2, 10)}`,
      phase: "primary" as const,
      category,
      locality,
    });
    [riverside, meadow, spare] = await insertSchools(db, [
      school("Riverside Primary", "intensive", "Riverside"),
      school("Meadow Infants", "universal", "Northfield"),
      school("Spare Lane Primary", "targeted", "Northfield"),
    ]);
    const adminUser = await makeUser(db, authorityId, [{ role: "authority_admin" }]);
    rosa = await makeUser(db, authorityId, [{ role: "sip" }], { name: "Rosa Continuity" });
    victor = await makeUser(db, authorityId, [{ role: "sip" }], { name: "Victor Spare" });
    const head = await makeUser(db, authorityId, [{ role: "school_leader", schoolId: meadow.id }]);
    // Rosa: in Riverside, worked with Riverside Primary last year, 10 days capacity with 8 budgeted this year.
    await saveSipProfile(db, {
      authorityId,
      userId: rosa.id,
      locality: "Riverside",
      capacityDays: 10,
      expertise: ["intensive"],
    });
    await saveSipProfile(db, {
      authorityId,
      userId: victor.id,
      locality: "Northfield",
      capacityDays: 40,
      expertise: [],
    });
    await assignSipToSchool(db, {
      authorityId,
      schoolId: riverside.id,
      sipUserId: rosa.id,
      schoolYear: previousSchoolYear(year),
      dayBudget: 5,
    });
    await assignSipToSchool(db, {
      authorityId,
      schoolId: meadow.id,
      sipUserId: rosa.id,
      schoolYear: year,
      dayBudget: 8,
    });
    admin = new TestClient(app.url);
    sipClient = new TestClient(app.url);
    headClient = new TestClient(app.url);
    expect((await admin.signIn(adminUser.email, TEST_PASSWORD)).status).toBe(302);
    expect((await sipClient.signIn(rosa.email, TEST_PASSWORD)).status).toBe(302);
    expect((await headClient.signIn(head.email, TEST_PASSWORD)).status).toBe(302);
  });
  afterAll(() => app?.close());

  it("is for authority admins only: SIPs and head teachers get 403 and change nothing", async () => {
    for (const client of [sipClient, headClient]) {
      expect((await client.request("/admin/sips")).status).toBe(403);
      expect((await client.request(`/admin/sips/${spare.id}`)).status).toBe(403);
      expect((await client.request("/admin/sips/profiles")).status).toBe(403);
      const res = await client.post(`/admin/sips/${spare.id}`, {
        intent: "assign",
        sipUserId: rosa.id,
        dayBudget: "5",
      });
      expect(res.status).toBe(403);
      expect((await client.post("/admin/sips?index", { universal: "1", targeted: "1", intensive: "1" })).status).toBe(
        403,
      );
    }
    expect(await assignmentOf(spare.id)).toBeNull();
    expect((await getCategoryBudgets(app.services.db, authorityId)).universal).toBe(5);
  });

  it("lists every school with its SIP and budget, or unassigned", async () => {
    const res = await admin.request("/admin/sips");
    expect(res.status).toBe(200);
    const html = await visible(res);
    expect(html).toContain(`SIP deployment, ${year}`);
    expect(html).toContain("1 of 3 schools have a School Improvement Partner this year; 2 still need one.");
    expect(html).toMatch(new RegExp(`${meadow.name}</th>.*?Rosa Continuity.*?0 of 8`, "s"));
    expect(html).toMatch(new RegExp(`${riverside.name}</th>.*?Unassigned`, "s"));
  });

  it("sets the default budget per category, refusing quarter days and keeping what was typed", async () => {
    const bad = await admin.post("/admin/sips?index", { universal: "4", targeted: "5.25", intensive: "7" });
    expect(bad.status).toBe(400);
    const html = await visible(bad);
    expect(html).toContain("Use whole or half days for the budget, such as 4 or 4.5");
    expect(html).toMatch(/<input[^>]*name="targeted"[^>]*value="5.25"/);
    expect((await getCategoryBudgets(app.services.db, authorityId)).targeted).toBe(5);

    const ok = await admin.post("/admin/sips?index", { universal: "4", targeted: "5.5", intensive: "7" });
    expect(ok.status).toBe(200);
    expect(await visible(ok)).toContain("The default budgets were saved.");
    expect(await getCategoryBudgets(app.services.db, authorityId)).toEqual({
      universal: 4,
      targeted: 5.5,
      intensive: 7,
    });
  });

  it("ranks suggestions for an unassigned school and explains every criterion", async () => {
    const res = await admin.request(`/admin/sips/${riverside.id}`);
    expect(res.status).toBe(200);
    const html = (await visible(res)).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    // Rosa: continuity 30 + locality 20 + experience 15 (expertise, one past intensive school) + availability round(30 * 2/7) = 9.
    const rosaAt = html.indexOf("1. Rosa Continuity");
    const victorAt = html.indexOf("2. Victor Spare");
    expect(rosaAt).toBeGreaterThan(-1);
    expect(victorAt).toBeGreaterThan(rosaAt);
    const rosaCard = html.slice(rosaAt, victorAt);
    expect(rosaCard).toContain("Score 74 of 100");
    expect(rosaCard).toContain("Continuity (30 of 30): Worked with this school last year");
    expect(rosaCard).toContain("Locality (20 of 20): Works in Riverside, the school's locality");
    expect(rosaCard).toContain(
      "Experience (15 of 20): Has expertise in intensive support; has supported 1 school in intensive support before",
    );
    expect(rosaCard).toContain("Availability (9 of 30): 2 days of capacity left — not enough for a 7-day budget");
    const victorCard = html.slice(victorAt);
    expect(victorCard).toContain("Score 30 of 100");
    expect(victorCard).toContain("Did not work with this school last year");
    expect(victorCard).toContain("Works in Northfield; the school is in Riverside");
    expect(victorCard).toContain("40 days of capacity left — enough for a 7-day budget");
  });

  it("accepts a suggestion with the category's default budget, then refuses a second SIP", async () => {
    const res = await admin.post(`/admin/sips/${riverside.id}`, {
      intent: "assign",
      source: "suggested",
      sipUserId: victor.id,
      dayBudget: "7",
    });
    expect(res.status).toBe(200);
    const html = await visible(res);
    expect(html).toContain("The SIP was assigned.");
    expect(html).toContain("Assigned SIP: Victor Spare");
    expect(await assignmentOf(riverside.id)).toMatchObject({ sipUserId: victor.id, dayBudget: 7, authorityId });
    // Victor's capacity now counts the new budget.
    const sips = await listSips(app.services.db, authorityId, year);
    expect(sips.find((s) => s.userId === victor.id)?.daysBudgeted).toBe(7);

    const again = await admin.post(`/admin/sips/${riverside.id}`, {
      intent: "assign",
      source: "other",
      sipUserId: rosa.id,
      dayBudget: "5",
    });
    expect(again.status).toBe(400);
    expect(await visible(again)).toContain("This school was given a SIP a moment ago.");
    expect((await assignmentOf(riverside.id))?.sipUserId).toBe(victor.id);
  });

  it("picks another SIP with its own budget, validating both and keeping the choice", async () => {
    const bad = await admin.post(`/admin/sips/${spare.id}`, {
      intent: "assign",
      source: "other",
      sipUserId: rosa.id,
      dayBudget: "1.25",
    });
    expect(bad.status).toBe(400);
    const html = await visible(bad);
    expect(html).toContain("Use whole or half days for the day budget, such as 4 or 4.5");
    expect(html).toMatch(new RegExp(`<option value="${rosa.id}" selected="">`));
    const stranger = await makeUser(app.services.db, authorityId, [{ role: "facilitator" }]);
    const notSip = await admin.post(`/admin/sips/${spare.id}`, {
      intent: "assign",
      source: "other",
      sipUserId: stranger.id,
      dayBudget: "3",
    });
    expect(notSip.status).toBe(400);
    expect(await visible(notSip)).toContain("Choose one of your authority's SIPs");
    expect(await assignmentOf(spare.id)).toBeNull();

    const ok = await admin.post(`/admin/sips/${spare.id}`, {
      intent: "assign",
      source: "other",
      sipUserId: rosa.id,
      dayBudget: "3.5",
    });
    expect(ok.status).toBe(200);
    expect(await assignmentOf(spare.id)).toMatchObject({ sipUserId: rosa.id, dayBudget: 3.5 });
    const budget = await admin.post(`/admin/sips/${spare.id}`, { intent: "budget", dayBudget: "4.5" });
    expect(budget.status).toBe(200);
    expect((await assignmentOf(spare.id))?.dayBudget).toBe(4.5);
  });

  it("unassigns a SIP, but not once time has been logged at the school", async () => {
    const res = await admin.post(`/admin/sips/${spare.id}`, { intent: "unassign" });
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("The SIP was unassigned.");
    expect(await assignmentOf(spare.id)).toBeNull();

    const meadowAssignment = (await assignmentOf(meadow.id))!;
    await logVisit(
      app.services.db,
      {
        assignmentId: meadowAssignment.id,
        visitDate: `${year.slice(0, 4)}-09-15`,
        kind: "preparation",
        days: 0.5,
        purpose: "Reading",
      },
      { allowOverspend: false },
    );
    const refused = await admin.post(`/admin/sips/${meadow.id}`, { intent: "unassign" });
    expect(refused.status).toBe(400);
    expect(await visible(refused)).toContain("cannot be removed without losing that work");
    expect(await assignmentOf(meadow.id)).not.toBeNull();
  });

  it("does not unassign a SIP who has written a report, even with no time logged (the report would be deleted with it)", async () => {
    await assignSipToSchool(app.services.db, {
      authorityId,
      schoolId: spare.id,
      sipUserId: rosa.id,
      schoolYear: year,
      dayBudget: 2,
    });
    const assignment = (await assignmentOf(spare.id))!;
    await createReport(app.services.db, { assignmentId: assignment.id, title: "Autumn report", sections: [] });
    const refused = await admin.post(`/admin/sips/${spare.id}`, { intent: "unassign" });
    expect(refused.status).toBe(400);
    expect(await visible(refused)).toContain("cannot be removed without losing that work");
    expect(await assignmentOf(spare.id)).not.toBeNull();
  });

  it("does not show another authority's school", async () => {
    const other = await makeAuthority(app.services.db, 1);
    expect((await admin.request(`/admin/sips/${other.schools[0].id}`)).status).toBe(404);
    expect(
      (await admin.post(`/admin/sips/${other.schools[0].id}`, { intent: "assign", sipUserId: rosa.id, dayBudget: "2" }))
        .status,
    ).toBe(404);
  });

  it("saves a SIP profile, validating capacity", async () => {
    const bad = await admin.post("/admin/sips/profiles", {
      userId: victor.id,
      locality: "Hollin Moor",
      capacityDays: "0",
    });
    expect(bad.status).toBe(400);
    const html = await visible(bad);
    expect(html).toContain("Their capacity must be at least half a day");
    expect(html).toMatch(/<input[^>]*name="locality"[^>]*value="Hollin Moor"/);
    const ok = await admin.post("/admin/sips/profiles", {
      userId: victor.id,
      locality: "Hollin Moor",
      capacityDays: "25",
      expertise: "targeted",
    });
    expect(ok.status).toBe(200);
    const victorNow = (await listSips(app.services.db, authorityId, year)).find((s) => s.userId === victor.id);
    expect(victorNow).toMatchObject({ locality: "Hollin Moor", capacityDays: 25, expertise: ["targeted"] });
  });
});
