import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCohort } from "../../db/queries/communities";
import { trustSurveyAnswers, trustSurveyRespondents, trustSurveyRounds } from "../../db/schema/index";
import { schoolYearOf } from "../../app/kernel/school-year";
import { surveyItems } from "../../app/features/surveys/trust-survey";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

/** A full response: every statement answered with `value`, or as `overrides` say. */
const answers = (value: number, overrides: Record<string, string> = {}): Record<string, string> => ({
  intent: "answer",
  ...Object.fromEntries(surveyItems.map((i) => [i.id, String(value)])),
  ...overrides,
});

const rowsOf = (result: unknown): Array<Record<string, unknown>> =>
  Array.isArray(result) ? result : ((result as { rows: Array<Record<string, unknown>> }).rows ?? []);

describe.each(await testDatabases())("the trust survey on $name", (database) => {
  let app: RunningCommons;
  let path: string;
  let dataPath: string;
  let facilitator: TestClient;
  let outsider: TestClient;
  const leaders: TestClient[] = [];
  const leaderNames = ["Alice Aston", "Bilal Brook", "Chloe Carr", "Dami Dale", "Erin Ellis", "Femi Ford"];
  let roundId: string;

  const signedIn = async (email: string) => {
    const client = new TestClient(app.url);
    expect((await client.signIn(email, TEST_PASSWORD)).status).toBe(302);
    return client;
  };
  type SurveyData = {
    rounds: Array<{
      id: string;
      round: string;
      responses: number;
      stillNeeded: number;
      canAnswer: boolean;
      answeredByMe: boolean;
      facets: unknown;
    }>;
  };
  const loaderData = async (client: TestClient) => {
    const res = await client.request(dataPath);
    expect(res.status).toBe(200);
    const text = await res.text();
    return { text, data: JSON.parse(text) as SurveyData };
  };

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const { db } = app.services;
    const { authority, schools } = await makeAuthority(db, 7);
    const leaderUsers = await Promise.all(
      leaderNames.map((name, i) =>
        makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[i].id }], { name }),
      ),
    );
    const fay = await makeUser(db, authority.id, [{ role: "facilitator" }], { name: "Fay Facilitator" });
    const stranger = await makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[6].id }], {
      name: "Sol Stranger",
    });
    const cohort = await createCohort(db, {
      authorityId: authority.id,
      name: "Survey Cohort",
      schoolYear: schoolYearOf(new Date()),
      facilitatorIds: [fay.id],
      leaderIds: leaderUsers.map((u) => u.id),
    });
    path = `/cohorts/${cohort.id}/survey`;
    dataPath = `${path}?_data=${encodeURIComponent("routes/cohorts.$cohortId.survey")}`;
    facilitator = await signedIn(fay.email);
    outsider = await signedIn(stranger.email);
    for (const u of leaderUsers) leaders.push(await signedIn(u.email));
  });
  afterAll(() => app?.close());

  it("hides the cohort's survey from people outside it (404, as for a wrong id)", async () => {
    expect((await outsider.request(path)).status).toBe(404);
    expect((await outsider.post(path, { intent: "open", round: "start" })).status).toBe(404);
    expect((await outsider.post(path, answers(5))).status).toBe(404);
    expect((await facilitator.request(`/cohorts/00000000-0000-4000-8000-000000000000/survey`)).status).toBe(404);
  });

  it("lets only facilitators open a round, and only leaders answer", async () => {
    expect((await leaders[0].post(path, { intent: "open", round: "start" })).status).toBe(403);
    const empty = await visible(await facilitator.request(path));
    expect(empty).toContain("No survey rounds yet");
    const res = await facilitator.post(path, { intent: "open", round: "start" });
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("The start of year round is open.");
    const [round] = await app.services.db
      .select()
      .from(trustSurveyRounds)
      .where(sql`${trustSurveyRounds.cohortId} = ${path.split("/")[2]}`);
    roundId = round.id;
    expect((await facilitator.post(path, answers(5, { roundId }))).status).toBe(403);
    // A second round cannot open while this one is open.
    const again = await facilitator.post(path, { intent: "open", round: "mid" });
    expect(again.status).toBe(409);
    expect(await visible(again)).toContain("Close the start of year round before opening another.");
  });

  it("refuses an incomplete response with 400, marks what is missing and keeps the answers given", async () => {
    const partial = answers(4, { roundId });
    delete partial["honesty-2"];
    partial["openness-1"] = "2";
    const res = await leaders[0].post(path, partial);
    expect(res.status).toBe(400);
    const html = await visible(res);
    expect(html).toContain("Answer every statement: the ones still to answer are marked.");
    expect(html).toContain("Choose an answer for this statement.");
    expect(html).toMatch(/<input[^>]*id="[^"]*openness-1-2"[^>]*checked=""/);
    expect(html).toMatch(/<input[^>]*id="[^"]*benevolence-1-4"[^>]*checked=""/);
    expect(html).not.toMatch(/<input[^>]*id="[^"]*honesty-2-\d"[^>]*checked=""/);
    const [{ n }] = await app.services.db.select({ n: sql<number>`count(*)::int` }).from(trustSurveyRespondents);
    expect(n).toBe(0);
  });

  it("shows no numbers below 5 responses: not in the loader data, not in the page", async () => {
    for (const [i, leader] of leaders.slice(0, 4).entries()) {
      const res = await leader.post(path, answers(i < 2 ? 5 : 3, { roundId }));
      expect(res.status).toBe(200);
      expect(await visible(res)).toContain("your answers are in");
    }
    for (const client of [facilitator, leaders[0], leaders[5]]) {
      const { text, data } = await loaderData(client);
      expect(data.rounds[0]).toMatchObject({ responses: 4, stillNeeded: 1, facets: null });
      expect(text).not.toMatch(/distribution|mean/);
      const html = await visible(await client.request(path));
      expect(html).toContain("waiting for 1 more response before results can be shown");
      expect(html).not.toMatch(/distribution|How leaders answered|"mean"/);
    }
    expect((await loaderData(leaders[0])).data.rounds[0]).toMatchObject({ answeredByMe: true, canAnswer: false });
    expect((await loaderData(leaders[5])).data.rounds[0]).toMatchObject({ answeredByMe: false, canAnswer: true });
  });

  it("refuses a second response from the same leader, and stores nothing more", async () => {
    const before = await app.services.db.select({ n: sql<number>`count(*)::int` }).from(trustSurveyAnswers);
    const res = await leaders[0].post(path, answers(1, { roundId }));
    expect(res.status).toBe(409);
    expect(await visible(res)).toContain("You have already answered this round.");
    const after = await app.services.db.select({ n: sql<number>`count(*)::int` }).from(trustSurveyAnswers);
    expect(after[0].n).toBe(before[0].n);
  });

  it("shows each facet's distribution and mean once 5 have answered, and the chart with a table", async () => {
    expect((await leaders[4].post(path, answers(1, { roundId }))).status).toBe(200);
    const { data } = await loaderData(leaders[5]);
    const facets = data.rounds[0].facets as Array<{
      facet: string;
      distribution: number[];
      total: number;
      mean: number;
    }>;
    expect(facets).toHaveLength(6);
    // Two statements per facet: 2 leaders said 5, 2 said 3 and 1 said 1 to both.
    for (const f of facets) {
      expect(f.distribution).toEqual([2, 0, 4, 0, 4]);
      expect(f.total).toBe(10);
      expect(f.mean).toBe(3.4);
    }
    const html = await visible(await leaders[5].request(path));
    expect(html).toContain("How leaders answered, facet by facet");
    expect(html).toContain("<svg");
    expect(html).toContain("Show these results as a table");
  });

  it("shows facilitators how many responded, never who", async () => {
    const html = await visible(await facilitator.request(path));
    expect(html).toContain("5 of 6 leaders have responded");
    for (const name of leaderNames) expect(html).not.toContain(name);
  });

  it("keeps answers unlinkable: no person, time or order in the answers table", async () => {
    const { db } = app.services;
    const columns = rowsOf(
      await db.execute(
        sql`select column_name from information_schema.columns where table_name = 'trust_survey_answers' order by column_name`,
      ),
    ).map((r) => r.column_name);
    expect(columns).toEqual(["facet", "id", "item", "round_id", "value"]);
    const references = rowsOf(
      await db.execute(sql`
        select ccu.table_name from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
        where tc.table_name = 'trust_survey_answers' and tc.constraint_type = 'FOREIGN KEY'`),
    ).map((r) => r.table_name);
    expect(references).toEqual(["trust_survey_rounds"]);
    // Stored order is shuffled within each response: the first response's rows are not in statement order.
    const stored = rowsOf(
      await db.execute(sql`select item from trust_survey_answers where round_id = ${roundId} order by ctid`),
    ).map((r) => r.item);
    expect(stored).toHaveLength(5 * surveyItems.length);
    expect(stored.slice(0, surveyItems.length)).not.toEqual(surveyItems.map((i) => i.id));
  });

  it("closes a round (facilitators only), reshuffles its answers, and refuses answers after", async () => {
    expect((await leaders[0].post(path, { intent: "close", roundId })).status).toBe(403);
    const { db } = app.services;
    const before = rowsOf(
      await db.execute(sql`select item, value from trust_survey_answers where round_id = ${roundId} order by ctid`),
    );
    const res = await facilitator.post(path, { intent: "close", roundId });
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("The round is closed.");
    const after = rowsOf(
      await db.execute(sql`select item, value from trust_survey_answers where round_id = ${roundId} order by ctid`),
    );
    const key = (rows: Array<Record<string, unknown>>) => rows.map((r) => `${r.item}:${r.value}`);
    expect(key(after).sort()).toEqual(key(before).sort());
    expect(key(after)).not.toEqual(key(before));
    const late = await leaders[5].post(path, answers(4, { roundId }));
    expect(late.status).toBe(409);
    expect(await visible(late)).toContain("This round has closed");
    expect((await facilitator.post(path, { intent: "close", roundId })).status).toBe(400);
    // The next round can open now, and starts out hidden.
    expect((await facilitator.post(path, { intent: "open", round: "mid" })).status).toBe(200);
    const { data } = await loaderData(leaders[5]);
    expect(data.rounds.map((r) => [r.round, r.responses, r.facets === null])).toEqual([
      ["start", 5, false],
      ["mid", 0, true],
    ]);
    expect((await facilitator.post(path, { intent: "open", round: "mid" })).status).toBe(409);
  });
});
