import { describe, expect, it, vi } from "vitest";
import type { SearchFacts } from "../../../db/queries/search-scope";
import type { SearchRow } from "../../../db/queries/search-sql";
import type { Actor, Grant } from "../../kernel/permissions";
import { toResults } from "./results.server";
import { buildSearchScopes } from "./scopes";

const NOW = "2026-27";
const LAST = "2025-26";
const AUTH = "auth";
const grant = (role: Grant["role"], schoolId: string | null = null): Grant => ({ role, authorityId: AUTH, schoolId });
const actor = (userId: string, ...grants: Grant[]): Actor => ({ userId, grants });

// School A: head "ann", governor "gil", SIP "sam" this year. School B: SIP "sam" last year, "sue" this year.
const facts: SearchFacts = {
  schools: [
    { id: "A", authorityId: AUTH, name: "Ash" },
    { id: "B", authorityId: AUTH, name: "Birch" },
  ],
  assignments: [
    { id: "a-now", schoolId: "A", authorityId: AUTH, schoolYear: NOW, sipUserId: "sam" },
    { id: "b-last", schoolId: "B", authorityId: AUTH, schoolYear: LAST, sipUserId: "sam" },
    { id: "b-now", schoolId: "B", authorityId: AUTH, schoolYear: NOW, sipUserId: "sue" },
  ],
  cohorts: [{ id: "C", authorityId: AUTH, name: "Cohort", schoolYear: NOW }],
  cohortMembers: [
    { cohortId: "C", userId: "fay", role: "facilitator" },
    { cohortId: "C", userId: "ann", role: "leader" },
    { cohortId: "C", userId: "bob", role: "leader" },
  ],
  sessions: [{ id: "S", cohortId: "C" }],
  communities: [{ id: "K", cohortId: "C", name: "Family partnership" }],
  communityMembers: [{ communityId: "K", userId: "ann" }],
  leaders: [
    { userId: "ann", schoolId: "A" },
    { userId: "bob", schoolId: "B" },
  ],
};

const people = {
  ann: actor("ann", grant("school_leader", "A")),
  bob: actor("bob", grant("school_leader", "B")),
  gil: actor("gil", grant("governor", "A")),
  sam: actor("sam", grant("sip")),
  fay: actor("fay", grant("facilitator")),
  ada: actor("ada", grant("authority_admin")),
};
const scopesOf = (who: keyof typeof people) => buildSearchScopes(people[who], facts, NOW);
// Document names are lower-cased (collab/doc-names.ts).
const docs = (who: keyof typeof people) => [...scopesOf(who).documents.keys()].sort();

describe("search scopes", () => {
  it("plans: the school's head, this year's SIP and the admin; never governors", () => {
    expect(scopesOf("ann").planSchoolIds).toEqual(["A"]);
    expect(scopesOf("sam").planSchoolIds).toEqual(["A"]);
    expect(scopesOf("ada").planSchoolIds).toEqual(["A", "B"]);
    expect(scopesOf("gil").planSchoolIds).toEqual([]);
  });

  it("reports: every audience and drafts for the SIP and admin; shared sections by audience for head and governors", () => {
    expect(scopesOf("ann").reportKeys).toEqual(["A:shared:head"]);
    expect(scopesOf("gil").reportKeys).toEqual(["A:shared:governors"]);
    expect(scopesOf("sam").reportKeys).toEqual([
      "A:draft:head",
      "A:draft:governors",
      "A:draft:authority",
      "A:shared:head",
      "A:shared:governors",
      "A:shared:authority",
    ]);
    expect(scopesOf("fay").reportKeys).toEqual([]);
  });

  it("visit records are decided with their own year's SIP", () => {
    expect(scopesOf("sam").visitAssignmentIds).toEqual(["a-now", "b-last"]);
    expect(scopesOf("bob").visitAssignmentIds).toEqual(["b-last", "b-now"]);
    expect(scopesOf("gil").visitAssignmentIds).toEqual([]);
  });

  it("documents: members and facilitators; the SIP of a member's school reads the community's, not the cohort's", () => {
    const community = ["hmw.k", "inquiry.k", "playlist.k", "root-cause-board.k"];
    expect(docs("ann")).toEqual([...community, "playlist.c", "session-notes.s"].sort());
    expect(docs("fay")).toEqual([...community, "playlist.c", "session-notes.s"].sort());
    expect(docs("sam")).toEqual(community);
    expect(docs("bob")).toEqual(["playlist.c", "session-notes.s"]);
    expect(docs("ada")).toEqual([]);
    expect(scopesOf("ann").sessionCohortIds).toEqual(["C"]);
    expect(scopesOf("sam").sessionCohortIds).toEqual([]);
  });

  it("schools and people: the authority's admins only", () => {
    expect(scopesOf("ada").adminAuthorityIds).toEqual([AUTH]);
    expect(scopesOf("sam").adminAuthorityIds).toEqual([]);
  });
});

describe("the per-row check", () => {
  const row = (schoolId: string): SearchRow => ({
    item: "priority",
    id: "p",
    parentId: "p",
    schoolId,
    title: "Attendance",
    context: "Attendance",
    headline: "\u0001Attendance\u0002 of disadvantaged pupils",
    rank: 0.5,
    at: null,
    schoolYear: NOW,
    total: 2,
    extra: null,
  });

  it("keeps rows the page would open, and drops and logs one it would refuse", () => {
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const { results, dropped } = toResults(people.ann, scopesOf("ann"), "plan", [row("A"), row("B")], logger);
    expect(dropped).toBe(1);
    expect(logger.warn).toHaveBeenCalledOnce();
    expect(results.map((r) => r.href)).toEqual(["/schools/A/plan/priorities/p?year=2026#about-heading"]);
    expect(results[0].snippet).toEqual([
      { text: "Attendance", marked: true },
      { text: " of disadvantaged pupils", marked: false },
    ]);
  });
});
