import { describe, expect, it } from "vitest";
import {
  canShowRollup,
  cohortGroupsToHide,
  formatPp,
  ppAgainstTarget,
  ppChange,
  rollupRows,
  round1,
  type Rollup,
} from "./outcomes";
import { OutcomeSchema } from "./schema";

describe("percentage-point change", () => {
  it("is the actual minus the baseline, to one decimal, without float noise", () => {
    expect(ppChange({ baseline: 62.3, actual: 67.4 })).toBe(5.1);
    expect(ppChange({ baseline: 90.1, actual: 88.7 })).toBe(-1.4);
    expect(ppChange({ baseline: 50, actual: 50 })).toBe(0);
  });

  it("against the target is the actual minus the target", () => {
    expect(ppAgainstTarget({ target: 70, actual: 67.4 })).toBe(-2.6);
    expect(ppAgainstTarget({ target: 60.5, actual: 61 })).toBe(0.5);
  });

  it("is null until there is an actual result", () => {
    expect(ppChange({ baseline: 40, actual: null })).toBeNull();
    expect(ppAgainstTarget({ target: 40, actual: null })).toBeNull();
  });

  it("reads with a sign and the unit", () => {
    expect(formatPp(5.1)).toBe("+5.1 pp");
    expect(formatPp(-1.4)).toBe("−1.4 pp");
    expect(formatPp(0)).toBe("0.0 pp");
    expect(formatPp(null)).toBe("—");
    expect(round1(0.1 + 0.2)).toBe(0.3);
    expect(round1(60.575)).toBe(60.6);
    expect(round1(-60.575)).toBe(-60.6);
  });
});

describe("which roll-ups a viewer may see", () => {
  it("hides a mean that would give away one school the viewer may not see", () => {
    expect(canShowRollup({ schools: 1, visibleSchools: 0 })).toBe(false);
    // Two schools, one of them the viewer's own: the mean gives the other away.
    expect(canShowRollup({ schools: 2, visibleSchools: 1 })).toBe(false);
  });

  it("shows a mean over two or more unseen schools, or over only the viewer's own", () => {
    expect(canShowRollup({ schools: 2, visibleSchools: 0 })).toBe(true);
    expect(canShowRollup({ schools: 3, visibleSchools: 1 })).toBe(true);
    expect(canShowRollup({ schools: 1, visibleSchools: 1 })).toBe(true);
  });
});

describe("chart rows", () => {
  const r = (studentGroup: string, over: Partial<Rollup> = {}): Rollup => ({
    measure: "reading",
    studentGroup,
    schools: 3,
    visibleSchools: 0,
    baseline: 60.04,
    target: 65,
    actual: 66.26,
    ...over,
  });

  it("keeps the fixed group order, rounds the means and computes the changes", () => {
    const rows = rollupRows([r("eal"), r("all"), r("send", { measure: "maths" })], "reading");
    expect(rows.map((x) => x.studentGroup)).toEqual(["all", "eal"]);
    expect(rows[0]).toMatchObject({
      shown: true,
      baseline: 60,
      target: 65,
      actual: 66.3,
      change: 6.2,
      againstTarget: 1.3,
      schools: 3,
    });
  });

  it("marks a suppressed group without its figures", () => {
    const [row] = rollupRows([r("send", { schools: 2, visibleSchools: 1 })], "reading");
    expect(row).toEqual({ studentGroup: "send", label: "SEND", shown: false, schools: 2 });
  });
});

describe("the outcome form's schema", () => {
  const valid = {
    schoolId: "0b1e2f3a-1111-4222-8333-444455556666",
    studentGroup: "all",
    measure: "reading",
    baseline: 62.5,
    target: 70,
  };

  it("accepts percentages to one decimal, with or without an actual", () => {
    expect(OutcomeSchema.safeParse(valid).success).toBe(true);
    expect(OutcomeSchema.safeParse({ ...valid, actual: 100 }).success).toBe(true);
  });

  it("refuses values outside 0–100, more decimals and unknown groups, in words", () => {
    const messages = (input: object) => OutcomeSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    expect(messages({ ...valid, baseline: 101 })).toEqual(["The baseline must be between 0 and 100"]);
    expect(messages({ ...valid, target: -1 })).toEqual(["The target must be between 0 and 100"]);
    expect(messages({ ...valid, actual: 70.25 })).toEqual([
      "Give the actual result to at most one decimal place, like 92.5",
    ]);
    expect(messages({ ...valid, studentGroup: "boys" })).toEqual(["Choose a student group"]);
  });
});

describe("cohortGroupsToHide (complementary suppression)", () => {
  const r = (studentGroup: string, schools: number, visibleSchools: number) => ({
    measure: "reading",
    studentGroup,
    schools,
    visibleSchools,
    baseline: 50,
    target: 60,
    actual: 55,
  });

  it("hides the cohort mean of a group whose community mean is hidden (cohort minus the others would give it)", () => {
    // Community A: my school + 2 unseen (shown). Community B: 1 unseen school (hidden). Cohort: 4 schools, 1 seen.
    const cohort = [r("all", 4, 1), r("send", 5, 1)];
    const communities = [r("all", 3, 1), r("all", 1, 0), r("send", 3, 1), r("send", 2, 0)];
    expect([...cohortGroupsToHide(cohort, communities, "reading")]).toEqual(["all"]);
  });

  it("hides the cohort mean when exactly one unseen school is in no community", () => {
    const cohort = [r("all", 4, 1)];
    const communities = [r("all", 3, 1)]; // 3 unseen-or-seen inside, 1 unseen outside
    expect([...cohortGroupsToHide(cohort, communities, "reading")]).toEqual(["all"]);
    // Two unseen outside: their mean is not one school's figure.
    expect([...cohortGroupsToHide([r("all", 5, 1)], communities, "reading")]).toEqual([]);
  });

  it("keeps the cohort mean when every part is shown and nobody outside is alone, and hides it if schools were counted twice", () => {
    expect([...cohortGroupsToHide([r("all", 6, 1)], [r("all", 3, 1), r("all", 3, 0)], "reading")]).toEqual([]);
    expect([...cohortGroupsToHide([r("all", 4, 4)], [r("all", 3, 3), r("all", 3, 3)], "reading")]).toEqual(["all"]);
  });
});
