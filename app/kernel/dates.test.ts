import { describe, expect, it } from "vitest";
import {
  dateContextFor,
  dateFormatter,
  defaultDateContext,
  formatCalendarDate,
  formatDay,
  formatInstant,
  fromLocalInput,
  isKnownTimeZone,
  todayIn,
  toLocalInput,
} from "./dates";

const afternoon = "2026-10-14T13:00:00.000Z"; // 14:00 in London (BST)

describe("dates in an en-GB authority", () => {
  it("shows every style as the pages always have", () => {
    expect(formatInstant(afternoon, "weekday-date-time")).toBe("Wednesday, 14 October 2026 at 14:00");
    expect(formatInstant(afternoon, "date-time")).toBe("14 October 2026 at 14:00");
    expect(formatInstant(afternoon, "date")).toBe("14 October 2026");
    expect(formatInstant(afternoon, "short-date")).toBe("14 Oct 2026");
    expect(formatInstant(afternoon, "day-month")).toBe("14 Oct");
    expect(formatInstant(afternoon, "time")).toBe("14:00");
    expect(formatInstant(afternoon, "medium-date-time")).toBe("14 Oct 2026, 14:00");
    expect(formatInstant(afternoon, "medium-date-time-seconds")).toBe("14 Oct 2026, 14:00:00");
    expect(formatInstant(afternoon, "long-date-time")).toBe("14 October 2026 at 14:00");
  });

  it("reads calendar dates without a zone, and instants in London", () => {
    expect(formatCalendarDate("2025-10-14", "date")).toBe("14 October 2025");
    expect(formatDay("2026-03-29", "short-date")).toBe("29 Mar 2026");
    // 23:30 UTC on 31 May is already 1 June in London.
    expect(formatDay("2026-05-31T23:30:00Z", "short-date")).toBe("1 Jun 2026");
  });

  it("reads and writes datetime-local values in London time across the clock change", () => {
    expect(fromLocalInput("2026-03-29T00:30")?.toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(fromLocalInput("2026-03-29T03:30")?.toISOString()).toBe("2026-03-29T02:30:00.000Z");
    expect(toLocalInput("2026-10-25T00:30:00Z")).toBe("2026-10-25T01:30");
    expect(fromLocalInput("2026-02-30T10:00")).toBeNull();
    expect(todayIn(defaultDateContext, new Date("2026-05-31T23:30:00Z"))).toBe("2026-06-01");
  });
});

describe("dates in an en-US authority", () => {
  const us = dateContextFor({ terminology: "en-US" });

  it("uses the authority's locale in the same zone", () => {
    expect(us).toEqual({ locale: "en-US", timeZone: "Europe/London" });
    expect(formatInstant(afternoon, "date", us)).toBe("October 14, 2026");
    expect(formatInstant(afternoon, "day-month", us)).toBe("Oct 14");
    expect(formatInstant(afternoon, "weekday-date-time", us)).toBe("Wednesday, October 14, 2026 at 02:00 PM");
    expect(formatCalendarDate("2025-10-14", "date", us)).toBe("October 14, 2025");
  });

  it("reads datetime-local values in another zone", () => {
    const ny = { locale: "en-US" as const, timeZone: "America/New_York" };
    expect(fromLocalInput("2026-10-14T14:00", ny)?.toISOString()).toBe("2026-10-14T18:00:00.000Z");
    expect(toLocalInput("2026-10-14T18:00:00Z", ny)).toBe("2026-10-14T14:00");
  });
});

describe("an authority's own time zone", () => {
  const ny = dateContextFor({ terminology: "en-US", timeZone: "America/New_York" });

  it("shows instants in the authority's zone and locale", () => {
    expect(ny).toEqual({ locale: "en-US", timeZone: "America/New_York" });
    // 14:00 in London is 09:00 in New York.
    expect(formatInstant(afternoon, "time", ny)).toBe("09:00 AM");
    expect(formatInstant(afternoon, "short-date", ny)).toBe("Oct 14, 2026");
    // A calendar date is the same day wherever the authority is.
    expect(formatCalendarDate("2025-10-14", "date", ny)).toBe("October 14, 2025");
    expect(toLocalInput(afternoon, ny)).toBe("2026-10-14T09:00");
  });

  it("keeps an en-GB authority in its own zone too", () => {
    const tokyo = dateContextFor({ terminology: "en-GB", timeZone: "Asia/Tokyo" });
    expect(formatInstant(afternoon, "date-time", tokyo)).toBe("14 October 2026 at 22:00");
    expect(todayIn(tokyo, new Date("2026-05-31T15:30:00Z"))).toBe("2026-06-01");
  });

  it("falls back to London when the zone is missing or unknown, rather than breaking the page", () => {
    expect(dateContextFor({ terminology: "en-GB", timeZone: "Mars/Olympus_Mons" }).timeZone).toBe("Europe/London");
    expect(dateContextFor({ terminology: "en-US", timeZone: null }).timeZone).toBe("Europe/London");
    expect(dateContextFor(null)).toEqual(defaultDateContext);
    expect(isKnownTimeZone("America/New_York")).toBe(true);
    expect(isKnownTimeZone("Not/A_Zone")).toBe(false);
  });
});

describe("the formatter cache", () => {
  it("makes one formatter per locale, zone and style, and reuses it", () => {
    const a = dateFormatter(defaultDateContext, "date");
    expect(dateFormatter({ locale: "en-GB", timeZone: "Europe/London" }, "date")).toBe(a);
    expect(dateFormatter(defaultDateContext, "time")).not.toBe(a);
    expect(dateFormatter(dateContextFor({ terminology: "en-US" }), "date")).not.toBe(a);
    expect(dateFormatter({ ...defaultDateContext, timeZone: "UTC" }, "date")).not.toBe(a);
  });
});
