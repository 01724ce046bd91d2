import { describe, expect, it } from "vitest";
import { escapeMarkdown, inquiryMarkdown } from "./inquiry-markdown";
import { HOSTILE, sampleExport } from "./sample-export";

describe("escapeMarkdown", () => {
  it("escapes every character that would start formatting, a link, HTML or a table cell", () => {
    expect(escapeMarkdown(HOSTILE)).toBe(
      String.raw`\<script\>alert\("x"\)\</script\> \& 'quotes' \*\*bold\*\* \_it\_ \[link\]\(http://evil.example\) \| pipe`,
    );
  });

  it("escapes the openings of lines that would read as headings, lists or rules", () => {
    expect(escapeMarkdown("# not a heading")).toBe(String.raw`\# not a heading`);
    expect(escapeMarkdown("1. not a list")).toBe(String.raw`1\. not a list`);
    expect(escapeMarkdown("- not a bullet")).toBe(String.raw`\- not a bullet`);
    expect(escapeMarkdown("===")).toBe(String.raw`\===`);
    expect(escapeMarkdown("+ plus")).toBe(String.raw`\+ plus`);
  });

  it("keeps a line break inside a paragraph as a hard break, and leaves ordinary words alone", () => {
    expect(escapeMarkdown("first line\nsecond line")).toBe("first line  \nsecond line");
    expect(escapeMarkdown("It is 89% - not 95%.")).toBe("It is 89% - not 95%.");
  });
});

describe("inquiryMarkdown", () => {
  const md = inquiryMarkdown(sampleExport);

  it("has every step under its own numbered heading, in order", () => {
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual([
      "## 1. Stories",
      "## 2. What I needed but did not have",
      "## 3. Peer check",
      "## 4. Root causes",
      "## 5. How might we…",
      "## 6. Linked plan priorities",
    ]);
  });

  it("holds every step's words", () => {
    for (const words of [
      "Attendance of our pupil premium children was 89%.",
      "- Rang families",
      "> I needed to know what families would say.",
      "Assumption we checked.",
      "Trip deposits are due in one payment. (Ann Head; 3 dots)",
      "- **Meetings**",
      "  - Evenings run 3.30–6 pm. (Bob \\<Lead\\>; 1 dot)",
      "Problem: Families stay away",
      "_No notes._",
      "**Our inquiry question:** How might we signal to families that we are on their side?",
      "How might we pay for trips in instalments? (draft; Bob \\<Lead\\>; 0 dots)",
      "Ann Head, Hollybank Primary: Attendance of disadvantaged pupils",
      "St Aidan's: linked to 2 priorities",
    ])
      expect(md).toContain(words);
    // A section's own heading sits below the member's name (level 3), so it cannot break the outline.
    expect(md).toContain("##### Autumn term");
    expect(md).toContain("_Not written yet._");
  });

  it("never lets people's words become markup", () => {
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("**bold**");
    expect(md).not.toContain("[link](");
    expect(md).toContain(escapeMarkdown(HOSTILE));
  });

  it("says when no question is chosen yet", () => {
    const none = inquiryMarkdown({ ...sampleExport, questions: [] });
    expect(none).toContain("_The group has not chosen its question yet._");
  });
});
