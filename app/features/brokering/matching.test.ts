import { describe, expect, it } from "vitest";
import {
  describeEvidence,
  improvement,
  phaseFits,
  rankMatches,
  relevantTopics,
  stagesIn,
  topicOf,
  topicsIn,
  type Candidate,
} from "./matching";

const candidate = (over: Partial<Candidate> & Pick<Candidate, "partnerPriorityId" | "evidence">): Candidate => ({
  partnerSchoolId: `school-${over.partnerPriorityId}`,
  phase: "primary",
  area: "quality_of_education",
  text: "",
  inquiries: 0,
  rank: 0.1,
  ...over,
});
const reading = (baseline: number, actual: number, group = "Disadvantaged (pupil premium)") => ({
  measure: "Reading at expected standard %",
  studentGroup: group,
  baseline,
  actual,
});

describe("topics", () => {
  it("tells persistent absence from attendance, combined from reading, and families attending from attendance", () => {
    expect(topicOf("Persistent absence %")).toBe("persistent-absence");
    expect(topicOf("Attendance %")).toBe("attendance");
    expect(topicOf("Reading, writing and maths combined %")).toBe("rwm");
    expect(topicOf("Reading at expected standard %")).toBe("reading");
    expect(topicOf("Families attending a progress meeting %")).toBe("families");
    expect(topicsIn("Close the reading gap for disadvantaged pupils in Key Stage 2")).toEqual(["reading"]);
    expect(topicOf("Subject reviews completed")).toBeNull();
  });

  it("counts a fall as the improvement where lower is better", () => {
    expect(improvement("Attendance %", 89.4, 92.6)).toBe(3.2);
    expect(improvement("Persistent absence %", 27.5, 21)).toBe(6.5);
    expect(improvement("Persistent absence %", 20, 22)).toBe(-2);
    expect(relevantTopics(["attendance"])).toEqual(["attendance", "persistent-absence"]);
    expect(relevantTopics(["reading", "rwm"])).toEqual(["reading", "rwm", "phonics"]);
  });
});

describe("phaseFits", () => {
  it("never offers a nursery for Key Stage 2 reading, nor a secondary for a primary's priority", () => {
    expect(stagesIn("Close the reading gap in Key Stage 2")).toEqual(["KS2"]);
    expect(phaseFits("primary", "Reading in Key Stage 2", "nursery", "")).toBe(false);
    expect(phaseFits("primary", "Reading in Key Stage 2", "primary", "")).toBe(true);
    expect(phaseFits("primary", "Reading in Key Stage 2", "all-through", "")).toBe(true);
    expect(phaseFits("primary", "Raise attendance", "secondary", "")).toBe(false);
    expect(phaseFits("primary", "Raise attendance", "nursery", "")).toBe(false);
    expect(phaseFits("secondary", "Raise attendance", "alternative-provision", "")).toBe(true);
  });

  it("needs a partner's own named key stage to be the one asked about", () => {
    expect(phaseFits("primary", "Reading in Key Stage 2", "primary", "Reading fluency in Year 2")).toBe(false);
    expect(phaseFits("primary", "Reading in Key Stage 2", "primary", "Year 6 reading")).toBe(true);
    expect(phaseFits("primary", "Raise attendance", "primary", "Unknown")).toBe(true);
    expect(phaseFits("primary", "Raise attendance", "college", "")).toBe(false);
  });
});

describe("rankMatches", () => {
  const ours = {
    phase: "primary",
    text: "Close the reading gap in Key Stage 2",
    topics: topicsIn("reading"),
    measures: [],
  };

  it("keeps same-pupil schools with a real gain on the relevant measure, biggest gain first", () => {
    const matches = rankMatches(ours, [
      candidate({ partnerPriorityId: "small", evidence: [reading(60, 62.5)] }),
      candidate({ partnerPriorityId: "nursery", phase: "nursery", evidence: [reading(50, 70)] }),
      candidate({ partnerPriorityId: "big", evidence: [reading(58, 66.5)] }),
      candidate({
        partnerPriorityId: "attendance-only",
        evidence: [{ measure: "Attendance %", studentGroup: "All pupils", baseline: 90, actual: 95 }],
      }),
      candidate({ partnerPriorityId: "fell", evidence: [reading(70, 68)] }),
    ]);
    expect(matches.map((m) => m.partnerPriorityId)).toEqual(["big", "small"]);
    expect(matches.map((m) => m.improvement)).toEqual([8.5, 2.5]);
    expect(describeEvidence(matches[0].best)).toBe(
      "Reading at expected standard %, Disadvantaged (pupil premium): 58.0% → 66.5%",
    );
  });

  it("picks each school's best relevant result, and drops a second card with the same figures", () => {
    const matches = rankMatches(ours, [
      candidate({ partnerPriorityId: "a", evidence: [reading(60, 63), reading(55, 64, "All pupils")] }),
      candidate({ partnerPriorityId: "b", evidence: [reading(55, 64, "All pupils")] }),
      candidate({ partnerPriorityId: "c", evidence: [reading(55, 64, "SEND")] }),
    ]);
    expect(matches.map((m) => [m.partnerPriorityId, m.best.studentGroup])).toEqual([
      ["a", "All pupils"],
      ["c", "SEND"],
    ]);
  });

  it("prefers the priority's own measure to a related one, whatever the size of the related gain", () => {
    const attendance = {
      phase: "primary",
      text: "Raise attendance",
      topics: topicsIn("Raise attendance"),
      measures: [],
    };
    const pa = (baseline: number, actual: number) => ({
      measure: "Persistent absence %",
      studentGroup: "Disadvantaged pupils",
      baseline,
      actual,
    });
    const att = (baseline: number, actual: number) => ({
      measure: "Attendance %",
      studentGroup: "Disadvantaged pupils",
      baseline,
      actual,
    });
    const matches = rankMatches(attendance, [
      candidate({ partnerPriorityId: "pa-only", evidence: [pa(28, 18)] }),
      candidate({ partnerPriorityId: "both", evidence: [att(88, 91), pa(25, 15)] }),
      candidate({ partnerPriorityId: "att", evidence: [att(90, 91.5)] }),
    ]);
    expect(matches.map((m) => [m.partnerPriorityId, m.best.measure, m.improvement])).toEqual([
      ["both", "Attendance %", 3],
      ["att", "Attendance %", 1.5],
      ["pa-only", "Persistent absence %", 10],
    ]);
  });

  it("with no recognised topic, matches the priority's own measures, or any result when it has none", () => {
    const reviews = {
      measure: "Subject reviews completed %",
      studentGroup: "Middle leaders",
      baseline: 20,
      actual: 45,
    };
    const leaders = [
      candidate({ partnerPriorityId: "reviews", evidence: [reviews] }),
      candidate({ partnerPriorityId: "r", evidence: [reading(60, 62)] }),
    ];
    const own = rankMatches(
      { phase: "primary", text: "Leadership", topics: [], measures: ["Subject reviews completed %"] },
      leaders,
    );
    expect(own.map((m) => m.partnerPriorityId)).toEqual(["reviews"]);
    const any = rankMatches({ phase: "primary", text: "Leadership", topics: [], measures: [] }, leaders);
    expect(any.map((m) => [m.partnerPriorityId, m.improvement])).toEqual([
      ["reviews", 25],
      ["r", 2],
    ]);
  });
});
