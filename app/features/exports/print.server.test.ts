import { describe, expect, it } from "vitest";
import { inquiryPrintHtml } from "./inquiry-print.server";
import { planPrintHtml, type PlanExport } from "./plan-print.server";
import { HOSTILE, sampleExport } from "./sample-export";

/** The document's visible words, tags removed and entities read back (enough for these documents). */
const words = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&lt;|&#60;/g, "<")
    .replace(/&gt;|&#62;/g, ">")
    .replace(/&amp;|&#38;/g, "&")
    .replace(/\s+/g, " ");

describe("inquiryPrintHtml", () => {
  const html = inquiryPrintHtml(sampleExport, "en-GB");

  it("is one self-contained document: no scripts, nothing fetched", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).not.toMatch(/<script|<link|src=/i);
  });

  it("has every step headed and in order, with each step's words", () => {
    const text = words(html);
    const steps = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1].replace(/<!-- -->/g, ""));
    expect(steps).toEqual([
      "1. Stories",
      "2. What I needed but did not have",
      "3. Peer check",
      "4. Root causes",
      "5. How might we…",
      "6. Linked plan priorities",
    ]);
    for (const expected of [
      "Attendance of our pupil premium children was 89%.",
      "I needed to know what families would say.",
      "Assumption we checked.",
      "Problem: Families stay away",
      "Attendance of disadvantaged pupils",
      "St Aidan's: linked to 2 priorities",
    ])
      expect(text).toContain(expected);
  });

  it("shows the board as a table per category with each note's group, author and dots", () => {
    expect(html).toContain("<caption>Systems and policies</caption>");
    expect(words(html)).toContain("Evenings run 3.30–6 pm. Meetings Bob <Lead> 1");
    expect(words(html)).toContain("No notes.");
  });

  it("sets the chosen question apart and says it is the chosen one", () => {
    expect(html).toMatch(
      /<p class="chosen"><span class="kicker">Our inquiry question \(chosen\)<\/span>How might we signal/,
    );
  });

  it("escapes people's words: nothing they write becomes markup", () => {
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<Lead>");
    expect(words(html)).toContain(HOSTILE);
  });
});

describe("planPrintHtml", () => {
  const plan: PlanExport = {
    schoolName: "Hollybank <Primary> & Nursery",
    yearLabel: "2026–27",
    exportedOn: "8 December 2026",
    terminology: "en-US",
    started: true,
    evaluations: [{ area: "quality_of_education", judgement: "good", evidence: "Reading is strong." }],
    priorities: [
      {
        title: "Attendance",
        area: "attendance",
        rationale: "Too many days lost.",
        targets: [
          {
            measure: "Attendance %",
            studentGroup: "Disadvantaged pupils",
            baseline: 88.5,
            target: 93,
            actual: null,
            byWhen: "2027-07-16",
            status: "no_result",
          },
        ],
        actions: [{ description: "First-day calls", owner: "Office", due: "2027-01-31", status: "in_progress" }],
        updates: [{ body: "Calls started.", authorName: "Ann", on: "1 Dec 2026" }],
        inquiries: ["Family partnership"],
      },
    ],
  };
  const html = planPrintHtml(plan, { locale: "en-US", timeZone: "America/New_York" });

  it("has the self-evaluation and each priority's targets, actions and progress, in the authority's words and dates", () => {
    const text = words(html);
    for (const expected of [
      "Self-evaluation",
      "Reading is strong.",
      "Priority 1: Attendance",
      "Too many days lost.",
      "Disadvantaged pupils 88.5 93 –",
      "No result yet",
      "First-day calls Office",
      "In progress",
      "Calls started.",
      "Inquiries linked to this priority: Family partnership.",
    ])
      expect(text).toContain(expected);
    // en-US dates read month first.
    expect(text).toContain("Jul 16, 2027");
  });

  it("names the school in the running header, escaped for CSS, and escapes it in the page", () => {
    expect(html).toContain('content: "Hollybank <Primary> & Nursery · Improvement plan 2026–27 · Confidential"');
    expect(html).not.toContain("<h1>Hollybank <Primary>");
    expect(words(html)).toContain("Hollybank <Primary> & Nursery");
  });
});
