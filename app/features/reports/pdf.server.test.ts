import { afterAll, afterEach, describe, expect, it } from "vitest";
import { pdfText } from "../../../test/support/pdf-text";
import { termsFor, type Terminology } from "../../kernel/terminology";
import { chromiumExecutable, closePdfBrowser, PdfUnavailableError, renderPdf } from "./pdf.server";
import { renderReportPdf, type ReportPrintProps } from "./print-html.server";
import { prefillSections, type PlanSummary } from "./sections";

const plan: PlanSummary = {
  selfEvaluations: [{ area: "quality_of_education", judgement: "good", evidence: "Reading above average." }],
  priorities: [
    {
      id: "p1",
      title: "Attendance of disadvantaged pupils",
      area: "attendance",
      targets: [
        { measure: "Attendance", studentGroup: "Disadvantaged pupils", baseline: 88.5, target: 93, actual: 90 },
      ].map((t) => ({ ...t, byWhen: "2027-07-16" })),
      actions: [{ description: "First-day calls", owner: "Attendance lead", due: "2027-01-31", status: "in_progress" }],
      progress: [],
    },
  ],
};

/** A report as the head reads it: every section but the PM advice (the guard filters those in SQL). */
function headsCopy(terminology: Terminology): ReportPrintProps {
  const sections = prefillSections(plan, [], termsFor(terminology))
    .filter((s) => s.audiences.includes("head"))
    .map((s, i) => ({ ...s, id: `section-${i}` }));
  sections.push({ ...sections[0], id: "next", heading: "Next visit", body: "We meet again by 2027-07-16." });
  return {
    authorityName: "Northshire Council",
    schoolName: "Hollybank Primary School",
    title: "Autumn term report",
    schoolYear: "2026-27",
    sipName: "Sam Partner",
    visitDate: "2026-11-12",
    status: "shared",
    sharedAt: "2026-11-20T10:00:00.000Z",
    terminology,
    readerAudiences: ["head"],
    sections,
    dates: { locale: terminology, timeZone: "Europe/London" },
  };
}

/** The PDF's text with each run of whitespace as one space (Chromium writes text in separate runs). */
const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, " ");

// Under CI=true a missing Chromium must fail, not skip (as the browser suites do).
describe.skipIf(!chromiumExecutable() && process.env.CI !== "true")("the report PDF", () => {
  afterAll(() => closePdfBrowser());

  it("is a designed document: cover, contents with page numbers, tables, running header and page numbers", async () => {
    const pdf = await renderReportPdf(headsCopy("en-GB"));
    const text = flat(pdf);
    // The cover.
    for (const fact of [
      "School Improvement Partner visit report",
      "Autumn term report",
      "Northshire Council",
      "Sam Partner",
      "12 November 2026",
      "This copy is for Head teacher",
      "Confidential. This copy holds only the sections addressed to head teacher",
    ])
      expect(text).toContain(fact);
    expect(text).toMatch(/Page 1 of [4-9]/);
    // No running header on the cover (its kicker is in capitals; the header is not).
    expect(text.slice(0, text.indexOf("Please do not pass it on"))).not.toContain(
      "School Improvement Partner visit report",
    );
    // The contents: each section by number, with the page it starts on (the cover is 1, the contents 2).
    expect(text).toMatch(/Contents 1\. Self-evaluation 3 2\. Priorities and targets 3 .*6\. Next visit \d/);
    // Tables, with dates in the authority's words.
    expect(text).toContain(
      "Targets Measure Pupils Baseline Target By Attendance Disadvantaged pupils 88.5% 93% 16 July 2027",
    );
    expect(text).toContain(
      "Agreed actions Action Who Due Status First-day calls Attendance lead 31 January 2027 In progress",
    );
    expect(text).toContain("We meet again by 16 July 2027.");
    expect(text).not.toContain("2027-07-16");
    // The running header on the pages after the cover.
    expect(text).toMatch(/Hollybank Primary School School Improvement Partner visit report Page 2 of/);
    // Only the sections it was given: the head's copy has no PM advice.
    expect(text).not.toContain("performance management");
  }, 60_000);

  it("writes dates the American way for an en-US authority", async () => {
    const text = flat(await renderReportPdf(headsCopy("en-US")));
    expect(text).toContain("November 12, 2026");
    expect(text).toContain("We meet again by July 16, 2027.");
    expect(text).toContain("This copy is for Principal");
  }, 60_000);
});

describe("the PDF engine", () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(async () => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
    await closePdfBrowser();
  });

  it("says plainly that it is unavailable when Chromium is missing, instead of crashing", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    expect(chromiumExecutable()).toBeNull();
    await expect(renderPdf("<p>Hello</p>")).rejects.toBeInstanceOf(PdfUnavailableError);
  });
});
