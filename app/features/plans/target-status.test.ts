import { describe, expect, it } from "vitest";
import { countStatuses, targetStatus } from "./target-status";

const year = { start: "2026-09-01" };
const attendance = { baseline: 90, target: 94, byWhen: "2027-07-01" };

describe("targetStatus", () => {
  it("says there is no result until one is recorded, even after the date", () => {
    expect(targetStatus({ ...attendance, actual: null }, { ...year, today: "2026-10-01" })).toBe("no_result");
    expect(targetStatus({ ...attendance, actual: null }, { ...year, today: "2027-09-01" })).toBe("no_result");
  });

  it("is Met at or beyond the target, whatever the date", () => {
    expect(targetStatus({ ...attendance, actual: 94 }, { ...year, today: "2026-10-01" })).toBe("met");
    expect(targetStatus({ ...attendance, actual: 95.2 }, { ...year, today: "2027-12-01" })).toBe("met");
  });

  it("is On track when the change keeps pace with the time gone, Behind when it does not", () => {
    // 1 Sept to 1 July is 303 days; by 1 Feb (153 days) about half the time has gone.
    expect(targetStatus({ ...attendance, actual: 92.1 }, { ...year, today: "2027-02-01" })).toBe("on_track");
    expect(targetStatus({ ...attendance, actual: 91.5 }, { ...year, today: "2027-02-01" })).toBe("behind");
    // No change at all is never on track, even on the first day.
    expect(targetStatus({ ...attendance, actual: 90 }, { ...year, today: "2026-09-01" })).toBe("behind");
    // Going the wrong way is behind.
    expect(targetStatus({ ...attendance, actual: 89 }, { ...year, today: "2026-10-01" })).toBe("behind");
  });

  it("is Not met once the date has passed short of the target", () => {
    expect(targetStatus({ ...attendance, actual: 93.9 }, { ...year, today: "2027-07-02" })).toBe("not_met");
  });

  it("reads a target below its baseline (fewer absences) as met by going down", () => {
    const absence = { baseline: 18, target: 12, byWhen: "2027-07-01" };
    expect(targetStatus({ ...absence, actual: 11.5 }, { ...year, today: "2026-12-01" })).toBe("met");
    expect(targetStatus({ ...absence, actual: 14 }, { ...year, today: "2027-02-01" })).toBe("on_track");
    expect(targetStatus({ ...absence, actual: 19 }, { ...year, today: "2027-02-01" })).toBe("behind");
  });

  it("treats a target due before the year began as having had all its time", () => {
    expect(targetStatus({ ...attendance, byWhen: "2026-08-01", actual: 93 }, { ...year, today: "2026-07-01" })).toBe(
      "behind",
    );
  });
});

describe("countStatuses", () => {
  it("counts each status, with zeros for the rest", () => {
    expect(countStatuses(["met", "behind", "met"])).toEqual({
      met: 2,
      on_track: 0,
      behind: 1,
      not_met: 0,
      no_result: 0,
    });
  });
});
