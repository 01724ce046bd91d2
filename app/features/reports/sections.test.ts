import { describe, expect, it } from "vitest";
import { anonymousSchool } from "../brokering/schema";
import { defaultAudiences, formatPp, prefillSections, SectionSchema, supportLine, type PlanSummary } from "./sections";
import { termsFor } from "../../kernel/terminology";

const plan: PlanSummary = {
  selfEvaluations: [
    { area: "quality_of_education", judgement: "requires_improvement", evidence: "Phonics below average." },
  ],
  priorities: [
    {
      id: "p1",
      title: "Early reading",
      area: "quality_of_education",
      targets: [
        { measure: "Phonics check pass rate", studentGroup: "Year 1", baseline: 70, target: 80, actual: 76.5 },
      ].map((t) => ({ ...t, byWhen: "2027-06-30" })),
      actions: [
        { description: "Daily phonics catch-up", owner: "English lead", due: "2026-12-01", status: "in_progress" },
      ],
      progress: [{ body: "Catch-up groups running.", createdAt: "2026-11-02T09:00:00.000Z" }],
    },
  ],
};

describe("report sections", () => {
  it("addresses advice on the head's performance management to governors and the authority only", () => {
    expect(defaultAudiences("head_performance")).toEqual(["governors", "authority"]);
    expect(defaultAudiences("progress")).toEqual(["head", "governors", "authority"]);
  });

  it("prefills every section kind from the plan, in the authority's words", () => {
    const sections = prefillSections(plan, [], termsFor("en-US"));
    expect(sections.map((s) => s.kind)).toEqual([
      "self_evaluation",
      "priorities_targets",
      "progress",
      "actions",
      "package_of_support",
      "head_performance",
    ]);
    expect(sections[0].body).toBe("Quality of education: Requires improvement. Phonics below average.");
    expect(sections[1].body).toContain("- Phonics check pass rate, Year 1: from 70% to 80% by 2027-06-30");
    expect(sections[2].body).toContain("76.5% (+6.5 pp since baseline)");
    expect(sections[2].body).toContain("2026-11-02: Catch-up groups running.");
    expect(sections[3].body).toContain("Daily phonics catch-up (English lead, due 2026-12-01): in progress");
    expect(sections[5].heading).toBe("Advice on the principal's performance management");
    expect(sections.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("says what is missing when the school has no plan yet", () => {
    const sections = prefillSections({ selfEvaluations: [], priorities: [] }, [], termsFor("en-GB"));
    expect(sections[1].body).toBe("The plan has no priorities yet.");
    expect(sections[2].body).toBe("The plan has no measured progress yet.");
  });

  it("lists brokered schools in the package of support", () => {
    const link = {
      schoolName: "Hillside Primary",
      headName: "Bea Bright",
      headEmail: "bea@example.test",
      priorityTitle: "Attendance",
    };
    expect(supportLine(link)).toBe(
      'Brokered link with Hillside Primary on "Attendance". Contact: Bea Bright (bea@example.test).',
    );
    expect(prefillSections(plan, [link], termsFor("en-GB"))[4].body).toBe(supportLine(link));
  });

  it("formats percentage-point changes with their sign", () => {
    expect(formatPp(6.2)).toBe("+6.2 pp");
    expect(formatPp(-1.04)).toBe("−1.0 pp");
    expect(formatPp(0)).toBe("0.0 pp");
  });

  it("refuses a section addressed to nobody", () => {
    const result = SectionSchema.safeParse({
      sectionId: "8d0f7c1e-2a4b-4c3d-9e8f-0a1b2c3d4e5f",
      heading: "Progress",
      body: "",
      audiences: [],
    });
    expect(result.success).toBe(false);
  });

  it("describes a school anonymously by its phase", () => {
    expect(anonymousSchool("Primary", "Local authority")).toBe("A primary school in the local authority");
    expect(anonymousSchool("All-through", "District")).toBe("An all-through school in the district");
  });
});
