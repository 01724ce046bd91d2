import { describe, expect, it } from "vitest";
import { menuFor, type MenuFacts } from "./navigation";
import type { Actor, Grant } from "./permissions";

const A = "authority-1";
const actor = (...grants: Array<Partial<Grant> & Pick<Grant, "role">>): Actor => ({
  userId: "me",
  grants: grants.map((g) => ({ authorityId: A, schoolId: null, ...g })),
});
const none: MenuFacts = { communityIds: [], cohortIds: [] };
const labels = (a: Actor, facts: MenuFacts = none) => menuFor(a, facts).map((i) => i.label);

describe("menuFor", () => {
  it("gives a SIP their caseload: schools, visits, reports and brokering, each an index page", () => {
    expect(menuFor(actor({ role: "sip" }), none)).toEqual([
      { label: "My schools", to: "/schools" },
      { label: "Visits", to: "/visits" },
      { label: "Reports", to: "/reports" },
      { label: "Brokering", to: "/brokering" },
    ]);
  });

  it("takes a head with one school, one community and one cohort straight to each", () => {
    const facts = { communityIds: ["c1"], cohortIds: ["k1"] };
    expect(menuFor(actor({ role: "school_leader", schoolId: "s1" }), facts)).toEqual([
      { label: "My school", to: "/schools/s1" },
      { label: "My community", to: "/communities/c1" },
      { label: "Cohort", to: "/cohorts/k1" },
    ]);
  });

  it("sends a head with several (or no) communities and cohorts to the index pages", () => {
    const menu = menuFor(actor({ role: "school_leader", schoolId: "s1" }, { role: "school_leader", schoolId: "s2" }), {
      communityIds: ["c1", "c2"],
      cohortIds: [],
    });
    expect(menu).toEqual([
      { label: "My schools", to: "/schools" },
      { label: "My community", to: "/communities" },
      { label: "Cohort", to: "/cohorts" },
    ]);
  });

  it("gives a facilitator their cohorts, an admin the authority's pages, a governor their school", () => {
    expect(menuFor(actor({ role: "facilitator" }), none)).toEqual([{ label: "Cohorts", to: "/cohorts" }]);
    expect(labels(actor({ role: "authority_admin" }))).toEqual(["Schools", "People", "SIPs", "Audit", "Settings"]);
    expect(menuFor(actor({ role: "governor", schoolId: "s9" }), none)).toEqual([
      { label: "My school", to: "/schools/s9" },
    ]);
  });

  it("gives someone with several roles the union, each entry once", () => {
    const everything = actor(
      { role: "sip" },
      { role: "school_leader", schoolId: "s1" },
      { role: "governor", schoolId: "s1" },
      { role: "facilitator" },
      { role: "authority_admin" },
    );
    const menu = labels(everything, { communityIds: ["c1"], cohortIds: ["k1"] });
    expect(menu).toEqual([
      "My schools",
      "Visits",
      "Reports",
      "Brokering",
      "My school",
      "My community",
      "Cohorts",
      "Schools",
      "People",
      "SIPs",
      "Audit",
      "Settings",
    ]);
    // A head who also governs the same school has one "My school"; leading one and governing another lists both.
    expect(labels(actor({ role: "school_leader", schoolId: "s1" }, { role: "governor", schoolId: "s1" }))).toEqual([
      "My school",
      "My community",
      "Cohort",
    ]);
    expect(
      menuFor(actor({ role: "school_leader", schoolId: "s1" }, { role: "governor", schoolId: "s2" }), none)[0],
    ).toEqual({ label: "My schools", to: "/schools" });
  });

  it("gives a person without roles no menu beyond the dashboard", () => {
    expect(menuFor({ userId: "me", grants: [] }, none)).toEqual([]);
  });
});
