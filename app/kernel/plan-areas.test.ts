import { describe, expect, it } from "vitest";
import { judgements } from "../../db/schema/plan-items";
import {
  areaLabel,
  areasForPhase,
  formatPlanDate,
  inspectorateName,
  judgementLabel,
  judgementOptions,
  judgementValues,
} from "./plan-areas";

describe("plan areas and judgements", () => {
  it("labels the four stored judgements with Ofsted's words in en-GB and the state review's in en-US", () => {
    expect(judgementOptions("en-GB").map((o) => o.label)).toEqual([
      "Outstanding",
      "Good",
      "Requires improvement",
      "Inadequate",
    ]);
    expect(judgementOptions("en-US").map((o) => o.label)).toEqual([
      "Exemplary",
      "Effective",
      "Developing",
      "Needs support",
    ]);
    expect(judgementLabel("requires_improvement")).toBe("Requires improvement");
    expect(inspectorateName("en-GB")).toBe("Ofsted");
    expect(inspectorateName("en-US")).toBe("state review");
  });

  it("keeps the judgement list the same as the schema's", () => {
    expect([...judgementValues]).toEqual([...judgements]);
  });

  it("adds early years and sixth form only where the phase has them", () => {
    const common = [
      "quality_of_education",
      "behaviour_and_attitudes",
      "personal_development",
      "leadership_and_management",
    ];
    expect(areasForPhase("primary")).toEqual([...common, "early_years"]);
    expect(areasForPhase("secondary")).toEqual([...common, "sixth_form"]);
    expect(areasForPhase("all-through")).toEqual([...common, "early_years", "sixth_form"]);
    expect(areasForPhase("alternative-provision")).toEqual(common);
  });

  it("labels areas per terminology and leaves an unknown area as written", () => {
    expect(areaLabel("behaviour_and_attitudes")).toBe("Behaviour and attitudes");
    expect(areaLabel("behaviour_and_attitudes", "en-US")).toBe("Behavior and attitudes");
    expect(areaLabel("something_else")).toBe("something_else");
  });

  it("formats a date the same way wherever it runs", () => {
    expect(formatPlanDate("2027-07-16")).toBe("16 Jul 2027");
    expect(formatPlanDate(new Date("2026-10-14T23:30:00Z"))).toBe("15 Oct 2026");
  });
});

describe("areas written as words", () => {
  it("reads a label in either terminology, in any case, as its area", async () => {
    const { toPlanArea } = await import("./plan-areas");
    expect(toPlanArea("Quality of education")).toBe("quality_of_education");
    expect(toPlanArea("behavior and attitudes")).toBe("behaviour_and_attitudes");
    expect(toPlanArea("early_years")).toBe("early_years");
    expect(toPlanArea("Finance")).toBeNull();
    expect(areaLabel("Leadership and management", "en-US")).toBe("Leadership and management");
    expect(areaLabel("Quality of education", "en-US")).toBe("Quality of instruction");
  });
});
