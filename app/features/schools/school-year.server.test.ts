import { describe, expect, it } from "vitest";
import { currentSchoolYear, isPastSchoolYear, schoolYearKey, yearFromRequest } from "./school-year.server";
import { schoolYearLabel } from "./components/year-switcher";

const september = new Date("2026-09-01T08:00:00Z");
const august = new Date("2026-08-31T20:00:00Z");
const ask = (query: string) => new Request(`http://x.test/schools/1/visits${query}`);

describe("yearFromRequest", () => {
  it("defaults to the school year the day falls in", () => {
    expect(yearFromRequest(ask(""), september)).toBe(2026);
    expect(yearFromRequest(ask(""), august)).toBe(2025);
  });
  it("takes a past year from ?year=", () => {
    expect(yearFromRequest(ask("?year=2025"), september)).toBe(2025);
    expect(yearFromRequest(ask("?year=2019"), september)).toBe(2019);
  });
  it("treats nonsense, far past and future years as the current year", () => {
    for (const q of ["?year=", "?year=abc", "?year=25", "?year=2025-26", "?year=1999", "?year=2027", "?year=99999"]) {
      expect(yearFromRequest(ask(q), september)).toBe(2026);
    }
  });
});

describe("school year helpers", () => {
  it("names and keys years", () => {
    expect(schoolYearKey(2025)).toBe("2025-26");
    expect(schoolYearKey(2099)).toBe("2099-00");
    expect(schoolYearLabel(2025)).toBe("2025–26");
    expect(currentSchoolYear(september)).toBe(2026);
    expect(isPastSchoolYear(2025, september)).toBe(true);
    expect(isPastSchoolYear(2025, august)).toBe(false);
  });
});
