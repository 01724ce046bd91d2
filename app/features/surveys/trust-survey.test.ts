import { describe, expect, it } from "vitest";
import { responsesStillNeeded, roundMean, summariseFacets, surveyItems, trustFacets } from "./trust-survey";

describe("survey items", () => {
  it("has two statements per facet, with unique ids", () => {
    for (const facet of trustFacets) expect(surveyItems.filter((i) => i.facet === facet)).toHaveLength(2);
    expect(new Set(surveyItems.map((i) => i.id)).size).toBe(surveyItems.length);
  });
});

describe("summariseFacets", () => {
  it("builds each facet's 1–5 distribution and its mean to one decimal place", () => {
    const results = summariseFacets([
      { facet: "honesty", value: 5, count: 2 },
      { facet: "honesty", value: 4, count: 3 },
      { facet: "honesty", value: 1, count: 1 },
      { facet: "openness", value: 3, count: 4 },
    ]);
    expect(results.map((r) => r.facet)).toEqual([...trustFacets]);
    const honesty = results.find((r) => r.facet === "honesty")!;
    expect(honesty.distribution).toEqual([1, 0, 0, 3, 2]);
    expect(honesty.total).toBe(6);
    expect(honesty.mean).toBe(3.8); // 23 / 6 = 3.83
    expect(results.find((r) => r.facet === "openness")!.mean).toBe(3);
    expect(results.find((r) => r.facet === "competence")).toEqual({
      facet: "competence",
      distribution: [0, 0, 0, 0, 0],
      total: 0,
      mean: null,
    });
  });

  it("accepts counts as strings (bigint from the database) and ignores values off the scale", () => {
    const [benevolence] = summariseFacets([
      { facet: "benevolence", value: 2, count: "3" as unknown as number },
      { facet: "benevolence", value: 9, count: 4 },
    ]);
    expect(benevolence.distribution).toEqual([0, 3, 0, 0, 0]);
  });
});

describe("roundMean and responsesStillNeeded", () => {
  it("rounds half up to one decimal and has no mean for nothing", () => {
    expect(roundMean(7, 2)).toBe(3.5);
    expect(roundMean(10, 3)).toBe(3.3);
    expect(roundMean(0, 0)).toBeNull();
  });
  it("counts down to the minimum and never below zero", () => {
    expect(responsesStillNeeded(3, 5)).toBe(2);
    expect(responsesStillNeeded(7, 5)).toBe(0);
  });
});
