import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCohort, createCommunity } from "../../db/queries/communities";
import { getChallenge, listGroupingCandidates } from "../../db/queries/equity";
import { listCohortCommunities } from "../../db/queries/communities";
import { communities, communityMembers } from "../../db/schema/index";
import { schoolYearOf } from "../../app/kernel/school-year";
import type { Suggestion } from "../../app/features/communities/grouping";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient, visible } from "../support/app";
import { testDatabases } from "../support/databases";
import { makeAuthority, makeUser, TEST_PASSWORD } from "../support/factories";

/** Nine leaders: three on attendance, three on SEND inclusion, two on EAL reading, one with no challenge yet. */
const people = [
  {
    name: "Ada Attend",
    text: "Persistent absence of disadvantaged pupils has not moved despite calling families.",
    tags: "attendance, disadvantaged",
  },
  {
    name: "Bea Attend",
    text: "Persistent absence in Year 9 is highest among disadvantaged families.",
    tags: "Attendance, Disadvantaged",
  },
  {
    name: "Cal Attend",
    text: "Nursery attendance drops for families in temporary housing; absence is persistent.",
    tags: "attendance, families",
  },
  {
    name: "Dee Send",
    text: "Pupils with SEND wait too long for support and exclusions are rising.",
    tags: "send, inclusion",
  },
  {
    name: "Eli Send",
    text: "Exclusions fall most on pupils with SEND; we want inclusion.",
    tags: "send, inclusion, exclusions",
  },
  {
    name: "Fay Send",
    text: "Families of pupils with SEND do not feel included and exclusions worry them.",
    tags: "send, inclusion",
  },
  { name: "Gus Eal", text: "Newly arrived EAL families struggle with reading letters.", tags: "eal, reading" },
  { name: "Hal Eal", text: "EAL pupils fall behind in reading by Year 2.", tags: "eal, reading" },
  { name: "Ivy None", text: null, tags: "" },
];

describe.each(await testDatabases())("equity challenges and groupings on $name", (database) => {
  let app: RunningCommons;
  let cohortId: string;
  let otherCohortCommunityId: string;
  let base: string;
  let facilitator: TestClient;
  let outsider: TestClient;
  const leaders: TestClient[] = [];
  const ids: Record<string, string> = {};
  const dataOf = async (client: TestClient) => {
    const res = await client.request(
      `${base}/communities?_data=${encodeURIComponent("routes/cohorts.$cohortId.communities")}`,
    );
    expect(res.status).toBe(200);
    return (await res.json()) as {
      grouping: { suggestions: Suggestion[]; unplaced: Array<{ name: string }> } | null;
      leaders: Array<{ id: string; name: string; text: string | null; communityId: string | null }>;
      communities: Array<{ id: string; name: string; members: Array<{ name: string }> }>;
      myCommunityId: string | null;
    };
  };
  const membershipsOf = (userId: string) =>
    app.services.db
      .select({ communityId: communityMembers.communityId })
      .from(communityMembers)
      .innerJoin(communities, eq(communities.id, communityMembers.communityId))
      .where(and(eq(communityMembers.userId, userId), eq(communities.cohortId, cohortId)));

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    const { db } = app.services;
    const { authority, schools } = await makeAuthority(db, people.length + 1);
    const users = await Promise.all(
      people.map((p, i) =>
        makeUser(db, authority.id, [{ role: "school_leader", schoolId: schools[i].id }], { name: p.name }),
      ),
    );
    users.forEach((u, i) => (ids[people[i].name] = u.id));
    const fay = await makeUser(db, authority.id, [{ role: "facilitator" }], { name: "Fran Facilitator" });
    const stranger = await makeUser(
      db,
      authority.id,
      [{ role: "school_leader", schoolId: schools[people.length].id }],
      { name: "Sol Stranger" },
    );
    const schoolYear = schoolYearOf(new Date());
    const cohort = await createCohort(db, {
      authorityId: authority.id,
      name: "Grouping Cohort",
      schoolYear,
      facilitatorIds: [fay.id],
      leaderIds: users.map((u) => u.id),
    });
    cohortId = cohort.id;
    const other = await createCohort(db, {
      authorityId: authority.id,
      name: "Other Cohort",
      schoolYear,
      facilitatorIds: [fay.id],
      leaderIds: [stranger.id],
    });
    otherCohortCommunityId = (
      await createCommunity(db, { cohortId: other.id, name: "Elsewhere", memberIds: [stranger.id] })
    ).id;
    base = `/cohorts/${cohortId}`;
    const signedIn = async (email: string) => {
      const client = new TestClient(app.url);
      expect((await client.signIn(email, TEST_PASSWORD)).status).toBe(302);
      return client;
    };
    facilitator = await signedIn(fay.email);
    outsider = await signedIn(stranger.email);
    for (const u of users) leaders.push(await signedIn(u.email));
  });
  afterAll(() => app?.close());

  it("lets leaders name their challenge, with tags lower-cased, and change it", async () => {
    for (const [i, p] of people.entries()) {
      if (!p.text) continue;
      const res = await leaders[i].post(`${base}/challenge`, { text: p.text, tags: p.tags });
      expect(res.status).toBe(200);
      expect(await visible(res)).toContain("Your equity challenge is saved.");
    }
    expect(await getChallenge(app.services.db, cohortId, ids["Bea Attend"])).toMatchObject({
      tags: ["attendance", "disadvantaged"],
    });
    const changed = await leaders[1].post(`${base}/challenge`, {
      text: `${people[1].text} Again.`,
      tags: "attendance, disadvantaged, families",
    });
    expect(changed.status).toBe(200);
    expect(await getChallenge(app.services.db, cohortId, ids["Bea Attend"])).toMatchObject({
      text: `${people[1].text} Again.`,
      tags: ["attendance", "disadvantaged", "families"],
    });
    const page = await visible(await leaders[1].request(`${base}/challenge`));
    expect(page).toContain(`${people[1].text} Again.`);
    expect(page).toContain('value="attendance, disadvantaged, families"');
  });

  it("refuses a challenge that is too long or has too many tags, keeping what was typed", async () => {
    const tooMany = await leaders[8].post(`${base}/challenge`, {
      text: "Boys' writing in Key Stage 2 lags far behind.",
      tags: "a, b, c, d, e, f",
    });
    expect(tooMany.status).toBe(400);
    const html = await visible(tooMany);
    expect(html).toContain("Use at most 5 tags (you have 6).");
    expect(html).toContain("Boys' writing in Key Stage 2 lags far behind.");
    expect(html).toContain('value="a, b, c, d, e, f"');
    const tooLong = await leaders[8].post(`${base}/challenge`, { text: "x".repeat(501), tags: "" });
    expect(tooLong.status).toBe(400);
    expect(await visible(tooLong)).toContain("Keep it to 500 characters or fewer.");
    expect(await getChallenge(app.services.db, cohortId, ids["Ivy None"])).toBeNull();
  });

  it("keeps challenges to the leader and facilitators, and the page to the cohort", async () => {
    expect((await facilitator.request(`${base}/challenge`)).status).toBe(403);
    expect(
      (await facilitator.post(`${base}/challenge`, { text: "A facilitator's challenge text", tags: "" })).status,
    ).toBe(403);
    expect((await outsider.request(`${base}/challenge`)).status).toBe(404);
    expect((await outsider.request(`${base}/communities`)).status).toBe(404);
    expect(
      (await outsider.post(`${base}/communities`, { intent: "create", name: "Sneaky", memberIds: ids["Ada Attend"] }))
        .status,
    ).toBe(404);
    // A leader's page carries no other leader's challenge, and no suggestions.
    const data = await dataOf(leaders[0]);
    expect(data.grouping).toBeNull();
    expect(data.leaders).toEqual([]);
    const html = await (await leaders[0].request(`${base}/communities`)).text();
    expect(html).not.toContain("Exclusions fall most");
    expect(html).toContain(people[0].text);
  });

  it("reads lexemes and their words from Postgres full-text search", async () => {
    const candidates = await listGroupingCandidates(app.services.db, cohortId);
    expect(candidates.map((c) => c.name)).toEqual(people.filter((p) => p.text).map((p) => p.name));
    const ada = candidates.find((c) => c.name === "Ada Attend")!;
    expect(ada.words).toMatchObject({
      persist: "persistent",
      absenc: "absence",
      famili: "families",
      disadvantag: "disadvantaged",
    });
    expect(ada.words).not.toHaveProperty("of");
    expect(ada.tags).toEqual(["attendance", "disadvantaged"]);
  });

  it("suggests groups of 3 to 6 by shared tags and words, explains them, and lists who has no challenge", async () => {
    const data = await dataOf(facilitator);
    const groups = data.grouping!.suggestions.map((s) => s.memberNames);
    const groupOf = (name: string) => groups.find((g) => g.includes(name)) ?? [];
    expect(groupOf("Ada Attend")).toEqual(expect.arrayContaining(["Ada Attend", "Bea Attend", "Cal Attend"]));
    expect(groupOf("Dee Send")).toEqual(expect.arrayContaining(["Dee Send", "Eli Send", "Fay Send"]));
    expect(groupOf("Ada Attend")).not.toContain("Dee Send");
    expect(groups.flat().sort()).toEqual(people.filter((p) => p.text).map((p) => p.name));
    for (const s of data.grouping!.suggestions) {
      expect(s.memberIds.length).toBeGreaterThanOrEqual(3);
      expect(s.memberIds.length).toBeLessThanOrEqual(6);
    }
    const attendance = data.grouping!.suggestions.find((s) => s.memberNames.includes("Ada Attend"))!;
    // Plain-English themes, not the stemmed search words the grouping worked from.
    expect(attendance.themes[0]).toBe("Attendance");
    expect(attendance.themes).toContain("Disadvantaged pupils");
    expect(attendance.reason).toMatch(/^Common themes: Attendance \(all \d\), .*Disadvantaged pupils \(\d of \d\)/);
    expect(attendance.name).toMatch(/^Attendance and /);
    const html = await visible(await facilitator.request(`${base}/communities`));
    expect(html).toContain(attendance.reason);
    expect(html).not.toMatch(/shared words|persist\b|disadvantag\b/i);
    expect(html).toContain("Has not named a challenge yet.");
    expect(data.leaders.find((l) => l.name === "Eli Send")!.text).toBe(people[4].text);
  });

  it("creates a community from a suggestion, and allows one community per leader", async () => {
    const { grouping } = await dataOf(facilitator);
    const suggestion = grouping!.suggestions.find((s) => s.memberNames.includes("Ada Attend"))!;
    const body = new URLSearchParams({ intent: "accept", formId: "accept-0", name: "Attendance first" });
    for (const id of suggestion.memberIds) body.append("memberIds", id);
    const form = (client: TestClient, b: URLSearchParams) =>
      client.request(`${base}/communities`, {
        method: "POST",
        body: b,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });

    expect((await form(leaders[0], body)).status).toBe(403);
    const res = await form(facilitator, body);
    expect(res.status).toBe(200);
    expect(await visible(res)).toContain("Attendance first is formed.");
    const formed = (await listCohortCommunities(app.services.db, cohortId)).find((c) => c.name === "Attendance first")!;
    expect(formed.members.map((m) => m.name)).toEqual(suggestion.memberNames);
    // Accepted members leave the suggestions.
    expect((await dataOf(facilitator)).grouping!.suggestions.flatMap((s) => s.memberNames)).not.toContain("Ada Attend");
    // Everyone sees the community; its members see it as theirs.
    const ada = await dataOf(leaders[0]);
    expect(ada.myCommunityId).toBe(formed.id);
    expect((await dataOf(leaders[3])).communities.map((c) => c.name)).toContain("Attendance first");

    const again = await form(facilitator, body);
    expect(again.status).toBe(409);
    expect(await visible(again)).toContain(
      "A leader can be in only one community of a cohort: Ada Attend (in Attendance first)",
    );
    const byHand = new URLSearchParams({ intent: "create", name: "Mixed" });
    byHand.append("memberIds", ids["Ada Attend"]);
    byHand.append("memberIds", ids["Ivy None"]);
    expect((await form(facilitator, byHand)).status).toBe(409);
    expect(await membershipsOf(ids["Ivy None"])).toEqual([]);
  });

  it("forms a community by hand, validating the name and the number of leaders", async () => {
    const noName = await facilitator.post(`${base}/communities`, {
      intent: "create",
      name: "",
      memberIds: ids["Ivy None"],
    });
    expect(noName.status).toBe(400);
    expect(await visible(noName)).toContain("Give the community a name");
    const tooMany = new URLSearchParams({ intent: "create", name: "Everyone" });
    for (const n of ["Dee Send", "Eli Send", "Fay Send", "Gus Eal", "Hal Eal", "Ivy None", "Ada Attend"])
      tooMany.append("memberIds", ids[n]);
    const big = await facilitator.request(`${base}/communities`, {
      method: "POST",
      body: tooMany,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(big.status).toBe(400);
    expect(await visible(big)).toContain("A community has at most 6 leaders.");
    const res = await facilitator.post(`${base}/communities`, {
      intent: "create",
      name: "Reading together",
      memberIds: ids["Gus Eal"],
    });
    expect(res.status).toBe(200);
    expect(
      (await listCohortCommunities(app.services.db, cohortId))
        .find((c) => c.name === "Reading together")!
        .members.map((m) => m.name),
    ).toEqual(["Gus Eal"]);
  });

  it("moves a leader between communities (one at a time) and renames a community", async () => {
    const list = await listCohortCommunities(app.services.db, cohortId);
    const reading = list.find((c) => c.name === "Reading together")!;
    const attendance = list.find((c) => c.name === "Attendance first")!;
    expect(
      (
        await leaders[0].post(`${base}/communities`, {
          intent: "move",
          userId: ids["Hal Eal"],
          communityId: reading.id,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await facilitator.post(`${base}/communities`, {
          intent: "move",
          userId: ids["Hal Eal"],
          communityId: reading.id,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await facilitator.post(`${base}/communities`, {
          intent: "move",
          userId: ids["Cal Attend"],
          communityId: reading.id,
        })
      ).status,
    ).toBe(200);
    expect(await membershipsOf(ids["Cal Attend"])).toEqual([{ communityId: reading.id }]);
    // Out of every community, then not into another cohort's community, nor someone from outside.
    expect(
      (await facilitator.post(`${base}/communities`, { intent: "move", userId: ids["Cal Attend"], communityId: "" }))
        .status,
    ).toBe(200);
    expect(await membershipsOf(ids["Cal Attend"])).toEqual([]);
    const foreign = await facilitator.post(`${base}/communities`, {
      intent: "move",
      userId: ids["Cal Attend"],
      communityId: otherCohortCommunityId,
    });
    expect(foreign.status).toBe(409);
    expect(await visible(foreign)).toContain("That community is not in this cohort.");
    const stranger = (await dataOf(facilitator)).leaders.length;
    expect(stranger).toBe(people.length);

    const renamed = await facilitator.post(`${base}/communities`, {
      intent: "rename",
      communityId: attendance.id,
      name: "Every day counts",
    });
    expect(renamed.status).toBe(200);
    expect((await listCohortCommunities(app.services.db, cohortId)).map((c) => c.name)).toContain("Every day counts");
    expect(
      (await facilitator.post(`${base}/communities`, { intent: "rename", communityId: attendance.id, name: "x" }))
        .status,
    ).toBe(400);
    expect(
      (
        await facilitator.post(`${base}/communities`, {
          intent: "rename",
          communityId: otherCohortCommunityId,
          name: "Taken over",
        })
      ).status,
    ).toBe(404);
    expect(
      (await leaders[0].post(`${base}/communities`, { intent: "rename", communityId: attendance.id, name: "Mine now" }))
        .status,
    ).toBe(403);
  });

  it("refuses to move a leader into a full community", async () => {
    const { db } = app.services;
    const list = await listCohortCommunities(db, cohortId);
    const reading = list.find((c) => c.name === "Reading together")!;
    for (const n of ["Dee Send", "Eli Send", "Fay Send", "Ivy None"]) {
      expect(
        (await facilitator.post(`${base}/communities`, { intent: "move", userId: ids[n], communityId: reading.id }))
          .status,
      ).toBe(200);
    }
    const full = await facilitator.post(`${base}/communities`, {
      intent: "move",
      userId: ids["Cal Attend"],
      communityId: reading.id,
    });
    expect(full.status).toBe(409);
    expect(await visible(full)).toContain("Reading together already has 6 leaders");
    expect(await membershipsOf(ids["Cal Attend"])).toEqual([]);
  });
});
