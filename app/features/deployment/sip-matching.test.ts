import { describe, expect, it } from "vitest";
import { MATCH_WEIGHTS, rankSips, type MatchCandidate, type MatchSchool } from "./sip-matching";

const school: MatchSchool = { category: "intensive", locality: "Riverside", dayBudget: 5, lastYearSipId: "helen" };
const sip = (over: Partial<MatchCandidate> & { userId: string }): MatchCandidate => ({
  name: over.userId,
  locality: "",
  capacityDays: 30,
  expertise: [],
  daysBudgeted: 0,
  categoryAssignments: 0,
  ...over,
});
const byId = (list: ReturnType<typeof rankSips>, id: string) => list.find((s) => s.userId === id)!;
const criterion = (list: ReturnType<typeof rankSips>, id: string, c: string) =>
  byId(list, id).criteria.find((x) => x.criterion === c)!;

describe("matching SIPs to a school", () => {
  it("scores continuity only for last year's SIP, and says so", () => {
    const ranked = rankSips(school, [sip({ userId: "helen" }), sip({ userId: "richard" })]);
    expect(criterion(ranked, "helen", "continuity")).toMatchObject({
      points: MATCH_WEIGHTS.continuity,
      explanation: "Worked with this school last year",
    });
    expect(criterion(ranked, "richard", "continuity")).toMatchObject({
      points: 0,
      explanation: "Did not work with this school last year",
    });
    const noneLastYear = rankSips({ ...school, lastYearSipId: null }, [sip({ userId: "richard" })]);
    expect(noneLastYear[0].criteria[0].explanation).toBe("The school had no SIP last year");
  });

  it("scores locality case-insensitively and explains a mismatch or a missing locality", () => {
    const ranked = rankSips(school, [
      sip({ userId: "a", locality: " riverside " }),
      sip({ userId: "b", locality: "Northfield" }),
      sip({ userId: "c" }),
    ]);
    expect(criterion(ranked, "a", "locality").points).toBe(MATCH_WEIGHTS.locality);
    expect(criterion(ranked, "b", "locality")).toMatchObject({
      points: 0,
      explanation: "Works in Northfield; the school is in Riverside",
    });
    expect(criterion(ranked, "c", "locality").explanation).toBe("No locality recorded in their profile");
  });

  it("scores experience from stated expertise and past schools of the category", () => {
    const ranked = rankSips(school, [
      sip({ userId: "expert", expertise: ["intensive"], categoryAssignments: 3 }),
      sip({ userId: "record", categoryAssignments: 1 }),
      sip({ userId: "novice", expertise: ["universal"] }),
    ]);
    expect(criterion(ranked, "expert", "experience")).toMatchObject({
      points: 20,
      explanation: "Has expertise in intensive support; has supported 3 schools in intensive support before",
    });
    expect(criterion(ranked, "record", "experience").points).toBe(5);
    expect(criterion(ranked, "novice", "experience")).toMatchObject({
      points: 0,
      explanation: "No stated expertise in intensive support; has not supported a school in intensive support before",
    });
  });

  it("scores availability against the school's budget, in part when there is not enough", () => {
    const ranked = rankSips(school, [
      sip({ userId: "free", capacityDays: 20, daysBudgeted: 10 }),
      sip({ userId: "tight", capacityDays: 20, daysBudgeted: 17.5 }),
      sip({ userId: "full", capacityDays: 20, daysBudgeted: 21 }),
    ]);
    expect(criterion(ranked, "free", "availability")).toMatchObject({
      points: 30,
      explanation: "10 days of capacity left — enough for a 5-day budget",
    });
    expect(criterion(ranked, "tight", "availability")).toMatchObject({
      points: 15,
      explanation: "2.5 days of capacity left — not enough for a 5-day budget",
    });
    expect(criterion(ranked, "full", "availability")).toMatchObject({
      points: 0,
      explanation: "No capacity left (21 of 20 days already budgeted)",
    });
    expect(byId(ranked, "full").daysLeft).toBe(-1);
  });

  it("ranks by total score, then by days left, then by name", () => {
    const ranked = rankSips(school, [
      sip({ userId: "zoe", name: "Zoe" }),
      sip({ userId: "amy", name: "Amy" }),
      sip({ userId: "busy", name: "Busy", capacityDays: 40, daysBudgeted: 0 }),
      sip({ userId: "helen", name: "Helen", locality: "Riverside", capacityDays: 10, daysBudgeted: 8 }),
    ]);
    expect(ranked.map((s) => s.userId)).toEqual(["helen", "busy", "amy", "zoe"]);
    expect(ranked[0]).toMatchObject({ score: 30 + 20 + 0 + 12, max: 100 });
  });
});
