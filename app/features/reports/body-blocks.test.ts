import { describe, expect, it } from "vitest";
import { formatCalendarDate } from "../../kernel/dates";
import { bodyBlocks, hasMarkdown, inlineSpans, withDates } from "./body-blocks";

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

describe("the Markdown the rich-text editor writes", () => {
  it("reads headings, bullet and numbered lists and quotes as blocks", () => {
    const body = [
      "## What we saw",
      "",
      "Lessons were **calm** and purposeful.",
      "",
      "### In Year 6",
      "",
      "- Reading aloud daily",
      "* Maths talk",
      "",
      "3. Agree the plan",
      "4. Review by 2027-01-15",
      "",
      '> Pupils said: "we know what to do next".',
      ">",
      "> - and why",
    ].join("\n");
    expect(bodyBlocks(body, gb)).toEqual([
      { kind: "subheading", text: "What we saw" },
      { kind: "paragraph", text: "Lessons were **calm** and purposeful." },
      { kind: "minorheading", text: "In Year 6" },
      { kind: "list", items: ["Reading aloud daily", "Maths talk"] },
      { kind: "numbered", start: 3, items: ["Agree the plan", "Review by 15 January 2027"] },
      {
        kind: "quote",
        blocks: [
          { kind: "paragraph", text: 'Pupils said: "we know what to do next".' },
          { kind: "list", items: ["and why"] },
        ],
      },
    ]);
  });

  it("keeps a line break (Shift+Enter) inside its list item or paragraph", () => {
    expect(bodyBlocks("- first  \nstill first\n- second\n\nOne\\\nparagraph", gb)).toEqual([
      { kind: "list", items: ["first\nstill first", "second"] },
      { kind: "paragraph", text: "One\nparagraph" },
    ]);
    // Trailing spaces before a bullet (old plain text) do not swallow the bullet.
    expect(bodyBlocks("Notes  \n- a", gb)).toEqual([
      { kind: "subheading", text: "Notes" },
      { kind: "list", items: ["a"] },
    ]);
  });

  it("keeps a prefilled priority's title as the heading of its table after the editor adds a blank line", () => {
    const body = "Attendance (Attendance)\n\n- Attendance, All pupils: from 90% to 95% by 2027-07-16";
    expect(bodyBlocks(body, gb).map((b) => b.kind)).toEqual(["subheading", "table"]);
    // An ordinary sentence before a list across a blank line stays a paragraph.
    expect(bodyBlocks("We agreed\n\n- a visit in spring", gb).map((b) => b.kind)).toEqual(["paragraph", "list"]);
  });

  it("formats dates in the text but never inside a link's address", () => {
    expect(withDates("[minutes of 2027-07-16](https://school.org/2027-07-16)", gb)).toBe(
      "[minutes of 16 July 2027](https://school.org/2027-07-16)",
    );
  });

  it("reads bold, italic, both and links as marked runs", () => {
    expect(
      inlineSpans("A **bold** word, an *italic* one, ***both*** and [the plan](https://school.org/plan)."),
    ).toEqual([
      { text: "A " },
      { text: "bold", bold: true },
      { text: " word, an " },
      { text: "italic", italic: true },
      { text: " one, " },
      { text: "both", bold: true, italic: true },
      { text: " and " },
      { text: "the plan", href: "https://school.org/plan" },
      { text: "." },
    ]);
    expect(inlineSpans("**Read [*this*](mailto:head@school.org)**")).toEqual([
      { text: "Read ", bold: true },
      { text: "this", bold: true, italic: true, href: "mailto:head@school.org" },
    ]);
  });

  it("keeps an unsafe link's words as plain text, never as a link", () => {
    expect(inlineSpans("[click me](javascript:alert(1)) now")).toEqual([{ text: "click me now" }]);
    expect(inlineSpans("[data](data:text/html,hi)")).toEqual([{ text: "data" }]);
    expect(inlineSpans("[x](vbscript:msgbox)")).toEqual([{ text: "x" }]);
  });

  it("shows escapes and entities as the characters typed, and lone stars as stars", () => {
    expect(inlineSpans("a\\_b c\\*d \\[x\\] 5 * 3 * 2 &amp; 4 &lt; 5")).toEqual([
      { text: "a_b c*d [x] 5 * 3 * 2 & 4 < 5" },
    ]);
    expect(inlineSpans("**not closed and * alone")).toEqual([{ text: "**not closed and * alone" }]);
  });

  it("leaves old plain text as it was", () => {
    const old = "Quality of education: Good.\nBehaviour: Outstanding.\n\n- Visit in spring\n- Meet governors";
    expect(bodyBlocks(old, gb)).toEqual([
      { kind: "paragraph", text: "Quality of education: Good." },
      { kind: "paragraph", text: "Behaviour: Outstanding." },
      { kind: "list", items: ["Visit in spring", "Meet governors"] },
    ]);
    expect(inlineSpans("Quality of education: Good.")).toEqual([{ text: "Quality of education: Good." }]);
  });
});

describe("telling the editor's Markdown from plain text", () => {
  it("finds block and inline marks and the entities the editor writes", () => {
    for (const text of [
      "## Next steps",
      "Intro\n\n- a bullet",
      "1. first",
      "> a quote",
      "Lessons were **calm**",
      "an *italic* word",
      "see [the plan](https://school.org/plan)",
      "a\\_b",
      "Tom &amp; Jerry",
    ])
      expect(hasMarkdown(text), text).toBe(true);
  });

  it("reads a plain answer, with its line breaks, stars in sums and hashes as words, as plain", () => {
    for (const text of [
      "Improving: attendance is rising.\nBehaviour is good.",
      "5 * 3 = 15",
      "Our #1 priority is reading",
      "Year 6 (2026-27): on track",
      "",
    ])
      expect(hasMarkdown(text), text).toBe(false);
  });
});
