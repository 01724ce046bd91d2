import { describe, expect, it } from "vitest";
import { parseAgreedActions } from "./agreed-actions";

describe("parseAgreedActions", () => {
  it("reads who, what and when from one action per line", () => {
    expect(
      parseAgreedActions(
        "Head teacher: share the attendance dashboard with governors by 2026-12-15\n- SIP: broker a visit (spring term)",
      ),
    ).toEqual([
      {
        owner: "Head teacher",
        action: "share the attendance dashboard with governors",
        when: "2026-12-15",
        date: "2026-12-15",
      },
      { owner: "SIP", action: "broker a visit", when: "spring term", date: null },
    ]);
  });

  it("splits several owned sentences typed on one line, as the demo's record has", () => {
    const rows = parseAgreedActions(
      "Head teacher: share the attendance dashboard with governors (next meeting). SIP: broker a visit to a school with strong KS3 reading.",
    );
    expect(rows.map((r) => [r.owner, r.action, r.when])).toEqual([
      ["Head teacher", "share the attendance dashboard with governors", "next meeting"],
      ["SIP", "broker a visit to a school with strong KS3 reading", null],
    ]);
  });

  it("keeps text that follows no pattern as an action without owner or date", () => {
    expect(parseAgreedActions("Plan\n\n  ")).toEqual([{ owner: null, action: "Plan", when: null, date: null }]);
    expect(parseAgreedActions("Review at 10:30 with staff")[0].owner).toBeNull();
    expect(parseAgreedActions("")).toEqual([]);
  });
});
