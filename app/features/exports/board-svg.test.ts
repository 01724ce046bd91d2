import { describe, expect, it } from "vitest";
import { boardSvg, escapeXml, svgSize, wrapText } from "./board-svg";
import { HOSTILE, sampleExport } from "./sample-export";

describe("escapeXml", () => {
  it("escapes markup characters and drops characters XML cannot hold", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;",
    );
    expect(escapeXml("bell\u0007 and \uD800 lone, 😀 kept")).toBe("bell and  lone, 😀 kept");
  });
});

describe("wrapText", () => {
  it("wraps at word boundaries and splits only words longer than a line", () => {
    expect(wrapText("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrapText("abcdefghijkl", 5)).toEqual(["abcde", "fghij", "kl"]);
    expect(wrapText("first\nsecond", 30)).toEqual(["first", "second"]);
  });
});

describe("boardSvg", () => {
  const svg = boardSvg(sampleExport.board, "Family partnership: root causes");

  it("draws a column per category with its notes, groups and dots", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title id="board-title">Family partnership: root causes</title>');
    for (const expected of [
      ">Systems and policies</text>",
      ">Knowledge</text>",
      ">Trip deposits are due in one</text>",
      ">payment.</text>",
      ">3 dots</text>",
      ">1 dot</text>",
      ">Group: Meetings</text>",
      ">Bob &lt;Lead&gt;</text>",
      ">No notes.</text>",
      ">Problem: Families stay away</text>",
    ])
      expect(svg).toContain(expected);
    // Two columns wide, tall enough for the notes.
    expect(svgSize(svg).width).toBe(24 * 2 + 2 * 240 + 16);
    expect(svgSize(svg).height).toBeGreaterThan(200);
  });

  it("escapes people's words, so a note cannot add elements or attributes", () => {
    const hostile = boardSvg(
      {
        problem: HOSTILE,
        columns: [
          {
            category: "skills",
            label: "Skills",
            groups: [{ name: `"><script>`, notes: [{ text: HOSTILE, authorName: "<b>", dots: 0 }] }],
          },
        ],
      },
      `<title>`,
    );
    expect(hostile).not.toMatch(/<script|<b>|<title><title>|"><script/);
    expect(hostile).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    // Every element the builder writes is one of its own.
    const tags = new Set([...hostile.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(["g", "rect", "svg", "text", "title"]);
  });
});
