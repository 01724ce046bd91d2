import { describe, expect, it } from "vitest";
import { budgetSummary, burnDown, formatDays, isHalfDayStep, usedSentence, wouldOverspend } from "./day-budget";

describe("half-day steps", () => {
  it("accepts whole and half days", () => {
    for (const d of [0.5, 1, 1.5, 2, 7.5]) expect(isHalfDayStep(d)).toBe(true);
  });
  it("refuses quarters, zero, negatives and non-numbers", () => {
    for (const d of [0.25, 1.3, 0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(isHalfDayStep(d)).toBe(false);
  });
});

describe("the budget", () => {
  it("adds up used days and what is left", () => {
    expect(budgetSummary(5, [{ days: 1 }, { days: 0.5 }, { days: 2 }])).toEqual({
      budget: 5,
      used: 3.5,
      remaining: 1.5,
      overspent: false,
    });
    expect(budgetSummary(2, [{ days: 1.5 }, { days: 1 }])).toMatchObject({ remaining: -0.5, overspent: true });
  });

  it("says when a new entry would overspend, and that using exactly the budget does not", () => {
    expect(wouldOverspend(5, 3.5, 1.5)).toBe(false);
    expect(wouldOverspend(5, 3.5, 2)).toBe(true);
    expect(wouldOverspend(5, 5, 0.5)).toBe(true);
  });

  it("reads in words", () => {
    expect(usedSentence(5, 3.5)).toBe("3.5 of 5 days used");
    expect(usedSentence(1, 0)).toBe("0 of 1 day used");
    expect(formatDays(0.5)).toBe("half a day");
    expect(formatDays(1)).toBe("1 day");
    expect(formatDays(2.5)).toBe("2.5 days");
  });
});

describe("the burn-down series", () => {
  it("starts at the full budget and steps down once per date, in date order", () => {
    const visits = [
      { visitDate: "2025-11-03", days: 1 },
      { visitDate: "2025-10-01", days: 0.5 },
      { visitDate: "2025-11-03", days: 0.5 },
    ];
    expect(burnDown(5, "2025-09-01", visits)).toEqual([
      { date: "2025-09-01", remaining: 5 },
      { date: "2025-10-01", remaining: 4.5 },
      { date: "2025-11-03", remaining: 3 },
    ]);
  });

  it("counts time logged on the first day of the year in the first point, and can go below zero", () => {
    expect(
      burnDown(1, "2025-09-01", [
        { visitDate: "2025-09-01", days: 0.5 },
        { visitDate: "2025-09-02", days: 1 },
      ]),
    ).toEqual([
      { date: "2025-09-01", remaining: 0.5 },
      { date: "2025-09-02", remaining: -0.5 },
    ]);
  });
});
