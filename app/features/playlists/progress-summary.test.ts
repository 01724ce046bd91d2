import { describe, expect, it } from "vitest";
import { progressSummary, progressWords } from "./progress-summary";

describe("progressSummary", () => {
  const ids = ["a", "b", "c", "d"];
  it("counts my resources done and the community's share against the items listed now", () => {
    const summary = progressSummary(ids, new Set(["a", "c", "gone"]), {
      leaderCount: 2,
      doneByItem: { a: 2, c: 1, gone: 2 },
    });
    expect(summary).toEqual({ mine: 2, total: 4, communityPercent: 38 });
    expect(progressWords(summary)).toBe("2 of 4 done; the community: 38%");
  });

  it("never passes 100% when marks outnumber the current leaders", () => {
    expect(progressSummary(["a"], null, { leaderCount: 1, doneByItem: { a: 3 } }).communityPercent).toBe(100);
  });

  it("has no community figure without leaders or resources, and no 'mine' for a facilitator", () => {
    expect(progressSummary([], new Set(), { leaderCount: 3, doneByItem: {} })).toEqual({
      mine: 0,
      total: 0,
      communityPercent: null,
    });
    expect(progressWords(progressSummary(ids, null, { leaderCount: 4, doneByItem: { a: 4 } }))).toBe(
      "The community has done 25% of the resources.",
    );
  });
});
