import { describe, expect, it } from "vitest";
import { actionSchema, dueDateRange, EvidenceLinkSchema, targetSchema } from "./schema";

const today = new Date("2026-11-20T10:00:00Z");
const errorsOf = (result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("plan forms", () => {
  const target = {
    measure: "Attendance %",
    studentGroup: "Disadvantaged",
    baseline: "89.5",
    target: "93",
    actual: "",
    byWhen: "2027-07-16",
  };

  it("accepts a SMART target and coerces its numbers, with an empty actual as none", () => {
    const parsed = targetSchema(today).parse(target);
    expect(parsed).toMatchObject({ baseline: 89.5, target: 93, actual: undefined, byWhen: "2027-07-16" });
  });

  it("refuses percentages outside 0–100 or with more than one decimal place", () => {
    const errors = errorsOf(
      targetSchema(today).safeParse({ ...target, baseline: "101", target: "-1", actual: "50.25" }),
    );
    expect(errors.baseline).toBe("The baseline must be between 0 and 100");
    expect(errors.target).toBe("The target must be between 0 and 100");
    expect(errors.actual).toBe("Give the actual to at most one decimal place");
  });

  it("refuses dates that do not exist or fall outside a year ago to five years ahead", () => {
    expect(dueDateRange(today)).toEqual({ min: "2025-11-20", max: "2031-11-20" });
    const schema = targetSchema(today);
    expect(errorsOf(schema.safeParse({ ...target, byWhen: "2027-02-30" })).byWhen).toBe(
      "Enter a real date for the date the target is due",
    );
    expect(errorsOf(schema.safeParse({ ...target, byWhen: "2024-09-01" })).byWhen).toMatch(
      /between a year ago and five years from now/,
    );
    expect(errorsOf(schema.safeParse({ ...target, byWhen: "2031-11-21" })).byWhen).toMatch(
      /between a year ago and five years from now/,
    );
    expect(schema.safeParse({ ...target, byWhen: "2031-11-20" }).success).toBe(true);
    expect(errorsOf(actionSchema(today).safeParse({ description: "Call home", owner: "AB", due: "soon" })).due).toBe(
      "Enter the due date as a date",
    );
  });

  it("accepts only http and https evidence links", () => {
    expect(EvidenceLinkSchema.safeParse({ title: "Report", url: "https://example.org/a.pdf" }).success).toBe(true);
    expect(EvidenceLinkSchema.safeParse({ title: "Report", url: "http://intranet.school/a" }).success).toBe(true);
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,hi",
      "ftp://example.org/a",
      "example.org/a",
      "https://",
    ]) {
      expect(EvidenceLinkSchema.safeParse({ title: "Report", url }).success, url).toBe(false);
    }
  });
});
