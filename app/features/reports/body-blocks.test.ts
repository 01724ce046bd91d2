import { describe, expect, it } from "vitest";
import { formatCalendarDate } from "../../kernel/dates";
import { bodyBlocks, withDates } from "./body-blocks";

const gb = (iso: string) => formatCalendarDate(iso, "date", { locale: "en-GB", timeZone: "Europe/London" });
const us = (iso: string) => formatCalendarDate(iso, "date", { locale: "en-US", timeZone: "America/New_York" });

describe("a section's text as blocks", () => {
  it("turns the prefill's target lines into a table under the priority's heading, dates in the reader's words", () => {
    const body = [
      "Attendance of disadvantaged pupils (Attendance)",
      "- Attendance, Disadvantaged pupils: from 88.5% to 93% by 2027-07-16",
      "- Persistent absence, All pupils: from 12% to 9% by 2027-07-16",
    ].join("\n");
    expect(bodyBlocks(body, gb)).toEqual([
      { kind: "subheading", text: "Attendance of disadvantaged pupils (Attendance)" },
      {
        kind: "table",
        table: "targets",
        rows: [
          ["Attendance", "Disadvantaged pupils", "88.5%", "93%", "16 July 2027"],
          ["Persistent absence", "All pupils", "12%", "9%", "16 July 2027"],
        ],
      },
    ]);
    expect(bodyBlocks(body, us)[1]).toMatchObject({
      rows: [expect.arrayContaining(["July 16, 2027"]), expect.anything()],
    });
  });

  it("tables agreed actions and measured progress, and keeps a progress note as a dated list item", () => {
    const blocks = bodyBlocks(
      [
        "Early reading",
        "- Phonics check pass rate, Year 1: 76.5% (+6.5 pp since baseline)",
        "- 2026-11-02: Catch-up groups running.",
        "",
        "Early reading",
        "- Daily phonics catch-up (English lead, due 2026-12-01): in progress",
      ].join("\n"),
      gb,
    );
    expect(blocks.map((b) => b.kind)).toEqual(["subheading", "table", "list", "subheading", "table"]);
    expect(blocks[1]).toEqual({
      kind: "table",
      table: "progress",
      rows: [["Phonics check pass rate", "Year 1", "76.5%", "+6.5 pp"]],
    });
    expect(blocks[2]).toEqual({ kind: "list", items: ["2 November 2026: Catch-up groups running."] });
    expect(blocks[4]).toEqual({
      kind: "table",
      table: "actions",
      rows: [["Daily phonics catch-up", "English lead", "1 December 2026", "In progress"]],
    });
  });

  it("keeps a comma inside a measure's name, taking the pupil group from after the last one", () => {
    const [table] = bodyBlocks(
      "- Reading, writing and maths combined, All pupils: from 62% to 67% by 2027-07-16\n- Reading, writing and maths combined, All pupils: 65% (+3.0 pp since baseline)",
      gb,
    );
    expect(table).toMatchObject({
      rows: [["Reading, writing and maths combined", "All pupils", "62%", "67%", "16 July 2027"]],
    });
    expect(
      bodyBlocks("- Reading, writing and maths combined, All pupils: 65% (+3.0 pp since baseline)", gb)[0],
    ).toMatchObject({
      table: "progress",
      rows: [["Reading, writing and maths combined", "All pupils", "65%", "+3.0 pp"]],
    });
  });

  it("keeps the SIP's own words as paragraphs and list items, never dropping a line", () => {
    const blocks = bodyBlocks(
      "Quality of education: Good.\nBehaviour: Outstanding.\n\n- Visit in spring\n- Meet governors",
      gb,
    );
    expect(blocks).toEqual([
      { kind: "paragraph", text: "Quality of education: Good." },
      { kind: "paragraph", text: "Behaviour: Outstanding." },
      { kind: "list", items: ["Visit in spring", "Meet governors"] },
    ]);
    expect(bodyBlocks("", gb)).toEqual([]);
  });

  it("formats only real ISO dates inside free text", () => {
    expect(withDates("Next visit by 2027-07-16, ref 2027-13-45.", gb)).toBe(
      "Next visit by 16 July 2027, ref 2027-13-45.",
    );
    expect(withDates("by 2027-07-16", us)).toBe("by July 16, 2027");
  });
});
