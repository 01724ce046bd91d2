import { describe, expect, it } from "vitest";
import { previousSchoolYear, schoolYearBounds, schoolYearOf } from "./school-year";

describe("school-year arithmetic", () => {
  it("names the year a date falls in (years start on 1 September)", () => {
    expect(schoolYearOf(new Date("2026-08-31T12:00:00Z"))).toBe("2025-26");
    expect(schoolYearOf(new Date("2026-09-01T12:00:00Z"))).toBe("2026-27");
    expect(schoolYearOf(new Date("2099-10-01T12:00:00Z"))).toBe("2099-00");
  });
  it("gives a year's first and last day", () => {
    expect(schoolYearBounds("2025-26")).toEqual({ start: "2025-09-01", end: "2026-08-31" });
  });
  it("steps back a year, across a century too", () => {
    expect(previousSchoolYear("2025-26")).toBe("2024-25");
    expect(previousSchoolYear("2100-01")).toBe("2099-00");
  });
});
