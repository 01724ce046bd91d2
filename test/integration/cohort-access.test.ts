/**
 * Who may see and do what in a cohort and its communities, as one table: every role × every page
 * and shared document of issue #4. Outsiders get the same 404 as a wrong id (nothing reveals that a
 * cohort or community exists); people inside who lack a right get a 403 in words. Live documents
 * follow the collaboration contract (issue #3): write, read, or refused.
 */
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeUpgrade } from "../../collab/authorize";
import { documentName, type DocumentKind } from "../../collab/doc-names";
import { createCohortSessionForTest, makeCohortWorld, type CohortWorld, type WorldRole } from "../support/cohort-world";
import type { RunningCommons } from "../../server/start";
import { startTestApp, TestClient } from "../support/app";
import { testDatabases } from "../support/databases";
import { TEST_PASSWORD } from "../support/factories";

const roles: WorldRole[] = [
  "member",
  "leader",
  "facilitator",
  "sip",
  "otherFacilitator",
  "otherSip",
  "admin",
  "governor",
  "outsider",
];

/** Expected status per role for a page; anything not listed is 404. */
type Expect = Partial<Record<WorldRole, number>>;
const cohortPage: Expect = { member: 200, leader: 200, facilitator: 200 };
/** Outcomes: the cohort, and SIPs for their own schools' rows (roll-ups hide what they may not see). */
const outcomesPage: Expect = { ...cohortPage, sip: 200 };
const communityPage: Expect = { member: 200, facilitator: 200, sip: 200 };

describe.each(await testDatabases())("access to cohorts and communities on $name", (database) => {
  let app: RunningCommons;
  let world: CohortWorld;
  const clients = new Map<WorldRole, TestClient>();
  let sessionId: string;

  beforeAll(async () => {
    app = await startTestApp(await database.open());
    world = await makeCohortWorld(app.services.db);
    sessionId = await createCohortSessionForTest(app.services.db, world.cohortId);
    for (const role of roles) {
      const client = new TestClient(app.url);
      const res = await client.signIn(world.people[role].email, TEST_PASSWORD);
      expect(res.status, `${role} signs in`).toBe(302);
      clients.set(role, client);
    }
  });
  afterAll(() => app?.close());

  const pages = (): Array<[string, string, Expect]> => {
    const c = `/cohorts/${world.cohortId}`;
    const m = `/communities/${world.communityId}`;
    return [
      ["cohort overview", c, cohortPage],
      ["cohort members", `${c}/members`, cohortPage],
      ["sessions", `${c}/sessions`, cohortPage],
      ["a session", `${c}/sessions/${sessionId}`, cohortPage],
      ["trust survey", `${c}/survey`, cohortPage],
      ["communities of the cohort", `${c}/communities`, cohortPage],
      ["cohort playlist", `${c}/playlist`, cohortPage],
      ["between sessions", `${c}/practice`, cohortPage],
      ["outcomes", `${c}/outcomes`, outcomesPage],
      ["community home", m, communityPage],
      ["inquiry", `${m}/inquiry`, communityPage],
      ["root-cause board", `${m}/board`, communityPage],
      ["how might we", `${m}/questions`, communityPage],
      ["link to my plan", `${m}/plan`, communityPage],
      ["community playlist", `${m}/playlist`, communityPage],
      ["a cohort that does not exist", `/cohorts/00000000-0000-4000-8000-000000000000`, {}],
      ["a community that does not exist", `/communities/00000000-0000-4000-8000-000000000000`, {}],
    ];
  };

  it("answers every page with the status the table says, for every role", async () => {
    const actual: Record<string, Record<string, number>> = {};
    const expected: Record<string, Record<string, number>> = {};
    for (const [what, path, expect_] of pages()) {
      actual[what] = {};
      expected[what] = {};
      for (const role of roles) {
        const res = await clients.get(role)!.request(path);
        await res.arrayBuffer();
        actual[what][role] = res.status;
        expected[what][role] = expect_[role] ?? 404;
      }
    }
    expect(actual).toEqual(expected);
  });

  /**
   * Actions, posted with an empty or incomplete form so nothing changes: people with the right get
   * past the guard (a validation answer, never 403/404), insiders without it 403, everyone else 404.
   */
  it("lets only the right people past the guard of every action", async () => {
    const c = `/cohorts/${world.cohortId}`;
    const m = `/communities/${world.communityId}`;
    const ok = "passes the guard";
    type ActionExpect = Partial<Record<WorldRole, number | typeof ok>>;
    const manage: ActionExpect = { facilitator: ok, member: 403, leader: 403 };
    const participate: ActionExpect = { member: ok, leader: ok, facilitator: 403 };
    const communityFacilitation: ActionExpect = { facilitator: ok, member: 403, sip: 403 };
    // The school a role would enter figures for: their own if they lead one, else the member's.
    const schoolOf = (role: WorldRole) => (role === "leader" ? world.schools[2].id : world.schools[0].id);
    const outcome = (role: WorldRole) => ({
      schoolId: schoolOf(role),
      studentGroup: "all",
      measure: "attendance",
      baseline: "90",
      target: "95",
    });
    const actions: Array<
      [string, string, Record<string, string> | ((role: WorldRole) => Record<string, string>), ActionExpect]
    > = [
      ["add leaders", `${c}/members`, { intent: "add-leaders" }, manage],
      ["remove a member", `${c}/members`, { intent: "remove" }, manage],
      ["schedule a session", `${c}/sessions`, {}, manage],
      ["take attendance", `${c}/sessions/${sessionId}`, {}, manage],
      ["open a survey round", `${c}/survey`, { intent: "open", round: "" }, manage],
      ["answer the survey", `${c}/survey`, { intent: "answer" }, participate],
      ["name my challenge", `${c}/challenge`, {}, participate],
      ["form a community", `${c}/communities`, { intent: "create" }, manage],
      ["accept a suggested grouping", `${c}/communities`, { intent: "accept" }, manage],
      ["approve a cohort suggestion", `${c}/playlist`, { intent: "approve" }, manage],
      ["mark a cohort resource done", `${c}/playlist`, { intent: "progress" }, participate],
      ["log practice", `${c}/practice`, {}, participate],
      [
        "enter an outcome (a complete form)",
        `${c}/outcomes`,
        outcome,
        { member: ok, leader: ok, facilitator: 403, sip: 403 },
      ],
      // The community's home is an index route under the community layout: its action is `?index`.
      ["set peer-check pairs", `${m}?index`, {}, communityFacilitation],
      [
        "link the inquiry to a plan",
        `${m}/plan`,
        { schoolId: world.schools[0].id },
        { member: ok, facilitator: 403, sip: 403 },
      ],
      ["approve a community suggestion", `${m}/playlist`, { intent: "approve" }, communityFacilitation],
      [
        "suggest a community resource",
        `${m}/playlist`,
        { intent: "suggest" },
        { member: ok, facilitator: 403, sip: 403 },
      ],
    ];
    const actual: Record<string, Record<string, number | string>> = {};
    const expected: Record<string, Record<string, number | string>> = {};
    for (const [what, path, fields, table] of actions) {
      actual[what] = {};
      expected[what] = {};
      for (const role of roles) {
        const res = await clients.get(role)!.post(path, typeof fields === "function" ? fields(role) : fields);
        await res.arrayBuffer();
        expect(res.status, `${role}: ${what}`).toBeLessThan(500);
        // 405: the address has no action at all (a layout route), which must not read as "passes".
        expect(res.status, `${role}: ${what}`).not.toBe(405);
        actual[what][role] = res.status === 403 || res.status === 404 ? res.status : ok;
        expected[what][role] = table[role] ?? 404;
      }
    }
    expect(actual).toEqual(expected);
  });

  it("sends someone who is not signed in to the sign-in page from every page", async () => {
    const anonymous = new TestClient(app.url);
    for (const [, path] of pages()) {
      const res = await anonymous.request(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location"), path).toMatch(/^\/login\?redirectTo=/);
    }
  });

  it("opens each live document with the access the table says (write, read, or refused)", async () => {
    type Access = "write" | "read" | "none";
    const docs: Array<[string, DocumentKind, string, Partial<Record<WorldRole, Access>>]> = [
      ["inquiry", "inquiry", world.communityId, { member: "write", facilitator: "write", sip: "read" }],
      ["board", "root-cause-board", world.communityId, { member: "write", facilitator: "write", sip: "read" }],
      ["questions", "hmw", world.communityId, { member: "write", facilitator: "write", sip: "read" }],
      ["community playlist", "playlist", world.communityId, { member: "read", facilitator: "write", sip: "read" }],
      ["cohort playlist", "playlist", world.cohortId, { member: "read", leader: "read", facilitator: "write" }],
      ["session notes", "session-notes", sessionId, { member: "write", leader: "write", facilitator: "write" }],
    ];
    const actual: Record<string, Record<string, Access>> = {};
    const expected: Record<string, Record<string, Access>> = {};
    for (const [what, kind, id, table] of docs) {
      actual[what] = {};
      expected[what] = {};
      for (const role of roles) {
        const req = {
          url: `/collab/${documentName(kind, id)}`,
          headers: { cookie: clients.get(role)!.cookieHeader, origin: app.url },
        } as unknown as IncomingMessage;
        const decision = await authorizeUpgrade(req, {
          db: app.services.db,
          auth: app.services.auth,
          allowedOrigin: () => true,
        });
        actual[what][role] = decision.ok ? decision.access : "none";
        if (!decision.ok) expect(decision.status, `${role} on ${what}`).toBe(403);
        expected[what][role] = table[role] ?? "none";
      }
    }
    expect(actual).toEqual(expected);
  });
});
