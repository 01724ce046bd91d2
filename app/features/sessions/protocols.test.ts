import { describe, expect, it } from "vitest";
import { agendaItemFrom, agendaMinutes, agendaTimings, clockAfter, protocolById, protocols } from "./protocols";

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
});
