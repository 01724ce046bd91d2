import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schoolYearOf } from "../../app/kernel/school-year";
import { assignSip, createCohort, createCommunity } from "../../db/queries/communities";
import { saveOutcome } from "../../db/queries/outcomes";
import { outcomes } from "../../db/schema/index";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

/** The <figure> whose caption starts with this text. */
const figure = (html: string, caption: string) =>
  html
    .split("<figure")
    .find((part) => part.includes(`>${caption}`))
    ?.split("</figure>")[0] ?? "";

describe.each(await testDatabases())("end-of-year outcomes on $name", (database) => {
  let app: RunningCommons;
  let url: string;
  let schools: Array<{ id: string; name: string }>;
  let cohortId: string;
  let adaId: string;
  const c: Record<"ada" | "ben" | "fay" | "sam" | "otto", TestClient> = {} as never;
  const stored = () => app.services.db.select().from(outcomes).where(eq(outcomes.cohortId, cohortId));
  const valid = (over: Record<string, string> = {}) => ({
    intent: "save",
    schoolId: schools[0].id,
    studentGroup: "all",
    measure: "reading",
    baseline: "62.3",
    target: "70",
    actual: "67.4",
    ...over,
  });

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const { db } = app.services;
    const made = await makeAuthority(db, 5);
    schools = made.schools;
    const a = made.authority.id;
    const leader = (i: number, name: string) =>
      makeUser(db, a, [{ role: "school_leader", schoolId: schools[i].id }], { name });
    const [ada, ben, cy, dee, otto] = [
      await leader(0, "Ada"),
      await leader(1, "Ben"),
      await leader(2, "Cy"),
      await leader(3, "Dee"),
      await leader(4, "Otto"),
    ];
    const fay = await makeUser(db, a, [{ role: "facilitator" }]);
    const sam = await makeUser(db, a, [{ role: "sip" }]);
    const schoolYear = schoolYearOf(new Date());
    const cohort = await createCohort(db, {
      authorityId: a,
      name: "Cohort",
      schoolYear,
      facilitatorIds: [fay.id],
      leaderIds: [ada.id, ben.id, cy.id, dee.id],
    });
    cohortId = cohort.id;
    adaId = ada.id;
    await createCommunity(db, { cohortId, name: "Riverside", memberIds: [ada.id, ben.id] });
    await createCommunity(db, { cohortId, name: "Hillside", memberIds: [cy.id, dee.id] });
    await assignSip(db, { authorityId: a, sipUserId: sam.id, schoolIds: [schools[0].id], schoolYear });
    url = `/cohorts/${cohortId}/outcomes`;
    for (const [key, user] of Object.entries({ ada, ben, fay, sam, otto })) {
      c[key as keyof typeof c] = new TestClient(app.url);
      expect((await c[key as keyof typeof c].signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    }
  });
  afterAll(() => app?.close());

  it("shows the empty state before anyone has entered anything", async () => {
    const res = await c.ada.request(url);
    expect(res.status).toBe(200);
    const html = await visible(res);
    expect(html).toContain("No outcomes yet — school leaders enter them at the end of the year");
    expect(html).toContain("Enter your school's outcomes");
  });

  it("is a 404 for someone outside the cohort, on reading and on writing", async () => {
    expect((await c.otto.request(url)).status).toBe(404);
    expect((await c.otto.post(url, valid({ schoolId: schools[4].id }))).status).toBe(404);
    expect(await stored()).toHaveLength(0);
  });

  it("refuses invalid figures with 400, in words, keeping what was typed", async () => {
    const res = await c.ada.post(url, valid({ baseline: "101", actual: "70.25", studentGroup: "" }));
    expect(res.status).toBe(400);
    const html = await visible(res);
    expect(html).toContain("The baseline must be between 0 and 100");
    expect(html).toContain("Give the actual result to at most one decimal place, like 92.5");
    expect(html).toContain("Choose a student group");
    expect(html).toMatch(/<input[^>]*name="baseline"[^>]*value="101"/);
    expect(html).toMatch(/<input[^>]*name="actual"[^>]*value="70.25"/);
    expect(html).toMatch(/<option value="reading" selected="">/);
    expect(await stored()).toHaveLength(0);
  });

  it("stores a leader's outcome and shows the percentage-point changes", async () => {
    const res = await c.ada.post(url, valid());
    expect(res.status).toBe(302);
    const [row] = await stored();
    expect(row).toMatchObject({
      schoolId: schools[0].id,
      studentGroup: "all",
      measure: "reading",
      baseline: 62.3,
      target: 70,
      actual: 67.4,
      enteredBy: adaId,
    });
    const html = await visible(await c.ada.request(`${url}?saved=1`));
    expect(html).toContain("Outcome saved.");
    expect(html).toContain("+5.1 pp"); // actual − baseline
    expect(html).toContain("−2.6 pp"); // against the target
  });

  it("refuses a second row for the same group and measure, and changes the existing one instead", async () => {
    const dup = await c.ada.post(url, valid({ baseline: "50" }));
    expect(dup.status).toBe(400);
    expect(await visible(dup)).toContain("is already entered for this school: change that row instead.");
    const [row] = await stored();
    expect((await c.ada.post(url, valid({ id: row.id, actual: "68" }))).status).toBe(302);
    expect((await stored()).map((r) => r.actual)).toEqual([68]);
    expect((await c.ada.post(url, valid({ id: row.id, actual: "67.4" }))).status).toBe(302);
  });

  it("answers two identical saves at the same moment with one row and one clear refusal (the unique index)", async () => {
    const fresh = valid({ studentGroup: "eal", measure: "maths" });
    const [first, second] = await Promise.all([c.ada.post(url, fresh), c.ada.post(url, fresh)]);
    expect([first.status, second.status].sort()).toEqual([302, 400]);
    const refused = first.status === 400 ? first : second;
    expect(await visible(refused)).toContain("is already entered for this school");
    expect((await stored()).filter((r) => r.studentGroup === "eal" && r.measure === "maths")).toHaveLength(1);
  });

  it("refuses (403) a leader entering, changing or removing another school's outcomes", async () => {
    expect((await c.ada.post(url, valid({ schoolId: schools[1].id }))).status).toBe(403);
    const benRow = await saveOutcome(app.services.db, {
      cohortId,
      schoolId: schools[1].id,
      studentGroup: "all",
      measure: "reading",
      baseline: 50,
      target: 55,
      actual: 56,
      enteredBy: adaId,
    });
    // Ada's own school id, but Ben's row: still refused.
    expect((await c.ada.post(url, valid({ id: benRow, actual: "1" }))).status).toBe(403);
    expect((await c.ada.post(url, { intent: "delete", id: benRow })).status).toBe(403);
    expect((await c.fay.post(url, valid())).status).toBe(403); // facilitators read, they do not enter
    const [ben] = await app.services.db
      .select()
      .from(outcomes)
      .where(and(eq(outcomes.id, benRow)));
    expect(ben.actual).toBe(56);
  });

  describe("who sees what", () => {
    beforeAll(async () => {
      const add = (i: number, baseline: number, target: number, actual: number) =>
        saveOutcome(app.services.db, {
          cohortId,
          schoolId: schools[i].id,
          studentGroup: "all",
          measure: "reading",
          baseline,
          target,
          actual,
          enteredBy: adaId,
        });
      await add(2, 60, 65, 64);
      await add(3, 70, 75, 77);
    });

    it("a leader sees their own school's rows and the roll-ups, never another school's figures", async () => {
      const html = await visible(await c.ada.request(url));
      expect(html).toContain(schools[0].name);
      for (const other of schools.slice(1)) expect(html).not.toContain(other.name);
      const cohort = figure(html, "Whole cohort");
      expect(cohort).toContain("4 schools");
      // Riverside is Ada's school and Ben's: its mean would give Ben's figures away.
      const riverside = figure(html, "Riverside");
      expect(riverside).toContain("Hidden");
      expect(riverside).not.toContain("56.0%");
      // Hillside's two schools are both unseen by Ada: a mean is safe.
      const hillside = figure(html, "Hillside");
      expect(hillside).toContain("2 schools");
      expect(hillside).toContain("65.0%"); // mean baseline
      expect(hillside).toContain("70.5%"); // mean actual
      expect(hillside).toContain("+5.5 pp");
    });

    it("the facilitator sees every school's rows and every roll-up", async () => {
      const html = await visible(await c.fay.request(url));
      for (const s of schools.slice(0, 4)) expect(html).toContain(s.name);
      expect(html).not.toContain(schools[4].name);
      expect(figure(html, "Riverside")).toContain("+5.6 pp"); // mean of +5.1 and +6.0
      expect(html).not.toContain("Hidden:");
      expect(html).not.toContain("Enter your school");
    });

    it("charts the means on an axis scaled to them, the targets dashed and the change labelled in pp", async () => {
      const cohort = figure(await visible(await c.fay.request(url)), "Whole cohort");
      const axis = cohort.split('data-axis="top"')[1].split("</g></g>")[0];
      const ticks = [...axis.matchAll(/>(\d+)%</g)].map((m) => Number(m[1]));
      // Means of about 60–66 %: the axis starts near them, not at 0 %, and ends well below 100 %.
      expect(ticks[0]).toBeGreaterThanOrEqual(50);
      expect(ticks.at(-1)).toBeLessThanOrEqual(80);
      expect(cohort).toMatch(/data-mark="target"><line[^>]*stroke-dasharray/);
      expect(cohort).toMatch(/>Target \d+(\.\d)?%</);
      expect(cohort).toMatch(/data-mark="baseline-label"[^>]*>Baseline \d+(\.\d)?%</);
      expect(cohort).toMatch(/data-mark="change">\+5\.5 pp</);
    });

    it("the SIP sees their own school's rows only, besides roll-ups", async () => {
      const html = await visible(await c.sam.request(url));
      expect(html).toContain(schools[0].name);
      for (const other of schools.slice(1)) expect(html).not.toContain(other.name);
      expect(figure(html, "Whole cohort")).toContain("4 schools");
    });

    it("another leader sees only roll-ups of others, with their own school counted", async () => {
      const html = await visible(await c.ben.request(url));
      expect(html).toContain(schools[1].name);
      expect(html).not.toContain(schools[0].name);
      expect(figure(html, "Riverside")).toContain("Hidden");
    });
  });
});
