import { describe, expect, it } from "vitest";
import {
  agendaItemFrom,
  agendaLengthHint,
  agendaMinutes,
  agendaTimings,
  clockAfter,
  protocolById,
  protocols,
} from "./protocols";

describe("protocol templates", () => {
  it("have unique ids, a one-line purpose and positive default minutes", () => {
    expect(new Set(protocols.map((p) => p.id)).size).toBe(protocols.length);
    for (const p of protocols) {
      expect(p.purpose.length, p.id).toBeGreaterThan(10);
      expect(p.purpose).not.toContain("\n");
      expect(p.minutes, p.id).toBeGreaterThan(0);
    }
  });

  it("make agenda items with their usual minutes, and name unknown templates plainly", () => {
    expect(agendaItemFrom("story-circle")).toEqual({ template: "story-circle", minutes: 40, note: "" });
    expect(protocolById("retired-protocol").name).toBe("Other activity");
  });

  it("time an agenda from the start of the session", () => {
    const agenda = [
      agendaItemFrom("check-in"),
      { template: "dot-voting", minutes: 5, note: "" },
      agendaItemFrom("reflection-and-commitments"),
    ];
    expect(agendaMinutes(agenda)).toBe(30);
    expect(agendaTimings(agenda).map((i) => [i.from, i.to])).toEqual([
      [0, 10],
      [10, 15],
      [15, 30],
    ]);
    // 13:00 UTC in October is 14:00 in London (summer time).
    expect(clockAfter("2026-10-14T13:00:00Z", 15)).toBe("14:15");
    expect(clockAfter("2026-12-09T14:00:00Z", 0)).toBe("14:00");
  });

  it("say in plain words when the agenda does not fill the session, or overruns it", () => {
    expect(agendaLengthHint(75, 90)).toBe("The agenda covers 75 of 90 minutes, leaving 15 minutes unplanned.");
    expect(agendaLengthHint(89, 90)).toBe("The agenda covers 89 of 90 minutes, leaving 1 minute unplanned.");
    expect(agendaLengthHint(100, 90)).toBe("The agenda takes 100 minutes, 10 minutes more than the session's 90.");
    expect(agendaLengthHint(90, 90)).toBeNull();
    expect(agendaLengthHint(0, 90)).toBeNull();
    expect(agendaLengthHint(30, Number.NaN)).toBeNull();
  });
});
